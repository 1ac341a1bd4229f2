import {dateLabel} from '../output/dates.js';
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
	actors: ActorEntry[]; // by number of events, most first, then by name
	actorById: ReadonlyMap<string, ActorEntry>;
	articleById: ReadonlyMap<string, StoredArticle>;
	feed: StoredEvent[]; // chronological
	quotes: StoredQuote[]; // chronological
	eventPosition: ReadonlyMap<string, number>; // event id → position in feed
	quotePosition: ReadonlyMap<string, number>;
	eventsByActor: ReadonlyMap<string, readonly number[]>; // actor id → ascending feed positions
	quotesByActor: ReadonlyMap<string, readonly number[]>; // speaker id → ascending quote positions
	feedLabels: readonly string[]; // the date heading of each feed position
	eventMatches: (position: number, terms: readonly string[]) => boolean; // by sentence and actor names
	quoteMatches: (position: number, terms: readonly string[]) => boolean; // by quote and speaker name
};

// Searching: a query is cut into terms (letters and digits, lower case, without accents) and an
// item matches when every term occurs in its text or in one of its actors' names. The text is
// only lower-cased for that (and its accents dropped when it has any), so a keystroke over 100,000
// sentences costs a few tens of milliseconds and keeps no copy of them.

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

function positionsBy<T>(items: readonly T[], keys: (item: T) => Iterable<string>): Map<string, number[]> {
	const map = new Map<string, number[]>();
	items.forEach((item, position) => {
		for (const key of new Set(keys(item))) {
			let list = map.get(key);
			if (!list) map.set(key, (list = []));
			list.push(position);
		}
	});
	return map;
}

export function buildIndex(data: BriefingData, sample = false): BriefingIndex {
	const feed = chronological(data.events);
	const quotes = chronological(data.quotes);
	const eventsByActor = positionsBy(feed, (event) => event.actors);
	const quotesByActor = positionsBy(quotes, (quote) => (quote.speaker === null ? [] : [quote.speaker]));
	const actors = data.actors
		.map((actor) => ({
			actor,
			events: eventsByActor.get(actor.id)?.length ?? 0,
			quotes: quotesByActor.get(actor.id)?.length ?? 0,
			short: shortName(actor),
			names: [actor.name, ...actor.aliases].map(searchable),
		}))
		.sort((a, b) => b.events - a.events || a.actor.name.localeCompare(b.actor.name) || a.actor.id.localeCompare(b.actor.id));
	const actorById = new Map(actors.map((entry) => [entry.actor.id, entry]));
	const named = (ids: readonly string[], term: string) => ids.some((id) => actorById.get(id)?.names.some((name) => name.includes(term)));
	// Consecutive events mostly share a date: label each distinct (date, precision) once.
	const labels = new Map<string, string>();
	const feedLabels = feed.map((event) => {
		const key = `${event.date} ${event.datePrecision}`;
		let label = labels.get(key);
		if (label === undefined) labels.set(key, (label = dateLabel(event.date, event.datePrecision)));
		return label;
	});
	return {
		data,
		sample,
		actors,
		actorById,
		articleById: new Map(data.articles.map((article) => [article.id, article])),
		feed,
		quotes,
		eventPosition: new Map(feed.map((event, position) => [event.id, position])),
		quotePosition: new Map(quotes.map((quote, position) => [quote.id, position])),
		eventsByActor,
		quotesByActor,
		feedLabels,
		eventMatches: (position, terms) => {
			const event = feed[position]!;
			const text = searchable(event.text);
			return terms.every((term) => text.includes(term) || named(event.actors, term));
		},
		quoteMatches: (position, terms) => {
			const quote = quotes[position]!;
			const text = searchable(quote.text);
			return terms.every((term) => text.includes(term) || (quote.speaker !== null && named([quote.speaker], term)));
		},
	};
}
