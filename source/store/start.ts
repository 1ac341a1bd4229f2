import {closeSync, fstatSync, openSync, readSync} from 'node:fs';
import {EVENTS_MARK, type Summary, briefingFile, parseBriefingBytes, summaryOf} from './db.js';
import {StoreError, describeFsError, errorCode} from './errors.js';
import {describeJsonError} from './jsontext.js';
import {SCHEMA_VERSION, type BriefingData, type StoredEvent} from './schema.js';
import {briefingProblem, listProblem} from './validate.js';
import {type Stamp, stampOf} from './watch.js';

// The dashboard's reader: what its first frame needs, then the rest. Parsing the 100,000 events of
// a large briefing takes a third of a second; the first frame needs the articles, actors and
// quotes, the summary's counts, and a screen of events. briefing.json keeps one record per line
// with its sections in a fixed order, the events last but for the actors' sources (db.ts), so all
// that is the first few megabytes of the file. The other events are read by `rest`, a slice at a
// time, so that no text of tens of megabytes is held to parse them; from the same open file, so
// that an ingest that replaces briefing.json meanwhile (by a rename) does not mix two versions.

export type BriefingStart = {
	data: BriefingData; // with the first events only, until `rest` has read them all
	summary: Summary;
	rest: EventReader | null; // null when `data` already has every event
	stamp: Stamp; // the version of the file read (watch.ts)
};

type Read = Omit<BriefingStart, 'stamp'>;

export type EventReader = {
	// The next events in the file, `count` at most (none when none are ready yet: this reader always
	// has some); null once every event has been read, and the file closed. Throws a StoreError
	// naming the file when they cannot be read.
	next: (count: number) => StoredEvent[] | null;
	close: () => void; // for a reader left before its end
};

const EVENTS = Buffer.from(EVENTS_MARK);
const NEWLINE = 0x0a;
const CLOSE = 0x5d; // "]", the line that closes the events section

const LEFT_AS_IT_IS = 'it was left as it is (briefing doctor explains)';

const isSummary = (value: unknown): value is Summary =>
	typeof value === 'object' &&
	value !== null &&
	typeof (value as Summary).events === 'number' &&
	typeof (value as Summary).actorEvents === 'object' &&
	(value as Summary).actorEvents !== null;

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

// The whole briefing at once, its summary counted: a layout without the marks (an older schema,
// a file edited by hand), or a start that does not parse, whose error parseBriefingBytes words.
function whole(bytes: Buffer, file: string): Read {
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
		if (errorCode(error) === 'ENOENT') return null;
		throw new StoreError(`${file}: ${describeFsError(error)}`);
	}
	let open = true;
	const close = () => {
		if (open) closeSync(fd);
		open = false;
	};
	try {
		const stats = fstatSync(fd, {bigint: true});
		const start = readStart(fd, Number(stats.size), file, first, chunk, close);
		if (!start.rest) close();
		return {...start, stamp: stampOf(stats)};
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
		const data = {
			schemaVersion: head['schemaVersion'],
			articles: head['articles'],
			actors: head['actors'],
			events: firstEvents,
			quotes: head['quotes'],
		} as BriefingData;
		const summary = head['summary'];
		if (data.schemaVersion !== SCHEMA_VERSION || !isSummary(summary) || briefingProblem(data) !== null) return null;
		return {data, summary};
	} catch {
		return null;
	}
}

function readStart(fd: number, size: number, file: string, first: number, chunk: number, close: () => void): Read {
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
		if (bytes[cut] === CLOSE) break; // that was the last record
	}
	const atEnd = bytes[from - 1] === CLOSE || bytes[cut] === CLOSE; // "[]", or the last record read
	const parsed = parseStart(bytes, events, from, cut);
	if (!parsed) return whole(Buffer.concat([bytes, readAt(fd, bytes.length, size - bytes.length)]), file);
	const {data, summary} = parsed;
	if (atEnd) return {data, summary, rest: null};
	// A copy, so that the start of the file is not kept.
	const rest = eventReader(fd, size, file, Buffer.from(bytes.subarray(cut)), bytes.length, data.events.length, chunk, close);
	return {data, summary, rest};
}

// The records from the start of `pending` (the file read up to `position`) to the line that closes
// the events section, `count` at a time, each slice decoded and parsed on its own. `before`: the
// events before them, for the place of a record of the wrong shape.
function eventReader(
	fd: number,
	size: number,
	file: string,
	pending: Buffer,
	position: number,
	before: number,
	chunk: number,
	close: () => void,
): EventReader {
	let read = before;
	let done = false;
	const fail = (problem: string): never => {
		done = true;
		close();
		throw new StoreError(`${file}: ${problem}; ${LEFT_AS_IT_IS}`);
	};
	// Worded as a whole read words it, with the line and column in the file: the whole file is read
	// again for that, which only a damaged briefing pays.
	const damaged = (reason: string) => fail(`is not valid JSON: ${describeJsonError(readAt(fd, 0, size).toString('utf8'), reason)}`);
	// At least one byte from `at` on in `pending`, reading more of the file when it has none: into a
	// buffer that starts with what is left of `pending`, so only that is copied.
	const reach = (at: number) => {
		while (pending.length <= at) {
			const buffer = Buffer.allocUnsafe(pending.length + chunk);
			const kept = pending.copy(buffer);
			const n = position < size ? readSync(fd, buffer, kept, Math.min(chunk, size - position), position) : 0;
			if (n === 0) damaged('the file ends inside the events');
			position += n;
			pending = buffer.subarray(0, kept + n);
		}
	};
	return {
		next: (count) => {
			if (done) return null;
			try {
				let cut = 0;
				let lines = 0;
				for (; lines < count; lines++) {
					reach(cut);
					if (pending[cut] === CLOSE) break;
					let newline = pending.indexOf(NEWLINE, cut);
					while (newline < 0) {
						reach(pending.length);
						newline = pending.indexOf(NEWLINE, cut);
					}
					cut = newline + 1;
				}
				if (lines === 0) {
					done = true;
					close();
					return null;
				}
				const text = pending.toString('utf8', 0, cut);
				pending = pending.subarray(cut);
				let events: StoredEvent[];
				try {
					events = JSON.parse(`[${text.slice(0, text.endsWith(',\n') ? -2 : -1)}]`) as StoredEvent[];
				} catch (error) {
					return damaged((error as Error).message);
				}
				const problem = listProblem('events', events, read);
				if (problem) fail(problem);
				read += events.length;
				return events;
			} catch (error) {
				close();
				if (error instanceof StoreError) throw error;
				throw new StoreError(`${file}: ${describeFsError(error)}`);
			}
		},
		close,
	};
}
