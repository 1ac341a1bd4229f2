import {closeSync, openSync, readFileSync, readSync, readdirSync, statSync} from 'node:fs';
import {join, resolve} from 'node:path';
import {looksLikeFeed} from '../ingest/feed.js';
import {decodeArticle} from '../ingest/decode.js';
import {FileError, describeFsError} from './errors.js';

// News articles are a few kilobytes; anything this large is not one, and extraction would take minutes.
export const MAX_ARTICLE_BYTES = 10 * 1024 * 1024;

export type ArticleFile = {
	path: string; // absolute
	text: string; // decoded: UTF-8, no BOM, LF line ends
	modifiedDay: string; // ISO day of the file's modification time, in local time
};

const isoDay = (date: Date) =>
	`${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;

// Throws FileError (or ArticleError from decoding) with a one-line message naming the problem.
export function readArticleFile(file: string): ArticleFile {
	const path = resolve(file);
	let stats;
	try {
		stats = statSync(path);
	} catch (error) {
		throw new FileError(describeFsError(error));
	}
	if (stats.isDirectory()) throw new FileError('is a directory, not a file');
	// Checked before reading: reading a FIFO or a device would block or never end.
	if (!stats.isFile()) throw new FileError('is not a regular file');
	if (stats.size > MAX_ARTICLE_BYTES) {
		throw new FileError(`is ${(stats.size / 1024 / 1024).toFixed(1)} MB; articles are limited to ${MAX_ARTICLE_BYTES / 1024 / 1024} MB`);
	}
	let bytes;
	try {
		bytes = readFileSync(path);
	} catch (error) {
		throw new FileError(describeFsError(error));
	}
	const text = decodeArticle(bytes);
	if (!text.trim()) throw new FileError('is empty');
	return {path, text, modifiedDay: isoDay(stats.mtime)};
}

// What `ingest DIR` takes: text, Markdown, web pages and feeds. XML and JSON files are many other
// things too (package.json, an SVG): they are taken only when they start like a feed.
const ARTICLE_NAME = /\.(?:txt|text|md|markdown|html?|xhtml|rss|atom)$/i;
const MAYBE_FEED = /\.(?:xml|json)$/i;

function startsLikeFeed(path: string): boolean {
	const head = Buffer.alloc(4096);
	let fd;
	try {
		fd = openSync(path, 'r');
		return looksLikeFeed(head.toString('utf8', 0, readSync(fd, head)).replace(/^\uFEFF/, ''));
	} catch {
		return true; // unreadable: ingest names it and the reason
	} finally {
		if (fd !== undefined) closeSync(fd);
	}
}

const byName = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

// The article files under `dir`, in a stable order: each folder's files by name, then its
// folders by name, depth first. Hidden files and folders (.git) are left out, and links to
// folders are not followed, so that a link cannot make a loop. Throws FileError for `dir` itself.
export function articleFilesIn(dir: string): string[] {
	const found: string[] = [];
	const walk = (folder: string, top: boolean) => {
		let entries;
		try {
			entries = readdirSync(folder, {withFileTypes: true});
		} catch (error) {
			if (top) throw new FileError(describeFsError(error));
			return; // a folder that cannot be read inside the tree: its files are not found, like find(1)
		}
		const names = entries.filter((entry) => !entry.name.startsWith('.')).sort((a, b) => byName(a.name, b.name));
		const folders: string[] = [];
		for (const entry of names) {
			const path = join(folder, entry.name);
			if (entry.isDirectory()) folders.push(path);
			else if (entry.isFile() || (entry.isSymbolicLink() && statSync(path, {throwIfNoEntry: false})?.isFile())) {
				if (ARTICLE_NAME.test(entry.name) || (MAYBE_FEED.test(entry.name) && startsLikeFeed(path))) found.push(path);
			}
		}
		for (const sub of folders) walk(sub, false);
	};
	walk(dir, true);
	return found;
}

export const isDirectory = (path: string) => statSync(path, {throwIfNoEntry: false})?.isDirectory() ?? false;
