import {jsonText, toExtractJson} from '../output/json.js';
import {renderArticle} from '../output/text.js';
import {emptyBriefing} from '../store/db.js';
import {articleKey, ingestArticle} from '../store/merge.js';
import {errorMessage, loadExtractor} from './extractor.js';

// Shows what `ingest` would store from one file, and writes nothing.
export async function extractCommand(files: string[], options: {date: string | undefined; json: boolean}): Promise<number> {
	const [file, ...extra] = files;
	if (file === undefined || extra.length > 0) throw new Error('extract takes exactly one FILE (see briefing --help)');
	const extractFile = await loadExtractor(options.date);
	let extracted;
	try {
		extracted = extractFile(file);
	} catch (error) {
		throw new Error(`${file}: ${errorMessage(error)}`);
	}
	const {path, text, extraction} = extracted;
	if (options.json) {
		process.stdout.write(jsonText(toExtractJson(extraction)));
		return 0;
	}
	const input = {extraction, raw: text, key: articleKey(extraction.article.url, path), path, ingestedAt: new Date().toISOString()};
	process.stdout.write(renderArticle(ingestArticle(emptyBriefing(), input).data));
	return 0;
}
