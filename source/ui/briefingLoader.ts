import type {BriefingData} from '../store/schema.js';
import type {BriefingStart} from '../store/start.js';
import {type BriefingIndex, type IndexBuilder, indexBuilder} from './briefingIndex.js';
import {type ViewQuery, type Views, createViews} from './views.js';

// The briefing the dashboard shows, as an external store (useSyncExternalStore): its start, then,
// for a large briefing, the whole, read (store/start.ts), indexed and prepared for searching at
// once right after the first frame. A key that comes before that is answered on the start, but one
// that needs every event (the last item) reads the rest first. A key that comes while the rest is
// read waits for it: drawing keys between slices of the reading was measured slower for every key
// (50-150 ms each at 100,000 events, against one wait of about 0.4 s).
//
// A briefing that replaced it on disk (an ingest in another shell: BriefingContext.tsx) is read in
// the background instead, a few milliseconds a turn, while keys are answered on the one shown, and
// shown whole once it is read: a reload never makes a key wait for the whole file, nor shows a
// briefing half read. The keys' state keeps its cursors by item id (dispatch.ts), so they stay on
// their items in the new one.

export type Loaded = {index: BriefingIndex; views: (query: ViewQuery) => Views};

export type BriefingLoader = {
	current: () => Loaded;
	subscribe: (listener: () => void) => () => void;
	// What keys work on: the current briefing, or when `whole`, the whole, reading what is left first.
	latest: (whole: boolean) => Loaded;
	start: () => () => void; // reads the rest after this turn of the event loop; returns its cancel, which stops a reload too
	// Reads `next` in the background and shows it once it is whole; `done` is called then, or with
	// the error that stopped it (the briefing shown stays). A later replace stops an earlier one.
	replace: (next: BriefingStart, done: (error?: unknown) => void) => void;
};

// Events parsed at a time: parsing the text of them all at once would hold tens of megabytes more.
export const SLICE = 200;
// How long a turn of a reload reads before it lets keys in.
const RELOAD_TURN_MS = 4;

export function briefingLoader(data: BriefingData, start: BriefingStart | undefined, sample: boolean): BriefingLoader {
	let reader = start?.rest ?? null;
	const builder = indexBuilder(data, sample, reader ? start!.summary : null);
	const loaded = (done: boolean): Loaded => {
		const index = builder.index(done);
		return {index, views: createViews(index)};
	};
	let current = loaded(reader === null);
	const listeners = new Set<() => void>();
	let stopReload = () => {};
	// Reads what is left; true when every event is read. A reader with none ready yet is tried
	// again on a later turn.
	const read = (): boolean => {
		while (reader) {
			const events = reader.next(SLICE);
			if (events === null) {
				reader = null;
				current = loaded(true);
				current.index.prepare();
				for (const listener of listeners) listener();
			} else if (events.length === 0) break;
			else builder.add(events);
		}
		return reader === null;
	};
	return {
		current: () => current,
		subscribe: (listener) => {
			listeners.add(listener);
			return () => listeners.delete(listener);
		},
		latest: (whole) => {
			if (whole) read();
			return current;
		},
		start: () => {
			let timer: NodeJS.Immediate | undefined;
			const turn = () => {
				timer = read() ? undefined : setImmediate(turn);
			};
			if (reader) timer = setImmediate(turn);
			return () => {
				clearImmediate(timer);
				reader?.close();
				stopReload();
			};
		},
		replace: (next, done) => {
			stopReload();
			// Its cancel holds the briefing it replaces, which is let go once it is done.
			const finished = () => {
				stopReload = () => {};
			};
			stopReload = reload(
				next,
				current.index,
				(whole) => {
					finished();
					// The first briefing may still be read: it is not wanted any more.
					reader?.close();
					reader = null;
					current = whole;
					for (const listener of listeners) listener();
					done();
				},
				(error) => {
					finished();
					done(error);
				},
			);
		},
	};
}

// Reads a whole briefing in turns of the event loop; `shown` gets it indexed, `failed` what stopped
// it. Returns its cancel. A record (event, quote, actor, article) that is as it was in `before`
// (the briefing shown) is taken from there: the copy just parsed is dropped young, so that the
// heap does not hold every event twice until the old briefing goes (which made for collections of
// 100-190 ms at 100,000 events, keys waiting for them).
function reload(
	next: BriefingStart,
	before: Pick<BriefingIndex, 'data' | 'feed'>,
	shown: (loaded: Loaded) => void,
	failed: (error: unknown) => void,
): () => void {
	const rest = next.rest;
	const kept = keptFrom(before.feed);
	const {articles, actors, events, quotes} = next.data;
	const data = {
		...next.data,
		articles: articles.map(keptFrom(before.data.articles)),
		actors: actors.map(keptFrom(before.data.actors)),
		events: events.map(kept),
		quotes: quotes.map(keptFrom(before.data.quotes)),
	};
	const builder: IndexBuilder = indexBuilder(data, false, rest ? next.summary : null);
	let timer: NodeJS.Immediate | undefined;
	const turn = () => {
		timer = undefined;
		const deadline = performance.now() + RELOAD_TURN_MS;
		try {
			while (rest) {
				const events = rest.next(SLICE);
				if (events === null) break;
				builder.add(events.map(kept));
				if (events.length === 0 || performance.now() >= deadline) {
					timer = setImmediate(turn);
					return;
				}
			}
		} catch (error) {
			failed(error);
			return;
		}
		const index = builder.index(true);
		shown({index, views: createViews(index)});
	};
	timer = setImmediate(turn);
	return () => {
		clearImmediate(timer);
		rest?.close();
	};
}

// How far past the last event found an event is looked for in the feed before: an ingest inserts
// an article's events (they are not there), a re-ingest replaces some; a briefing that changed
// more than this at one place is read without sharing from there until the two line up again.
const LOOK_AHEAD = 256;

// Maps each record, in the order of the new file, to the same record of `before` when it is there
// unchanged, else to itself. Both are in the store's order, so one walk over the old ones finds
// them all.
function keptFrom<T extends {id: string}>(before: readonly T[]): (record: T) => T {
	let at = 0;
	return (record) => {
		const end = Math.min(before.length, at + LOOK_AHEAD);
		for (let i = at; i < end; i++) {
			const old = before[i]!;
			if (old.id !== record.id) continue;
			at = i + 1;
			return sameRecord(old, record) ? old : record;
		}
		return record;
	};
}

// Records hold strings, numbers, booleans, null and lists of strings (an event's actors, an
// actor's aliases).
function sameRecord<T extends object>(a: T, b: T): boolean {
	const keys = Object.keys(b) as Array<keyof T>;
	if (keys.length !== Object.keys(a).length) return false;
	return keys.every((key) => {
		const x = a[key];
		const y = b[key];
		return x === y || (Array.isArray(x) && Array.isArray(y) && x.length === y.length && x.every((value, i) => value === y[i]));
	});
}
