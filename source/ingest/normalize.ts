// Comparing names as readers do: case, accents and punctuation do not matter, nor do the slips
// that spelling and transliteration make in long names: a doubled letter ("Zelensky" /
// "Zelenskyy") or two letters swapped ("Untied" / "United"). Any other difference ("Jonson" /
// "Johnson", "Marin" / "Martin") is another name.

// Names are compared over and over, and few are different: each is folded (and undoubled) once.
const MAX_SEEN = 50_000;

function remembered(make: (s: string) => string): (s: string) => string {
	const seen = new Map<string, string>();
	return (s) => {
		if (s.length > 64) return make(s);
		let made = seen.get(s);
		if (made === undefined) {
			if (seen.size >= MAX_SEEN) seen.clear();
			seen.set(s, (made = make(s)));
		}
		return made;
	};
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

export const fold = remembered(foldText);

export function slug(s: string): string {
	return fold(s).replace(/\s+/g, '-') || 'x';
}

const undoubledText = (s: string) => s.replace(/(\p{L})\1+/gu, '$1');
const undoubled = remembered(undoubledText);

// Whether b is a with two neighbouring letters swapped, compared in place: names of one length are
// compared with many others.
function swappedOnce(a: string, b: string): boolean {
	// A swap keeps the length in UTF-16 units as well.
	if (a.length !== b.length) return false;
	let i = 0;
	while (i < a.length && a[i] === b[i]) i++;
	if (i === a.length) return false;
	// The first letter that differs, whole when it is outside the BMP.
	if (i > 0 && a.codePointAt(i - 1)! > 0xffff) i--;
	const first = String.fromCodePoint(a.codePointAt(i)!);
	const second = String.fromCodePoint(b.codePointAt(i)!);
	const after = i + first.length + second.length;
	return a.startsWith(second, i + first.length) && b.startsWith(first, i + second.length) && a.slice(after) === b.slice(after);
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
export const wordKey = (word: string) => undoubled(fold(word));

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
// The swaps are looked up once each, so they are not remembered: they would crowd out the words.
export const lookupKeys = (word: string) => [wordKey(word), ...swapsOf(fold(word)).map((swap) => undoubledText(foldText(swap)))];

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
