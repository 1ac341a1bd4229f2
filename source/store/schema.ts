import type {ActorKind, ActorMention, ArticleMeta, DatePrecision, DateSource} from '../types.js';

// Bump when the shape of briefing.json changes, and add a migration in migrations.ts.
// Schema 2: article texts moved out of briefing.json into articles/ (bodies.ts), and the actors'
// sources into a section at its end.
// Schema 3: articles have a byline, and may be web pages or feed items (format html, feed).
export const SCHEMA_VERSION = 3;

export type StoredArticle = ArticleMeta & {
	id: string;
	key: string; // what identifies the article across re-ingests: its url, else its absolute path
	path: string | null;
	hash: string; // sha256 of the raw file text; an unchanged hash means nothing to do
	ingestedAt: string;
	// The article's text, only in memory: on an article just ingested, or read from schema 1 or the
	// embedded sample, which keep it inline. The store writes it to the article's own file in
	// articles/ and never to briefing.json; readArticleBody (bodies.ts) finds it either way.
	body?: string;
};

export type ArticleWithBody = StoredArticle & {body: string};

// What one article says about an actor. An actor's name and aliases are derived from its
// sources, so removing an article removes exactly what it contributed.
export type ActorSource = {
	article: string;
	name: string;
	role: string | null;
	aliases: string[];
	mentions: Omit<ActorMention, 'text'>[];
};

export type StoredActor = {
	id: string;
	name: string;
	kind: ActorKind;
	role: string | null;
	aliases: string[];
};

// An actor with what each article says about it, from which its name, role and aliases are
// derived. Only ingest and doctor need the sources: briefing.json keeps them in a section of their
// own at its end ("actorSources", by actor id), which the other readers do not parse.
export type ActorWithSources = StoredActor & {sources: ActorSource[]};

type Dated = {
	date: string;
	datePrecision: DatePrecision;
	dateText: string | null;
	dateSource: DateSource;
};

type Evidence = {
	article: string;
	paragraph: number;
	start: number;
	end: number;
};

// One article's telling of an event that several articles tell (stories.ts).
export type EventSource = Evidence & Dated & {text: string; actors: string[]};
export type QuoteSource = Evidence & Dated & {text: string; speaker: string | null};

// An event or quote told by several articles (the same wire story from several outlets) is one
// item: its own fields are the first article's telling, and `sources` lists every telling, that
// one first, in the order the articles were ingested. Absent when one article tells it.
export type StoredEvent = Evidence &
	Dated & {
		id: string;
		text: string;
		actors: string[]; // actor ids: of every source
		sources?: EventSource[];
	};

export type StoredQuote = Evidence &
	Dated & {
		id: string;
		text: string;
		speaker: string | null; // actor id
		sources?: QuoteSource[];
	};

export type BriefingData = {
	schemaVersion: number;
	articles: StoredArticle[];
	actors: StoredActor[];
	events: StoredEvent[];
	quotes: StoredQuote[];
};

// The briefing as ingest and doctor read and write it: actors with their sources.
export type FullBriefing = Omit<BriefingData, 'actors'> & {actors: ActorWithSources[]};
