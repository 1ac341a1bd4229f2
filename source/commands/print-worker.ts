import {parentPort} from 'node:worker_threads';
import {jsonObjectText, jsonText, toExtractJson} from '../output/json.js';
import {articleText} from '../output/text.js';
import {writeChunked} from '../output/write.js';
import {emptyBriefing} from '../store/db.js';
import {ingestArticle} from '../store/merge.js';
import {type ExtractedArticle, readInput} from './extracted.js';

// Writes what `extract` shows of the articles it extracted, in a thread of its own (printer.ts).
// Its standard output is the command's; a failure is thrown, and reaches the command as the
// worker's error.

export type PrintRequest = {articles: ExtractedArticle[]; json: boolean};

const port = parentPort!;
port.once('message', async ({articles, json}: PrintRequest) => {
	// One article's extraction is written as it is laid out, and so is what a briefing of the
	// articles would show; a feed's items, a list of what one article gives, are short each.
	if (articles.length === 1 && json) {
		await writeChunked(jsonObjectText(toExtractJson(readInput(articles[0]!).extraction)));
		return;
	}
	const inputs = articles.map((article) => readInput(article));
	if (json) await writeChunked([jsonText(inputs.map((input) => toExtractJson(input.extraction)))]);
	else await writeChunked(articleText(inputs.reduce((data, input) => ingestArticle(data, input).data, emptyBriefing())));
});
