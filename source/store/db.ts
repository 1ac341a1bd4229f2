import {mkdirSync} from 'node:fs';
import {join} from 'node:path';
import type {Low} from 'lowdb';
import {backupFile} from './backup.js';
import {removeUnusedBodies, writeBodies} from './bodies.js';
import {durableLow, removeTempFiles} from './durable.js';
import {StoreError, describeFsError} from './errors.js';
import {describeJsonError} from './jsontext.js';
import {withLock} from './lock.js';
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

// The lines that begin the sections start.ts reads on their own. A raw newline only occurs between
// records, never inside a JSON string, so a mark is never data.
export const SECTION_MARKS = {events: ',\n"events":[', sources: SOURCES_SECTION} as const;

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

// The same text in pieces of a few thousand records, for writing.
function* briefingText(data: FullBriefing, {withBodies = false} = {}): Generator<string> {
	const articles = withBodies ? data.articles : data.articles.map(({body, ...article}) => article);
	const actors = data.actors.map(({sources, ...actor}) => actor);
	const sources = data.actors.map((actor) => `${JSON.stringify(actor.id)}:${JSON.stringify(actor.sources)}`);
	yield `{"schemaVersion":${data.schemaVersion},\n"summary":${JSON.stringify(summaryOf(data))}`;
	for (const [name, items] of [['articles', articles], ['actors', actors], ['quotes', data.quotes], ['events', data.events]] as const) {
		yield `,\n"${name}":${items.length ? '[\n' : '['}`;
		for (let start = 0; start < items.length; start += PIECE) {
			yield `${start ? ',\n' : ''}${items.slice(start, start + PIECE).map((item) => JSON.stringify(item)).join(',\n')}`;
		}
		yield items.length ? '\n]' : ']';
	}
	yield `${SOURCES_SECTION}${sources.length ? `{\n${sources.join(',\n')}\n}` : '{}'}}\n`;
}

const PIECE = 2000;

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
	const checked = check(parsed);
	if (checked.problem !== null) throw new StoreError(`${file}: ${checked.problem}${checked.newer ? '' : `; ${LEFT_AS_IT_IS}`}`);
	return {data: checked.data, from: checked.from};
}

export const parseFullBriefing = (text: string, file: string): FullBriefing => parseWith(text, file, checkFullBriefing).data;

// briefing.json's bytes as readers read it, without the actors' sources.
export const parseBriefingBytes = (bytes: Buffer, file: string): BriefingData => parseWith(textWithoutSources(bytes), file, checkBriefingData).data;

// lowdb with validation on read and deterministic formatting on write, through the same durable
// writer as notes.json (flushed temporary file, rename, flushed directory), so neither a reader nor
// a crash ever sees half a briefing. Readers open it without the actors' sources; only writers
// need them.
function open(dir: string): Low<ParsedBriefing<FullBriefing> | null> {
	const file = briefingFile(dir);
	return durableLow(file, (text) => parseWith(text, file, checkFullBriefing), (parsed) => briefingText(parsed.data));
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
export async function updateBriefing(dir: string, change: (data: FullBriefing) => FullBriefing, options: UpdateOptions = {}): Promise<boolean> {
	try {
		mkdirSync(dir, {recursive: true});
	} catch (error) {
		throw new StoreError(`${dir}: ${describeFsError(error)}`);
	}
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
			throw new StoreError(`${briefingFile(dir)}: ${describeFsError(error)}`);
		}
		return true;
	});
}
