import type {ArticleFormat, Extraction} from '../types.js';
import {emptyBriefing} from './db.js';
import {articleHash, ingestArticle} from './merge.js';
import type {ArticleWithBody, FullBriefing} from './schema.js';
import {errorMessage} from '../output/errorMessage.js';

// briefing.json is derived: everything in it but the articles themselves comes from extracting
// them. An article keeps its header fields and its body (the text after the header), which is
// enough to extract it again. Pure; the extraction is passed in, so that the store does not load
// the NLP (commands/extractor.ts loads it lazily).

export type ExtractFunction = (raw: string, options: {fallbackDate: string}) => Extraction;

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const FORMATS: readonly ArticleFormat[] = ['seed', 'front-matter', 'plain', 'html', 'feed'];
const stringOrNull = (value: unknown) => (typeof value === 'string' ? value : null);

// An article record that can be extracted again, read from a briefing.json that is damaged or of
// the wrong shape: it needs its key, date, title and body; the rest falls back to defaults.
export function recoverableArticle(value: unknown): ArticleWithBody | null {
	if (!isRecord(value)) return null;
	const {key, date, title, body} = value;
	if (typeof key !== 'string' || !key || typeof body !== 'string' || !body.trim() || typeof title !== 'string') return null;
	if (typeof date !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(date)) return null;
	return {
		id: typeof value['id'] === 'string' ? value['id'] : '',
		key,
		path: stringOrNull(value['path']),
		title,
		date,
		dateAssumed: value['dateAssumed'] === true,
		source: stringOrNull(value['source']),
		url: stringOrNull(value['url']),
		byline: stringOrNull(value['byline']),
		format: FORMATS.includes(value['format'] as ArticleFormat) ? (value['format'] as ArticleFormat) : 'plain',
		hash: typeof value['hash'] === 'string' ? value['hash'] : '',
		body,
		ingestedAt: typeof value['ingestedAt'] === 'string' ? value['ingestedAt'] : new Date(0).toISOString(),
	};
}

// Text that parses (ingest/article.ts) into exactly the stored header and body: front matter with
// the header fields, then a heading line, which the parser takes off (so that a body that itself
// starts with a "## Sub-heading" keeps it), then the body. JSON strings are YAML strings.
export function articleText(article: ArticleWithBody): string {
	const fields = [
		`title: ${JSON.stringify(article.title)}`,
		...(article.dateAssumed ? [] : [`date: ${JSON.stringify(article.date)}`]),
		...(article.source === null ? [] : [`source: ${JSON.stringify(article.source)}`]),
		...(article.url === null ? [] : [`url: ${JSON.stringify(article.url)}`]),
		...(article.byline === null ? [] : [`byline: ${JSON.stringify(article.byline)}`]),
	];
	return `---\n${fields.join('\n')}\n---\n# ${article.title.replace(/\s+/g, ' ').trim() || 'Article'}\n\n${article.body}\n`;
}

export type RebuildResult = {
	data: FullBriefing;
	failed: Array<{article: ArticleWithBody; reason: string}>; // articles the extraction refused
};

// A fresh briefing from stored articles, extracted again in their order. Ids stay as they were:
// an article's comes from its key, an event's or quote's from its article and sentence, an
// actor's from its name when first seen (merge.ts). Each article keeps its header, hash and
// ingest time, so ingesting its unchanged file afterwards still finds nothing to do.
export function rebuildBriefing(articles: ArticleWithBody[], extract: ExtractFunction): RebuildResult {
	let data = emptyBriefing();
	const failed: RebuildResult['failed'] = [];
	for (const article of articles) {
		const text = articleText(article);
		let extraction: Extraction;
		try {
			extraction = extract(text, {fallbackDate: article.date});
		} catch (error) {
			failed.push({article, reason: errorMessage(error)});
			continue;
		}
		const {title, date, dateAssumed, source, url, byline, format} = article;
		extraction = {...extraction, article: {...extraction.article, title, date, dateAssumed, source, url, byline, format}};
		data = ingestArticle(data, {
			extraction,
			hash: article.hash || articleHash(text),
			key: article.key,
			path: article.path,
			ingestedAt: article.ingestedAt,
		}).data;
	}
	return {data, failed};
}
