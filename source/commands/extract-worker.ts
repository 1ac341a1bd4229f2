import {parentPort} from 'node:worker_threads';
import {ArticleError, type ExtractOptions, extract} from '../ingest/index.js';

// Extracts articles in a worker thread, so that the command can stop an article that takes too
// long or too much memory (extractor.ts) and go on with the next file.

export type WorkerRequest = {text: string; options: ExtractOptions};
export type WorkerReply =
	| {kind: 'started'}
	| {kind: 'done'; extraction: ReturnType<typeof extract>}
	| {kind: 'refused'; message: string} // an ArticleError: the article itself is wrong
	| {kind: 'failed'; message: string}; // a bug: the message and stack, for a report

const port = parentPort!;
port.on('message', ({text, options}: WorkerRequest) => {
	port.postMessage({kind: 'started'} satisfies WorkerReply);
	let reply: WorkerReply;
	try {
		reply = {kind: 'done', extraction: extract(text, options)};
	} catch (error) {
		reply =
			error instanceof ArticleError
				? {kind: 'refused', message: error.message}
				: {kind: 'failed', message: error instanceof Error ? (error.stack ?? error.message) : String(error)};
	}
	port.postMessage(reply);
});
