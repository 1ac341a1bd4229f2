import {dateLabel} from '../output/dates.js';
import type {Summary} from '../store/db.js';
import type {BriefingData, StoredActor, StoredArticle, StoredEvent, StoredQuote} from '../store/schema.js';

// Everything the dashboard looks up, built once when the briefing is loaded. The stored briefing
// is only read: the index holds references into it and arrays of positions, never copies that
// could drift, and nothing here writes to it.

export type ActorEntry = {
	actor: StoredActor;
	events: number;
	quotes: number;
	short: string; // "Zelenskyy", "US": what a feed line has room for
	names: string[]; // name and aliases, searchable
};

export type Selector = (positions: readonly number[]) => number[];

export type BriefingIndex = {
	data: BriefingData;
	sample: boolean;
	// Only the first events of a large briefing, until the rest of the file is read
	// (briefingLoader.ts): the counts come from the briefing's summary meanwhile.
	partial: boolean;
	eventCount: number; // in the whole briefing
	actors: ActorEntry[]; // by number of events, most first, then by name
	actorById: ReadonlyMap<string, ActorEntry>;
	articleById: ReadonlyMap<string, StoredArticle>;
	feed: StoredEvent[]; // chronological
	quotes: StoredQuote[]; // chronological
	eventPosition: Lookup; // event id → position in feed
	quotePosition: Lookup;
	eventsByActor: ReadonlyMap<string, readonly number[]>; // actor id → ascending feed positions
	quotesByActor: ReadonlyMap<string, readonly number[]>; // speaker id → ascending quote positions
	feedLabels: readonly string[]; // the date heading of each feed position
	// Of ascending positions, those that match every term: events by sentence and actor names, quotes
	// by quote and speaker name.
	eventMatcher: (terms: readonly string[]) => Selector;
	quoteMatcher: (terms: readonly string[]) => Selector;
	prepareInIdle: () => () => void; // prepares search texts and id lookups in the background; returns its cancel
	prepare: () => void; // prepares the search texts now
};

// Searching: a query is cut into terms (letters and digits, lower case, without accents) and an
// item matches when every term occurs in its folded text (lower case, accents dropped) or in one
// of its actors' names.

const DIACRITICS = /[\u00c0-\u024f\u1e00-\u1eff]/;

export function searchable(text: string): string {
	const lower = text.toLowerCase();
	return DIACRITICS.test(lower) ? lower.normalize('NFKD').replace(/[\u0300-\u036f]/g, '') : lower;
}

export const searchTerms = (query: string): string[] =>
	searchable(query)
		.split(/[^\p{L}\p{N}]+/u)
		.filter(Boolean);

// localeCompare's order, from one collator: localeCompare sets one up on every call (indexing the
// start of a briefing of 2,000 actors took 19 ms with it, 13 ms with this).
const byName = new Intl.Collator().compare;

const byDate = <T extends {date: string}>(a: T, b: T) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0);

// The store keeps events and quotes sorted; a briefing edited by hand may not be, and a stable
// sort by date keeps the article order within a day.
function chronological<T extends {date: string}>(items: T[]): T[] {
	for (let i = 1; i < items.length; i++) {
		if (items[i - 1]!.date > items[i]!.date) return [...items].sort(byDate);
	}
	return items;
}

// A person's shortest alias that is one word of their name (Zelenskyy, Yoon, Sullivan); for others
// an all-capitals alias (US, NATO); else the name.
export function shortName(actor: StoredActor): string {
	const words = new Set(actor.name.split(/\s+/));
	const candidates =
		actor.kind === 'person'
			? actor.aliases.filter((alias) => words.has(alias) && alias !== actor.name)
			: actor.aliases.filter((alias) => /^\p{Lu}{2,}$/u.test(alias));
	return candidates.sort((a, b) => a.length - b.length)[0] ?? actor.name;
}

// Folding 100,000 sentences again on each keystroke takes 25-50 ms; finding a term in prepared
// texts takes a few. Kept folded copies would cost as many bytes as the sentences (22 MB at
// 100,000), so only sentences that need it are copied. A plain sentence (ASCII and general
// punctuation, capitals only at the start of a word: "Talks in Kyiv, NATO" is not plain) holds a
// term exactly where it holds the term or the term capitalised, since no capital can fall inside
// a run of letters and digits; it is searched as it is. Each text is checked (and folded when not
// plain) once, in order, in idle time after the first frame, a few ms at a time so keys stay
// responsive (a large briefing's, with the rest of it: briefingLoader.ts); a search reaching past
// those done folds the rest on the fly.
// Two tests rather than one alternation, which tries both at every character: half the time.
const NOT_ASCII = /[^\x00-\x7f\u2000-\u206f]/;
const INNER_CAPITAL = /[A-Za-z0-9][A-Z]/;
const notPlain = (text: string) => NOT_ASCII.test(text) || INNER_CAPITAL.test(text);
const IDLE_SLICE_MS = 4;

