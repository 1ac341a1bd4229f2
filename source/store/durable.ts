import {randomBytes} from 'node:crypto';
import {readFileSync} from 'node:fs';
import {type FileHandle, lstat, open, readdir, readlink, realpath, rename, stat, unlink} from 'node:fs/promises';
import {basename, dirname, join, resolve} from 'node:path';
import {Low, type Adapter} from 'lowdb';
import {ReadOnlyFileError, errorCode} from './errors.js';

// The temporary files of `file` are `.<name>.<random>.tmp` next to it.
const tempPrefix = (file: string) => `.${basename(file)}.`;

// Replaces `file` with `text` so that a crash, a kill -9 or a power cut at any moment leaves
// either the old file or the new one, never a torn one: the text goes to a temporary file in the
// same directory, which is flushed to the disk before it is renamed over the file, and the
// directory is flushed after, so that the rename itself survives a power cut. (steno, under
// lowdb's TextFile, renames without flushing either.) A caller writing many files into one
// directory passes syncDir false and flushes the directory once. `text` may come in pieces, so that
// a large file is never one string (nor one buffer) in memory.
//
// Notes and briefings are private: a new file is readable by its owner only, whatever the umask;
// an existing one keeps its permissions. A symbolic link is followed (a user may keep notes.json in
// a synced folder), so the link stays and its target is replaced. A file without write permission
// is refused, since the rename would otherwise replace it even so.
export async function writeFileDurably(target: string, text: string | Iterable<string>, {syncDir = true} = {}): Promise<void> {
	const file = await followLink(target);
	const dir = dirname(file);
	const temp = join(dir, `${tempPrefix(file)}${randomBytes(6).toString('hex')}.tmp`);
	let mode = PRIVATE_FILE;
	try {
		mode = (await stat(file)).mode & 0o7777;
	} catch (error) {
		if (errorCode(error) !== 'ENOENT') throw error;
	}
	if ((mode & 0o200) === 0) throw new ReadOnlyFileError(`${file} is read-only`);
	try {
		const handle = await open(temp, 'wx', mode);
		try {
			// Each writeFile on an open handle continues where the last one ended.
			if (typeof text === 'string') await handle.writeFile(text, 'utf8');
			else await writePieces(handle, text);
			await handle.sync();
		} finally {
			await handle.close();
		}
		await rename(temp, file);
	} catch (error) {
		await unlink(temp).catch(() => undefined);
		throw error;
	}
	if (syncDir) await syncDirectory(dir);
}

export const PRIVATE_FILE = 0o600;
export const PRIVATE_DIR = 0o700;

async function followLink(file: string): Promise<string> {
	try {
		if (!(await lstat(file)).isSymbolicLink()) return file;
	} catch (error) {
		if (errorCode(error) === 'ENOENT') return file;
		throw error;
	}
	try {
		return await realpath(file);
	} catch (error) {
		// A dangling link: its target is written, and so created.
		if (errorCode(error) !== 'ENOENT') throw error;
		return resolve(dirname(file), await readlink(file));
	}
}

// Pieces are gathered into one buffer, written when full: one write a megabyte rather than one a
// piece (a briefing comes in pieces of a few kilobytes), and no buffer is made for each piece.
async function writePieces(handle: FileHandle, pieces: Iterable<string>): Promise<void> {
	const buffer = Buffer.allocUnsafe(WRITE_BUFFER);
	let used = 0;
	for (const piece of pieces) {
		const length = Buffer.byteLength(piece);
		if (used + length > buffer.length && used > 0) {
			await handle.writeFile(buffer.subarray(0, used));
			used = 0;
		}
		if (length > buffer.length) await handle.writeFile(piece, 'utf8');
		else used += buffer.write(piece, used);
	}
	if (used > 0) await handle.writeFile(buffer.subarray(0, used));
}

const WRITE_BUFFER = 1024 * 1024;

export async function syncDirectory(dir: string): Promise<void> {
	let handle;
	try {
		handle = await open(dir, 'r');
		await handle.sync();
	} catch (error) {
		// Windows cannot open or flush a directory; its rename is durable on its own.
		if (process.platform !== 'win32') throw error;
	} finally {
		await handle?.close();
	}
}

// Removes temporary files that a killed writer left next to `file`. Only safe while holding the
// lock that every writer of `file` holds, so that none of them is still being written.
export async function removeTempFiles(file: string): Promise<void> {
	const dir = dirname(file);
	const prefix = tempPrefix(file);
	let names: string[];
	try {
		names = await readdir(dir);
	} catch {
		return;
	}
	const temps = names.filter((name) => name.startsWith(prefix) && name.endsWith('.tmp'));
	await Promise.all(temps.map((name) => unlink(join(dir, name)).catch(() => undefined)));
}

// A lowdb adapter for a text file written with writeFileDurably. Reading a missing file gives null.
// `decode` turns the file's bytes into the text to parse (by default all of it, as UTF-8).
export class DurableTextFile implements Adapter<string> {
	constructor(
		readonly file: string,
		private readonly decode: (bytes: Buffer) => string = (bytes) => bytes.toString('utf8'),
	) {}

	// Read synchronously: for an 83 MB briefing.json, the asynchronous readFile peaks about 85 MB
	// higher (measured with /usr/bin/time), and every caller waits for the text anyway.
	async read(): Promise<string | null> {
		try {
			return this.decode(readFileSync(this.file));
		} catch (error) {
			if (errorCode(error) === 'ENOENT') return null;
			throw error;
		}
	}

	write(text: string | Iterable<string>): Promise<void> {
		return writeFileDurably(this.file, text);
	}
}

// lowdb's DataFile over a DurableTextFile: parse and stringify around the text (parse may throw
// to refuse a file).
export class DurableDataFile<T> implements Adapter<T> {
	readonly #text: DurableTextFile;
	readonly #parse: (text: string) => T;
	readonly #stringify: (data: T) => string | Iterable<string>;

	constructor(
		file: string,
		options: {parse: (text: string) => T; stringify: (data: T) => string | Iterable<string>; decode?: (bytes: Buffer) => string},
	) {
		this.#text = new DurableTextFile(file, options.decode);
		this.#parse = options.parse;
		this.#stringify = options.stringify;
	}

	async read(): Promise<T | null> {
		const text = await this.#text.read();
		return text === null ? null : this.#parse(text);
	}

	write(data: T): Promise<void> {
		return this.#text.write(this.#stringify(data));
	}
}

// lowdb's Low over a DurableDataFile; null data stands for "no file yet" (Low never writes null, so
// stringify always gets data).
export function durableLow<T>(
	file: string,
	parse: (text: string) => T,
	stringify: (data: T) => string | Iterable<string>,
	decode?: (bytes: Buffer) => string,
): Low<T | null> {
	return new Low(new DurableDataFile<T | null>(file, {parse, stringify: (data) => stringify(data!), ...(decode ? {decode} : {})}), null);
}
