import {parseFeed} from 'feedsmith';
import type {FeedItem} from './article.js';
import {ArticleError} from './errors.js';
import {afterProlog} from './prolog.js';
import {parseIsoDay} from './isoDay.js';

// RSS 2.0, Atom and JSON Feed files to their items, each an article of its own: its title, day,
// link, author and text (RSS content:encoded, Atom content, JSON content_html or content_text,
// else the description or summary), with the feed's title as the outlet. Parsed by feedsmith,
// which keeps each format's own fields; the mapping to an article is here. Pure.

export type FeedEntry = {
	id: string | null; // guid or id, else its link as written: what identifies the item when the feed is read again
	item: FeedItem;
	raw: string; // the item's fields as read, which change when the item does
};

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

// The day a feed's date gives as written: ISO 8601 (Atom, JSON Feed) or RFC 822 (RSS: "Tue, 25
// Feb 2025 23:10:00 +0100" is the 25th, where it was published).
export function feedDay(value: unknown): string | null {
	if (typeof value !== 'string') return null;
	const iso = /^\s*(\d{4}-\d{2}-\d{2})/.exec(value)?.[1];
	if (iso) return parseIsoDay(iso);
	const rfc = /(?:^|[\s,])(\d{1,2})\s+([A-Za-z]{3})[A-Za-z]*\.?\s+(\d{2,4})\b/.exec(value);
	if (!rfc) return null;
	const month = MONTHS.indexOf(rfc[2]!.toLowerCase()) + 1;
	const year = rfc[3]!.length === 2 ? 2000 + Number(rfc[3]) : Number(rfc[3]);
	if (month === 0) return null;
	return parseIsoDay(`${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${rfc[1]!.padStart(2, '0')}`);
}

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

// Plain text as HTML paragraphs, one per blank-line-separated block.
const textHtml = (text: string) =>
	text
		.split(/\n[^\S\n]*\n/)
		.map((paragraph) => `<p>${escapeHtml(paragraph)}</p>`)
		.join('');

const text = (value: unknown): string | null => (typeof value === 'string' && value.trim() ? value : null);

// Atom's text constructs: {value, type}; "text" is plain, "html" and "xhtml" are markup.
const atomHtml = (value: {value?: unknown; type?: unknown} | undefined): string | null => {
	const content = text(value?.value);
	if (content === null) return null;
	return value?.type === 'html' || value?.type === 'xhtml' ? content : textHtml(content);
};

// Titles may carry markup (Atom type="html"): their words only.
export const plainTitle = (title: string | null) =>
	title === null
		? null
		: title
				.replace(/<[^<>]*>/g, '')
				.replace(/\s+/g, ' ')
				.trim() || null;

// Atom's link to the page itself: rel="alternate", which is also what a link without rel means.
const alternate = (links: Array<{href?: unknown; rel?: unknown}> | undefined) =>
	text((links ?? []).find((link) => !link.rel || link.rel === 'alternate')?.href);

// A link as a reader can open it, http or https: as written when it is absolute, else made
// absolute against the base.
function absolute(link: string | null, base: string | null): string | null {
	const web = (url: URL) => url.protocol === 'http:' || url.protocol === 'https:';
	if (link === null) return null;
	if (URL.canParse(link.trim())) return web(new URL(link.trim())) ? link.trim() : null;
	if (base === null || !URL.canParse(link.trim(), base)) return null;
	const url = new URL(link.trim(), base);
	return web(url) ? url.href : null;
}

const names = (list: unknown): string | null => {
	if (!Array.isArray(list)) return null;
	const all = list.map((entry) => (typeof entry === 'string' ? entry : text((entry as {name?: unknown})?.name))).filter(Boolean);
	return all.length ? all.join(', ') : null;
};

type Mapped = {
	id: string | null;
	link: string | null; // as written, perhaps relative: it identifies the item when it has no id
	title: string | null;
	date: string | null;
	byline: string | null;
	html: string | null;
};

// What the feed says is its site: the base of links written relative to it, when the feed was
// not fetched from a URL of its own.
type Entries = {outlet: string | null; home: string | null; items: Mapped[]};

function entries(content: string): Entries {
	const {format, feed} = parseFeed(content);
	switch (format) {
		case 'rss':
			return {
				outlet: text(feed.title),
				home: text(feed.link),
				items: (feed.items ?? []).map((item) => ({
					id: text(item.guid?.value),
					link: text(item.link),
					title: text(item.title),
					date: feedDay(item.pubDate) ?? feedDay(item.dc?.dates?.[0]),
					byline: names(item.dc?.creators) ?? names(item.authors),
					html: text(item.content?.encoded) ?? text(item.description),
				})),
			};
		case 'atom':
			return {
				outlet: text(feed.title?.value),
				home: alternate(feed.links),
				items: (feed.entries ?? []).map((entry) => ({
					id: text(entry.id),
					link: alternate(entry.links),
					title: text(entry.title?.value),
					date: feedDay(entry.published) ?? feedDay(entry.updated),
					byline: names(entry.authors),
					html: atomHtml(entry.content) ?? atomHtml(entry.summary),
				})),
			};
		case 'json':
			return {
				outlet: text(feed.title),
				home: text(feed.home_page_url),
				items: (feed.items ?? []).map((item) => ({
					id: text(item.id),
					link: text(item.url),
					title: text(item.title),
					date: feedDay(item.date_published) ?? feedDay(item.date_modified),
					byline: names(item.authors) ?? names(feed.authors),
					html: text(item.content_html) ?? (text(item.content_text) ? textHtml(item.content_text!) : null) ?? text(item.summary),
				})),
			};
		case 'rdf':
			return {
				outlet: text(feed.title),
				home: text(feed.link),
				items: (feed.items ?? []).map((item) => ({
					id: text(item.link),
					link: text(item.link),
					title: text(item.title),
					date: feedDay(item.dc?.dates?.[0]),
					byline: names(item.dc?.creators),
					html: text(item.content?.encoded) ?? text(item.description),
				})),
			};
	}
}

// Whether a text looks like a feed, by its start: an XML feed's root element, or JSON Feed's version.
export function looksLikeFeed(content: string): boolean {
	const head = content.slice(0, 4096);
	if (/^\s*\{/.test(head)) return /"version"\s*:\s*"https?:\/\/jsonfeed\.org\/version\//.test(head);
	return /^<(?:rss|feed|rdf:RDF)[\s>]/.test(afterProlog(head));
}

// The items of a feed; an ArticleError when it is not one, or has none. Links written relative
// are made absolute against `url`, where the feed was fetched from, else the feed's own site
// (RSS's channel link, Atom's alternate link, JSON Feed's home page), as a feed reader does.
export function parseFeedItems(content: string, url: string | null = null): FeedEntry[] {
	let parsed;
	try {
		parsed = entries(content);
	} catch (error) {
		const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
		throw new ArticleError(`is not a feed that can be read (${reason})`);
	}
	if (parsed.items.length === 0) throw new ArticleError('is a feed with no items');
	// An item that is only a title and a link has no story to extract.
	const found = parsed.items.filter((item) => item.html !== null);
	if (found.length === 0) throw new ArticleError('is a feed whose items have no text');
	const base = url ?? absolute(parsed.home, null);
	return found.map((item) => {
		const feedItem: FeedItem = {
			title: plainTitle(item.title),
			date: item.date,
			outlet: plainTitle(parsed.outlet),
			url: absolute(item.link, base),
			byline: item.byline,
			html: item.html!,
		};
		return {id: item.id ?? item.link, item: feedItem, raw: JSON.stringify(feedItem)};
	});
}
