// Comparing names as readers do: case, accents and punctuation do not matter, and one slip of a
// letter in a long word is the same word ("Zelensky" / "Zelenskyy", "Untied" / "United").

export function fold(s: string): string {
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

// Optimal string alignment distance, stopping early once it exceeds 1.
function withinOneEdit(a: string, b: string): boolean {
	if (Math.abs(a.length - b.length) > 1) return false;
	let previous2: number[] = [];
	let previous = Array.from({length: b.length + 1}, (_, j) => j);
	for (let i = 1; i <= a.length; i++) {
		const current = [i];
		for (let j = 1; j <= b.length; j++) {
			const cost = a[i - 1] === b[j - 1] ? 0 : 1;
			let d = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
			if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, previous2[j - 2]! + 1);
			current.push(d);
		}
		if (Math.min(...current) > 1) return false;
		previous2 = previous;
		previous = current;
	}
	return previous[b.length]! <= 1;
}

export function sameWord(a: string, b: string): boolean {
	const x = fold(a);
	const y = fold(b);
	if (x === y) return true;
	return x.length >= 5 && y.length >= 5 && x[0] === y[0] && withinOneEdit(x, y);
}

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

export function within(spans: ReadonlyArray<{start: number; end: number}>, offset: number): boolean {
	const span = spans[spanAfter(spans, offset)];
	return span !== undefined && offset >= span.start;
}
