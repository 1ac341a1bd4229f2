import {constants} from 'node:fs';
import {chmod, copyFile, open, readdir, stat} from 'node:fs/promises';
import {basename, dirname, join} from 'node:path';
import {PRIVATE_FILE, syncDirectory} from './durable.js';
import {errorCode} from './errors.js';

// Before briefing changes a file it did not write itself (an older layout, a damaged file), it
// keeps the file as it was next to it: `<file>.bak-<UTC time>`, e.g.
// notes.json.bak-2024-11-01T10-30-00.123Z. Backups are never overwritten nor removed by briefing.

const stamp = (now: Date) => now.toISOString().replace(/:/g, '-');

export const backupPrefix = (file: string) => `${basename(file)}.bak-`;

// Copies `file` byte for byte to a new backup, flushed to the disk with its directory, and
// returns the backup's path. Two backups in the same millisecond get -2, -3, … after the time.
export async function backupFile(file: string, now = new Date()): Promise<string> {
	const base = `${file}.bak-${stamp(now)}`;
	for (let n = 1; ; n++) {
		const backup = n === 1 ? base : `${base}-${n}`;
		try {
			await copyFile(file, backup, constants.COPYFILE_EXCL);
		} catch (error) {
			if (errorCode(error) === 'EEXIST') continue;
			throw error;
		}
		// copyFile copies the permissions too; a backup is private whatever the file was.
		await chmod(backup, PRIVATE_FILE);
		const handle = await open(backup, 'r');
		try {
			await handle.sync();
		} finally {
			await handle.close();
		}
		await syncDirectory(dirname(file));
		return backup;
	}
}

export type Backup = {path: string; modified: Date};

// The backups of `file`, newest first.
export async function listBackups(file: string): Promise<Backup[]> {
	const dir = dirname(file);
	const prefix = backupPrefix(file);
	let names: string[];
	try {
		names = await readdir(dir);
	} catch {
		return [];
	}
	const backups: Backup[] = [];
	for (const name of names.filter((n) => n.startsWith(prefix))) {
		try {
			const stats = await stat(join(dir, name));
			if (stats.isFile()) backups.push({path: join(dir, name), modified: stats.mtime});
		} catch {
			// Removed meanwhile.
		}
	}
	return backups.sort((a, b) => b.modified.getTime() - a.modified.getTime() || b.path.localeCompare(a.path));
}
