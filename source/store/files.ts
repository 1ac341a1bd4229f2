import {readFileSync, statSync} from 'node:fs';
import {resolve} from 'node:path';
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
