// `npm run bench`: builds synthetic briefings of 1,000 / 10,000 / 100,000 events outside the
// repository and prints one line per figure, each a median with its reference measured in the
// same run, then writes them all to a JSON file.
import {existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {generate, writeBriefingDir, writeBriefingDirWithOneMore, type Size} from './generate.js';
import {cliFigures} from './cli.js';
import {firstFrameFigures, keyFigures, reloadFigures} from './dashboard.js';
import {hostileChild, hostileCliFigures, hostileFigures} from './hostile.js';
import {feedFigures} from './feeds.js';
import {htmlChild, htmlFigures} from './html.js';
import {ingestFigures} from './ingest.js';
import {line, type Figure} from './measure.js';
import {noteFigure, noteFigures} from './notes.js';
import {renderFigures} from './render.js';
import {storyFigures} from './stories.js';

// Run from the repository root (scripts/bench.mjs sets it), since this file runs from a bundle.
const root = process.cwd();
const args = process.argv.slice(2);
// This bundle is also the child process that extracts one hostile article (hostile.ts).
if (args[0] === '--hostile-child') {
	hostileChild(args[1]!, Number(args[2]));
	process.exit(0);
}
if (args[0] === '--html-child') {
	htmlChild(root, args[1]!, Number(args[2]));
	process.exit(0);
}
// What it takes, for --help; a flag not here stops it before it clears any folder or runs for
// long on what was not asked.
const USAGE: Array<[string, string]> = [
	['--sizes N,N', 'events of the made-up briefings (1000,10000,100000)'],
	['--dir DIR', `where they are made, cleared first (${join(tmpdir(), 'briefing-bench')})`],
	['--out FILE', 'the figures as JSON (DIR/results.json)'],
	['--only PART,PART', 'notes, cli, frame, keys, render, reload, ingest, hostile, html, feeds, stories; hostile-cli'],
	['--hostile-sizes KB,KB', 'sizes of the hostile articles (100,1024,5120)'],
	['--cli PATH', 'the cli.js to measure (dist/cli.js)'],
	['--legacy', 'write the briefings in schema 1'],
	['--each', "print each key press's time too"],
	['--help', 'this'],
];
const flags = new Map(USAGE.map(([usage]) => [usage.split(' ')[0]!, usage.includes(' ')]));
for (let i = 0; i < args.length; i++) {
	if (!flags.has(args[i]!)) {
		console.error(`bench: unknown option ${args[i]} (npm run bench -- --help lists them)`);
		process.exit(1);
	}
	if (flags.get(args[i]!)) i++;
}
if (args.includes('--help')) {
	console.log(`npm run bench -- [options]\n${USAGE.map(([usage, what]) => `  ${usage.padEnd(24)}${what}`).join('\n')}`);
	process.exit(0);
}
const option = (name: string) => {
	const i = args.indexOf(`--${name}`);
	return i >= 0 ? args[i + 1] : undefined;
};
const sizes = (option('sizes') ?? '1000,10000,100000').split(',').map(Number);
const work = option('dir') ?? join(tmpdir(), 'briefing-bench');
const out = option('out') ?? join(work, 'results.json');
// --only notes,cli,frame,keys,render,reload,ingest,hostile,html,feeds,stories runs some of the
// figures (all by default); --only hostile-cli (never by default: it takes long) times the hostile
// articles through a whole command.
const only = option('only')?.split(',');
// --cli PATH measures another build's cli.js (e.g. one from before a change); --legacy writes the
// briefings in schema 1, which builds before schema 2 read.
const cli = option('cli') ?? join(root, 'dist/cli.js');
const legacy = args.includes('--legacy');
// --each prints each key press's time as well as their median and p95 (and each reload's).
const each = args.includes('--each');
const wanted = (part: string) => !only || only.includes(part);

const figures: Figure[] = [];
const report = (list: Figure[]) => {
	for (const f of list) {
		figures.push(f);
		console.log(line(f));
	}
};

rmSync(work, {recursive: true, force: true});
mkdirSync(work, {recursive: true});
const dirs = new Map<number, string>();
// The made-up briefings take a while to write; only the figures on them need them.
for (const events of ['cli', 'frame', 'keys', 'render', 'reload', 'notes'].some(wanted) ? sizes : []) {
	const size: Size = {events, actors: 2000, quotes: 5000, notes: 1000};
	const dir = join(work, String(events));
	await writeBriefingDir(dir, size, {legacy});
	dirs.set(events, dir);
}

if (wanted('cli')) report(cliFigures(cli, dirs, join(root, 'data/sample-article.txt')));
if (wanted('frame')) report(await firstFrameFigures(root, cli, dirs));
if (wanted('keys')) report(await keyFigures(root, cli, dirs, each));
if (wanted('render')) report(await renderFigures(root, dirs));
if (wanted('reload')) {
	const pairs = new Map<number, {dir: string; other: string; articles: number}>();
	for (const [events, dir] of dirs) {
		const other = join(work, `${events}-one-more`);
		const articles = await writeBriefingDirWithOneMore(other, {events, actors: 2000, quotes: 5000, notes: 1000});
		pairs.set(events, {dir, other, articles});
	}
	report(await reloadFigures(cli, pairs, each));
}

if (wanted('notes')) {
	const notes = new Map<number, number>();
	for (const [size, dir] of dirs) {
		const event = generate({events: Math.min(size, 100), actors: 10, quotes: 1, notes: 0}).briefing.events[0]!;
		notes.set(size, await noteFigure(dir, size, event));
	}
	report(noteFigures(notes));
}

const evalArticles = join(root, '../shared/eval/dev/articles');
const articles = existsSync(evalArticles)
	? readdirSync(evalArticles).map((f) => readFileSync(join(evalArticles, f), 'utf8'))
	: [readFileSync(join(root, 'data/sample-article.txt'), 'utf8')];
if (wanted('ingest')) report(await ingestFigures(articles));
// Sizes in kilobytes; 5 MB of some shapes took minutes before extraction was made linear.
const hostileSizes = (option('hostile-sizes') ?? '100,1024,5120').split(',').map(Number);
if (wanted('hostile')) report(hostileFigures(process.argv[1]!, hostileSizes));
// One size at a time, so that each size's lines are out before the next, slower one starts.
if (only?.includes('hostile-cli')) for (const size of hostileSizes) report(hostileCliFigures(cli, work, [size]));
if (wanted('html')) report(htmlFigures(process.argv[1]!, root));
if (wanted('feeds')) report(await feedFigures(root));
if (wanted('stories')) report(storyFigures(root));

writeFileSync(out, `${JSON.stringify({date: new Date().toISOString(), node: process.version, figures}, null, 2)}\n`);
console.log(`wrote ${out}`);
