import {readFileSync} from 'node:fs';
import {mkdir, readdir, unlink} from 'node:fs/promises';
import {join} from 'node:path';
import {PRIVATE_DIR, syncDirectory, writeFileDurably} from './durable.js';
import type {StoredArticle} from './schema.js';
import {StoreError, describeFsError, errorCode} from './errors.js';

// Article texts live in articles/, one file each, beside briefing.json, which holds everything the
// dashboard and the commands read on every start. The texts are a third of a briefing's bytes and
// are needed only to show an item in its paragraph and to extract an article again, so briefing.json
// stays small enough to open at once, and an ingest writes only the new articles' texts.
//
// A file is named by the article's id and hash: a changed article gets a new file, written before
// briefing.json points at it; the old one goes only after. A crash at any moment leaves
// briefing.json pointing at whole files, at worst with a file nothing points at.

export const ARTICLES_DIR = 'articles';

export const bodyFileName = (article: Pick<StoredArticle, 'id' | 'hash'>) => `${article.id}-${article.hash.slice(0, 16)}.txt`;

export const bodyFile = (dir: string, article: Pick<StoredArticle, 'id' | 'hash'>) => join(dir, ARTICLES_DIR, bodyFileName(article));

export type BodyReader = (article: StoredArticle) => string | null;

// The article's text: the one it carries in memory, else its file's; null when the file is missing
// or unreadable (briefing doctor says so). Synchronous: the detail view asks while it draws.
export function readArticleBody(dir: string | null, article: Pick<StoredArticle, 'id' | 'hash' | 'body'>): string | null {
	if (article.body !== undefined) return article.body;
	if (dir === null) return null;
	try {
		return readFileSync(bodyFile(dir, article), 'utf8');
	} catch {
		return null;
	}
}

async function names(dir: string): Promise<string[]> {
	try {
		return await readdir(join(dir, ARTICLES_DIR));
	} catch (error) {
		if (errorCode(error) === 'ENOENT') return [];
		throw error;
	}
}

// Writes the texts that articles carry in memory and that have no file yet, each flushed, then
// the directory once. Called under the briefing's lock, before briefing.json is written.
export async function writeBodies(dir: string, articles: readonly StoredArticle[]): Promise<void> {
	const carried = articles.filter((article) => article.body !== undefined);
	if (carried.length === 0) return;
	const folder = join(dir, ARTICLES_DIR);
	// Named in the error, rather than briefing.json, which is left as it was.
	const failed = (path: string) => (error: unknown) => {
		throw new StoreError(`${path}: ${describeFsError(error)}`);
	};
	await mkdir(folder, {recursive: true, mode: PRIVATE_DIR}).catch(failed(folder));
	const existing = new Set(await names(dir));
	let wrote = false;
	for (const article of carried) {
		if (existing.has(bodyFileName(article))) continue;
		const file = join(folder, bodyFileName(article));
		await writeFileDurably(file, article.body!, {syncDir: false}).catch(failed(file));
		wrote = true;
	}
	if (wrote) await syncDirectory(folder);
}

// Removes the files no article points at (older versions of changed articles, removed articles,
// texts written by an ingest that crashed before briefing.json), and temporary files left by a
// killed writer. Called under the lock, after briefing.json is written.
export async function removeUnusedBodies(dir: string, articles: readonly StoredArticle[]): Promise<number> {
	const used = new Set(articles.map(bodyFileName));
	const unused = (await names(dir)).filter((name) => !used.has(name));
	await Promise.all(unused.map((name) => unlink(join(dir, ARTICLES_DIR, name)).catch(() => undefined)));
	return unused.length;
}

// The articles whose text has no file (and is not carried in memory).
export async function articlesWithoutBody(dir: string, articles: readonly StoredArticle[]): Promise<StoredArticle[]> {
	const present = new Set(await names(dir));
	return articles.filter((article) => article.body === undefined && !present.has(bodyFileName(article)));
}
