import {mkdirSync} from 'node:fs';
import {join} from 'node:path';
import {Low} from 'lowdb';
import {DurableDataFile, removeTempFiles} from './durable.js';
import {StoreError, describeFsError} from './errors.js';
import {withLock} from './lock.js';
import {SCHEMA_VERSION, type BriefingData} from './schema.js';
import {briefingProblem} from './validate.js';

export const BRIEFING_FILE = 'briefing.json';

export const briefingFile = (dir: string) => join(dir, BRIEFING_FILE);

export function emptyBriefing(): BriefingData {
	return {schemaVersion: SCHEMA_VERSION, articles: [], actors: [], events: [], quotes: []};
}

// Fixed indentation and a final newline: the same data always gives the same bytes, so an
// unchanged briefing can be recognised and diffs stay readable.
export function serializeBriefing(data: BriefingData): string {
	return `${JSON.stringify(data, null, 2)}\n`;
}

export function parseBriefing(text: string, file: string): BriefingData {
	let data: unknown;
	try {
		data = JSON.parse(text);
	} catch (error) {
		throw new StoreError(`${file}: is not valid JSON (${(error as Error).message}); it was left as it is`);
	}
	const problem = briefingProblem(data);
	if (problem) throw new StoreError(`${file}: ${problem}; it was left as it is`);
	return data as BriefingData;
}

// lowdb with validation on read and deterministic formatting on write, through the same durable
// writer as notes.json (flushed temporary file, rename, flushed directory), so neither a reader nor
// a crash ever sees half a briefing.
function open(dir: string): Low<BriefingData | null> {
	const file = briefingFile(dir);
	// null stands for "no file yet"; Low never writes null data, so stringify always gets a briefing.
	const adapter = new DurableDataFile<BriefingData | null>(file, {
		parse: (text) => parseBriefing(text, file),
		stringify: (data) => serializeBriefing(data!),
	});
	return new Low(adapter, null);
}

async function read(db: Low<BriefingData | null>, dir: string): Promise<void> {
	try {
		await db.read();
	} catch (error) {
		if (error instanceof StoreError) throw error;
		throw new StoreError(`${briefingFile(dir)}: ${describeFsError(error)}`);
	}
}

// The stored briefing, or null when the directory has none yet.
export async function readBriefing(dir: string): Promise<BriefingData | null> {
	const db = open(dir);
	await read(db, dir);
	return db.data;
}

// Reads the briefing under the lock, applies `change` (which must not mutate its argument) and
// writes the result only when it differs, so re-ingesting unchanged articles leaves the file
// untouched. Returns whether it wrote.
export async function updateBriefing(dir: string, change: (data: BriefingData) => BriefingData): Promise<boolean> {
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
		const before = db.data ?? emptyBriefing();
		const after = change(before);
		if (serializeBriefing(after) === serializeBriefing(before)) return false;
		db.data = after;
		try {
			await db.write();
		} catch (error) {
			throw new StoreError(`${briefingFile(dir)}: ${describeFsError(error)}`);
		}
		return true;
	});
}
