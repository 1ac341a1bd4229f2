import {closeSync, openSync, readSync} from 'node:fs';
import {StringDecoder} from 'node:string_decoder';
import {SCHEMA_VERSION} from './schema.js';

// briefing.json as its writer lays it out (db.ts, briefingText), parsed a line at a time. Parsing it
// whole holds its bytes, its text and its values at once: at 100,000 events 75 MB, 75 MB and 110 MB.
// A line at a time, only the values stay: an ingest into that briefing peaks at 240 MB rather than
// 480 MB. Each line is a whole record, and the lines between records are exactly the writer's, so
// the value built is the one JSON.parse gives for the whole text. A file laid out otherwise (an
// older schema, edited by hand, not JSON) gives null: the caller parses it whole, which migrates
// it or says where it goes wrong.

const LISTS = ['articles', 'actors', 'quotes', 'events'] as const;

type Lines = () => string | undefined;

// The records of a list, from its opening line to its closing one; undefined when a line is not
// the writer's. A record line ends with a comma when another record follows it.
function list(next: Lines, name: string): unknown[] | undefined {
	const opening = next();
	if (opening === `"${name}":[],`) return [];
	if (opening !== `"${name}":[`) return undefined;
	const items: unknown[] = [];
	for (let line = next(); line !== undefined; line = next()) {
		const last = !line.endsWith(',');
		items.push(JSON.parse(last ? line : line.slice(0, -1)));
		if (last) return next() === '],' ? items : undefined;
	}
	return undefined;
}

// The actors' sources, the last section: one `"actor id":[sources]` member a line. Entries are
// collected and made into an object at once, so that a member named __proto__ stays a member, as
// in JSON.parse.
function sources(next: Lines): Record<string, unknown> | undefined {
	const opening = next();
	if (opening === '"actorSources":{}}') return {};
	if (opening !== '"actorSources":{') return undefined;
	const entries: Array<[string, unknown]> = [];
	for (let line = next(); line !== undefined; line = next()) {
		const last = !line.endsWith(',');
		for (const entry of Object.entries(JSON.parse(`{${last ? line : line.slice(0, -1)}}`) as Record<string, unknown>)) entries.push(entry);
		if (last) return next() === '}}' ? Object.fromEntries(entries) : undefined;
	}
	return undefined;
}

// The sections in the writer's order, from the top line to the end of the text.
function sections(next: Lines): Record<string, unknown> | null {
	if (next() !== `{"schemaVersion":${SCHEMA_VERSION},`) return null;
	const summary = next();
	if (!summary?.startsWith('"summary":') || !summary.endsWith(',')) return null;
	const data: Record<string, unknown> = {schemaVersion: SCHEMA_VERSION, ...(JSON.parse(`{${summary.slice(0, -1)}}`) as object)};
	for (const name of LISTS) {
		const items = list(next, name);
		if (!items) return null;
		data[name] = items;
	}
	data['actorSources'] = sources(next);
	// The text ends with a newline, after which there is nothing.
	return data['actorSources'] !== undefined && next() === '' && next() === undefined ? data : null;
}

// Parsed briefing.json from its lines, or null when they are not laid out as the writer of this
// schema lays them out (or one is not JSON).
export function parseRecordLines(lines: Iterable<string>): Record<string, unknown> | null {
	const iterator = lines[Symbol.iterator]();
	const next: Lines = () => {
		const result = iterator.next();
		return result.done ? undefined : result.value;
	};
	try {
		return sections(next);
	} catch (error) {
		if (error instanceof SyntaxError) return null; // a line that is not JSON
		throw error;
	} finally {
		iterator.return?.(); // closes a file whose lines were not all read
	}
}

// Small enough that neither a block nor the text decoded from it is a large object for V8, which
// keeps those in the old generation until a full collection.
const BLOCK = 64 * 1024;

// The lines of a text file (split at "\n", the last one what follows the final newline), read a
// block at a time. A line may span blocks, and a character the end of a block cuts in two. The
// blocks of a long line are joined once it ends, so that a file of one line is not copied over and
// over.
export function* fileLines(file: string): Generator<string> {
	const fd = openSync(file, 'r');
	try {
		const block = Buffer.alloc(BLOCK);
		const decoder = new StringDecoder('utf8');
		let rest: string[] = [];
		for (let read = readSync(fd, block); read > 0; read = readSync(fd, block)) {
			const text = decoder.write(block.subarray(0, read));
			const lines = text.split('\n');
			if (lines.length === 1) {
				rest.push(text);
				continue;
			}
			lines[0] = rest.join('') + lines[0];
			rest = [lines.pop()!];
			yield* lines;
		}
		yield rest.join('') + decoder.end();
	} finally {
		closeSync(fd);
	}
}
