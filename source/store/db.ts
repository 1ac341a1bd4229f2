import {makeBriefingDir} from './dir.js';
import {join} from 'node:path';
import {Low} from 'lowdb';
import {backupFile} from './backup.js';
import {removeUnusedBodies, writeBodies} from './bodies.js';
import {DurableDataFile, durableLow, removeTempFiles} from './durable.js';
import {StoreError, describeFsError, errorCode} from './errors.js';
import {describeJsonError} from './jsontext.js';
import {withLock} from './lock.js';
import {fileLines, parseRecordLines} from './records.js';
import {SCHEMA_VERSION, type BriefingData, type FullBriefing} from './schema.js';
import {type BriefingCheck, checkBriefingData, checkFullBriefing} from './validate.js';

export const BRIEFING_FILE = 'briefing.json';

export const briefingFile = (dir: string) => join(dir, BRIEFING_FILE);

export function emptyBriefing(): FullBriefing {
	return {schemaVersion: SCHEMA_VERSION, articles: [], actors: [], events: [], quotes: []};
}

// One record per line, in a fixed order, with a final newline: the same data always gives the same
// bytes, so an unchanged briefing can be recognised, and a diff shows the records that changed.
// Without indentation a briefing of 100,000 events is about a third smaller and parses faster.
// Article texts go to their own files (bodies.ts); only the embedded sample keeps them inline. The
// actors' sources come last, in a section by actor id, which readers other than ingest and doctor
// cut off before parsing (a third of the file at 100,000 events). A summary comes first: the
// number of events and each actor's, which with everything up to the first screen of events is
// all the dashboard needs to draw its first frame (start.ts); so events come after the quotes.
export function serializeBriefing(data: FullBriefing, options: {withBodies?: boolean} = {}): string {
	return [...briefingText(data, options)].join('');
}

const SOURCES_SECTION = ',\n"actorSources":';

function listStart(name: string): string {
	return `,\n"${name}":[`;
}

// What begins the events section, which start.ts finds to read the start of a briefing on its own.
// A raw newline only occurs between records, never inside a JSON string, so the mark is never data.
export const EVENTS_MARK = listStart('events');

export type Summary = {events: number; actorEvents: Record<string, number>};

export function summaryOf(data: Pick<BriefingData, 'actors' | 'events'>): Summary {
	const counts = new Map<string, number>();
	for (const event of data.events) {
		event.actors.forEach((id, i) => {
			if (event.actors.indexOf(id) === i) counts.set(id, (counts.get(id) ?? 0) + 1);
		});
	}
	return {events: data.events.length, actorEvents: Object.fromEntries(data.actors.map((actor) => [actor.id, counts.get(actor.id) ?? 0]))};
}

// The same text in pieces of a few thousand characters, for writing: each is collected young, and
// neither the text nor a section of it is ever whole in memory.
function* briefingText(data: FullBriefing, {withBodies = false} = {}): Generator<string> {
	const articles = withBodies ? data.articles : data.articles.map(({body, ...article}) => article);
	const actors = data.actors.map(({sources, ...actor}) => actor);
	yield `{"schemaVersion":${data.schemaVersion},\n"summary":${JSON.stringify(summaryOf(data))}`;
	for (const [name, items] of [
		['articles', articles],
		['actors', actors],
		['quotes', data.quotes],
		['events', data.events],
	] as const) {
		yield `${listStart(name)}${items.length ? '\n' : ''}`;
		yield* records<object>(items, (item) => JSON.stringify(item));
		yield items.length ? '\n]' : ']';
	}
	yield `${SOURCES_SECTION}${data.actors.length ? '{\n' : '{'}`;
	yield* records(data.actors, (actor) => `${JSON.stringify(actor.id)}:${JSON.stringify(actor.sources)}`);
	yield `${data.actors.length ? '\n}' : '}'}}\n`;
}

// Records one a line (joined by ",\n"), in pieces of about PIECE characters.
function* records<T>(items: readonly T[], record: (item: T) => string): Generator<string> {
	let piece = '';
	for (let index = 0; index < items.length; index++) {
		piece += `${index ? ',\n' : ''}${record(items[index]!)}`;
		if (piece.length >= PIECE) {
			yield piece;
			piece = '';
		}
	}
	if (piece) yield piece;
}

// Under V8's large-object size (128 KB) even in two-byte characters, so that a piece is collected
// with the young generation rather than left in the old one until a full collection.
const PIECE = 32 * 1024;

// Writes what `data` needs: the texts its articles carry to articles/, then briefing.json through
// lowdb, then removes the texts it no longer points at. Under the lock.
async function writeBriefing(db: Low<ParsedBriefing<FullBriefing> | null>, dir: string, data: FullBriefing): Promise<void> {
	await writeBodies(dir, data.articles);
	db.data = {data, from: SCHEMA_VERSION};
	await db.write();
	await removeUnusedBodies(dir, data.articles);
}

export async function writeBriefingAt(dir: string, data: FullBriefing): Promise<void> {
	await writeBriefing(open(dir), dir, data);
}

// What ends the message about a briefing.json that cannot be used.
const LEFT_AS_IT_IS = 'it was left as it is (briefing doctor explains)';

export type ParsedBriefing<T = BriefingData> = {
	data: T;
	from: number; // the file's schema version; below SCHEMA_VERSION it was migrated in memory
};

// briefing.json's text without the actors' sources: the object closed where their section begins,
// so that the section (a third of the file at 100,000 events) is neither decoded nor parsed. A raw
// newline only occurs between records, never inside a JSON string, so the mark is never data.
const SOURCES_MARK = Buffer.from(SOURCES_SECTION);

