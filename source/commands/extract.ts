import {jsonObjectText, toExtractJson} from '../output/json.js';
import {renderArticle} from '../output/text.js';
import {writeChunked} from '../output/write.js';
import {emptyBriefing} from '../store/db.js';
import {ingestArticle} from '../store/merge.js';
import {type Limits, errorMessage, startExtractor} from './extractor.js';

// Shows what `ingest` would store from one file, and writes nothing.
export async function extractCommand(
	files: string[],
	options: {date: string | undefined; json: boolean; limits?: Limits},
): Promise<number> {
	const [file, ...extra] = files;
	if (file === undefined || extra.length > 0) throw new Error('extract takes exactly one FILE (see briefing --help)');
	const extractor = startExtractor(options.date, options.limits);
	let input;
	try {
		input = await extractor.extractFile(file);
	} catch (error) {
		throw new Error(`${file}: ${errorMessage(error)}`, {cause: error});
	}
	if (options.json) await writeChunked(jsonObjectText(toExtractJson(input.extraction)));
	else process.stdout.write(renderArticle(ingestArticle(emptyBriefing(), input).data));
	return 0;
}
