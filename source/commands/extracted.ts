import {deserialize} from 'node:v8';
import type {ArticleInput} from '../store/merge.js';
import type {Extraction} from '../types.js';

// An extracted article as the worker sent it, its extraction still serialized: `ingest` hands it
// on to the merge, in a thread of its own (merger.ts), without reading it back here, where a long
// article's would take as much memory again. `readInput` reads it back.
export type ExtractedArticle = {
	extraction: ArrayBuffer; // the Extraction, by v8.serialize
	url: string | null; // the article's, in place of the extraction's
	hash: string;
	key: string;
	path: string | null;
	ingestedAt: string;
};

export function readInput({extraction, url, ...rest}: ExtractedArticle): ArticleInput {
	const read = deserialize(Buffer.from(extraction)) as Extraction;
	return {extraction: {...read, article: {...read.article, url}}, ...rest};
}
