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
const RELOAD_TURN_MS = 8;

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
			stopReload = reload(
				next,
				(whole) => {
					// The first briefing may still be read: it is not wanted any more.
					reader?.close();
					reader = null;
					current = whole;
					for (const listener of listeners) listener();
					done();
				},
				done,
			);
		},
	};
}

// Reads a whole briefing in turns of the event loop; `shown` gets it indexed, `failed` what stopped
// it. Returns its cancel.
function reload(next: BriefingStart, shown: (loaded: Loaded) => void, failed: (error: unknown) => void): () => void {
	const rest = next.rest;
	const builder: IndexBuilder = indexBuilder(next.data, false, rest ? next.summary : null);
	let timer: NodeJS.Immediate | undefined;
	const turn = () => {
		timer = undefined;
		const deadline = performance.now() + RELOAD_TURN_MS;
		try {
			while (rest) {
				const events = rest.next(SLICE);
				if (events === null) break;
				builder.add(events);
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
