import {readArticleFile, type ArticleFile} from '../store/files.js';
import type {Extraction} from '../types.js';

export type ExtractedFile = ArticleFile & {extraction: Extraction};

export const errorMessage = (error: unknown) => (error instanceof Error ? error.message : String(error));

// Loading the NLP (compromise, chrono) is most of a command's start-up time, so only the commands
// that extract import it. Returns a function that reads and extracts one file; articles without
// a date get `date` (--date), else their file's modification day.
export async function loadExtractor(date: string | undefined): Promise<(file: string) => ExtractedFile> {
	const {extract, parseIsoDay} = await import('../ingest/index.js');
	if (date !== undefined && !parseIsoDay(date)) throw new Error(`--date ${date} is not a real day (expected YYYY-MM-DD)`);
	return (file) => {
		const article = readArticleFile(file);
		return {...article, extraction: extract(article.text, {fallbackDate: date ?? article.modifiedDay})};
	};
}
