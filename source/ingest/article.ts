import {parse as parseYaml} from 'yaml';
import type {ArticleMeta, Paragraph} from '../types.js';
import {cleanText} from './clean.js';
import {parseIsoDay} from './isoDay.js';
import {ArticleError} from './errors.js';
import {parseFragment, parsePage} from './html.js';

// `removedControls`: the escape sequences and bidi controls cleaned out of the file (clean.ts).
export type ParsedArticle = ArticleMeta & {body: string; removedControls: number};

const SEED = /^\s*date\s+(\S+)\s+/;
const FRONT_MATTER = /^\s*---[ \t]*\n([\s\S]*?)\n---[ \t]*(?:\n|$)/;

function checkedDate(value: unknown, where: string): string {
	// String([day]) would be the day: a list or a mapping is refused rather than read as one.
	if (typeof value === 'object' && !(value instanceof Date))
		throw new ArticleError(`${where} is a YAML ${Array.isArray(value) ? 'list' : 'mapping'}, not a day (expected YYYY-MM-DD)`);
	const text = value instanceof Date ? value.toISOString().slice(0, 10) : String(value ?? '').trim();
	const day = parseIsoDay(text);
	if (!day) throw new ArticleError(`${where} "${text}" is not a real day (expected YYYY-MM-DD)`);
	return day;
}

