// Extraction time and peak memory on text shaped to be slow (long runs of marks, capitalised
// words, unbalanced quotes, …) against normal prose of the same size, each article in a process
// of its own so that its peak RSS is its own. `npm run bench -- --only hostile [--hostile-sizes
// 100,1024,5120]` (kilobytes).
import {spawnSync} from 'node:child_process';
import {rmSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {extract} from '../../source/ingest/index.js';
import {random} from '../../test/random.js';
import type {Figure} from './measure.js';

const PEOPLE = ['Ada Vance', 'Omar Reyes', 'Lena Okafor', 'Tomas Berg', 'Priya Haddad', 'Jon Kowalski', 'Mira Costa', 'Ivan Dahl'];
const PLACES = ['Lisbon', 'Nairobi', 'Oslo', 'Lima', 'Hanoi', 'Quebec'];
const BODIES = ['the Harbour Council', 'the Ministry of Transport', 'the Rail Union', 'the Port Authority'];
const DAYS = ['on Monday', 'on Tuesday', 'last week', 'on March 3', 'in April', 'yesterday'];
const WORDS =
	'the talks on the new port would resume after a week of strikes across the region while traders warned of delays to the deal and officials expected ships to return'.split(
		' ',
	);

// News-like prose: paragraphs of two to five sentences of news length that name people, bodies,
// places and days, some with a quotation. Seeded, so every run extracts the same text.
function newsProse(size: number): string {
	const next = random(16);
	const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]!;
	const clause = () => Array.from({length: 6 + Math.floor(next() * 14)}, () => pick(WORDS)).join(' ');
	const sentence = () => {
		const shape = next();
		if (shape < 0.2) return `"We will ${clause()}," ${pick(PEOPLE)} said ${pick(DAYS)}.`;
		if (shape < 0.5) return `${pick(PEOPLE)} met ${pick(PEOPLE)} in ${pick(PLACES)} ${pick(DAYS)}, and ${clause()}.`;
		if (shape < 0.7) return `${pick(BODIES).replace(/^t/, 'T')} said ${pick(DAYS)} that ${clause()}.`;
		const text = `${clause()} in ${pick(PLACES)}.`;
		return text[0]!.toUpperCase() + text.slice(1);
	};
	const paragraphs: string[] = [];
	let length = 0;
	while (length < size) {
		const paragraph = Array.from({length: 2 + Math.floor(next() * 4)}, sentence).join(' ');
		paragraphs.push(paragraph);
		length += paragraph.length + 2;
	}
	return paragraphs.join('\n\n');
}

// Words made of syllables, one for each n and different for each: names no lexicon knows, of
// `letters` letters, capitalised.
const SYLLABLES = ['ka', 'lo', 'mi', 'ren', 'to', 'va', 'sel', 'dor', 'an', 'bri', 'ces', 'ul', 'po', 'zan', 'ter', 'fy'];
function madeWord(n: number, letters: number): string {
	let word = '';
	for (let k = n; word.length < letters; k = Math.floor(k / 16)) word += SYLLABLES[k % 16];
	return `${word[0]!.toUpperCase()}${word.slice(1)}`.padEnd(letters, 'a').slice(0, letters);
}

// Sentences made by `sentence(i)` for i = 0, 1, … until they are `size` characters.
function repeated(size: number, sentence: (i: number) => string): string {
	const out: string[] = [];
	for (let i = 0, length = 0; length < size; i++) length += out[out.push(sentence(i)) - 1]!.length + 1;
	return out.join(' ');
}

