import {Worker} from 'node:worker_threads';
import type {ExtractedArticle} from './extracted.js';
import {type Limits, YOUNG_GENERATION_MB, overMemory} from './extractor.js';
import type {PrintRequest} from './print-worker.js';

// What `extract` shows is written by a worker thread (print-worker.ts), which reads the
// extractions back there: in the command's own thread, whose young generation V8 sizes by the
// machine's memory, a long article's took as much memory again as its extraction had. The worker
// has the extraction's limits and writes to the command's standard output, which holds it back
// while a slow reader catches up.
export function printInWorker(articles: ExtractedArticle[], json: boolean, limits: Limits): Promise<void> {
	const worker = new Worker(new URL('./print-worker.js', import.meta.url), {
		resourceLimits: {maxOldGenerationSizeMb: limits.megabytes, maxYoungGenerationSizeMb: YOUNG_GENERATION_MB},
		stderr: false,
	});
	return new Promise<void>((resolve, reject) => {
		worker.on('error', (error) => reject(overMemory(error, limits, 'show')));
		// Once its output is all handed on.
		worker.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`the output stopped (exit code ${code})`))));
		const request: PrintRequest = {articles, json};
		// The extractions are handed over, not copied.
		worker.postMessage(
			request,
			articles.map((article) => article.extraction),
		);
	});
}
