// Scores `briefing extract --json` on every labelled set in ../shared/eval (one TOTAL line per set
// and one over all of them), then times extraction alone on all their articles. Run with
// `npm run eval` (which builds first):
//   npm run eval [-- --jobs N] [--verbose]     N articles at a time (default 2); --verbose: the scorer's own lines
//   npm run eval -- --errors [--set NAME]      every error of a set (default dev), by kind
import {readFileSync} from 'node:fs';
import {parseArgs} from 'node:util';
import {articleErrors} from './eval-errors.mjs';
import {articlePath, evalDir, evalPresent, evalSets, goldFiles, loadExtractJson, scoreSet} from './eval-sets.mjs';
import {addCounts, setCounts, totalLine} from './eval-total.mjs';

const {values} = parseArgs({
	options: {
		jobs: {type: 'string', default: '2'},
		errors: {type: 'boolean', default: false},
		set: {type: 'string'},
		verbose: {type: 'boolean', default: false},
	},
});
if (!evalPresent) {
	console.error(`eval: ${evalDir} is absent; the labelled sets live beside the repository in ../shared/eval`);
	process.exit(2);
}
const sets = evalSets();
if (values.set !== undefined && !sets.includes(values.set)) {
	console.error(`eval: no set ${values.set} in ${evalDir} (sets: ${sets.join(', ')})`);
	process.exit(2);
}
const jobs = Math.max(1, Number(values.jobs) || 1);

if (values.errors) {
	const set = values.set ?? 'dev';
	const {extractJson} = await loadExtractJson();
	const byKind = {};
	for (const gold of goldFiles(set)) {
		const errors = articleErrors(gold, extractJson(articlePath(set, gold.article)));
		for (const [kind, lines] of Object.entries(errors)) for (const line of lines) (byKind[kind] ??= []).push(`${gold.article}: ${line}`);
	}
	for (const [kind, lines] of Object.entries(byKind)) console.log(`\n${kind} (${lines.length}):\n  ${lines.join('\n  ')}`);
	if (Object.keys(byKind).length === 0) console.log(`${set}: no errors`);
	process.exit(0);
}

const chosen = values.set === undefined ? sets : [values.set];
const counts = [];
const width = Math.max(...chosen.map((s) => s.length)) + 1;
for (const set of chosen) {
	const output = await scoreSet(set, jobs);
	if (values.verbose) process.stdout.write(output);
	const failed = /failed=\d+/.exec(output);
	counts.push(setCounts(output, goldFiles(set)));
	console.log(`${`${set}:`.padEnd(width)} TOTAL: ${totalLine(counts.at(-1))}${failed ? ` | ${failed[0]}` : ''}`);
}
if (chosen.length > 1) console.log(`${'all:'.padEnd(width)} TOTAL: ${totalLine(addCounts(counts))}`);

// Throughput: the extraction pipeline alone, in-process and warm, on every article of the sets.
const {extract} = await loadExtractJson();
const texts = chosen.flatMap((set) => goldFiles(set).map((gold) => readFileSync(articlePath(set, gold.article), 'utf8')));
for (const t of texts) extract(t, {fallbackDate: '2020-01-01'});
const rounds = 3;
const start = process.hrtime.bigint();
for (let i = 0; i < rounds; i++) for (const t of texts) extract(t, {fallbackDate: '2020-01-01'});
const seconds = Number(process.hrtime.bigint() - start) / 1e9;
console.log(
	`speed: ${((rounds * texts.length) / seconds).toFixed(1)} articles/s on one core (${rounds} rounds of ${texts.length} articles from ${chosen.length} sets, warm)`,
);
