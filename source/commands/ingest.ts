import {sanitize} from '../output/sanitize.js';
import {renderIngestOutcome} from '../output/text.js';
import {briefingFile, updateBriefing} from '../store/db.js';
import {ingestArticle, type ArticleInput, type IngestOutcome} from '../store/merge.js';
import {SCHEMA_VERSION, type FullBriefing} from '../store/schema.js';
import {type Limits, errorMessage, startExtractor} from './extractor.js';
import {DEFAULT_FETCH_SECONDS, fetchDocument, isUrl} from './fetch.js';

// Extracts every file first (a feed: each of its items), then merges them all in one locked
// read-modify-write. A file or item that fails is reported and skipped; the others are still
// ingested. Resolves to the exit code.
export async function ingest(
	files: string[],
	options: {dir: string; date: string | undefined; limits?: Limits; fetchSeconds?: number},
): Promise<number> {
	if (files.length === 0) throw new Error('ingest needs at least one FILE (see briefing --help)');
	const extractor = startExtractor(options.date, options.limits);
	const inputs: Array<{file: string; input: ArticleInput}> = [];
	let failed = 0;
	const refuse = (message: string) => {
		failed++;
		process.stderr.write(sanitize(`briefing: ${message}\n`));
	};
	for (const file of files) {
		try {
			const items = isUrl(file)
				? await extractor.extractDocument(await fetchDocument(file, {seconds: options.fetchSeconds ?? DEFAULT_FETCH_SECONDS}))
				: await extractor.extractFile(file);
			for (const extracted of items) {
				if ('failed' in extracted) refuse(`${file}: ${extracted.failed}`);
				else inputs.push({file, input: extracted.input});
			}
		} catch (error) {
			refuse(`${file}: ${errorMessage(error)}`);
		}
	}
	if (inputs.length > 0) {
		const outcomes: IngestOutcome[] = [];
		// An older briefing.json is kept as a backup before it is written in the current layout.
		const onBackup = (backup: string, from: number) =>
			process.stderr.write(
				sanitize(
					`briefing: ${briefingFile(options.dir)} was schema ${from}; it is now schema ${SCHEMA_VERSION}, and the old file is kept as ${backup}\n`,
				),
			);
		await updateBriefing(
			options.dir,
			(data) =>
				inputs.reduce<FullBriefing>((current, {input}) => {
					const result = ingestArticle(current, input);
					outcomes.push(result.outcome);
					return result.data;
				}, data),
			{onBackup},
		);
		process.stdout.write(outcomes.map((outcome, index) => renderIngestOutcome(inputs[index]!.file, outcome)).join(''));
	}
	return failed === 0 ? 0 : 1;
}
