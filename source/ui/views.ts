import {type ActorEntry, type BriefingIndex, type Selector, searchTerms} from './briefingIndex.js';

// What each pane lists for the current actor filter and searches: pure functions of the index,
// memoised on their inputs, so moving the cursor never recomputes a list and a keystroke in a
// search recomputes only the searched pane.

export type PaneId = 'actors' | 'feed' | 'quotes';
export const PANES: readonly PaneId[] = ['actors', 'feed', 'quotes'];

export type ViewQuery = {
	filter: readonly string[]; // selected actor ids
	search: Readonly<Record<PaneId, string>>;
};

export type FeedRow = {kind: 'heading'; label: string} | {kind: 'event'; item: number};

export type FeedView = {
	items: readonly number[]; // feed positions, chronological
	rowCount: number;
	row: (row: number) => FeedRow | undefined; // the items under their date headings
	rowOfItem: Int32Array; // item → row
	headingOf: Int32Array; // row → the row of its date heading
	count: number; // items, or for the whole feed of a partial index, the briefing's events
};

export type Views = {
	actors: readonly ActorEntry[];
	feed: FeedView;
	quotes: readonly number[]; // quote positions, chronological
};

// The terms of a search (briefingIndex.ts searchTerms); none when it has no letters or digits,
// which matches everything.
export function matcher(query: string): readonly string[] | null {
	const terms = searchTerms(query);
	return terms.length ? terms : null;
}

// Ascending positions that belong to any of the selected actors.
function union(byActor: ReadonlyMap<string, readonly number[]>, ids: readonly string[]): readonly number[] {
	const lists = ids.map((id) => byActor.get(id) ?? []);
	if (lists.length === 1) return lists[0]!;
	const all = lists.flat().sort((a, b) => a - b);
	return all.filter((position, i) => i === 0 || all[i - 1] !== position);
}

function range(n: number): number[] {
	return Array.from({length: n}, (_, i) => i);
}

// The rows are kept as numbers and made into objects only when drawn: the first letter of a search
// lists most of 100,000 events, and an object per row took longer than the search.
// `whole`: the items are the whole feed, which a partial index counts by the briefing's summary.
export function feedRows(index: BriefingIndex, items: readonly number[], whole: boolean): FeedView {
	const rowItem = new Int32Array(items.length * 2); // at most one heading per item; a heading is -1
	const rowOfItem = new Int32Array(items.length);
	const headingOf = new Int32Array(items.length * 2);
	let label: string | undefined;
	let heading = -1;
	let rows = 0;
	for (let item = 0; item < items.length; item++) {
		const next = index.feedLabels[items[item]!]!;
		if (next !== label) {
			label = next;
			heading = rows;
			headingOf[rows] = rows;
			rowItem[rows++] = -1;
		}
		rowOfItem[item] = rows;
		headingOf[rows] = heading;
		rowItem[rows++] = item;
	}
	// A heading is followed by the first item of its date, whose label it shows.
	const row = (r: number): FeedRow | undefined => {
		if (r < 0 || r >= rows) return undefined;
		const item = rowItem[r]!;
		return item >= 0 ? {kind: 'event', item} : {kind: 'heading', label: index.feedLabels[items[rowItem[r + 1]!]!]!};
	};
	const count = index.partial && whole ? index.eventCount : items.length;
	return {items, rowCount: rows, row, rowOfItem, headingOf: headingOf.subarray(0, rows), count};
}

function memo<K, V>(compute: (key: K) => V, same: (a: K, b: K) => boolean): (key: K) => V {
	let last: {key: K; value: V} | undefined;
	return (key) => {
		if (last && same(last.key, key)) return last.value;
		last = {key, value: compute(key)};
		return last.value;
	};
}

type Filtered = {filter: readonly string[]; search: string};
const sameFilter = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((id, i) => id === b[i]);

// A list filtered by actors, then searched. Typing on at the end of a search only narrows it
// (every term of the shorter query is inside a term of the longer one), so the next keystroke
// searches the previous matches instead of the whole list. The last few searches are kept, so
// Backspace goes back to a result already found instead of searching the whole list again.
const RECENT_SEARCHES = 16;