// Each makes an article body of about `size` characters.
export const HOSTILE: Record<string, (size: number) => string> = {
	prose: newsProse,
	'heading of spaces': (size) => `# a${' '.repeat(size)}b\n\nText.`,
	'nested open quotes': (size) => `He said "a ${'"b '.repeat(size / 3)}`,
	'capitalised words': (size) => `Then ${'Word '.repeat(size / 5)}left.`,
	'double quotes': (size) => `A${'"'.repeat(size)}`,
	dots: (size) => `A${'.'.repeat(size)}`,
	'escape sequences': (size) => `A ${'\x1b[1m'.repeat(size / 4)}`,
	'hard-wrapped lines': (size) => 'the line goes on\n'.repeat(size / 17),
	'short sentences': (size) => 'It rained. '.repeat(size / 11),
	// Persons whose names are words longer than any name's, who share a surname: each is looked up
	// by the slips its words may have.
	'names of long words': (size) => repeated(size, (i) => `${madeWord(i, 1000)} Varga met Ann ${madeWord(i + 1, 900)} on Monday.`),
	'one hyphenated name': (size) => `Said Ann-${'Smith-'.repeat(size / 6)}Smith left.`,
	// Persons who share a surname and the first letters of their first names, named again later
	// with longer first names.
	'persons named again': (size) => {
		const firsts = Array.from({length: Math.ceil(size / 71)}, (_, i) => `Alexander${madeWord(i, 12).toLowerCase()}`);
		return [...firsts.map((first) => `${first} Varga spoke.`), ...firsts.map((first) => `${first}ia Varga left.`)].join(' ');
	},
	'front-matter keys': (size) =>
		`---\ntitle: Keys\n${Array.from({length: size / 12}, (_, i) => `k${i.toString().padStart(7, '0')}: v`).join('\n')}\n---\n\nText.`,
};

// The whole article file: front matter as it is, anything else in the seed format.
export const hostileArticle = (pattern: string, size: number) => {
	const body = HOSTILE[pattern]!(size);
	return body.startsWith('---') ? body : `date 2024-01-01 ${body}`;
};

// In the child: extract one generated article and print its time and the process's peak RSS.
export function hostileChild(pattern: string, size: number): void {
	const text = hostileArticle(pattern, size);
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

type Outcome = {ms: number; rss: number; outcome: string};

// Every pattern at one size beside prose of that size, each run once by `run`.
function patternFigures(label: string, sizeKb: number, run: (pattern: string) => Outcome): Figure[] {
	const prose = run('prose');
	return Object.keys(HOSTILE).flatMap((pattern): Figure[] => {
		const result = pattern === 'prose' ? prose : run(pattern);
		const note = result.outcome === 'ok' ? '' : ` (${result.outcome})`;
		return [
			{
				name: `${label} ${pattern}${note}, ${sizeKb.toLocaleString('en-US')} KB`,
				value: result.ms,
				unit: 'ms',
				reference: prose.ms,
				ratio: result.ms / prose.ms,
				target: '<= 2x prose',
			},
			{name: `  its peak RSS`, value: result.rss, unit: 'MB', target: sizeKb >= 10_000 ? '< 500 MB' : undefined},
		];
	});
}

export function hostileFigures(bundle: string, sizesKb: number[], timeoutSeconds = 600): Figure[] {
	return sizesKb.flatMap((sizeKb) =>
		patternFigures('extract', sizeKb, (pattern) => {
			const child = spawnSync(process.execPath, [bundle, '--hostile-child', pattern, String(sizeKb * 1024)], {
				encoding: 'utf8',
				timeout: timeoutSeconds * 1000,
			});
			if (child.status !== 0) return {ms: Number.POSITIVE_INFINITY, rss: Number.NaN, outcome: `over ${timeoutSeconds} s or failed`};
			return JSON.parse(child.stdout) as Outcome;
		}),
	);
}

// The same articles through a build's whole command, `extract FILE --json`, as a reader runs it:
// its time and peak RSS by /usr/bin/time, so that a build from before the hostile bench existed
// can be measured too (`--only hostile-cli --cli OTHER/dist/cli.js`). The JSON goes to /dev/null.
export function hostileCliFigures(cli: string, dir: string, sizesKb: number[], timeoutSeconds = 300): Figure[] {
	return sizesKb.flatMap((sizeKb) =>
		patternFigures('cli extract', sizeKb, (pattern) => {
			const file = join(dir, `${pattern.replaceAll(' ', '-')}-${sizeKb}.txt`);
			writeFileSync(file, hostileArticle(pattern, sizeKb * 1024));
			const child = spawnSync(
				'/usr/bin/time',
				['-f', '%e %M', 'timeout', String(timeoutSeconds), process.execPath, cli, 'extract', file, '--json'],
				{encoding: 'utf8', stdio: ['ignore', 'ignore', 'pipe']},
			);
			rmSync(file);
			const [seconds, kilobytes] = child.stderr.trim().split('\n').at(-1)!.split(' ').map(Number);
			const outcome = child.status === 124 ? `over ${timeoutSeconds} s` : child.status === 0 ? 'ok' : child.stderr.split('\n')[0]!;
			return {ms: outcome.startsWith('over') ? Number.POSITIVE_INFINITY : seconds! * 1000, rss: kilobytes! / 1024, outcome};
		}),
	);
}
