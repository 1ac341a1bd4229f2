import type {Extraction, ExtractedQuote} from '../types.js';
import {findActors} from './actors.js';
import {type FeedItem, parseArticle, parseFeedItem, parseHtmlArticle, splitParagraphs} from './article.js';
import {looksLikeHtml} from './html.js';
import {findEvents} from './events.js';
import {ArticleTokens, tagSentences} from './nlp.js';
import {attributeQuotes, findQuoteSpans} from './quotes.js';

export {ArticleError} from './errors.js';
export {decodeArticle} from './decode.js';
export {parseIsoDay} from './isoDay.js';

export type ExtractOptions = {
	// ISO day used when the article itself has no date (the CLI passes --date or the file's mtime).
	fallbackDate: string;
	// The text is a web page (a file named .html or .htm, or fetched as HTML); without it, a text
	// that starts like an HTML document is one too.
	html?: boolean;
	// An item of a feed (feed.ts): the feed's fields and the item's HTML; `raw` is not read.
	item?: FeedItem;
};

export type {FeedItem} from './article.js';

function parse(raw: string, {fallbackDate, html, item}: ExtractOptions) {
	if (item) return parseFeedItem(item, fallbackDate);
	if (html || looksLikeHtml(raw)) return parseHtmlArticle(raw, fallbackDate);
	return parseArticle(raw, fallbackDate);
}

// Text in, actors/events/quotes out. Pure: no I/O, deterministic for the same input.
export function extract(raw: string, options: ExtractOptions): Extraction {
	const article = parse(raw, options);
	const {body} = article;
	const paragraphs = splitParagraphs(body);
	const tokens = new ArticleTokens();
	const sentences = paragraphs.filter((p) => !p.heading).flatMap((p) => tagSentences(body, p, tokens));
	const quoteSpans = findQuoteSpans(body, paragraphs);
	const {actors, mentions} = findActors(body, sentences, quoteSpans, article.title);
	const kinds = new Map(actors.map((a) => [a.key, a.kind]));
	const kindOf = (key: string) => kinds.get(key) ?? '';
	const events = findEvents({sentences, quotes: quoteSpans, mentions, articleDate: article.date, kindOf});
	const eventBySentence = new Map(events.map((e) => [e.sentence, e]));
	const attributions = attributeQuotes({body, sentences, mentions, kindOf}, quoteSpans);
	// Whoever speaks in a sentence is one of its actors, named there or not ("…," she wrote).
	for (const {speaker, sentence} of attributions) {
		const event = eventBySentence.get(sentence);
		if (speaker && event && !event.actors.includes(speaker)) event.actors.unshift(speaker);
	}
	const quotes: ExtractedQuote[] = attributions.map(({quote, speaker, sentence}) => ({
		paragraph: quote.paragraph,
		start: quote.start,
		end: quote.end,
		text: quote.text,
		speaker,
		date: eventBySentence.get(sentence)?.date ?? {date: article.date, precision: 'day', text: null, source: 'article'},
	}));
	return {article, paragraphs, actors, events: events.map(({sentence: _sentence, ...event}) => event), quotes};
}