function searched(all: (filter: readonly string[]) => readonly number[], matching: (terms: readonly string[]) => Selector) {
	let last: {key: Filtered; value: readonly number[]} | undefined;
	const recent = new Map<string, readonly number[]>();
	return (key: Filtered): readonly number[] => {
		if (last && last.key.search === key.search && sameFilter(last.key.filter, key.filter)) return last.value;
		const recentKey = `${key.filter.join('\u0000')}\u0001${key.search}`;
		const kept = recent.get(recentKey);
		if (kept) {
			last = {key, value: kept};
			return kept;
		}
		const terms = matcher(key.search);
		let value: readonly number[];
		if (!terms) value = all(key.filter);
		else {
			const narrowing =
				last && sameFilter(last.key.filter, key.filter) && matcher(last.key.search) && key.search.startsWith(last.key.search);
			const base = narrowing ? last!.value : all(key.filter);
			value = matching(terms)(base);
		}
		last = {key, value};
		if (terms) {
			recent.set(recentKey, value);
			if (recent.size > RECENT_SEARCHES) recent.delete(recent.keys().next().value!);
		}
		return value;
	};
}

export function createViews(index: BriefingIndex): (query: ViewQuery) => Views {
	const actors = memo((search: string) => {
		const terms = matcher(search);
		return terms ? index.actors.filter((entry) => terms.every((term) => entry.names.some((name) => name.includes(term)))) : index.actors;
	}, Object.is);

	const byActors = (byActor: ReadonlyMap<string, readonly number[]>, every: readonly number[]) =>
		memo((filter: readonly string[]) => (filter.length ? union(byActor, filter) : every), sameFilter);
	const wholeFeed = range(index.feed.length);
	const feedItems = searched(byActors(index.eventsByActor, wholeFeed), index.eventMatcher);
	// Rows by the list they lay out: the whole feed, an actor's events and recent searches are the
	// same arrays each time they come back, so clearing a filter does not lay out 100,000 rows again.
	const rowsOf = new WeakMap<readonly number[], FeedView>();
	const feed = (items: readonly number[]) => {
		let view = rowsOf.get(items);
		if (!view) rowsOf.set(items, (view = feedRows(index, items, items === wholeFeed)));
		return view;
	};
	const quotes = searched(byActors(index.quotesByActor, range(index.quotes.length)), index.quoteMatcher);

	return ({filter, search}) => ({
		actors: actors(search.actors),
		feed: feed(feedItems({filter, search: search.feed})),
		quotes: quotes({filter, search: search.quotes}),
	});
}

export function listLength(views: Views, pane: PaneId): number {
	return pane === 'actors' ? views.actors.length : pane === 'feed' ? views.feed.items.length : views.quotes.length;
}

// The id of the item at `i` in a pane's list, for keeping the cursor on the same item when the
// list changes under it.
export function idAt(index: BriefingIndex, views: Views, pane: PaneId, i: number): string | null {
	if (pane === 'actors') return views.actors[i]?.actor.id ?? null;
	if (pane === 'feed') {
		const position = views.feed.items[i];
		return position === undefined ? null : index.feed[position]!.id;
	}
	const position = views.quotes[i];
	return position === undefined ? null : index.quotes[position]!.id;
}

export type Cursor = {index: number; id: string | null};

// First i with list[i] >= value in an ascending list.
function lowerBound(list: readonly number[], value: number): number {
	let lo = 0;
	let hi = list.length;
	while (lo < hi) {
		const mid = (lo + hi) >>> 1;
		if (list[mid]! < value) lo = mid + 1;
		else hi = mid;
	}
	return lo;
}

// Where the cursor is in the pane's current list: on the item it was on when that item is still
// listed (after a filter or search changed the list), else at the same place, within the list.
export function cursorIndex(index: BriefingIndex, views: Views, pane: PaneId, cursor: Cursor): number {
	const length = listLength(views, pane);
	if (length === 0) return 0;
	if (cursor.id !== null && idAt(index, views, pane, cursor.index) !== cursor.id) {
		let found = -1;
		if (pane === 'actors') found = views.actors.findIndex((entry) => entry.actor.id === cursor.id);
		else {
			const items = pane === 'feed' ? views.feed.items : views.quotes;
			const position = (pane === 'feed' ? index.eventPosition : index.quotePosition).get(cursor.id);
			if (position !== undefined) {
				const i = lowerBound(items, position);
				if (items[i] === position) found = i;
			}
		}
		if (found >= 0) return found;
	}
	return Math.max(0, Math.min(cursor.index, length - 1));
}
