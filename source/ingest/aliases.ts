import {CORPORATE_WORDS, ORG_WORDS} from './lexicon.js';
import type {Candidate} from './candidates.js';
import {sameWord} from './normalize.js';
import {isAcronym} from './tokens.js';
import type {ExtractedActor} from '../types.js';

// Alias merging within an article: which actor seen so far a candidate name refers to.

export type Building = ExtractedActor & {tokens: string[]; code?: string; lastSeen: number};

const initials = (tokens: string[]) =>
	tokens
		.filter((t) => /^\p{Lu}/u.test(t))
		.map((t) => t[0])
		.join('');

const acronymKey = (s: string) => s.replace(/\./g, '').toUpperCase();

function sameTokens(a: string[], b: string[]): boolean {
	return a.length === b.length && a.every((t, i) => sameWord(t, b[i]!));
}

const endsWith = (long: string[], short: string[]) => short.length < long.length && sameTokens(long.slice(long.length - short.length), short);
const startsWith = (long: string[], short: string[]) => short.length < long.length && sameTokens(long.slice(0, short.length), short);
const mostRecent = (list: Building[]) => list.sort((a, b) => b.lastSeen - a.lastSeen)[0];
export const only = (list: Building[]) => (list.length === 1 ? list[0] : undefined);

// The part of an organisation's name before "of": "Supreme Court" of "Supreme Court of Cassation".
const headOf = (tokens: string[]) => (tokens.includes('of') ? tokens.slice(0, tokens.indexOf('of')) : tokens);
// "Municipality of Livorno" → "Livorno"; "Church of Scientology" → "Scientology".
const objectOf = (tokens: string[]) => (tokens.length === 3 && tokens[1] === 'of' && ORG_WORDS.has(tokens[0]!.toLowerCase()) ? tokens[2] : undefined);

// Finds the actor a candidate names among those already seen in this article, by the rules of
// alias merging: same name up to spelling, acronyms, surnames, first names, short forms.
export function match(c: Candidate, actors: Building[], actorOf: (c: Candidate) => Building | undefined): Building | undefined {
	if (c.country) {
		// "Paris" after "Valeska Paris" is her, not France.
		const named = c.country.via === 'capital' && c.tokens.length === 1 ? mostRecent(actors.filter((a) => !a.code && endsWith(a.tokens, c.surface.split(/\s+/)))) : undefined;
		return named ?? actors.find((a) => a.code === c.country!.code);
	}
	const exact = actors.find((a) => (a.kind === c.kind || !c.personEvidence) && [a.name, ...a.aliases].some((n) => sameTokens(n.split(/\s+/), c.tokens)));
	if (exact) return exact;
	// "Italian Episcopal Conference (CEI)" and "CEI (Italian Episcopal Conference)".
	const adjacent = c.bracketed && actorOf(c.bracketed);
	if (adjacent && (isAcronym(c.name) || isAcronym(adjacent.name))) return adjacent;
	if (c.tokens.length === 1 && isAcronym(c.name)) {
		const byInitials = only(actors.filter((a) => a.kind === 'organization' && a.tokens.length > 1 && initials(a.tokens) === acronymKey(c.name)));
		if (byInitials) return byInitials;
	}
	if (c.kind === 'organization' && c.tokens.length > 1) {
		const acronym = only(actors.filter((a) => a.tokens.length === 1 && isAcronym(a.name) && acronymKey(a.name) === initials(c.tokens)));
		if (acronym) return acronym;
		const shortForm = only(
			actors.filter((a) => a.kind === 'organization' && a.tokens.includes('of') && (sameTokens(headOf(a.tokens), c.tokens) || endsWith(headOf(a.tokens), c.tokens))),
		);
		if (shortForm) return shortForm;
	}
	// "Belo Sun" for "Belo Sun Mining": a company named without its corporate or trade word.
	if (!c.personEvidence) {
		const company = only(actors.filter((a) => a.kind === 'organization' && startsWith(a.tokens, c.tokens) && a.tokens.slice(c.tokens.length).every((t) => CORPORATE_WORDS.has(t.toLowerCase()))));
		if (company) return company;
	}
	if (c.tokens.length === 1) {
		const word = c.tokens[0]!;
		// "the Court", "the Church": the organisation of that kind named before.
		if (c.afterThe && ORG_WORDS.has(word.toLowerCase())) {
			return mostRecent(actors.filter((a) => a.kind === 'organization' && a.tokens.some((t) => sameWord(t, word))));
		}
		// "the North" after North Korea; "Korea" after South Korea.
		const country = only(actors.filter((a) => a.kind === 'country' && a.tokens.length > 1 && (c.afterThe ? sameWord(a.tokens[0]!, word) : sameWord(a.tokens.at(-1)!, word))));
		if (country) return country;
		const owner = only(actors.filter((a) => a.kind === 'organization' && objectOf(a.tokens) !== undefined && sameWord(objectOf(a.tokens)!, word)));
		if (owner && c.kind !== 'person') return owner;
	}
	// A place ("Texas") is not the first name or surname of anyone.
	if (c.kind === 'person' || (!c.personEvidence && c.kind !== 'place')) {
		// A surname (or the end of a longer name) is the most recently seen person it ends; a first
		// name alone ("Yoon") is the one person it begins.
		const bySurname = mostRecent(actors.filter((a) => a.kind === 'person' && endsWith(a.tokens, c.tokens)));
		if (bySurname) return bySurname;
		// A single name that is the first or a middle name of exactly one person ("Yoon" of Yoon Suk
		// Yeol, "Lula" of Luiz Inácio Lula da Silva).
		if (c.tokens.length === 1) return only(actors.filter((a) => a.kind === 'person' && a.tokens.length > 1 && a.tokens.slice(0, -1).some((t) => sameWord(t, c.tokens[0]!))));
	}
	return undefined;
}
