// Extraction time and peak memory on text shaped to be slow (long runs of marks, capitalised
// words, unbalanced quotes, …) against normal prose of the same size, each article in a process
// of its own so that its peak RSS is its own. `npm run bench -- --only hostile [--hostile-sizes
// 100,1024,5120]` (kilobytes).
import {spawnSync} from 'node:child_process';
import {extract} from '../../source/ingest/index.js';
import type {Figure} from './measure.js';

const PROSE = 'Ada Vance met Omar Reyes in Lisbon on Monday. "We will sign it," Vance said, and the talks went on. ';

// Each makes an article body of about `size` characters.
export const HOSTILE: Record<string, (size: number) => string> = {
	prose: (size) => PROSE.repeat(Math.ceil(size / PROSE.length)),
	'heading of spaces': (size) => `# a${' '.repeat(size)}b\n\nText.`,
	'nested open quotes': (size) => `He said "a ${'"b '.repeat(size / 3)}`,
	'capitalised words': (size) => `Then ${'Word '.repeat(size / 5)}left.`,
	'double quotes': (size) => `A${'"'.repeat(size)}`,
	dots: (size) => `A${'.'.repeat(size)}`,
	'escape sequences': (size) => `A ${'\x1b[1m'.repeat(size / 4)}`,
	'hard-wrapped lines': (size) => 'the line goes on\n'.repeat(size / 17),
	'short sentences': (size) => 'It rained. '.repeat(size / 11),
};

// In the child: extract one generated article and print its time and the process's peak RSS.
export function hostileChild(pattern: string, size: number): void {
	const text = `date 2024-01-01 ${HOSTILE[pattern]!(size)}`;
	const start = performance.now();
	let outcome = 'ok';
	try {
		extract(text, {fallbackDate: '2024-01-01'});
	} catch (error) {
		outcome = (error as Error).message;
	}
	const ms = performance.now() - start;
	process.stdout.write(`${JSON.stringify({ms, rss: process.resourceUsage().maxRSS / 1024, outcome})}\n`);
}

export function hostileFigures(bundle: string, sizesKb: number[], timeoutSeconds = 600): Figure[] {
	const figures: Figure[] = [];
	for (const sizeKb of sizesKb) {
		const run = (pattern: string) => {
			const child = spawnSync(process.execPath, [bundle, '--hostile-child', pattern, String(sizeKb * 1024)], {
				encoding: 'utf8',
				timeout: timeoutSeconds * 1000,
			});
			if (child.status !== 0) return {ms: Number.POSITIVE_INFINITY, rss: Number.NaN, outcome: `over ${timeoutSeconds} s or failed`};
			return JSON.parse(child.stdout) as {ms: number; rss: number; outcome: string};
		};
		const prose = run('prose');
		for (const pattern of Object.keys(HOSTILE)) {
			const result = pattern === 'prose' ? prose : run(pattern);
			const note = result.outcome === 'ok' ? '' : ` (${result.outcome})`;
			figures.push(
				{
					name: `extract ${pattern}${note}, ${sizeKb.toLocaleString('en-US')} KB`,
					value: result.ms,
					unit: 'ms',
					reference: prose.ms,
					ratio: result.ms / prose.ms,
					target: '<= 2x prose',
				},
				{name: `  its peak RSS`, value: result.rss, unit: 'MB', target: sizeKb >= 10_240 ? '< 500 MB' : undefined},
			);
		}
	}
	return figures;
}
