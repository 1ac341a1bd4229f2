import {Worker} from 'node:worker_threads';
import type {FeedItem} from '../ingest/article.js';
import {looksLikeFeed, parseFeedItems} from '../ingest/feed.js';
import {parseIsoDay} from '../ingest/isoDay.js';
import {plural} from '../output/plural.js';
import {sanitize} from '../output/sanitize.js';
import {readArticleFile} from '../store/files.js';
import {articleHash, articleKey} from '../store/merge.js';
import type {ExtractFunction} from '../store/rebuild.js';
import type {WorkerReply, WorkerRequest} from './extract-worker.js';
import type {ExtractedArticle} from './extracted.js';

// What one article may take to extract. Text is untrusted, and extraction is meant to be linear in
// it, but a budget holds whatever the text: ten megabytes of prose take well under both.
// The memory is the worker's heap limit, and V8 scales from it how far the heap may grow past what
// is live before a full collection: up to four times from two gigabytes on, well under twice below
// one. Given two, a long article's peak memory depended on when garbage happened to be collected
// (npm run bench -- --only hostile-cli).
export type Limits = {seconds: number; megabytes: number};
export const DEFAULT_LIMITS: Limits = {seconds: 120, megabytes: 1024};

// V8 sizes a thread's young generation by the machine's memory, up to a hundred megabytes or more,
// and a long article fills all of it with the tagger's short-lived objects. Bounded, a long
// article's peak memory is much lower, for a little more time (npm run bench -- --only hostile-cli).
export const YOUNG_GENERATION_MB = 16;

// Characters of an article after which its worker is replaced rather than kept for the next.
const LONG_ARTICLE = 1_000_000;

// An article refused for its own sake (over a limit, or not an article): the file is named, the
// others go on.
export class ExtractionRefused extends Error {
	override name = 'ExtractionRefused';
}

// What a file or a fetched page holds: one article, or a feed's items, each extracted or refused
// on its own (`failed`: the item named, then the reason).
export type Extracted = {article: ExtractedArticle} | {failed: string};

// A worker's error, as the article's refusal when the worker went over the memory limit while
// `doing` ("extract") it.
export const overMemory = (error: Error & {code?: string}, limits: Limits, doing: string): Error =>
	error.code === 'ERR_WORKER_OUT_OF_MEMORY'
		? new ExtractionRefused(`needed more than ${limits.megabytes} MB to ${doing} (the limit; --memory-limit MB changes it)`)
		: error;

// What the worker says of an extracted article.
type Serialized = Omit<Extract<WorkerReply, {kind: 'done'}>, 'kind'>;

// A text to extract: a file's, or a page's fetched from `url` (then `path` is null).
export type ArticleDocument = {text: string; path: string | null; url: string | null; modifiedDay: string; html: boolean};

export type Extractor = {
	extractDocument(document: ArticleDocument): Promise<Extracted[]>;
	extractFile(file: string): Promise<Extracted[]>;
};

// A feed item in a one-line message: its title, else its place in the feed.
const itemLabel = (item: FeedItem, index: number) => `item ${index + 1}${item.title ? ` ("${item.title.slice(0, 60)}")` : ''}`;

