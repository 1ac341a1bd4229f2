import {errorMessage} from '../output/errorMessage.js';
import {sanitize} from '../output/sanitize.js';
import {DEFAULT_LIMITS, type Limits, startExtractor} from './extractor.js';
import {printInWorker} from './printer.js';

// Shows what `ingest` would store from one file (from a feed, each item), and writes nothing.
export async function extractCommand(
	files: string[],
	options: {date: string | undefined; json: boolean; limits?: Limits},
): Promise<number> {
	const [file, ...extra] = files;
	if (file === undefined || extra.length > 0) throw new Error('extract takes exactly one FILE (see briefing --help)');
	const extractor = startExtractor(options.date, options.limits);
	const named = (error: unknown) => new Error(`${file}: ${errorMessage(error)}`, {cause: error});
	const extracted = await extractor.extractFile(file).catch((error: unknown) => {
		throw named(error);
	});
	const articles = extracted.flatMap((item) => ('article' in item ? [item.article] : []));
	for (const item of extracted) if ('failed' in item) process.stderr.write(sanitize(`briefing: ${file}: ${item.failed}\n`));
	if (articles.length > 0)
		await printInWorker(articles, options.json, options.limits ?? DEFAULT_LIMITS).catch((error: unknown) => {
			throw named(error);
		});
	return articles.length === extracted.length ? 0 : 1;
}
