import {createHash} from 'node:crypto';
import type {Extraction, ResolvedDate} from '../types.js';
import {addActorSources, compareStrings, deriveActor} from './actors.js';
import type {FullBriefing, StoredArticle} from './schema.js';
import {EVENT_KIND, QUOTE_KIND, retell} from './stories.js';

export type ArticleInput = {
	extraction: Extraction;
	hash: string; // articleHash of the decoded file text the extraction came from
	key: string; // see articleKey
	path: string | null;
	ingestedAt: string;
};

export type IngestStatus = 'added' | 'updated' | 'unchanged';

export type IngestOutcome = {
	status: IngestStatus;
	article: StoredArticle;
	actors: number;
	events: number;
	quotes: number;
};

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

// An article is unchanged when its file's text is: its hash says so without keeping the text.
export const articleHash = sha256;

// An article is the same article when it has the same url, else the same file.
export const articleKey = (url: string | null, absolutePath: string) => url ?? absolutePath;

export const articleId = (key: string) => `a-${sha256(key).slice(0, 10)}`;

// Ids depend on the sentence, not its position, so the sentences an edit leaves alone keep their
// ids (and the notes that point at them). `n` tells apart a sentence the article repeats.
function textIds(prefix: string, article: string, texts: string[]): string[] {
	const seen = new Map<string, number>();
	return texts.map((text) => {
		const n = (seen.get(text) ?? 0) + 1;
		seen.set(text, n);
		return `${prefix}${sha256(`${article}\n${text}\n${n}`).slice(0, 10)}`;
	});
}

const dated = (date: ResolvedDate) => ({date: date.date, datePrecision: date.precision, dateText: date.text, dateSource: date.source});

const chronological = <T extends {date: string; article: string; start: number}>(a: T, b: T) =>
	compareStrings(a.date, b.date) || compareStrings(a.article, b.article) || a.start - b.start;

function outcome(status: IngestStatus, article: StoredArticle, data: FullBriefing): IngestOutcome {
	const mine = (item: {article: string}) => item.article === article.id;
	// An item several articles tell is each one's.
	const told = (item: {article: string; sources?: Array<{article: string}>}) => mine(item) || (item.sources?.some(mine) ?? false);
	return {
		status,
		article,
		actors: data.actors.filter((actor) => actor.sources.some(mine)).length,
		events: data.events.filter(told).length,
		quotes: data.quotes.filter(told).length,
	};
}

// Puts one article's extraction into the briefing, replacing what an earlier version of the same
// article contributed. Pure: returns new data (the same object when nothing changed).
export function ingestArticle(data: FullBriefing, input: ArticleInput): {data: FullBriefing; outcome: IngestOutcome} {
	const id = articleId(input.key);
	const {hash} = input;
	const existing = data.articles.find((article) => article.key === input.key);
	if (existing?.hash === hash) return {data, outcome: outcome('unchanged', existing, data)};

	const meta = input.extraction.article;
	const article: StoredArticle = {
		id,
		key: input.key,
		path: input.path,
		title: meta.title,
		date: meta.date,
		dateAssumed: meta.dateAssumed,
		source: meta.source,
		url: meta.url,
		byline: meta.byline,
		format: meta.format,
		hash,
		body: meta.body,
		ingestedAt: input.ingestedAt,
	};
	const articles = existing ? data.articles.map((a) => (a === existing ? article : a)) : [...data.articles, article];
	const order = new Map(articles.map((a, index) => [a.id, index]));

	// Actors this article alone contributed to stay, emptied, while the new version is matched
	// against them: an edit then keeps their ids. Those still empty afterwards are dropped.
	const withoutOld = data.actors.map((actor) => {
		const sources = actor.sources.filter((source) => source.article !== id);
		return sources.length ? deriveActor({...actor, sources}, order) : {...actor, sources};
	});
	const merged = addActorSources(withoutOld, id, input.extraction.actors, order);
	// An extraction refers to its actors by key; a key it did not define is dropped, not stored as null.
	const actorIds = (keys: string[]) => [...new Set(keys.flatMap((key) => merged.ids.get(key) ?? []))];

	const {events: extractedEvents, quotes: extractedQuotes} = input.extraction;
	const eventIds = textIds(
		'e-',
		id,
		extractedEvents.map((event) => event.text),
	);
	const eventTellings = extractedEvents.map((event, index) => ({
		id: eventIds[index]!,
		telling: {
			article: id,
			paragraph: event.paragraph,
			start: event.start,
			end: event.end,
			text: event.text,
			...dated(event.date),
			actors: actorIds(event.actors),
		},
	}));
	const quoteIds = textIds(
		'q-',
		id,
		extractedQuotes.map((quote) => quote.text),
	);
	const quoteTellings = extractedQuotes.map((quote, index) => ({
		id: quoteIds[index]!,
		telling: {
			article: id,
			paragraph: quote.paragraph,
			start: quote.start,
			end: quote.end,
			text: quote.text,
			...dated(quote.date),
			speaker: quote.speaker === null ? null : (merged.ids.get(quote.speaker) ?? null),
		},
	}));

	// What the other articles already tell is told once, with this article as one more source.
	const events = retell(EVENT_KIND, data.events, id, eventTellings);
	const quotes = retell(QUOTE_KIND, data.quotes, id, quoteTellings);
	const next: FullBriefing = {
		schemaVersion: data.schemaVersion,
		articles,
		actors: merged.actors.filter((actor) => actor.sources.length > 0).sort((a, b) => compareStrings(a.id, b.id)),
		events: events.items.sort(chronological),
		quotes: quotes.items.sort(chronological),
	};
	events.index(next.events);
	quotes.index(next.quotes);
	return {data: next, outcome: outcome(existing ? 'updated' : 'added', article, next)};
}
