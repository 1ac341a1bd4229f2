// Wall time and peak memory (max RSS, from GNU time) of the reading commands as separate
// processes, against the same briefing.json read and parsed by a bare `node -e`: the part no
// command can avoid; and of ingesting one article into a copy of the briefing, against ingesting
// it into an empty one.
import {spawnSync} from 'node:child_process';
import {cpSync, mkdtempSync, readFileSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {median, type Figure} from './measure.js';

type Run = {ms: number; kb: number};

function timed(argv: string[], cwd: string): Run {
	const dir = mkdtempSync(join(tmpdir(), 'briefing-time-'));
	const file = join(dir, 'time');
	const start = performance.now();
	const result = spawnSync('/usr/bin/time', ['-f', '%M', '-o', file, ...argv], {
		cwd,
		stdio: ['ignore', 'ignore', 'pipe'],
		maxBuffer: 1 << 26,
	});
	const ms = performance.now() - start;
	const kb = Number(readFileSync(file, 'utf8').trim().split('\n').pop());
	rmSync(dir, {recursive: true, force: true});
	if (result.status !== 0) throw new Error(`${argv.join(' ')} failed: ${result.stderr}`);
	return {ms, kb};
}

function runs(n: number, argv: string[], cwd: string): {ms: number; mb: number} {
	const all = Array.from({length: n}, () => timed(argv, cwd));
	return {ms: median(all.map((r) => r.ms)), mb: median(all.map((r) => r.kb)) / 1024};
}

// Ingests `article` into a fresh copy of `dir` (or an empty directory), `n` times.
function ingestRuns(n: number, cli: string, article: string, dir: string | null): {ms: number; mb: number} {
	const all = Array.from({length: n}, () => {
		const copy = mkdtempSync(join(tmpdir(), 'briefing-ingest-'));
		if (dir) cpSync(dir, copy, {recursive: true});
		const run = timed([process.execPath, cli, 'ingest', article, '--dir', copy], copy);
		rmSync(copy, {recursive: true, force: true});
		return run;
	});
	return {ms: median(all.map((r) => r.ms)), mb: median(all.map((r) => r.kb)) / 1024};
}

export function cliFigures(cli: string, dirs: Map<number, string>, article: string, n = 5): Figure[] {
	const figures: Figure[] = [];
	const empty = ingestRuns(3, cli, article, null);
	for (const [size, dir] of dirs) {
		const ingest = ingestRuns(3, cli, article, dir);
		figures.push({
			name: 'briefing ingest of one article wall time (ref: into an empty briefing)',
			size,
			value: ingest.ms,
			unit: 'ms',
			reference: empty.ms,
			ratio: ingest.ms / empty.ms,
		});
		figures.push({
			name: 'briefing ingest of one article peak memory (ref: into an empty briefing)',
			size,
			value: ingest.mb,
			unit: 'MB',
			reference: empty.mb,
			ratio: ingest.mb / empty.mb,
			target: '< 300 MB',
		});
		const parse = runs(
			n,
			[process.execPath, '-e', `JSON.parse(require('fs').readFileSync(${JSON.stringify(join(dir, 'briefing.json'))}, 'utf8'))`],
			dir,
		);
		for (const command of [['events'], ['actors', '--json']]) {
			const name = `briefing ${command.join(' ')}`;
			const measured = runs(n, [process.execPath, cli, ...command, '--dir', dir], dir);
			figures.push({
				name: `${name} wall time (ref: node parsing briefing.json)`,
				size,
				value: measured.ms,
				unit: 'ms',
				reference: parse.ms,
				ratio: measured.ms / parse.ms,
			});
			figures.push({
				name: `${name} peak memory (ref: node parsing briefing.json)`,
				size,
				value: measured.mb,
				unit: 'MB',
				reference: parse.mb,
				ratio: measured.mb / parse.mb,
				target: '< 300 MB',
			});
		}
	}
	return figures;
}
