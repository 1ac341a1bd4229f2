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

export type BriefingIndex = {
	data: BriefingData;
	sample: boolean;
	// The first events only, until the rest of the file is read (store/start.ts): the counts come
	// from the briefing's summary meanwhile, and keys wait (hooks/useKeymap.ts).
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
	eventMatcher: (terms: readonly string[]) => (position: number) => boolean; // by sentence and actor names
	quoteMatcher: (terms: readonly string[]) => (position: number) => boolean; // by quote and speaker name
	prepareInIdle: () => () => void; // prepares search texts and id lookups in the background; returns its cancel
};

// Searching: a query is cut into terms (letters and digits, lower case, without accents) and an
// item matches when every term occurs in its folded text (lower case, accents dropped) or in one
// of its actors' names.

const DIACRITICS = /[\u00c0-\u024f\u1e00-\u1eff]/;

export function searchable(text: string): string {
	const lower = text.toLowerCase();
	return DIACRITICS.test(lower) ? lower.normalize('NFKD').replace(/[\u0300-\u036f]/g, '') : lower;
}

export const searchTerms = (query: string): string[] => searchable(query).split(/[^\p{L}\p{N}]+/u).filter(Boolean);

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
// responsive; a search reaching past those done folds the rest on the fly, as before.
const NOT_PLAIN = /[^\x00-\x7f\u2000-\u206f]|[A-Za-z0-9][A-Z]/;
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
					if (NOT_PLAIN.test(text)) kept.push(searchable(text));
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
// cursor on its item by id); a lookup before it is full fills it first.
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
	return {fold, get: (id) => (fold(Number.POSITIVE_INFINITY), positions.get(id))};
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
	items.forEach((item, position) => {
		const all = keys(item);
		all.forEach((key, i) => {
			if (all.indexOf(key) !== i) return; // listed twice: the item is in the key's list once
			let list = map.get(key);
			if (!list) map.set(key, (list = []));
			list.push(position);
		});
	});
	return map;
}

export function buildIndex(data: BriefingData, sample = false, partial: Summary | null = null): BriefingIndex {
	const feed = chronological(data.events);
	const quotes = chronological(data.quotes);
	const eventsByActor = positionsBy(feed, (event) => event.actors);
	const quotesByActor = positionsBy(quotes, (quote) => (quote.speaker === null ? [] : [quote.speaker]));
	const actors = data.actors
		.map((actor) => ({
			actor,
			events: partial ? (partial.actorEvents[actor.id] ?? 0) : (eventsByActor.get(actor.id)?.length ?? 0),
			quotes: quotesByActor.get(actor.id)?.length ?? 0,
			short: shortName(actor),
			names: [actor.name, ...actor.aliases].map(searchable),
		}))
		.sort((a, b) => b.events - a.events || a.actor.name.localeCompare(b.actor.name) || a.actor.id.localeCompare(b.actor.id));
	const actorById = new Map(actors.map((entry) => [entry.actor.id, entry]));
	// For each term, the positions of the items of an actor it names (null: it names none), marked
	// once per search from the actors' lists rather than looked up item by item.
	const namedBy = (terms: readonly string[], byActor: ReadonlyMap<string, readonly number[]>, count: number) =>
		terms.map((term) => {
			let marks: Uint8Array | null = null;
			for (const entry of actors) {
				if (!entry.names.some((name) => name.includes(term))) continue;
				marks ??= new Uint8Array(count);
				for (const position of byActor.get(entry.actor.id) ?? []) marks[position] = 1;
			}
			return marks;
		});
	const eventTexts = foldedTexts(feed);
	const quoteTexts = foldedTexts(quotes);
	// Consecutive events mostly share a date: an event on the date of the one before takes its label.
	const feedLabels: string[] = [];
	feed.forEach((event, position) => {
		const previous = feed[position - 1];
		const same = previous?.date === event.date && previous.datePrecision === event.datePrecision;
		feedLabels.push(same ? feedLabels[position - 1]! : dateLabel(event.date, event.datePrecision));
	});
	const eventPosition = positionsById(feed);
	const quotePosition = positionsById(quotes);
	return {
		data,
		sample,
		partial: partial !== null,
		eventCount: partial ? partial.events : feed.length,
		actors,
		actorById,
		articleById: new Map(data.articles.map((article) => [article.id, article])),
		feed,
		quotes,
		eventPosition,
		quotePosition,
		eventsByActor,
		quotesByActor,
		feedLabels,
		eventMatcher: (terms) => {
			const named = namedBy(terms, eventsByActor, feed.length);
			const prepared = terms.map(termOf);
			return (position) => prepared.every((term, i) => named[i]?.[position] === 1 || eventTexts.has(position, term));
		},
		quoteMatcher: (terms) => {
			const named = namedBy(terms, quotesByActor, quotes.length);
			const prepared = terms.map(termOf);
			return (position) => prepared.every((term, i) => named[i]?.[position] === 1 || quoteTexts.has(position, term));
		},
		prepareInIdle: () => prepareInIdle([eventPosition, quotePosition, eventTexts, quoteTexts]),
	};
}
