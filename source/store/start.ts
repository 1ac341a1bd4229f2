import {closeSync, fstatSync, openSync, readSync} from 'node:fs';
import {SECTION_MARKS, type Summary, briefingFile, parseBriefingBytes, summaryOf} from './db.js';
import {StoreError, describeFsError} from './errors.js';
import {SCHEMA_VERSION, type BriefingData, type StoredEvent} from './schema.js';
import {briefingProblem} from './validate.js';

// The dashboard's reader: what its first frame needs, then the rest. Parsing the 100,000 events of
// a large briefing takes most of a second; the first frame needs the articles, actors and quotes,
// the summary's counts, and a screen of events. briefing.json keeps one record per line with its
// sections in a fixed order, the events last but for the actors' sources (db.ts), so all that is
// the first few megabytes of the file. The other events are read and parsed by `rest`, which the
// dashboard calls once the first frame is on the screen, from the same open file: an ingest that
// replaces briefing.json meanwhile (by a rename) does not mix two versions.

export type BriefingStart = {
	data: BriefingData; // with the first events only, until `rest` gives them all
	summary: Summary;
	rest: (() => BriefingData) | null; // null when `data` already has every event
};

const EVENTS = Buffer.from(SECTION_MARKS.events);
const SOURCES = Buffer.from(SECTION_MARKS.sources);
const NEWLINE = 0x0a;

const LEFT_AS_IT_IS = 'it was left as it is (briefing doctor explains)';

const isSummary = (value: unknown): value is Summary =>
	typeof value === 'object' && value !== null && typeof (value as Summary).events === 'number' && typeof (value as Summary).actorEvents === 'object' && (value as Summary).actorEvents !== null;

// The bytes of an open file from `position` on, `length` of them at most.
function readAt(fd: number, position: number, length: number): Buffer {
	const buffer = Buffer.allocUnsafe(length);
	let read = 0;
	while (read < length) {
		const n = readSync(fd, buffer, read, length - read, position + read);
		if (n === 0) break;
		read += n;
	}
	return buffer.subarray(0, read);
}

// The text from `unparsed` (read up to `position`) to the sources section, read a few megabytes at
// a time into one buffer as large as the rest of the file, so that the sources (a third of it) are
// neither read nor, since a page of an unwritten buffer takes no memory, held; then decoded at once.
function eventsUpToSources(fd: number, size: number, unparsed: Buffer, position: number, chunk: number): string {
	const buffer = Buffer.allocUnsafe(unparsed.length + size - position);
	let length = unparsed.copy(buffer, 0);
	let end = unparsed.indexOf(SOURCES);
	for (let at = position; end < 0; ) {
		const n = at < size ? readSync(fd, buffer, length, Math.min(chunk, size - at), at) : 0;
		if (n === 0) throw new Error('no sources section');
		// From the bytes that could begin the mark at the end of what was read, to find it across reads.
		const from = Math.max(0, length - (SOURCES.length - 1));
		length += n;
		at += n;
		end = buffer.subarray(0, length).indexOf(SOURCES, from);
	}
	return buffer.toString('utf8', 0, end);
}

// The whole briefing at once, its summary counted: a layout without the marks (an older schema,
// a file edited by hand), or a start that does not parse, whose error parseBriefingBytes words.
function whole(bytes: Buffer, file: string): BriefingStart {
	const data = parseBriefingBytes(bytes, file);
	return {data, summary: summaryOf(data), rest: null};
}

// Null when the directory has no briefing yet. `first`: how many events to parse at once; `chunk`:
// how many bytes to read at a time.
export function readBriefingStart(dir: string, first: number, chunk = 4 << 20): BriefingStart | null {
	const file = briefingFile(dir);
	let fd: number;
	try {
		fd = openSync(file, 'r');
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
		throw new StoreError(`${file}: ${describeFsError(error)}`);
	}
	let open = true;
	const close = () => {
		if (open) closeSync(fd);
		open = false;
	};
	try {
		const size = fstatSync(fd).size;
		const start = readStart(fd, size, file, first, chunk);
		if (!start.rest) close();
		return start.rest ? {...start, rest: () => {
			try {
				return start.rest!();
			} finally {
				close();
			}
		}} : start;
	} catch (error) {
		close();
		if (error instanceof StoreError) throw error;
		throw new StoreError(`${file}: ${describeFsError(error)}`);
	}
}

