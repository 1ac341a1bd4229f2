import type {Extraction} from '../types.js';
import {ArticleError} from './errors.js';

export {ArticleError} from './errors.js';

export type ExtractOptions = {
	// ISO day used when the article itself has no date (the CLI passes --date or the file's mtime).
	fallbackDate: string;
};

// Text in, actors/events/quotes out. Pure: no I/O, deterministic for the same input.
export function extract(raw: string, options: ExtractOptions): Extraction {
	throw new ArticleError(`extract is not written yet (${raw.length} chars, ${options.fallbackDate})`);
}
