import {execFile} from 'node:child_process';
import {existsSync} from 'node:fs';
import {fileURLToPath} from 'node:url';
import {describe, expect, it} from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));
const evalDir = fileURLToPath(new URL('../../shared/eval', import.meta.url));
const present = existsSync(`${evalDir}/score.mjs`);

// Floors on each set's TOTAL line, a little under the levels measured when they were last raised,
// so that extraction quality cannot fall without this test failing. `extra` is a ceiling on the
// number of predicted quotes that match no gold quote.
type Figure = 'f1' | 'kind' | 'quotesRecall' | 'speaker' | 'extra' | 'found' | 'date' | 'eventActors';
const FLOORS: Record<string, Partial<Record<Figure, number>>> = {
	dev: {f1: 0.96, kind: 0.98, quotesRecall: 0.99, speaker: 0.95, extra: 1, found: 0.99, date: 0.97, eventActors: 0.92},
	'polnear-dev': {quotesRecall: 0.93, speaker: 0.88, extra: 29},
	'meantime-dev': {f1: 0.91, kind: 0.96, found: 0.98, date: 0.96, eventActors: 0.81},
};

const PATTERNS: Record<Figure, RegExp> = {
	f1: /F1=([\d.]+)/,
	kind: /kind=([\d.]+)/,
	quotesRecall: /quotes R=([\d.]+)/,
	speaker: /speaker=([\d.]+)/,
	extra: /extra=(\d+)/,
	found: /events found=([\d.]+)/,
	date: /date=([\d.]+)/,
	eventActors: /date=[\d.]+ actors=([\d.]+)/,
};

function scoreTotal(set: string): Promise<string> {
	const args = [`${evalDir}/score.mjs`, `${evalDir}/${set}/gold`, `${evalDir}/${set}/articles`, '--jobs', '2', '--'];
	return new Promise((done, fail) => {
		execFile(
			process.execPath,
			[...args, process.execPath, `${root}/dist/cli.js`, 'extract', '--json'],
			{encoding: 'utf8'},
			(error, stdout) => {
				const total = stdout.split('\n').find((line) => line.startsWith('TOTAL:'));
				if (total) done(total);
				else fail(error ?? new Error(`${set}: the scorer printed no TOTAL line`));
			},
		);
	});
}

describe.skipIf(!present)(`extraction quality on the labelled sets${present ? '' : ' (skipped: ../shared/eval is absent)'}`, () => {
	// The sets are scored at the same time: together they are some 150 extractions of a few tenths
	// of a second each.
	const totals: Record<string, Promise<string>> = {};
	for (const set of present ? Object.keys(FLOORS) : []) {
		totals[set] = scoreTotal(set);
		// Awaited by its test; until then a failure must not count as unhandled.
		totals[set].catch(() => {});
	}

	for (const [set, floors] of Object.entries(FLOORS)) {
		it(`keeps the ${set} TOTAL at or above its floors`, {timeout: 300_000}, async () => {
			const total = await totals[set]!;
			expect(total).not.toContain('failed=');
			for (const [figure, floor] of Object.entries(floors) as [Figure, number][]) {
				const value = Number(PATTERNS[figure].exec(total)?.[1]);
				if (figure === 'extra') expect(value, `${set} ${figure}`).toBeLessThanOrEqual(floor);
				else expect(value, `${set} ${figure}`).toBeGreaterThanOrEqual(floor);
			}
		});
	}
});