// The head (schema version, summary, articles, actors, quotes) and the first events; null when
// they do not parse or are not a current briefing with its summary.
function parseStart(bytes: Buffer, events: number, from: number, cut: number): {data: BriefingData; summary: Summary} | null {
	try {
		const head = JSON.parse(`${bytes.toString('utf8', 0, events)}}`) as Record<string, unknown>;
		const lines = cut > from ? bytes.toString('utf8', from, cut) : '';
		const firstEvents = JSON.parse(`[${lines.replace(/,?\n$/, '')}]`) as StoredEvent[];
		const data = {schemaVersion: head['schemaVersion'], articles: head['articles'], actors: head['actors'], events: firstEvents, quotes: head['quotes']} as BriefingData;
		const summary = head['summary'];
		if (data.schemaVersion !== SCHEMA_VERSION || !isSummary(summary) || briefingProblem(data) !== null) return null;
		return {data, summary};
	} catch {
		return null;
	}
}

function readStart(fd: number, size: number, file: string, first: number, chunk: number): BriefingStart {
	// Up to the events and `first` lines of them, in reads that double.
	let bytes = readAt(fd, 0, Math.min(size, chunk));
	const more = () => {
		bytes = Buffer.concat([bytes, readAt(fd, bytes.length, Math.min(size - bytes.length, Math.max(chunk, bytes.length)))]);
	};
	let events = bytes.indexOf(EVENTS);
	while (events < 0 && bytes.length < size) {
		const searched = Math.max(0, bytes.length - EVENTS.length);
		more();
		events = bytes.indexOf(EVENTS, searched);
	}
	if (events < 0) return whole(bytes, file);
	// The events section: "[]", or "[\n" then one record a line, each but the last ending in ",",
	// then "\n]", then the sources. `from` is where the first record starts; `cut` where the first
	// `first` of them end.
	const from = events + EVENTS.length + 1;
	let cut = from;
	for (let n = 0; n < first; n++) {
		let newline = bytes.indexOf(NEWLINE, cut);
		while (newline < 0 && bytes.length < size) {
			more();
			newline = bytes.indexOf(NEWLINE, cut);
		}
		if (newline < 0) break;
		cut = newline + 1;
		if (bytes[cut] === 0x5d) break; // "]": that was the last record
	}
	const atEnd = bytes[from - 1] === 0x5d || bytes[cut] === 0x5d; // "[]", or the last record read
	const parsed = parseStart(bytes, events, from, cut);
	if (!parsed) return whole(Buffer.concat([bytes, readAt(fd, bytes.length, size - bytes.length)]), file);
	const {data, summary} = parsed;
	if (atEnd) return {data, summary, rest: null};
	const readSoFar = bytes.length;
	// From the newline before the other records: a copy, so that the start of the file is not kept,
	// whose newline becomes "[" so that the other records up to the section's "]" are a JSON array
	// as they are, parsed without joining strings of tens of megabytes.
	const unparsed = Buffer.from(bytes.subarray(cut - 1));
	unparsed[0] = 0x5b;
	const count = data.events.length;
	return {
		data,
		summary,
		rest: () => {
			let others: StoredEvent[];
			try {
				others = JSON.parse(eventsUpToSources(fd, size, unparsed, readSoFar, chunk)) as StoredEvent[];
			} catch {
				throw new StoreError(`${file}: is not valid JSON after its first ${count} events; ${LEFT_AS_IT_IS}`);
			}
			const all = {...data, events: [...data.events, ...others]};
			const problem = briefingProblem(all);
			if (problem) throw new StoreError(`${file}: ${problem}; ${LEFT_AS_IT_IS}`);
			return all;
		},
	};
}
