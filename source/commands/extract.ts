import {jsonObjectText, jsonText, toExtractJson} from '../output/json.js';
import {renderArticle} from '../output/text.js';
import {sanitize} from '../output/sanitize.js';
import {writeChunked} from '../output/write.js';
import {emptyBriefing} from '../store/db.js';
import {ingestArticle} from '../store/merge.js';
import {errorMessage} from '../output/errorMessage.js';
import {type Limits, startExtractor} from './extractor.js';
import {readInput} from './extracted.js';

// Shows what `ingest` would store from one file (from a feed, each item), and writes nothing.
export async function extractCommand(
	files: string[],
	options: {date: string | undefined; json: boolean; limits?: Limits},
): Promise<number> {
	const [file, ...extra] = files;
	if (file === undefined || extra.length > 0) throw new Error('extract takes exactly one FILE (see briefing --help)');
	const extractor = startExtractor(options.date, options.limits);
	let extracted;
	try {
		extracted = await extractor.extractFile(file);
	} catch (error) {
		throw new Error(`${file}: ${errorMessage(error)}`, {cause: error});
	}
	const inputs = extracted.flatMap((item) => ('article' in item ? [readInput(item.article)] : []));
	for (const item of extracted) if ('failed' in item) process.stderr.write(sanitize(`briefing: ${file}: ${item.failed}\n`));
	const briefing = () => inputs.reduce((data, input) => ingestArticle(data, input).data, emptyBriefing());
	// One article's extraction is written as it is laid out; a feed's items, a list of what one
	// article gives, are short each.
	if (inputs.length === 1 && options.json) await writeChunked(jsonObjectText(toExtractJson(inputs[0]!.extraction)));
	else if (inputs.length > 0)
		process.stdout.write(options.json ? jsonText(inputs.map((input) => toExtractJson(input.extraction))) : renderArticle(briefing()));
	return inputs.length === extracted.length ? 0 : 1;
}
