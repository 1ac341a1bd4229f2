import {serialize} from 'node:v8';
import {parentPort} from 'node:worker_threads';
import {ArticleError, type ExtractOptions, extract} from '../ingest/index.js';

// Extracts articles in a worker thread, so that the command can stop an article that takes too
// long or too much memory (extractor.ts) and go on with the next file.

export type WorkerRequest = {text: string; options: ExtractOptions};
export type WorkerReply =
	| {kind: 'started'}
	// The Extraction, by v8.serialize, and what the command reads of it without reading it back.
	| {kind: 'done'; extraction: ArrayBuffer; url: string | null; removedControls: number}
	| {kind: 'refused'; message: string} // an ArticleError: the article itself is wrong
	| {kind: 'failed'; message: string}; // a bug: the message and stack, for a report

const port = parentPort!;
port.on('message', ({text, options}: WorkerRequest) => {
	port.postMessage({kind: 'started'} satisfies WorkerReply);
	let reply: WorkerReply;
	try {
		// Serialized here and its buffer moved, not copied: postMessage would hold a serialized copy
		// and the extraction beside it.
		const extraction = extract(text, options);
		const {url, removedControls} = extraction.article;
		const bytes = serialize(extraction);
		const buffer =
			bytes.buffer.byteLength === bytes.byteLength
				? bytes.buffer
				: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
		port.postMessage({kind: 'done', extraction: buffer as ArrayBuffer, url, removedControls} satisfies WorkerReply, [
			buffer as ArrayBuffer,
		]);
		return;
	} catch (error) {
		reply =
			error instanceof ArticleError
				? {kind: 'refused', message: error.message}
				: {kind: 'failed', message: error instanceof Error ? (error.stack ?? error.message) : String(error)};
	}
	port.postMessage(reply);
});
