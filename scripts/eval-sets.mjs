// The labelled sets in ../shared/eval (each `NAME/gold` beside `NAME/articles`), the scorer's
// command line for one, and the in-process extraction used for timing and for listing errors.
import {execFile} from 'node:child_process';
import {existsSync, readdirSync, readFileSync} from 'node:fs';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {build} from 'esbuild';

export const root = fileURLToPath(new URL('..', import.meta.url));
export const evalDir = join(root, '../shared/eval');
export const evalPresent = existsSync(join(evalDir, 'score.mjs'));

export function evalSets() {
	return readdirSync(evalDir, {withFileTypes: true})
		.filter(
			(entry) => entry.isDirectory() && existsSync(join(evalDir, entry.name, 'gold')) && existsSync(join(evalDir, entry.name, 'articles')),
		)
		.map((entry) => entry.name)
		.sort();
}

export function goldFiles(set) {
	const dir = join(evalDir, set, 'gold');
	return readdirSync(dir)
		.filter((name) => name.endsWith('.json'))
		.sort()
		.map((name) => JSON.parse(readFileSync(join(dir, name), 'utf8')));
}

export const articlePath = (set, article) => join(evalDir, set, 'articles', article);

// score.mjs on one set with the built CLI; resolves to its whole output.
export function scoreSet(set, jobs) {
	const args = [
		join(evalDir, 'score.mjs'),
		join(evalDir, set, 'gold'),
		join(evalDir, set, 'articles'),
		'--jobs',
		String(jobs),
		'--',
		process.execPath,
		join(root, 'dist/cli.js'),
		'extract',
		'--json',
	];
	return new Promise((done, fail) => {
		execFile(process.execPath, args, {encoding: 'utf8', maxBuffer: 64 * 1024 * 1024}, (error, stdout) => {
			// The scorer exits 1 when an article failed and still prints its lines (with failed=N).
			if (error && !stdout) fail(error);
			else done(stdout);
		});
	});
}

// `extract --json` in this process: the same functions the CLI runs, bundled from the source.
export async function loadExtractJson() {
	const bundle = join(root, 'node_modules/.cache/briefing-eval/extract.mjs');
	await build({
		stdin: {
			contents: [
				"export {extract} from './source/ingest/index.ts';",
				"export {toExtractJson} from './source/output/json.ts';",
				"export {readArticleFile} from './source/store/files.ts';",
			].join('\n'),
			resolveDir: root,
			loader: 'ts',
		},
		outfile: bundle,
		bundle: true,
		platform: 'node',
		format: 'esm',
		packages: 'external',
		logLevel: 'warning',
	});
	const {extract, toExtractJson, readArticleFile} = await import(bundle);
	return {
		extract,
		extractJson(file) {
			const {text, modifiedDay} = readArticleFile(file);
			return toExtractJson(extract(text, {fallbackDate: modifiedDay}));
		},
	};
}
