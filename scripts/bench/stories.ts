// The measure and threshold that decide when two event sentences are one event
// (source/ingest/similar.ts), on the invented pairs of test/fixtures/stories/pairs.tsv: for each
// measure, the threshold with the best F1 and its precision and recall. `npm run bench -- --only stories`.
import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import {comparableWords, contentWords, jaccard, similarity} from '../../source/ingest/similar.js';
import type {Figure} from './measure.js';

export type Pair = {kind: string; same: boolean; a: string; b: string};

export function readPairs(root: string): Pair[] {
	return readFileSync(join(root, 'test/fixtures/stories/pairs.tsv'), 'utf8')
		.split('\n')
		.filter((line) => line && !line.startsWith('#'))
		.map((line) => {
			const [kind, same, a, b] = line.split('\t');
			return {kind: kind!, same: same === '1', a: a!, b: b!};
		});
}

const set = (words: string[]) => [...new Set(words)];
const shingles = (words: string[]) => set(words.slice(1).map((word, i) => `${words[i]} ${word}`));

const MEASURES: Record<string, (a: string, b: string) => number> = {
	'Jaccard, content words, figures agree (briefing)': (a, b) => similarity(contentWords(a), contentWords(b)),
	'Jaccard, content words': (a, b) => jaccard(contentWords(a), contentWords(b)),
	'Jaccard, all words': (a, b) => jaccard(set(comparableWords(a)), set(comparableWords(b))),
	'Jaccard, word 2-shingles': (a, b) => jaccard(shingles(comparableWords(a)), shingles(comparableWords(b))),
	'containment, content words': (a, b) => {
		const [x, y] = [contentWords(a), contentWords(b)];
		const shared = x.filter((word) => y.includes(word)).length;
		return shared / Math.min(x.length, y.length);
	},
};

export function scores(pairs: Pair[], measure: (a: string, b: string) => number, threshold: number) {
	let tp = 0;
	let fp = 0;
	let fn = 0;
	for (const pair of pairs) {
		const merged = measure(pair.a, pair.b) >= threshold;
		if (merged && pair.same) tp++;
		else if (merged) fp++;
		else if (pair.same) fn++;
	}
	const precision = tp + fp ? tp / (tp + fp) : 1;
	const recall = tp + fn ? tp / (tp + fn) : 1;
	return {precision, recall, f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0};
}

export function storyFigures(root: string): Figure[] {
	const pairs = readPairs(root);
	const figures: Figure[] = [];
	for (const [name, measure] of Object.entries(MEASURES)) {
		let best = {threshold: 0, precision: 0, recall: 0, f1: -1};
		for (let step = 20; step <= 95; step++) {
			const threshold = step / 100;
			const score = scores(pairs, measure, threshold);
			// Ties go to the higher threshold: a wrong merge hides a fact, a missed one repeats it.
			if (score.f1 >= best.f1) best = {threshold, ...score};
		}
		const strict = [...Array(76).keys()].map((i) => (20 + i) / 100).find((t) => scores(pairs, measure, t).precision === 1);
		const atStrict = strict === undefined ? null : scores(pairs, measure, strict);
		console.log(`  ${name}: precision 1.00 from ${strict?.toFixed(2) ?? '-'} (recall ${atStrict?.recall.toFixed(2) ?? '-'})`);
		console.log(
			`  ${name}: best F1 ${best.f1.toFixed(2)} at ${best.threshold.toFixed(2)} (precision ${best.precision.toFixed(2)}, recall ${best.recall.toFixed(2)})`,
		);
		figures.push({name: `same event, ${name}: F1 at ${best.threshold.toFixed(2)}`, value: best.f1, unit: 'F1'});
	}
	return figures;
}