// A search term, and the same capitalised when it can occur in a plain text at all (lower-case
// ASCII letters and digits; anything else is never in a plain text folded).
type Term = {text: string; capital: string | null};

const termOf = (text: string): Term => ({text, capital: /^[a-z0-9]+$/.test(text) ? text[0]!.toUpperCase() + text.slice(1) : null});

type FoldedTexts = {has: (position: number, term: Term) => boolean; fold: (deadline: number) => boolean};

function foldedTexts(items: readonly {text: string}[]): FoldedTexts {
	// kept[i], from the first item on: the text itself when plain[i], else its folded copy.
	const kept: string[] = [];
	const plain = new Uint8Array(items.length);
	return {
		has: (position, term) => {
			if (position >= kept.length) return searchable(items[position]!.text).includes(term.text);
			const text = kept[position]!;
			if (!plain[position]) return text.includes(term.text);
			return term.capital !== null && (text.includes(term.text) || text.includes(term.capital));
		},
		// Prepares texts until `deadline` (performance.now()); true when all are.
		fold: (deadline) => {
			while (kept.length < items.length) {
				const end = Math.min(items.length, kept.length + 256);
				for (let position = kept.length; position < end; position++) {
					const text = items[position]!.text;
					if (notPlain(text)) kept.push(searchable(text));
					else {
						plain[position] = 1;
						kept.push(text);
					}
				}
				if (performance.now() >= deadline) break;
			}
			return kept.length === items.length;
		},
	};
}

type Lookup = {get: (id: string) => number | undefined};

// Item id → position, filled in idle time like the search texts (a filter or a search keeps the
// cursor on its item by id). Until it is full, an id past those filled is looked for item by item:
// under a millisecond at 100,000 events, where filling the rest took 40.
function positionsById(items: ReadonlyArray<{id: string}>): Lookup & {fold: (deadline: number) => boolean} {
	const positions = new Map<string, number>();
	let filled = 0;
	const fold = (deadline: number) => {
		while (filled < items.length) {
			const end = Math.min(items.length, filled + 1024);
			for (; filled < end; filled++) if (!positions.has(items[filled]!.id)) positions.set(items[filled]!.id, filled);
			if (performance.now() >= deadline) break;
		}
		return filled === items.length;
	};
	const unfilled = (id: string) => {
		for (let position = filled; position < items.length; position++) if (items[position]!.id === id) return position;
		return undefined;
	};
	return {fold, get: (id) => positions.get(id) ?? unfilled(id)};
}

function prepareInIdle(lists: ReadonlyArray<{fold: (deadline: number) => boolean}>): () => void {
	let timer: NodeJS.Immediate | undefined;
	const slice = () => {
		const deadline = performance.now() + IDLE_SLICE_MS;
		const done = lists.every((list) => list.fold(deadline));
		timer = done ? undefined : setImmediate(slice);
	};
	timer = setImmediate(slice);
	return () => clearImmediate(timer);
}

function positionsBy<T>(items: readonly T[], keys: (item: T) => readonly string[]): Map<string, number[]> {
	const map = new Map<string, number[]>();
	items.forEach((item, position) => addPositions(map, position, keys(item)));
	return map;
}

function addPositions(map: Map<string, number[]>, position: number, keys: readonly string[]): void {
	keys.forEach((key, i) => {
		if (keys.indexOf(key) !== i) return; // listed twice: the item is in the key's list once
		let list = map.get(key);
		if (!list) map.set(key, (list = []));
		list.push(position);
	});
}

// The index of a whole briefing.
export function buildIndex(data: BriefingData, sample = false): BriefingIndex {
	const builder = indexBuilder({...data, events: chronological(data.events)}, sample, null);
	return builder.index(true);
}

// An index that grows as the other events of a large briefing are read, a slice at a time
// (store/start.ts): `index(false)` is what has been read so far, counted by the briefing's
// summary; `index(true)`, once all is read, the whole. The lists grow in place, so that a slice
// costs its own events only; an index of a part gets copies of them, which do not grow under it.
// Events that are not in date order (a briefing edited by hand) are sorted once all are read.
export type IndexBuilder = {add: (events: readonly StoredEvent[]) => void; index: (done: boolean) => BriefingIndex};

