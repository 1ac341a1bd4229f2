import {type Progress, startProgress} from '../output/progress.js';
import {sanitize} from '../output/sanitize.js';
import {briefingFile} from '../store/db.js';
import {articleFilesIn, isDirectory} from '../store/files.js';
import {SCHEMA_VERSION} from '../store/schema.js';
import {errorMessage} from '../output/errorMessage.js';
import type {ExtractedArticle} from './extracted.js';
import {type Limits, startExtractor} from './extractor.js';
import {DEFAULT_FETCH_SECONDS, fetchDocument, isUrl} from './fetch.js';
import {mergeInWorker} from './merger.js';

// Extracts every file first (a folder: the article files under it; a feed: each of its items),
// then merges them all in one locked read-modify-write, in a worker thread (merger.ts). A file or
// item that fails is reported and skipped; the others are still ingested. Resolves to the exit code.
export async function ingest(
	files: string[],
	options: {dir: string; date: string | undefined; limits?: Limits; fetchSeconds?: number},
): Promise<number> {
	if (files.length === 0) throw new Error('ingest needs at least one FILE, DIR or URL (see briefing --help)');
	const extractor = startExtractor(options.date, options.limits);
	const articles: Array<{file: string; article: ExtractedArticle}> = [];
	let failed = 0;
	let progress: Progress | null = null;
	const refuse = (message: string) => {
		failed++;
		const line = sanitize(`briefing: ${message}\n`);
		if (progress) progress.write(line);
		else process.stderr.write(line);
	};
	// A folder stands for the article files under it, in their order (store/files.ts).
	const sources: string[] = [];
	for (const arg of files) {
		if (isUrl(arg) || !isDirectory(arg)) sources.push(arg);
		else {
			try {
				const found = articleFilesIn(arg);
				if (found.length === 0) refuse(`${arg}: has no article files (text, Markdown, web pages or feeds)`);
				sources.push(...found);
			} catch (error) {
				refuse(`${arg}: ${errorMessage(error)}`);
			}
		}
	}
	progress = startProgress(sources.length);
	for (const [done, file] of sources.entries()) {
		progress.update(done, file);
		try {
			const items = isUrl(file)
				? await extractor.extractDocument(await fetchDocument(file, {seconds: options.fetchSeconds ?? DEFAULT_FETCH_SECONDS}))
				: await extractor.extractFile(file);
			for (const extracted of items) {
				if ('failed' in extracted) refuse(`${file}: ${extracted.failed}`);
				else articles.push({file, article: extracted.article});
			}
		} catch (error) {
			refuse(`${file}: ${errorMessage(error)}`);
		}
	}
	progress.clear();
	if (articles.length > 0) {
		// An older briefing.json is kept as a backup before it is written in the current layout.
		const onBackup = (backup: string, from: number) =>
			process.stderr.write(
				sanitize(
					`briefing: ${briefingFile(options.dir)} was schema ${from}; it is now schema ${SCHEMA_VERSION}, and the old file is kept as ${backup}\n`,
				),
			);
		process.stdout.write(await mergeInWorker(options.dir, articles, onBackup));
	}
	return failed === 0 ? 0 : 1;
}