// A field given twice is a mistake worth naming; only the top level is checked, a line at a time.
function checkRepeatedFields(yaml: string): void {
	const seen = new Set<string>();
	for (const [index, line] of yaml.split('\n').entries()) {
		const key = /^([^\s#:'"][^:]*?):(?:\s|$)/.exec(line)?.[1];
		if (key === undefined) continue;
		if (seen.has(key)) throw new ArticleError(`front matter has the field "${key}" twice (line ${index + 2})`);
		seen.add(key);
	}
}

// Front matter holds an article's fields, a few lines; a YAML parser holds a whole tree of each
// node it reads, some hundred bytes for each byte of a long one.
const MAX_FRONT_MATTER = 256 * 1024;

function frontMatter(yaml: string): Record<string, unknown> {
	if (yaml.length > MAX_FRONT_MATTER)
		throw new ArticleError(`front matter is ${Math.ceil(yaml.length / 1024)} KB long; it is limited to ${MAX_FRONT_MATTER / 1024} KB`);
	checkRepeatedFields(yaml);
	let data: unknown;
	try {
		// Warnings (an unknown tag such as !!js/function, read as a plain string) would be printed by
		// Node in several lines; the value is used as text, like any other. yaml's own check for
		// repeated keys is quadratic in their number, so repeats are found here instead.
		data = parseYaml(yaml, {logLevel: 'error', uniqueKeys: false});
	} catch (error) {
		// yaml counts lines from the start of the front matter; the file has the opening "---" first.
		const {message, linePos} = error as Error & {linePos?: Array<{line: number; col: number}>};
		const reason = message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
		const at = linePos?.[0] ? ` (line ${linePos[0].line + 1}, column ${linePos[0].col})` : '';
		throw new ArticleError(`front matter is not valid YAML${at}: ${reason}`);
	}
	if (data === null || data === undefined) return {};
	if (typeof data !== 'object' || Array.isArray(data)) throw new ArticleError('front matter is not a YAML mapping of fields');
	return data as Record<string, unknown>;
}

// A Markdown ATX heading's text ("# Title #" → "Title"), or null. Written as string steps: the
// regex it replaces backtracked cubically on a line of spaces.
function headingText(line: string): string | null {
	const marks = /^#{1,6}[ \t]/.exec(line);
	if (!marks) return null;
	const text = line.slice(marks[0].length).trim();
	let end = text.length;
	while (end > 0 && text[end - 1] === '#') end--;
	return text.slice(0, end).trimEnd() || null;
}

// The first sentence stands in for a title when the article has none; long ones are cut at a word.
function firstSentence(body: string): string {
	const line = body.trim().split('\n')[0] ?? '';
	const sentence = /^(.+?[.!?])(\s|$)/.exec(line)?.[1] ?? line;
	return sentence.length <= 100 ? sentence : `${withoutLastWord(sentence.slice(0, 100))}…`;
}

const isSpace = (character: string) => character.trim() === '';

// "a cut wor" → "a cut": the text before the last run of spaces, the part word after it dropped;
// unchanged without a space. A loop: /\s+\S*$/ retries every space of a long run.
function withoutLastWord(text: string): string {
	let end = text.length;
	while (end > 0 && !isSpace(text[end - 1]!)) end--;
	if (end === 0) return text;
	while (end > 0 && isSpace(text[end - 1]!)) end--;
	return text.slice(0, end);
}

// Detects the format by content: the seed format (`date YYYY-MM-DD` then the text), YAML front
// matter, or plain text dated by `fallbackDate`.
export function parseArticle(raw: string, fallbackDate: string): ParsedArticle {
	const cleaned = cleanText(raw);
	const {text} = cleaned;
	let {removed} = cleaned;
	// YAML escapes ("\u202E") in front matter make controls that the file's text did not hold.
	const fieldText = (value: unknown) => {
		if (typeof value !== 'string') return null;
		const field = cleanText(value);
		removed += field.removed;
		return field.text.trim() || null;
	};
	if (!text.trim()) throw new ArticleError('is empty');
	let body = text;
	let title: string | null = null;
	let date: string | null = null;
	let source: string | null = null;
	let url: string | null = null;
	let byline: string | null = null;
	let format: ArticleMeta['format'] = 'plain';

	const fm = FRONT_MATTER.exec(text);
	const seed = SEED.exec(text);
	if (fm) {
		format = 'front-matter';
		const fields = frontMatter(fm[1]!);
		body = text.slice(fm[0].length);
		title = fieldText(fields['title']);
		if (fields['date'] !== undefined && fields['date'] !== null) date = checkedDate(fields['date'], 'front matter date');
		source = fieldText(fields['source']);
		url = fieldText(fields['url']);
		byline = fieldText(fields['byline']);
	} else if (seed) {
		format = 'seed';
		date = checkedDate(seed[1], 'date');
		body = text.slice(seed[0].length);
	}

	body = body.replace(/^\s*\n/, '').trimEnd();
	const lineEnd = body.indexOf('\n');
	const heading = headingText(lineEnd < 0 ? body : body.slice(0, lineEnd));
	if (heading !== null) {
		title ??= heading;
		body = body.slice(body.indexOf('\n') + 1).replace(/^\s*\n/, '');
	}
	if (!body.trim()) throw new ArticleError('has no text after its header');
	title ??= firstSentence(body);

	const fallback = parseIsoDay(fallbackDate);
	if (!date && !fallback) throw new ArticleError(`has no date and "${fallbackDate}" is not a real day (expected YYYY-MM-DD)`);
	return {title, date: date ?? fallback!, dateAssumed: date === null, source, url, byline, format, body, removedControls: removed};
}

// What a web page or a feed gives about an article, before its text is cleaned.
type Found = {title: string | null; date: string | null; outlet: string | null; url: string | null; byline: string | null; body: string};

// Page and feed text is as untrusted as a file's: every field is cleaned like a file's text.
function fromFound(found: Found, format: ArticleMeta['format'], fallbackDate: string): ParsedArticle {
	let removed = 0;
	const clean = (value: string | null) => {
		if (value === null) return null;
		const field = cleanText(value);
		removed += field.removed;
		return field.text.replace(/\s+/g, ' ').trim() || null;
	};
	const body = cleanText(found.body);
	removed += body.removed;
	if (!body.text.trim()) throw new ArticleError('has no text');
	const fallback = parseIsoDay(fallbackDate);
	if (!found.date && !fallback) throw new ArticleError(`has no date and "${fallbackDate}" is not a real day (expected YYYY-MM-DD)`);
	return {
		title: clean(found.title) ?? firstSentence(body.text),
		date: found.date ?? fallback!,
		dateAssumed: found.date === null,
		source: clean(found.outlet),
		url: found.url,
		byline: clean(found.byline),
		format,
		body: body.text,
		removedControls: removed,
	};
}

// A web page: its main text and what its head says (html.ts).
export const parseHtmlArticle = (html: string, fallbackDate: string): ParsedArticle => fromFound(parsePage(html), 'html', fallbackDate);

// An item of a feed: what the feed says about it, and its text (HTML or plain) taken whole.
export type FeedItem = {
	title: string | null;
	date: string | null;
	outlet: string | null;
	url: string | null;
	byline: string | null;
	html: string;
};

export function parseFeedItem(item: FeedItem, fallbackDate: string): ParsedArticle {
	const paragraphs = parseFragment(item.html);
	if (paragraphs.length === 0) throw new ArticleError('has no text');
	return fromFound({...item, body: paragraphs.join('\n\n')}, 'feed', fallbackDate);
}

const TERMINAL = /[.!?:;"'”’)\]…]$/;
// A saying with its dash byline ("“We will rebuild.” — Tom Ferris") ends a sentence inside the marks.
const BYLINED = /[.!?…]["”’]\s*(?:[—―–]|--)\s*\S/;

// Paragraphs are separated by blank lines. A short one-line paragraph without closing punctuation
// ("Surge of arms deliveries", "## Group F") is a sub-heading, not a sentence of events.
export function splitParagraphs(body: string): Paragraph[] {
	const paragraphs: Paragraph[] = [];
	const add = (start: number, end: number) => {
		const text = body.slice(start, end);
		const oneLine = !text.includes('\n');
		const words = text.trim().split(/\s+/).length;
		const heading =
			/^#{1,6}\s/.test(text) || (oneLine && words <= 12 && !TERMINAL.test(text.trim()) && !BYLINED.test(text) && !/^[-*>]\s/.test(text));
		paragraphs.push({index: paragraphs.length, start, end, heading});
	};
	// Line by line rather than by one regex for a run of lines: that one tried a line of spaces
	// again from each of its spaces.
	let start = -1;
	let lineStart = 0;
	while (lineStart <= body.length) {
		const newline = body.indexOf('\n', lineStart);
		const lineEnd = newline === -1 ? body.length : newline;
		const blank = !/\S/.test(body.slice(lineStart, lineEnd));
		if (blank && start !== -1) {
			add(start, lineStart - 1);
			start = -1;
		} else if (!blank && start === -1) start = lineStart;
		lineStart = lineEnd + 1;
	}
	if (start !== -1) add(start, body.length);
	return paragraphs;
}
