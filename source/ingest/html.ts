import {Readability} from '@mozilla/readability';
import {parseHTML} from 'linkedom';
import {ArticleError} from './errors.js';
import {afterProlog} from './prolog.js';
import {parseIsoDay} from './isoDay.js';

// A web page (or a feed item's HTML) to an article: its metadata from the page's head and JSON-LD,
// and its main text, found by Mozilla's Readability, as paragraphs separated by blank lines, the
// body format the rest of extraction reads (article.ts splitParagraphs). Pure: text in, article
// out. The DOM is linkedom's: parsing and Readability take a sixth of jsdom's time on saved pages,
// at two thirds of its peak memory (scripts/bench/html.ts).

export type PageArticle = {
	title: string | null;
	date: string | null; // ISO day, as the page states it
	outlet: string | null;
	url: string | null;
	byline: string | null;
	body: string; // paragraphs separated by blank lines; sub-headings as "## Heading"
};

// What is never article text, whatever Readability thinks of it: code, navigation, forms, captions
// and the boxes around a story (related stories, newsletters, sharing, comments, ads).
const NOT_TEXT =
	'script, style, noscript, template, iframe, object, embed, svg, canvas, form, button, input, select, textarea, nav, aside, footer, figcaption, figure, [role=navigation], [role=complementary], [role=banner], [role=contentinfo], [aria-hidden=true], [hidden]';
const BOX =
	/(?:^|[\s_-])(?:related|recommended|more-(?:on|from|stories)|most-(?:read|popular)|popular|trending|newsletter|promo|advert(?:isement)?|ad-slot|ads?|sponsor(?:ed)?|share|sharing|social|cookies?|consent|comments?|byline|breadcrumbs?|subscribe|sidebar|teasers?|outbrain|taboola|footer|top-bar|menu|masthead)(?:$|[\s_-])/i;
const BOX_HEADING =
	/^(?:related(?: stories| articles| coverage)?|more on this(?: story)?|read more|see also|most read|recommended(?: for you)?)\b/i;

const BLOCK = new Set([
	'ADDRESS',
	'ARTICLE',
	'BLOCKQUOTE',
	'BR',
	'DD',
	'DIV',
	'DL',
	'DT',
	'H1',
	'H2',
	'H3',
	'H4',
	'H5',
	'H6',
	'HR',
	'LI',
	'MAIN',
	'OL',
	'P',
	'PRE',
	'SECTION',
	'TABLE',
	'TD',
	'TH',
	'TR',
	'UL',
]);
const HEADING = /^H[1-6]$/;

const squash = (text: string | null | undefined) => (text ?? '').replace(/\s+/g, ' ').trim();
const orNull = (text: string | null | undefined) => squash(text) || null;

type Json = Record<string, unknown>;
const isRecord = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

// The objects of JSON-LD, through lists and @graph, in document order.
function* ldObjects(value: unknown, depth = 0): Generator<Json> {
	if (depth > 8) return;
	if (Array.isArray(value)) for (const item of value) yield* ldObjects(item, depth + 1);
	else if (isRecord(value)) {
		yield value;
		if (value['@graph'] !== undefined) yield* ldObjects(value['@graph'], depth + 1);
	}
}

const ARTICLE_TYPE = /Article|BlogPosting|Report|LiveBlogPosting/;

function ldArticle(document: Document): Json | null {
	for (const script of document.querySelectorAll('script[type="application/ld+json"]')) {
		let parsed: unknown;
		try {
			parsed = JSON.parse(script.textContent ?? '');
		} catch {
			continue; // a page's broken JSON-LD is not the reader's problem: the other sources remain
		}
		for (const object of ldObjects(parsed)) {
			const type = object['@type'];
			const types = Array.isArray(type) ? type : [type];
			if (types.some((t) => typeof t === 'string' && ARTICLE_TYPE.test(t))) return object;
		}
	}
	return null;
}

