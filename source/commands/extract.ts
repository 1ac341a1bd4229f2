import {jsonText, toExtractJson} from '../output/json.js';
import {renderArticle} from '../output/text.js';
import {emptyBriefing} from '../store/db.js';
import {ingestArticle} from '../store/merge.js';
import {errorMessage, loadExtractor} from './extractor.js';

// Shows what `ingest` would store from one file, and writes nothing.
export async function extractCommand(files: string[], options: {date: string | undefined; json: boolean}): Promise<number> {
	const [file, ...extra] = files;
	if (file === undefined || extra.length > 0) throw new Error('extract takes exactly one FILE (see briefing --help)');
	const extractFile = await loadExtractor(options.date);
	let input;
	try {
		input = extractFile(file);
	} catch (error) {
		throw new Error(`${file}: ${errorMessage(error)}`, {cause: error});
	}
	const output = options.json ? jsonText(toExtractJson(input.extraction)) : renderArticle(ingestArticle(emptyBriefing(), input).data);
	process.stdout.write(output);
	return 0;
}
