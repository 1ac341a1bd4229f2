import {ROLE_WORDS} from './lexicon.js';
import type {Token} from './nlp.js';

// Small facts about one token that the rules for names keep asking.

export const NAME_TAGS = ['ProperNoun', 'Person', 'Place', 'Organization', 'Acronym', 'Country'];
const DATE_TAGS = ['Date', 'WeekDay', 'Month', 'Holiday'];
// Sentence-initial words with these tags are ordinary words that happen to be capitalised.
export const WORD_TAGS = [
	'Verb',
	'Adverb',
	'Adjective',
	'Value',
	'Conjunction',
	'Determiner',
	'Preposition',
	'Pronoun',
	'QuestionWord',
	'Expression',
	'Gerund',
];
export const LOCATIVE = new Set(['in', 'at', 'from', 'near', 'downtown', 'outside', 'inside', 'around', 'across', 'throughout']);

export const lower = (t: Token) => t.text.toLowerCase();
export const isCapitalised = (t: Token) => /^\p{Lu}/u.test(t.text) && !DATE_TAGS.some((tag) => t.tags.has(tag));
export const isAcronym = (text: string) => /^(?:\p{Lu}\.){2,}$|^\p{Lu}[\p{Lu}\d&]{1,6}$/u.test(text);
export const isRole = (t: Token) => ROLE_WORDS.has(lower(t)) || ROLE_WORDS.has(lower(t).replace(/\.$/, '')) || t.tags.has('Honorific');
// "He's", "it's", "that's", "let's": "is", "has" or "us" contracted, not a possessive.
export const isContractedS = (t: Token) => /^(?:he|she|it|that|there|here|who|what|where|let)['’]s$/i.test(t.text);
export const isPossessive = (t: Token) => /['’]s?$/.test(t.text) || t.tags.has('Possessive');
export const bare = (text: string) => text.replace(/['’]s?$/, '');
export const opensQuote = (t: Token) => /["“‘]/.test(t.pre);
export const isContraction = (t: Token) => /['’](m|ll|re|ve|d|t)$/i.test(t.text);
// "al-Ansari", "el-Masri", "ul-Haq": an Arabic article or particle joined to a surname, written small
// inside a name (nlp.ts keeps the hyphenated word whole).
// A surname is found with or without it ("Ansari" of "Majed al-Ansari", also "Al-Ansari").
export const isParticleName = (t: Token) => /^(?:al|el|ad|ash|as|at|az|ul|ud)-\p{Lu}\p{Ll}/u.test(t.text);
export const withoutParticle = (word: string) => word.replace(/^(?:[Aa](?:l|d|sh|s|t|z)|[Ee]l|[Uu][ld])-(?=\p{Lu}\p{Ll})/u, '');

// Ends a name: a comma, a full stop that is not an abbreviation's, a possessive.
export function endsName(t: Token): boolean {
	if (isPossessive(t)) return true;
	const after = t.post.trim();
	if (!after) return false;
	return !(after === '.' && (t.tags.has('Abbreviation') || t.tags.has('Honorific') || /^\p{Lu}$/u.test(t.text)));
}
