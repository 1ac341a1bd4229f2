import {type Progress, startProgress} from '../output/progress.js';
import {sanitize} from '../output/sanitize.js';
import {renderIngestOutcome} from '../output/text.js';
import {briefingFile, updateBriefing} from '../store/db.js';
import {articleFilesIn, isDirectory} from '../store/files.js';
import {ingestArticle, type ArticleInput, type IngestOutcome} from '../store/merge.js';
import {SCHEMA_VERSION, type FullBriefing} from '../store/schema.js';
import {type Limits, errorMessage, startExtractor} from './extractor.js';
import {DEFAULT_FETCH_SECONDS, fetchDocument, isUrl} from './fetch.js';

// Extracts every file first (a folder: the article files under it; a feed: each of its items), then merges them all in one locked
// read-modify-write. A file or item that fails is reported and skipped; the others are still
// ingested. Resolves to the exit code.
export async function ingest(
	files: string[],
	options: {dir: string; date: string | undefined; limits?: Limits; fetchSeconds?: number},
): Promise<number> {
	if (files.length === 0) throw new Error('ingest needs at least one FILE, DIR or URL (see briefing --help)');
	const extractor = startExtractor(options.date, options.limits);
	const inputs: Array<{file: string; input: ArticleInput}> = [];
	let failed = 0;
	let progress: Progress | null = null;
	const refuse = (message: string) => {
		failed++;
		const line = sanitize(`briefing: ${message}\n`);
		if (progress) progress.write(line);
		else process.stderr.write(line);
	};
	// A folder stands for the article files under it, in their order (store/files.ts).
	const sources: string[] = [];
	for (const arg of files) {
		if (isUrl(arg) || !isDirectory(arg)) sources.push(arg);
		else {
			try {
				const found = articleFilesIn(arg);
				if (found.length === 0) refuse(`${arg}: has no article files (text, Markdown, web pages or feeds)`);
				sources.push(...found);
			} catch (error) {
				refuse(`${arg}: ${errorMessage(error)}`);
			}
		}
	}
	progress = startProgress(sources.length);
	for (const [done, file] of sources.entries()) {
		progress.update(done, file);
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
	progress.clear();
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
