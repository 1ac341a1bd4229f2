import {readFileSync} from 'node:fs';
import {contentTypeCharset, decodeArticle} from '../ingest/decode.js';
import {ArticleError} from '../ingest/errors.js';
import {MAX_ARTICLE_BYTES} from '../store/files.js';
import type {ArticleDocument} from './extractor.js';
import {errorMessage} from '../output/errorMessage.js';

// `briefing ingest https://…`: the page or the feed at a URL, fetched with Node's fetch, redirects
// followed, within a time and a size limit, and told apart by its content type (then by its
// content, as a file is). Every failure is one line naming the reason; nothing is stored from it.

export const DEFAULT_FETCH_SECONDS = 30;

export const isUrl = (arg: string) => /^https?:\/\//i.test(arg);

export class FetchError extends Error {
	override name = 'FetchError';
}

let version: string | undefined;
// The package's version, for the user agent and --version.
export function packageVersion(): string {
	version ??= (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {version: string}).version;
	return version;
}

export const userAgent = () => `briefing/${packageVersion()} (news briefing for the terminal; +https://www.npmjs.com/package/briefing)`;

const ACCEPT =
	'text/html, application/xhtml+xml, application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, application/json;q=0.8, text/*;q=0.7';

// What a content type says: a page, a feed or text to read, or something else to refuse.
function kindOf(contentType: string): 'html' | 'text' | null {
	const type = contentType.split(';')[0]!.trim().toLowerCase();
	if (type === '' || type === 'text/html' || type === 'application/xhtml+xml') return 'html';
	if (type.startsWith('text/') || /[+/](?:xml|json)$/.test(type)) return 'text';
	return null;
}

// Node's reasons for a failed connection, in words.
function reason(error: unknown, seconds: number): string {
	if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) return `timed out after ${seconds} s`;
	const cause = (error as {cause?: {code?: string; message?: string}}).cause;
	switch (cause?.code) {
		case 'ENOTFOUND':
		case 'EAI_AGAIN':
			return 'the host was not found (offline, or a mistyped address?)';
		case 'ECONNREFUSED':
			return 'the connection was refused';
		case 'ECONNRESET':
		case 'UND_ERR_SOCKET':
			return 'the connection was closed';
		case 'ENETUNREACH':
		case 'EHOSTUNREACH':
			return 'the network is unreachable (offline?)';
		default:
			return cause?.message ?? errorMessage(error);
	}
}

// The body, read as it comes, refused once it is over the limit.
async function readLimited(response: Response, limit: number): Promise<Uint8Array> {
	const declared = Number(response.headers.get('content-length'));
	const tooLarge = () => new FetchError(`is over ${limit / 1024 / 1024} MB; articles are limited to ${limit / 1024 / 1024} MB`);
	if (Number.isFinite(declared) && declared > limit) throw tooLarge();
	const chunks: Uint8Array[] = [];
	let size = 0;
	if (!response.body) return new Uint8Array();
	for await (const chunk of response.body) {
		size += chunk.byteLength;
		if (size > limit) throw tooLarge();
		chunks.push(chunk);
	}
	return Buffer.concat(chunks, size);
}

const today = () => {
	const now = new Date();
	return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
};

// The document at `url`; a FetchError or ArticleError naming the reason otherwise.
export async function fetchDocument(
	url: string,
	{seconds, limit = MAX_ARTICLE_BYTES}: {seconds: number; limit?: number},
): Promise<ArticleDocument> {
	let parsed: URL;
	try {
		parsed = new URL(url);
	} catch {
		throw new FetchError('is not a valid URL');
	}
	const signal = AbortSignal.timeout(seconds * 1000);
	let response: Response;
	let bytes: Uint8Array;
	try {
		response = await fetch(parsed, {redirect: 'follow', signal, headers: {'user-agent': userAgent(), accept: ACCEPT}});
		if (!response.ok) {
			await response.body?.cancel();
			throw new FetchError(`HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`);
		}
		const type = response.headers.get('content-type') ?? '';
		if (kindOf(type) === null) {
			await response.body?.cancel();
			throw new FetchError(`is ${type.split(';')[0]}, not a web page or a feed`);
		}
		bytes = await readLimited(response, limit);
	} catch (error) {
		if (error instanceof FetchError) throw error;
		throw new FetchError(reason(error, seconds));
	}
	const contentType = response.headers.get('content-type') ?? '';
	const text = decodeArticle(bytes, contentTypeCharset(contentType));
	if (!text.trim()) throw new ArticleError('is empty');
	// After redirects, the page's own address.
	return {text, path: null, url: response.url || parsed.href, modifiedDay: today(), html: kindOf(contentType) === 'html'};
}
