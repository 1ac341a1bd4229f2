// The domain of a briefing, shared by ingest, store and ui. Ingest produces an `Extraction` per
// article (names, no ids of other articles); the store merges extractions into a `Briefing`
// (ids, actors shared across articles).

export type ActorKind = 'person' | 'country' | 'organization' | 'place';

export type DatePrecision = 'day' | 'week' | 'month' | 'year';

// How an event's date was found, so the detail view can say why an event sits where it does.
export type DateSource =
	| 'explicit' // "on July 8, 2015", "in 2010"
	| 'relative' // "on Tuesday", "last week", "yesterday", resolved against the article date
	| 'context' // no date in the sentence; carried from the dated account it continues
	| 'article'; // no date anywhere: the article's own date

// 'html': a web page; 'feed': an item of an RSS, Atom or JSON feed.
export type ArticleFormat = 'seed' | 'front-matter' | 'plain' | 'html' | 'feed';

export type ArticleMeta = {
	title: string;
	date: string; // ISO day
	dateAssumed: boolean; // true when neither the text nor the front matter gave a date
	source: string | null; // the outlet: front matter's source, a page's og:site_name or publisher, a feed's title
	url: string | null;
	byline: string | null; // who wrote it, when the page or the feed says
	format: ArticleFormat;
};

export type Paragraph = {
	index: number;
	start: number; // character offset in the article body
	end: number;
	heading: boolean; // a sub-heading such as "Surge of arms deliveries": not a sentence of events
};

export type Sentence = {
	paragraph: number;
	start: number;
	end: number;
	text: string;
};

// A place in the article body that evidence points at.
export type Span = {
	paragraph: number;
	start: number;
	end: number;
};

export type ActorMention = Span & {text: string};

export type ExtractedActor = {
	key: string; // unique within the extraction; events and quotes refer to actors by it
	name: string;
	kind: ActorKind;
	role: string | null;
	aliases: string[];
	mentions: ActorMention[];
};

export type ResolvedDate = {
	date: string; // ISO day: a day of that week for 'week', the first day of the month or year for coarser ones
	precision: DatePrecision;
	text: string | null; // the words the date came from, null when taken from the article or context
	source: DateSource;
};

export type ExtractedEvent = Span & {
	text: string;
	actors: string[]; // actor keys
	date: ResolvedDate;
};

export type ExtractedQuote = Span & {
	text: string;
	speaker: string | null; // actor key
	date: ResolvedDate;
};

export type Extraction = {
	// removedControls: how many escape sequences and bidi controls were cleaned out of its text.
	article: ArticleMeta & {body: string; removedControls: number};
	paragraphs: Paragraph[];
	actors: ExtractedActor[];
	events: ExtractedEvent[];
	quotes: ExtractedQuote[];
};