export function indexBuilder(data: BriefingData, sample: boolean, summary: Summary | null): IndexBuilder {
	const feed: StoredEvent[] = [];
	const feedLabels: string[] = [];
	const eventsByActor = new Map<string, number[]>();
	let sorted = true;
	const add = (events: readonly StoredEvent[]) => {
		for (const event of events) {
			const position = feed.length;
			const previous = feed[position - 1];
			if (previous && previous.date > event.date) sorted = false;
			feed.push(event);
			// Consecutive events mostly share a date: an event on the date of the one before takes its label.
			const same = previous?.date === event.date && previous.datePrecision === event.datePrecision;
			feedLabels.push(same ? feedLabels[position - 1]! : dateLabel(event.date, event.datePrecision));
			addPositions(eventsByActor, position, event.actors);
		}
	};
	add(data.events);
	const quotes = chronological(data.quotes);
	const quotesByActor = positionsBy(quotes, (quote) => (quote.speaker === null ? [] : [quote.speaker]));
	const quoteTexts = foldedTexts(quotes);
	const quotePosition = positionsById(quotes);
	// Shared by every index of the builder: they fill in order, and an event keeps its position.
	const eventTexts = foldedTexts(feed);
	const eventPosition = positionsById(feed);
	const actorsBy = (events: (id: string) => number) =>
		data.actors
			.map((actor) => ({
				actor,
				events: events(actor.id),
				quotes: quotesByActor.get(actor.id)?.length ?? 0,
				short: shortName(actor),
				names: [actor.name, ...actor.aliases].map(searchable),
			}))
			.sort((a, b) => b.events - a.events || byName(a.actor.name, b.actor.name) || byName(a.actor.id, b.actor.id));
	const countOf = (id: string) => eventsByActor.get(id)?.length ?? 0;
	// Counted by the summary; once all is read, kept when the summary was right (it is written with
	// the events) rather than made and sorted again.
	let counted: ActorEntry[] | null = null;
	const byCount = (done: boolean) =>
		summary && (!done || data.actors.every((actor) => countOf(actor.id) === (summary.actorEvents[actor.id] ?? 0)))
			? (counted ??= actorsBy((id) => summary.actorEvents[id] ?? 0))
			: actorsBy(countOf);
	return {
		add,
		index: (done) => {
			if (done && !sorted) return buildIndex({...data, events: feed}, sample);
			const actors = byCount(done);
			const part = !done && summary !== null;
			return assemble({
				// Whole, with every event read (an export writes it); the start's data has the first ones.
				data: done ? {...data, events: feed} : data,
				sample,
				partial: part,
				eventCount: part ? summary.events : feed.length,
				actors,
				feed: part ? feed.slice() : feed,
				feedLabels: part ? feedLabels.slice() : feedLabels,
				eventsByActor: part ? new Map(Array.from(eventsByActor, ([id, list]) => [id, list.slice()])) : eventsByActor,
				eventTexts,
				eventPosition,
				quotes,
				quotesByActor,
				quoteTexts,
				quotePosition,
			});
		},
	};
}

type Parts = Pick<
	BriefingIndex,
	| 'data'
	| 'sample'
	| 'partial'
	| 'eventCount'
	| 'actors'
	| 'feed'
	| 'feedLabels'
	| 'quotes'
	| 'eventsByActor'
	| 'quotesByActor'
	| 'eventPosition'
	| 'quotePosition'
> & {
	eventPosition: ReturnType<typeof positionsById>;
	quotePosition: ReturnType<typeof positionsById>;
	eventTexts: FoldedTexts;
	quoteTexts: FoldedTexts;
};

function assemble(parts: Parts): BriefingIndex {
	const {eventTexts, quoteTexts, ...lists} = parts;
	const {actors, feed, quotes, eventsByActor, quotesByActor, eventPosition, quotePosition} = lists;
	// For each term, the positions of the items of an actor it names (null: it names none), marked
	// once per search from the actors' lists rather than looked up item by item; then one pass over
	// the positions per term, in plain loops (a search's first letter goes through 100,000).
	const matcher =
		(byActor: ReadonlyMap<string, readonly number[]>, count: number, texts: FoldedTexts) =>
		(terms: readonly string[]): Selector =>
		(positions) => {
			let selected = [...positions];
			for (const text of terms) {
				let marks: Uint8Array | null = null;
				for (const entry of actors) {
					if (!entry.names.some((name) => name.includes(text))) continue;
					marks ??= new Uint8Array(count);
					for (const position of byActor.get(entry.actor.id) ?? []) marks[position] = 1;
				}
				const term = termOf(text);
				const next: number[] = [];
				for (let i = 0; i < selected.length; i++) {
					const position = selected[i]!;
					if (marks?.[position] === 1 || texts.has(position, term)) next.push(position);
				}
				selected = next;
			}
			return selected;
		};
	return {
		...lists,
		actorById: new Map(actors.map((entry) => [entry.actor.id, entry])),
		articleById: new Map(parts.data.articles.map((article) => [article.id, article])),
		eventMatcher: matcher(eventsByActor, feed.length, eventTexts),
		quoteMatcher: matcher(quotesByActor, quotes.length, quoteTexts),
		prepareInIdle: () => prepareInIdle([eventPosition, quotePosition, eventTexts, quoteTexts]),
		prepare: () => {
			for (const texts of [eventTexts, quoteTexts]) texts.fold(Number.POSITIVE_INFINITY);
		},
	};
}
