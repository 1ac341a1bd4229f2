// Scores `briefing extract --json` on the dev set in ../shared/eval (per article and TOTAL), then
// times extraction alone on the same articles. Run with `npm run eval` (which builds first).
import {execFileSync} from 'node:child_process';
import {existsSync, readdirSync, readFileSync} from 'node:fs';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {build} from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const evalDir = join(root, '../shared/eval');
if (!existsSync(join(evalDir, 'score.mjs'))) {
	console.error(`eval: ${evalDir} is absent; the dev set lives beside the repository in ../shared/eval`);
	process.exit(2);
}
const articles = join(evalDir, 'dev/articles');
const cli = join(root, 'dist/cli.js');

execFileSync(
	process.execPath,
	[join(evalDir, 'score.mjs'), join(evalDir, 'dev/gold'), articles, '--', process.execPath, cli, 'extract', '--json'],
	{
		stdio: 'inherit',
		env: {...process.env, SCORE_VERBOSE: process.env.SCORE_VERBOSE ?? '1'},
	},
);

// Throughput: the extraction pipeline alone, in-process and warm, on every dev article repeated.
const bundle = join(root, 'node_modules/.cache/briefing-eval/extract.mjs');
await build({
	entryPoints: [join(root, 'source/ingest/index.ts')],
	outfile: bundle,
	bundle: true,
	platform: 'node',
	format: 'esm',
	packages: 'external',
	logLevel: 'warning',
});
const {extract} = await import(bundle);
const texts = readdirSync(articles).map((f) => readFileSync(join(articles, f), 'utf8'));
for (const t of texts) extract(t, {fallbackDate: '2020-01-01'});
const rounds = 10;
const start = process.hrtime.bigint();
for (let i = 0; i < rounds; i++) for (const t of texts) extract(t, {fallbackDate: '2020-01-01'});
const seconds = Number(process.hrtime.bigint() - start) / 1e9;
console.log(
	`speed: ${((rounds * texts.length) / seconds).toFixed(1)} articles/s on one core (${rounds} rounds of ${texts.length} dev articles, warm)`,
);
