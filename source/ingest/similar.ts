// Whether two sentences from two articles tell the same thing: a wire story republished by
// several outlets, lightly edited ("every ferry crossing" / "all ferry crossings", "on Thursday" /
// "Thursday", "per cent" / "%"), is one event with several sources; a sentence about the same
// story with other facts stays apart. Measured on a set of invented pairs
// (test/fixtures/stories/pairs.tsv; scripts/bench/stories.ts compares the measures and thresholds).

// Words too common to say what a sentence is about.
const STOPWORDS = new Set(
	(
		'a an the and or but of in on at to for from by with as into onto over under about after before than then that this these those ' +
		'is are was were be been being has have had do does did will would shall should can could may might must it its it’s their ' +
		'they them he she his her him we our us you your i me my who whom which what when where while there here also not no'
	).split(' '),
);

// The words of a sentence, as they are compared: lower case, without accents or punctuation,
// with numbers written one way ("3,000" is 3000, "12%" is 12 percent).
export function comparableWords(text: string): string[] {
	return text
		.normalize('NFKD')
		.replace(/\p{M}/gu, '')
		.toLowerCase()
		.replace(/(\d),(?=\d{3}\b)/g, '$1')
		.replace(/%/g, ' percent ')
		.replace(/\bper cent\b/g, 'percent')
		.split(/[^\p{L}\p{N}.]+|\.(?!\d)/u)
		.filter(Boolean);
}

// The words that say what a sentence is about.
export const contentWords = (text: string) => [...new Set(comparableWords(text).filter((word) => !STOPWORDS.has(word)))];

// Jaccard similarity of two sets of words: what they share over what either has.
export function jaccard(a: readonly string[], b: readonly string[]): number {
	if (a.length === 0 || b.length === 0) return 0;
	const [small, large] = a.length <= b.length ? [a, new Set(b)] : [b, new Set(a)];
	let shared = 0;
	for (const word of small) if (large.has(word)) shared++;
	return shared / (a.length + b.length - shared);
}

const isNumber = (word: string) => /\d/.test(word);

// Two sentences that both give figures and do not share them report different facts ("212 new
// cases" and "98 new cases"), however many other words they share; one may give more figures than
// the other ("3.1%" and "3.1% in the 12 months").
const figures = new WeakMap<readonly string[], string[]>();
const figuresOf = (words: readonly string[]) => {
	let found = figures.get(words);
	if (!found) figures.set(words, (found = words.filter(isNumber)));
	return found;
};

function numbersAgree(a: readonly string[], b: readonly string[]): boolean {
	const x = figuresOf(a);
	const y = figuresOf(b);
	if (x.length === 0 || y.length === 0) return true;
	return x.every((n) => y.includes(n)) || y.every((n) => x.includes(n));
}

// How alike two sentences' content words are, from 0 to 1: their Jaccard similarity, or 0 when
// their figures disagree.
export const similarity = (a: readonly string[], b: readonly string[]) => (numbersAgree(a, b) ? jaccard(a, b) : 0);

// At or above this, two event sentences are one event: on the pairs, precision 0.92 and recall
// 0.97 (F1 0.94, the best of the thresholds; precision is 1.00 only from 0.78, at recall 0.77).
// What it merges wrongly is a swapped word that changes the fact ("the first boat" / "the last
// boat"), which no measure over words tells from a light edit ("every" / "all").
export const SAME_EVENT = 0.66;

// Quotes are the speaker's own words: only punctuation, case and a word or two may differ, so
// they are compared over all their words.
export const SAME_QUOTE = 0.8;

// The same words, ignoring punctuation and case.
export const quoteKey = (text: string) => comparableWords(text).join(' ');
