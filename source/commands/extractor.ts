import {readArticleFile} from '../store/files.js';
import {articleKey, type ArticleInput} from '../store/merge.js';
import type {ExtractFunction} from '../store/rebuild.js';
import {plural} from '../output/plural.js';
import {sanitize} from '../output/sanitize.js';

export const errorMessage = (error: unknown) => (error instanceof Error ? error.message : String(error));

// Loading the NLP (compromise, chrono) is most of a command's start-up time, so only the commands
// that extract import it. Returns a function that reads one file and extracts it into what the
// store ingests; articles without a date get `date` (--date), else their file's modification day.
export async function loadExtractor(date: string | undefined): Promise<(file: string) => ArticleInput> {
	const {extract, parseIsoDay} = await import('../ingest/index.js');
	if (date !== undefined && !parseIsoDay(date)) throw new Error(`--date ${date} is not a real day (expected YYYY-MM-DD)`);
	return (file) => {
		const {path, text, modifiedDay} = readArticleFile(file);
		const extraction = extract(text, {fallbackDate: date ?? modifiedDay});
		const {removedControls} = extraction.article;
		// Text was taken out of the reader's article: they are told, though the file is ingested.
		if (removedControls > 0) process.stderr.write(sanitize(`briefing: ${file}: removed ${plural(removedControls, 'control sequence')}\n`));
		return {extraction, raw: text, key: articleKey(extraction.article.url, path), path, ingestedAt: new Date().toISOString()};
	};
}

// The extraction itself, loaded the same lazy way: doctor runs it on the stored article texts.
export async function loadExtract(): Promise<ExtractFunction> {
	const {extract} = await import('../ingest/index.js');
	return extract;
}
