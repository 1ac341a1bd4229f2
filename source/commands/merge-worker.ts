import {parentPort} from 'node:worker_threads';
import {renderIngestOutcome} from '../output/text.js';
import {updateBriefing} from '../store/db.js';
import {ingestArticle} from '../store/merge.js';
import type {FullBriefing} from '../store/schema.js';
import {errorMessage} from '../output/errorMessage.js';
import {type ExtractedArticle, readInput} from './extracted.js';

// Merges the articles `ingest` extracted into the briefing, in a thread of its own (merger.ts).

export type MergeRequest = {dir: string; articles: Array<{file: string; article: ExtractedArticle}>};
export type MergeReply =
	| {kind: 'backup'; backup: string; from: number} // the older briefing.json was kept as `backup`
	| {kind: 'done'; lines: string} // what was done with each article, a line each
	| {kind: 'failed'; message: string};

const port = parentPort!;
port.once('message', async ({dir, articles}: MergeRequest) => {
	let reply: MergeReply;
	try {
		const lines: string[] = [];
		await updateBriefing(
			dir,
			(data) => {
				let current: FullBriefing = data;
				// Each extraction read back only when it is merged, and let go of then.
				for (let next = articles.shift(); next; next = articles.shift()) {
					const result = ingestArticle(current, readInput(next.article));
					lines.push(renderIngestOutcome(next.file, result.outcome));
					current = result.data;
				}
				return current;
			},
			{onBackup: (backup, from) => port.postMessage({kind: 'backup', backup, from} satisfies MergeReply)},
		);
		reply = {kind: 'done', lines: lines.join('')};
	} catch (error) {
		reply = {kind: 'failed', message: errorMessage(error)};
	}
	port.postMessage(reply);
});