// `bytes` is the caller's own read, and changed: one byte becomes the closing brace.
function textWithoutSources(bytes: Buffer): string {
	const cut = bytes.lastIndexOf(SOURCES_MARK);
	if (cut < 0) return bytes.toString('utf8');
	bytes[cut] = '}'.charCodeAt(0);
	return bytes.toString('utf8', 0, cut + 1);
}

// Parses briefing.json text, migrating an older layout in memory. Throws a StoreError naming the
// file and what is wrong with it: for text that is not JSON, where it stops being JSON.
function parseWith<T>(text: string, file: string, check: (parsed: unknown) => BriefingCheck<T>): ParsedBriefing<T> {
	let parsed: unknown;
	try {
		parsed = JSON.parse(text);
	} catch (error) {
		throw new StoreError(`${file}: is not valid JSON: ${describeJsonError(text, (error as Error).message)}; ${LEFT_AS_IT_IS}`);
	}
	return checkWith(parsed, file, check);
}

function checkWith<T>(parsed: unknown, file: string, check: (parsed: unknown) => BriefingCheck<T>): ParsedBriefing<T> {
	const checked = check(parsed);
	if (checked.problem !== null) throw new StoreError(`${file}: ${checked.problem}${checked.newer ? '' : `; ${LEFT_AS_IT_IS}`}`);
	return {data: checked.data, from: checked.from};
}

// The briefing a line at a time (records.ts), or null when it is not laid out as this schema's
// writer lays it out, or there is none: then it is read whole.
function readByLines(file: string): ParsedBriefing<FullBriefing> | null {
	let parsed: Record<string, unknown> | null;
	try {
		parsed = parseRecordLines(fileLines(file));
	} catch (error) {
		if (errorCode(error) === 'ENOENT') return null;
		throw error;
	}
	return parsed && checkWith(parsed, file, checkFullBriefing);
}

export const parseFullBriefing = (text: string, file: string): FullBriefing => parseWith(text, file, checkFullBriefing).data;

// briefing.json's bytes as readers read it, without the actors' sources.
export const parseBriefingBytes = (bytes: Buffer, file: string): BriefingData =>
	parseWith(textWithoutSources(bytes), file, checkBriefingData).data;

// lowdb with validation on read and deterministic formatting on write, through the same durable
// writer as notes.json (flushed temporary file, rename, flushed directory), so neither a reader nor
// a crash ever sees half a briefing. Readers open it without the actors' sources; only writers
// need them, and read it a line at a time when they can (records.ts).
function open(dir: string): Low<ParsedBriefing<FullBriefing> | null> {
	const file = briefingFile(dir);
	const whole = new DurableDataFile<ParsedBriefing<FullBriefing>>(file, {
		parse: (text) => parseWith(text, file, checkFullBriefing),
		stringify: (parsed) => briefingText(parsed.data),
	});
	return new Low<ParsedBriefing<FullBriefing> | null>(
		{read: async () => readByLines(file) ?? whole.read(), write: (parsed) => whole.write(parsed!)},
		null,
	);
}

function openForReading(dir: string): Low<ParsedBriefing | null> {
	const file = briefingFile(dir);
	return durableLow(
		file,
		(text) => parseWith(text, file, checkBriefingData),
		() => {
			throw new Error('briefing.json opened for reading is not written');
		},
		textWithoutSources,
	);
}

async function read<T>(db: Low<ParsedBriefing<T> | null>, dir: string): Promise<void> {
	try {
		await db.read();
	} catch (error) {
		if (error instanceof StoreError) throw error;
		throw new StoreError(`${briefingFile(dir)}: ${describeFsError(error)}`);
	}
}

// The stored briefing, or null when the directory has none yet.
export async function readBriefing(dir: string): Promise<BriefingData | null> {
	const db = openForReading(dir);
	await read(db, dir);
	return db.data?.data ?? null;
}

// The same with the actors' sources, for what needs them (`actors --json` lists each actor's articles).
export async function readFullBriefing(dir: string): Promise<FullBriefing | null> {
	const db = open(dir);
	await read(db, dir);
	return db.data?.data ?? null;
}

export type UpdateOptions = {
	// Called with the backup's path when the file was of an older layout: it is copied there
	// before the migrated briefing is written over it.
	onBackup?: (backup: string, from: number) => void;
};

// Reads the briefing under the lock, applies `change` (which must not mutate its argument, and
// returns it as it is when there is nothing to change) and writes the result when it is new, so
// re-ingesting unchanged articles leaves the file untouched. Returns whether it wrote.
export async function updateBriefing(
	dir: string,
	change: (data: FullBriefing) => FullBriefing,
	options: UpdateOptions = {},
): Promise<boolean> {
	makeBriefingDir(dir);
	return withLock(dir, async () => {
		// A writer killed mid-write leaves its temporary file; under the lock none is in use.
		await removeTempFiles(briefingFile(dir));
		const db = open(dir);
		await read(db, dir);
		const before = db.data?.data ?? emptyBriefing();
		const after = change(before);
		// merge.ts returns the briefing it was given when an article is unchanged.
		if (after === before) return false;
		const from = db.data?.from ?? SCHEMA_VERSION;
		try {
			if (from < SCHEMA_VERSION) {
				const backup = await backupFile(briefingFile(dir));
				options.onBackup?.(backup, from);
			}
			await writeBriefing(db, dir, after);
		} catch (error) {
			if (error instanceof StoreError) throw error;
			throw new StoreError(`${briefingFile(dir)}: ${describeFsError(error)}`);
		}
		return true;
	});
}
