// Name comparison for merging actors and for looking them up: "Zelenskyy's", "ZELENSKYY" and
// "Zelenskyy" are one name, and so are "Erdoğan" and "Erdogan".

import {fold, sameWord} from '../ingest/normalize.js';

const stripAccents = (s: string) => s.normalize('NFKD').replace(/\p{M}/gu, '');

// Case, accents, punctuation, a possessive 's and a leading "the" folded away.
export function foldName(name: string): string {
	return fold(name).replace(/^the /, '');
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
		.replace(/^-|-$/g, '');
}

// The same rule as within an article: "Zelensky" and "Zelenskyy" are one name, "Jonson" and
// "Johnson" are two.
export const sameNameToken = sameWord;

// First names may also be shortened or initialled: "J", "Jim", "Jimmy" against "Jimmy".
export function compatibleFirstName(a: string, b: string): boolean {
	return a.startsWith(b) || b.startsWith(a) || sameNameToken(a, b);
}
