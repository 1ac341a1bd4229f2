import type {BriefingData} from '../store/schema.js';
import type {BriefingStart} from '../store/start.js';
import {type BriefingIndex, indexBuilder} from './briefingIndex.js';
import {type ViewQuery, type Views, createViews} from './views.js';

// The briefing the dashboard shows, as an external store (useSyncExternalStore): its start, then,
// for a large briefing, the whole, read (store/start.ts), indexed and prepared for searching at
// once right after the first frame. A key that comes before that is answered on the start, but one
// that needs every event (the last item) reads the rest first. A key that comes while the rest is
// read waits for it: drawing keys between slices of the reading was measured slower for every key
// (50-150 ms each at 100,000 events, against one wait of about 0.4 s).

export type Loaded = {index: BriefingIndex; views: (query: ViewQuery) => Views};

export type BriefingLoader = {
	current: () => Loaded;
	subscribe: (listener: () => void) => () => void;
	// What keys work on: the current briefing, or when `whole`, the whole, reading what is left first.
	latest: (whole: boolean) => Loaded;
	start: () => () => void; // reads the rest after this turn of the event loop; returns its cancel
};

// Events parsed at a time: parsing the text of them all at once would hold tens of megabytes more.
const SLICE = 200;

export function briefingLoader(data: BriefingData, start: BriefingStart | undefined, sample: boolean): BriefingLoader {
	let reader = start?.rest ?? null;
	const builder = indexBuilder(data, sample, reader ? start!.summary : null);
	const loaded = (done: boolean): Loaded => {
		const index = builder.index(done);
		return {index, views: createViews(index)};
	};
	let current = loaded(reader === null);
	const listeners = new Set<() => void>();
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
			};
		},
	};
}