// A JSON-LD name: a string, an object with "name", or a list of either.
function ldName(value: unknown): string | null {
	const names = (Array.isArray(value) ? value : [value])
		.map((item) => (typeof item === 'string' ? item : isRecord(item) && typeof item['name'] === 'string' ? item['name'] : ''))
		.map(squash)
		.filter(Boolean);
	return names.length ? names.join(', ') : null;
}

// The day a timestamp gives as written ("2025-03-14T07:45:00+01:00" is the 14th where it was published).
function dayOf(value: unknown): string | null {
	if (typeof value !== 'string') return null;
	const day = /^\s*(\d{4}-\d{2}-\d{2})/.exec(value)?.[1];
	return day ? parseIsoDay(day) : null;
}

const absoluteUrl = (value: string | null | undefined, base?: string | null): string | null => {
	if (!value?.trim()) return null;
	try {
		const url = new URL(value.trim(), base ?? undefined);
		return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
	} catch {
		return null;
	}
};

function meta(document: Document, ...names: string[]): string | null {
	for (const name of names) {
		const element = document.querySelector(`meta[property="${name}"], meta[name="${name}"]`);
		const content = orNull(element?.getAttribute('content'));
		if (content) return content;
	}
	return null;
}

function pageMeta(document: Document): Omit<PageArticle, 'body' | 'title'> {
	const ld = ldArticle(document);
	const time = document.querySelector('time[datetime]')?.getAttribute('datetime');
	const ogUrl = absoluteUrl(meta(document, 'og:url'));
	return {
		date: dayOf(meta(document, 'article:published_time')) ?? dayOf(ld?.['datePublished']) ?? dayOf(time),
		outlet: meta(document, 'og:site_name') ?? ldName(ld?.['publisher']),
		url: absoluteUrl(document.querySelector('link[rel="canonical"]')?.getAttribute('href'), ogUrl) ?? ogUrl,
		byline: meta(document, 'author', 'article:author') ?? ldName(ld?.['author']),
	};
}

// Removes what is never article text, and the boxes around a story, from `root` (in place).
function removeNonText(root: Element): void {
	for (const element of [...root.querySelectorAll(NOT_TEXT)]) element.remove();
	for (const element of [...root.querySelectorAll('*')]) {
		const names = `${element.getAttribute('class') ?? ''} ${element.getAttribute('id') ?? ''}`;
		// The story's own container ("story-body", "article-text") is kept whatever else it is called.
		if (BOX.test(names) && !/(?:^|\s)(?:story|article|entry|post)(?:-body|-text|-content)?(?:\s|$)/i.test(names)) element.remove();
	}
	const holds = holdings();
	for (const heading of [...root.querySelectorAll('h1, h2, h3, h4, h5, h6')]) {
		if (!BOX_HEADING.test(squash(heading.textContent))) continue;
		// The heading of a box of links takes the box with it; a heading alone goes alone.
		const box = heading.parentElement;
		if (box && box !== root && holds(box, 'a') && !holds(box, 'p')) box.remove();
		else heading.remove();
	}
}

// Whether a box holds an element of a tag, asked for each box heading in it. The element found is
// remembered and looked for again only once it is no longer in the box, and a box found to hold
// none never will (elements are only removed): searched through once per heading, a box with
// thousands of them took time that grew with their square.
function holdings(): (box: Element, tag: 'a' | 'p') => boolean {
	const found = new Map<string, Map<Element, Element | null>>([
		['a', new Map()],
		['p', new Map()],
	]);
	const inside = (box: Element, element: Element) => {
		for (let node: Element | null = element; node; node = node.parentElement) if (node === box) return true;
		return false;
	};
	return (box, tag) => {
		const seen = found.get(tag)!;
		let element = seen.get(box);
		if (element === undefined || (element !== null && !inside(box, element))) seen.set(box, (element = box.querySelector(tag)));
		return element !== null;
	};
}

