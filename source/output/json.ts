import {actorById, articleById, countsByActor} from '../store/queries.js';
import type {BriefingData, StoredActor, StoredEvent, StoredQuote} from '../store/schema.js';
import type {Extraction} from '../types.js';
import {preciseDate} from './dates.js';

// JSON.stringify escapes C0 controls but passes C1 controls, bidi overrides and line separators
// through; escaping them keeps `--json` as safe on a terminal as the text output, and it stays
// the same JSON since they can only occur inside strings.
export function jsonText(value: unknown): string {
	return `${JSON.stringify(value, null, 2).replace(/[\u0080-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)}\n`;
}

// The `extract --json` contract (../shared/eval/README.md): names instead of ids, dates as
// precise as they are known. Fields after the contract's are extra detail.
export function toExtractJson(extraction: Extraction) {
	const {article, actors, events, quotes} = extraction;
	const names = new Map(actors.map((actor) => [actor.key, actor.name]));
	const name = (key: string) => names.get(key) ?? key;
	return {
		article: {title: article.title, date: article.date, dateAssumed: article.dateAssumed, source: article.source, url: article.url, format: article.format},
		actors: actors.map((actor) => ({name: actor.name, kind: actor.kind, aliases: actor.aliases, role: actor.role, mentions: actor.mentions.length})),
		events: events.map((event) => ({
			date: preciseDate(event.date.date, event.date.precision),
			text: event.text,
			actors: event.actors.map(name),
			datePrecision: event.date.precision,
			dateText: event.date.text,
			dateSource: event.date.source,
			paragraph: event.paragraph,
		})),
		quotes: quotes.map((quote) => ({
			text: quote.text,
			speaker: quote.speaker === null ? null : name(quote.speaker),
			date: preciseDate(quote.date.date, quote.date.precision),
			datePrecision: quote.date.precision,
			paragraph: quote.paragraph,
		})),
	};
}

// `actors --json`, `events --json`, `quotes --json`: stored items with their ids, and the names
// and titles they refer to resolved.

export function actorsJson(data: BriefingData, actors: StoredActor[]) {
	const counts = countsByActor(data);
	return actors.map((actor) => ({
		id: actor.id,
		name: actor.name,
		kind: actor.kind,
		role: actor.role,
		aliases: actor.aliases,
		articles: [...new Set(actor.sources.map((source) => source.article))],
		events: counts.events.get(actor.id) ?? 0,
		quotes: counts.quotes.get(actor.id) ?? 0,
	}));
}

export function eventsJson(data: BriefingData, events: StoredEvent[]) {
	const actors = actorById(data);
	const articles = articleById(data);
	return events.map((event) => ({
		id: event.id,
		date: preciseDate(event.date, event.datePrecision),
		datePrecision: event.datePrecision,
		dateText: event.dateText,
		dateSource: event.dateSource,
		text: event.text,
		actors: event.actors.map((id) => ({id, name: actors.get(id)?.name ?? null})),
		article: {id: event.article, title: articles.get(event.article)?.title ?? null},
	}));
}

export function quotesJson(data: BriefingData, quotes: StoredQuote[]) {
	const actors = actorById(data);
	const articles = articleById(data);
	return quotes.map((quote) => ({
		id: quote.id,
		text: quote.text,
		speaker: quote.speaker === null ? null : {id: quote.speaker, name: actors.get(quote.speaker)?.name ?? null},
		date: preciseDate(quote.date, quote.datePrecision),
		datePrecision: quote.datePrecision,
		article: {id: quote.article, title: articles.get(quote.article)?.title ?? null},
	}));
}
