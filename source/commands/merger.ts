import {Worker} from 'node:worker_threads';
import type {ExtractedArticle} from './extracted.js';
import {YOUNG_GENERATION_MB} from './extractor.js';
import type {MergeReply, MergeRequest} from './merge-worker.js';

// The merge of what `ingest` extracted runs in a worker thread (merge-worker.ts), which reads each
// extraction back as it merges it. V8 gives the command's own thread a young generation sized by
// the machine's memory, and no option set after start changes it: merging a long article there
// grew it to its full size, a large part of the command's peak memory.
// Resolves to the lines that say what became of each article; `onBackup` hears of an older
// briefing.json kept as a backup.
export function mergeInWorker(
	dir: string,
	articles: Array<{file: string; article: ExtractedArticle}>,
	onBackup: (backup: string, from: number) => void,
): Promise<string> {
	const worker = new Worker(new URL('./merge-worker.js', import.meta.url), {
		resourceLimits: {maxYoungGenerationSizeMb: YOUNG_GENERATION_MB},
		stdout: false,
		stderr: false,
	});
	return new Promise<string>((resolve, reject) => {
		worker.on('message', (reply: MergeReply) => {
			if (reply.kind === 'backup') onBackup(reply.backup, reply.from);
			else if (reply.kind === 'done') resolve(reply.lines);
			else reject(new Error(reply.message));
		});
		worker.on('error', reject);
		worker.on('exit', (code) => reject(new Error(`the merge stopped (exit code ${code})`)));
		const request: MergeRequest = {dir, articles};
		// The extractions are handed over, not copied.
		worker.postMessage(
			request,
			articles.map(({article}) => article.extraction),
		);
	}).finally(() => void worker.terminate());
}