// The NLP (compromise, chrono) runs in a worker thread (extract-worker.ts): the command's own
// thread stays free to stop an article that goes over its limits, and the worker is then replaced
// for the next file. Articles without a date get `date` (--date), else their file's modification day.
export function startExtractor(date: string | undefined, limits: Limits = DEFAULT_LIMITS): Extractor {
	if (date !== undefined && !parseIsoDay(date)) throw new Error(`--date ${date} is not a real day (expected YYYY-MM-DD)`);
	let worker: Worker | null = null;
	const start = () =>
		new Worker(new URL('./extract-worker.js', import.meta.url), {
			resourceLimits: {maxOldGenerationSizeMb: limits.megabytes, maxYoungGenerationSizeMb: YOUNG_GENERATION_MB},
			stdout: false,
			stderr: false,
		});
	const run = (request: WorkerRequest) =>
		new Promise<Serialized>((resolve, reject) => {
			const current = (worker ??= start());
			let timer: NodeJS.Timeout | undefined;
			const settle = (outcome: () => void) => {
				clearTimeout(timer);
				current.unref();
				current.off('message', onMessage).off('error', onError).off('exit', onExit);
				outcome();
			};
			// A worker that went over a limit is gone or stopped: the next article gets a new one.
			const retire = () => {
				if (worker === current) worker = null;
				return current.terminate();
			};
			const onMessage = (reply: WorkerReply) => {
				if (reply.kind === 'started') {
					// Counted from here: loading the NLP is not the article's doing.
					timer = setTimeout(() => {
						void retire();
						settle(() =>
							reject(new ExtractionRefused(`took more than ${limits.seconds} s to extract (the limit; --time-limit SECONDS changes it)`)),
						);
					}, limits.seconds * 1000);
				} else if (reply.kind === 'done') {
					// The extraction comes serialized, its bytes handed over rather than copied. A worker
					// keeps the memory a long article made it grow to: it goes before the extraction can be
					// read back, so that the two are never held at once.
					const {kind: _done, ...serialized} = reply;
					settle(() => {
						if (request.text.length > LONG_ARTICLE) void retire().then(() => resolve(serialized), reject);
						else resolve(serialized);
					});
				} else if (reply.kind === 'refused') settle(() => reject(new ExtractionRefused(reply.message)));
				else settle(() => reject(new Error(reply.message)));
			};
			const onError = (error: Error & {code?: string}) => {
				void retire();
				settle(() => reject(overMemory(error, limits, 'extract')));
			};
			const onExit = (code: number) => {
				void retire();
				settle(() => reject(new Error(`the extraction stopped (exit code ${code})`)));
			};
			current.on('message', onMessage).on('error', onError).on('exit', onExit);
			// Held only while it works: an idle worker does not keep the command from exiting.
			current.ref();
			current.postMessage(request);
		});
	// The key of an article: its own url (a page's canonical one), else the url it was fetched
	// from, else its file. A feed item's: its guid or id, else its link, else its place in the feed.
	const input = ({extraction, url, removedControls}: Serialized, raw: string, document: ArticleDocument, key?: string) => {
		// Text was taken out of the reader's article: they are told, though the file is ingested.
		if (removedControls > 0)
			process.stderr.write(
				sanitize(`briefing: ${document.path ?? document.url}: removed ${plural(removedControls, 'control sequence')}\n`),
			);
		const own = url ?? (key === undefined ? document.url : null);
		const article: ExtractedArticle = {
			extraction,
			url: own,
			hash: articleHash(raw),
			key: key ?? articleKey(own, document.path ?? document.url!),
			path: document.path,
			ingestedAt: new Date().toISOString(),
		};
		return {article};
	};
	const extractDocument = async (document: ArticleDocument): Promise<Extracted[]> => {
		const fallbackDate = date ?? document.modifiedDay;
		if (!looksLikeFeed(document.text)) {
			return [input(await run({text: document.text, options: {fallbackDate, html: document.html}}), document.text, document)];
		}
		const where = document.path ?? document.url!;
		const results: Extracted[] = [];
		for (const [index, {id, item, raw}] of parseFeedItems(document.text, document.url).entries()) {
			try {
				results.push(input(await run({text: '', options: {fallbackDate, item}}), raw, document, id ?? `${where}#${index + 1}`));
			} catch (error) {
				// An item over a limit or without text is named; the feed's other items go on.
				if (!(error instanceof ExtractionRefused)) throw error;
				results.push({failed: `${itemLabel(item, index)}: ${error.message}`});
			}
		}
		return results;
	};
	return {
		extractDocument,
		async extractFile(file) {
			const {path, text, modifiedDay} = readArticleFile(file);
			return extractDocument({text, path, url: null, modifiedDay, html: /\.html?$/i.test(path)});
		},
	};
}

// The extraction in this thread: doctor runs it on the stored article texts, which it wrote itself.
export async function loadExtract(): Promise<ExtractFunction> {
	const {extract} = await import('../ingest/index.js');
	return extract;
}
