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
