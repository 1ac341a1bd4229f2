// Name comparison for merging actors and for looking them up: "Zelenskyy's", "ZELENSKYY" and
// "Zelenskyy" are one name, and so are "Erdoğan" and "Erdogan".

const stripAccents = (s: string) => s.normalize('NFKD').replace(/\p{M}/gu, '');

// Case, accents, punctuation, a possessive 's and a leading "the" folded away.
export function foldName(name: string): string {
	return stripAccents(name)
		.toLowerCase()
		.replace(/['’]s\b/g, '')
		.replace(/[^\p{L}\p{N}]+/gu, ' ')
		.trim()
		.replace(/^the /, '');
}

export function nameTokens(name: string): string[] {
	const folded = foldName(name);
	return folded ? folded.split(' ') : [];
}

// Lower-case ASCII words joined by dashes, for readable ids: "Volodymyr Zelenskyy" → "volodymyr-zelenskyy".
export function slugify(name: string): string {
	return stripAccents(name)
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '');
}

// True when a and b differ by at most one insertion, deletion or substitution.
function withinOneEdit(a: string, b: string): boolean {
	if (Math.abs(a.length - b.length) > 1) return false;
	let i = 0;
	while (i < a.length && i < b.length && a[i] === b[i]) i++;
	if (a.length === b.length) return a.slice(i + 1) === b.slice(i + 1);
	return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

// Transliterations of one name ("Zelensky", "Zelenskyy") differ by a letter; in short words a
// letter is the whole difference between two names ("Smith", "Smyth"), so only long ones count.
export function sameNameToken(a: string, b: string): boolean {
	return a === b || (Math.min(a.length, b.length) >= 6 && withinOneEdit(a, b));
}

// First names may also be shortened or initialled: "J", "Jim", "Jimmy" against "Jimmy".
export function compatibleFirstName(a: string, b: string): boolean {
	return a.startsWith(b) || b.startsWith(a) || sameNameToken(a, b);
}
