// Comparing names as readers do: case, accents and punctuation do not matter, nor do the slips
// that spelling and transliteration make in long names: a doubled letter ("Zelensky" /
// "Zelenskyy") or two letters swapped ("Untied" / "United"). Any other difference ("Jonson" /
// "Johnson", "Marin" / "Martin") is another name.

// Names are compared over and over, and few are different: each is folded once.
const foldedSeen = new Map<string, string>();
const MAX_FOLDED = 50_000;

export function fold(s: string): string {
	if (s.length > 64) return foldText(s);
	let folded = foldedSeen.get(s);
	if (folded === undefined) {
		if (foldedSeen.size >= MAX_FOLDED) foldedSeen.clear();
		foldedSeen.set(s, (folded = foldText(s)));
	}
	return folded;
}

function foldText(s: string): string {
	return s
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/['’]s\b/g, '')
		.replace(/[^\p{L}\p{N}]+/gu, ' ')
		.trim();
}

export function slug(s: string): string {
	return fold(s).replace(/\s+/g, '-') || 'x';
}

const undoubled = (s: string) => s.replace(/(\p{L})\1+/gu, '$1');

function swappedOnce(a: string, b: string): boolean {
	const [x, y] = [Array.from(a), Array.from(b)];
	if (x.length !== y.length) return false;
	const diff = x.flatMap((ch, i) => (ch === y[i] ? [] : [i]));
	return diff.length === 2 && diff[1] === diff[0]! + 1 && x[diff[0]!] === y[diff[1]!] && x[diff[1]!] === y[diff[0]!];
}

// Short words and numbers are one word only when spelled alike.
export const slipsForgiven = (folded: string) => folded.length >= 5 && !/\d/.test(folded);

// Longer than any word of a name: a word of text can be thousands of letters long, and its swaps,
// one for each letter, cost its length squared to make and to look up. Past this no swap is
// forgiven (a swap keeps the length, so both words are past it or neither is).
const MAX_SWAPPED = 64;

export function sameWord(a: string, b: string): boolean {
	const x = fold(a);
	const y = fold(b);
	if (x === y) return true;
	if (!slipsForgiven(x) || !slipsForgiven(y)) return false;
	return undoubled(x) === undoubled(y) || (x.length <= MAX_SWAPPED && swappedOnce(x, y));
}

// A word's key in an index of words: `sameWord(a, b)` holds only when b's key is one of
// `lookupKeys(a)`, so looking those keys up finds every word it may be.
export const wordKey = (word: string) => fold(word).replace(/(\p{L})\1+/gu, '$1');

// The words that swapping two neighbouring letters of a word makes, one swap each: the ones
// sameWord forgives.
export function swapsOf(word: string): string[] {
	if (word.length > MAX_SWAPPED) return [];
	const letters = Array.from(word);
	const swaps: string[] = [];
	for (let i = 0; i + 1 < letters.length; i++) {
		const swapped = [...letters];
		[swapped[i], swapped[i + 1]] = [swapped[i + 1]!, swapped[i]!];
		swaps.push(swapped.join(''));
	}
	return swaps;
}

// The keys under which a word may be found: itself, and each swap of two neighbouring letters,
// the slips that sameWord forgives.
export const lookupKeys = (word: string) => [wordKey(word), ...swapsOf(fold(word)).map(wordKey)];

// The index of the first span that ends after `offset`, in spans sorted by start and not
// overlapping: a binary search, so that lookups stay cheap in long articles.
export function spanAfter(spans: ReadonlyArray<{start: number; end: number}>, offset: number): number {
	let lo = 0;
	let hi = spans.length;
	while (lo < hi) {
		const mid = (lo + hi) >> 1;
		if (spans[mid]!.end <= offset) lo = mid + 1;
		else hi = mid;
	}
	return lo;
}

// The index of the first item that starts at or after `offset`, in items sorted by start: where a
// range of them begins, found without a scan from the first.
export function startingFrom(items: ReadonlyArray<{start: number}>, offset: number): number {
	let lo = 0;
	let hi = items.length;
	while (lo < hi) {
		const mid = (lo + hi) >> 1;
		if (items[mid]!.start < offset) lo = mid + 1;
		else hi = mid;
	}
	return lo;
}

export function within(spans: ReadonlyArray<{start: number; end: number}>, offset: number): boolean {
	const span = spans[spanAfter(spans, offset)];
	return span !== undefined && offset >= span.start;
}