// The text of block elements, a paragraph each; text directly in a container is a paragraph of
// its own between the blocks around it. Iterative: a page nested thousands deep does not
// overflow the stack.
function paragraphs(root: Element): string[] {
	const out: string[] = [];
	let run = '';
	let runLinks = 0;
	const flush = (heading = false) => {
		const text = squash(run);
		// A line that is mostly links (a list of teasers) is navigation, not text.
		if (text && runLinks / text.length < 0.6) out.push(heading ? `## ${text}` : text);
		run = '';
		runLinks = 0;
	};
	type Step = {node: Node; exit: boolean};
	const stack: Step[] = [{node: root, exit: false}];
	let linkDepth = 0;
	while (stack.length) {
		const {node, exit} = stack.pop()!;
		if (node.nodeType === 3) {
			const text = node.nodeValue ?? '';
			run += text;
			if (linkDepth > 0) runLinks += squash(text).length;
			continue;
		}
		if (node.nodeType !== 1) continue;
		const tag = (node as Element).tagName.toUpperCase();
		if (exit) {
			if (tag === 'A') linkDepth--;
			if (BLOCK.has(tag)) flush(HEADING.test(tag));
			continue;
		}
		if (BLOCK.has(tag)) flush();
		if (tag === 'A') linkDepth++;
		stack.push({node, exit: true});
		const children = node.childNodes;
		for (let i = children.length - 1; i >= 0; i--) stack.push({node: children[i]!, exit: false});
	}
	flush();
	return out;
}

// At least one paragraph of prose: a few words ending like a sentence.
const hasProse = (paras: string[]) => paras.some((p) => !p.startsWith('## ') && p.split(' ').length >= 6 && /[.!?…"'”’)]$/.test(p));

const documentOf = (html: string) => parseHTML(html).document as unknown as Document;

// Browsers' parsers nest elements no deeper than this (Chromium's puts deeper ones beside the
// last). Readability, and the parser when it sets a node's HTML, recurse once per level: a page
// nested a few thousand deep overflowed the stack.
const MAX_DEPTH = 512;

function depthOf(root: Element): number {
	let deepest = 0;
	const stack: Array<[Element, number]> = [[root, 1]];
	while (stack.length) {
		const [element, depth] = stack.pop()!;
		deepest = Math.max(deepest, depth);
		for (const child of element.children) stack.push([child, depth + 1]);
	}
	return deepest;
}

// A whole web page: Readability finds the story in it.
export function parsePage(html: string): PageArticle {
	const document = documentOf(html);
	const found = pageMeta(document);
	const body = document.body ?? document.documentElement;
	if (!body) throw new ArticleError('is an HTML page with no article text');
	removeNonText(body);
	if (depthOf(body) > MAX_DEPTH) throw new ArticleError(`is an HTML page with elements nested more than ${MAX_DEPTH} deep`);
	const article = new Readability<Node>(document, {serializer: (node) => node}).parse();
	const content = article?.content;
	const paras = content ? paragraphs(content as Element) : [];
	if (!hasProse(paras)) throw new ArticleError('is an HTML page with no article text (nothing on it reads as a story)');
	return {
		...found,
		title: orNull(article?.title),
		byline: found.byline ?? orNull(article?.byline)?.replace(/^by\s+/i, '') ?? null,
		body: paras.join('\n\n'),
	};
}

// A feed item's HTML (or plain text): it is the story already, so it is taken whole, without
// what is never text.
export function parseFragment(html: string): string[] {
	const document = documentOf(`<!DOCTYPE html><html><head></head><body>${html}</body></html>`);
	const body = document.body;
	if (!body) return [];
	removeNonText(body);
	return paragraphs(body);
}

// Whether a text is an HTML document, by its first tag.
export const looksLikeHtml = (text: string) => /^<(?:!doctype\s+html|html|head|body)[\s>]/i.test(afterProlog(text.slice(0, 4096)));
