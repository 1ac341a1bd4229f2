import {actorById, articleById, countsByActor} from '../store/queries.js';
import type {ActorWithSources, BriefingData, StoredArticle, StoredEvent, StoredQuote} from '../store/schema.js';
import type {Extraction} from '../types.js';
import {preciseDate} from './dates.js';
import {articlesOf} from './sources.js';

// JSON.stringify escapes C0 controls but passes C1 controls, bidi overrides and line separators
// through; escaping them keeps `--json` as safe on a terminal as the text output, and it stays
// the same JSON since they can only occur inside strings.
const escapeInvisible = (json: string) =>
	json.replace(/[\u0080-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

export function jsonText(value: unknown): string {
	return `${escapeInvisible(JSON.stringify(value, null, 2))}\n`;
}

// The text jsonText gives for an array of the items, in pieces of one item each, so that a long
// listing is written as it is made (output/write.ts). JSON.stringify lays out an array as each
// item's own layout indented by two more spaces (its strings hold no raw newline to trip on),
// between "[" and "]" on lines of their own.
export function* jsonArrayText(items: Iterable<object>): Generator<string> {
	let first = true;
	for (const item of items) {
		yield `${first ? '[' : ','}\n  ${escapeInvisible(JSON.stringify(item, null, 2)).replaceAll('\n', '\n  ')}`;
		first = false;
	}
	yield first ? '[]\n' : '\n]\n';
}

// The text jsonText gives for an object, in pieces: each item of an array among its values is
// laid out on its own, so that the extraction of a long article is written as it is made rather
// than held as one string (and again, escaped) beside it. The same layout as JSON.stringify's.
export function* jsonObjectText(value: Record<string, unknown>): Generator<string> {
	const layout = (item: unknown, indent: string) =>
		escapeInvisible((JSON.stringify(item, null, 2) as string | undefined) ?? 'null').replaceAll('\n', `\n${indent}`);
	let first = true;
	for (const [key, item] of Object.entries(value)) {
		// Left out, as JSON.stringify leaves them out of an object.
		if (item === undefined || typeof item === 'function' || typeof item === 'symbol') continue;
		yield `${first ? '{' : ','}\n  ${JSON.stringify(key)}: `;
		first = false;
		if (Array.isArray(item) && item.length > 0) {
			for (const [index, element] of item.entries()) yield `${index === 0 ? '[' : ','}\n    ${layout(element, '    ')}`;
			yield '\n  ]';
		} else yield layout(item, '  ');
	}
	yield first ? '{}\n' : '\n}\n';
}

// The `extract --json` contract (../shared/eval/README.md): names instead of ids, dates as
// precise as they are known. Fields after the contract's are extra detail.
export function toExtractJson(extraction: Extraction) {
	const {article, actors, events, quotes} = extraction;
	const names = new Map(actors.map((actor) => [actor.key, actor.name]));
	const name = (key: string) => names.get(key) ?? key;
	return {
		article: {
			title: article.title,
			date: article.date,
			dateAssumed: article.dateAssumed,
			source: article.source,
			url: article.url,
			byline: article.byline,
			format: article.format,
		},
		actors: actors.map((actor) => ({
			name: actor.name,
			kind: actor.kind,
			aliases: actor.aliases,
			role: actor.role,
			mentions: actor.mentions.length,
		})),
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
// and titles they refer to resolved, made one at a time for jsonArrayText.

export function* actorsJson(data: BriefingData, actors: ActorWithSources[]) {
	const counts = countsByActor(data);
	for (const actor of actors) {
		yield {
			id: actor.id,
			name: actor.name,
			kind: actor.kind,
			role: actor.role,
			aliases: actor.aliases,
			articles: [...new Set(actor.sources.map((source) => source.article))],
			events: counts.events.get(actor.id) ?? 0,
			quotes: counts.quotes.get(actor.id) ?? 0,
		};
	}
}

// Where an event or a quote comes from, enough to cite it: the article's title, its source (the
// outlet, as in briefing.json) and its url.
function articleJson(articles: ReadonlyMap<string, StoredArticle>, id: string) {
	const article = articles.get(id);
	return {id, title: article?.title ?? null, source: article?.source ?? null, url: article?.url ?? null};
}

// Every article that tells the item, first the one whose words the item has.
function sourcesJson(item: StoredEvent | StoredQuote, articles: ReadonlyMap<string, StoredArticle>) {
	const texts = item.sources?.map((source) => source.text) ?? [item.text];
	return articlesOf(item).map((id, i) => {
		const article = articles.get(id);
		return {
			article: id,
			outlet: article?.source ?? null,
			date: article?.date ?? null,
			url: article?.url ?? null,
			title: article?.title ?? null,
			text: texts[i],
		};
	});
}

export function* eventsJson(data: BriefingData, events: StoredEvent[]) {
	const actors = actorById(data);
	const articles = articleById(data);
	for (const event of events) {
		yield {
			id: event.id,
			date: preciseDate(event.date, event.datePrecision),
			datePrecision: event.datePrecision,
			dateText: event.dateText,
			dateSource: event.dateSource,
			text: event.text,
			actors: event.actors.map((id) => ({id, name: actors.get(id)?.name ?? null})),
			article: articleJson(articles, event.article),
			sources: sourcesJson(event, articles),
		};
	}
}

export function* quotesJson(data: BriefingData, quotes: StoredQuote[]) {
	const actors = actorById(data);
	const articles = articleById(data);
	for (const quote of quotes) {
		yield {
			id: quote.id,
			text: quote.text,
			speaker: quote.speaker === null ? null : {id: quote.speaker, name: actors.get(quote.speaker)?.name ?? null},
			date: preciseDate(quote.date, quote.datePrecision),
			datePrecision: quote.datePrecision,
			article: articleJson(articles, quote.article),
			sources: sourcesJson(quote, articles),
		};
	}
}
