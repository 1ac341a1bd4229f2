import {foldName} from './names.js';
import type {BriefingData, StoredActor, StoredEvent, StoredQuote} from './schema.js';

const folded = (actor: StoredActor) => [actor.name, ...actor.aliases].map(foldName);

// Actors called `name` (their name or any alias, ignoring case, accents and punctuation). When
// none is, those whose name contains it as whole words: "korea" finds North and South Korea.
export function findActors(data: BriefingData, name: string): StoredActor[] {
	const wanted = foldName(name);
	if (!wanted) return [];
	const exact = data.actors.filter((actor) => folded(actor).includes(wanted));
	if (exact.length) return exact;
	return data.actors.filter((actor) => folded(actor).some((n) => ` ${n} `.includes(` ${wanted} `)));
}

export function eventsOf(data: BriefingData, actorIds: Set<string>): StoredEvent[] {
	return data.events.filter((event) => event.actors.some((id) => actorIds.has(id)));
}

export function quotesOf(data: BriefingData, actorIds: Set<string>): StoredQuote[] {
	return data.quotes.filter((quote) => quote.speaker !== null && actorIds.has(quote.speaker));
}

export const articleById = (data: BriefingData) => new Map(data.articles.map((article) => [article.id, article]));

export const actorById = (data: BriefingData) => new Map(data.actors.map((actor) => [actor.id, actor]));

// How many events each actor takes part in and how many quotes each said, in one pass over the
// briefing (an event naming an actor twice counts once, as in eventsOf): listing every actor with
// eventsOf and quotesOf would scan all events once per actor.
export function countsByActor(data: BriefingData): {events: Map<string, number>; quotes: Map<string, number>} {
	const events = new Map<string, number>();
	for (const event of data.events) {
		event.actors.forEach((id, i) => {
			if (event.actors.indexOf(id) === i) events.set(id, (events.get(id) ?? 0) + 1);
		});
	}
	const quotes = new Map<string, number>();
	for (const quote of data.quotes) {
		if (quote.speaker !== null) quotes.set(quote.speaker, (quotes.get(quote.speaker) ?? 0) + 1);
	}
	return {events, quotes};
}

export const eventById = (data: BriefingData) => new Map(data.events.map((event) => [event.id, event]));

export const quoteById = (data: BriefingData) => new Map(data.quotes.map((quote) => [quote.id, quote]));
