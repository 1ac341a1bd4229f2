import {sanitize} from '../output/sanitize.js';
import {updateBriefing} from '../store/db.js';
import {articleKey, ingestArticle, type ArticleInput, type IngestOutcome} from '../store/merge.js';
import {errorMessage, loadExtractor} from './extractor.js';

const plural = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;

function summary(file: string, {status, article, actors, events, quotes}: IngestOutcome): string {
	const counts = [plural(actors, 'actor'), plural(events, 'event'), plural(quotes, 'quote')].join(', ');
	const date = article.dateAssumed ? `${article.date}, assumed` : article.date;
	return sanitize(`${status} ${file}: ${counts} · "${article.title}" (${date})\n`);
}

// Extracts every file first, then merges them all in one locked read-modify-write. A file that
// fails is reported and skipped; the others are still ingested. Resolves to the exit code.
export async function ingest(files: string[], options: {dir: string; date: string | undefined}): Promise<number> {
	if (files.length === 0) throw new Error('ingest needs at least one FILE (see briefing --help)');
	const extractFile = await loadExtractor(options.date);
	const inputs: Array<{file: string; input: ArticleInput}> = [];
	for (const file of files) {
		try {
			const {path, text, extraction} = extractFile(file);
			const key = articleKey(extraction.article.url, path);
			inputs.push({file, input: {extraction, raw: text, key, path, ingestedAt: new Date().toISOString()}});
		} catch (error) {
			process.stderr.write(sanitize(`briefing: ${file}: ${errorMessage(error)}\n`));
		}
	}
	if (inputs.length > 0) {
		const outcomes: IngestOutcome[] = [];
		await updateBriefing(options.dir, (data) =>
			inputs.reduce((current, {input}) => {
				const result = ingestArticle(current, input);
				outcomes.push(result.outcome);
				return result.data;
			}, data),
		);
		process.stdout.write(outcomes.map((outcome, index) => summary(inputs[index]!.file, outcome)).join(''));
	}
	return inputs.length === files.length ? 0 : 1;
}
