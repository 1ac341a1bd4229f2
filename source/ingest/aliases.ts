import {lookupCountry} from './countries.js';
import {CORPORATE_WORDS, ORG_WORDS} from './lexicon.js';
import type {Candidate} from './candidates.js';
import {lookupKeys, sameWord, wordKey} from './normalize.js';
import {isAcronym, withoutParticle} from './tokens.js';
import type {ExtractedActor} from '../types.js';

// Alias merging within an article: which actor seen so far a candidate name refers to.

// `guessed`: nothing in its names so far said its kind (candidates.ts classify).
export type Building = ExtractedActor & {tokens: string[]; code?: string; lastSeen: number; guessed?: boolean};

const initials = (tokens: string[]) =>
	tokens
		.filter((t) => /^\p{Lu}/u.test(t))
		.map((t) => t[0])
		.join('');

const acronymKey = (s: string) => s.replace(/\./g, '').toUpperCase();

function sameTokens(a: string[], b: string[]): boolean {
	return a.length === b.length && a.every((t, i) => sameWord(t, b[i]!));
}

const endsWith = (long: string[], short: string[]) =>
	short.length < long.length && sameTokens(long.slice(long.length - short.length), short);
const startsWith = (long: string[], short: string[]) => short.length < long.length && sameTokens(long.slice(0, short.length), short);
const mostRecent = (list: Building[]) => list.sort((a, b) => b.lastSeen - a.lastSeen)[0];
export const only = (list: Building[]) => (list.length === 1 ? list[0] : undefined);

// The actors seen so far, indexed by the words of their names and aliases (and organisations by
// their initials), so that finding the one a candidate names looks only at the few actors that
// share a word with it: alias merging stays linear in the length of the article.
export class Seen {
	readonly all: Building[] = [];
	readonly #order = new Map<Building, number>();
	readonly #byWord = new Map<string, Set<Building>>();
	readonly #byCode = new Map<string, Building>();
	readonly #byInitials = new Map<string, Set<Building>>();
	readonly #byAcronym = new Map<string, Set<Building>>();

	add(actor: Building): void {
		this.#order.set(actor, this.all.length);
		this.all.push(actor);
		if (actor.code) this.#byCode.set(actor.code, actor);
	}

	// Called whenever an actor gets a name or alias.
	index(actor: Building, name: string): void {
		const tokens = name.split(/\s+/);
		for (const token of tokens) {
			put(this.#byWord, wordKey(token), actor);
			put(this.#byWord, wordKey(withoutParticle(token)), actor);
		}
		if (tokens.length > 1) put(this.#byInitials, initials(tokens), actor);
		if (tokens.length === 1 && isAcronym(name)) put(this.#byAcronym, acronymKey(name), actor);
	}

	country(code: string): Building | undefined {
		return this.#byCode.get(code);
	}

	// Actors that share a word with `tokens`, in the order they were first seen.
	related(tokens: string[]): Building[] {
		const found = new Set<Building>();
		for (const token of tokens)
			for (const key of lookupKeys(withoutParticle(token))) for (const actor of this.#byWord.get(key) ?? []) found.add(actor);
		return this.#ordered(found);
	}

	withInitials(key: string): Building[] {
		return this.#ordered(this.#byInitials.get(key) ?? new Set());
	}

	withAcronym(key: string): Building[] {
		return this.#ordered(this.#byAcronym.get(key) ?? new Set());
	}

	#ordered(set: Set<Building>): Building[] {
		return [...set].sort((a, b) => this.#order.get(a)! - this.#order.get(b)!);
	}
}

// A word that many actors share ("Council", "University", "of") finds the ones whose names were
// given to it last, this many: more would make every candidate with that word look at every one
// of them, in time that grows with the square of an article that lists many.
const MAX_SHARING = 64;

function put(map: Map<string, Set<Building>>, key: string, actor: Building): void {
	let set = map.get(key);
	if (!set) map.set(key, (set = new Set()));
	// Put last, so that the first is the one named longest ago.
	set.delete(actor);
	set.add(actor);
	if (set.size > MAX_SHARING) set.delete(set.values().next().value!);
}

// `long` is `short` with a country before it: "U.S. Air Force" and "Air Force".
const countryBefore = (long: string[], short: string[]) =>
	endsWith(long, short) && lookupCountry(long.slice(0, long.length - short.length).join(' ')) !== undefined;

// The part of an organisation's name before "of": "Supreme Court" of "Supreme Court of Cassation".
const headOf = (tokens: string[]) => (tokens.includes('of') ? tokens.slice(0, tokens.indexOf('of')) : tokens);
// "Municipality of Livorno" → "Livorno"; "Church of Scientology" → "Scientology".
const objectOf = (tokens: string[]) =>
	tokens.length === 3 && tokens[1] === 'of' && ORG_WORDS.has(tokens[0]!.toLowerCase()) ? tokens[2] : undefined;

// Finds the actor a candidate names among those already seen in this article, by the rules of
// alias merging: same name up to spelling, acronyms, surnames, first names, short forms.
export function match(c: Candidate, seen: Seen, actorOf: (c: Candidate) => Building | undefined): Building | undefined {
	if (c.country) {
		// "Paris" after "Valeska Paris" is her, not France; "Jordan" after "Ken Jordan", him.
		const surface = c.surface.split(/\s+/);
		const named =
			c.country.via !== 'demonym' && surface.length === 1
				? mostRecent(seen.related(surface).filter((a) => a.kind === 'person' && endsWith(a.tokens, surface)))
				: undefined;
		return named ?? seen.country(c.country.code);
	}
	const actors = seen.related(c.tokens);
	const exact = actors.find(
		(a) => (a.kind === c.kind || !c.personEvidence) && [a.name, ...a.aliases].some((n) => sameTokens(n.split(/\s+/), c.tokens)),
	);
	if (exact) return exact;
	// "Italian Episcopal Conference (CEI)" and "CEI (Italian Episcopal Conference)".
	const adjacent = c.bracketed && actorOf(c.bracketed);
	if (adjacent && (isAcronym(c.name) || isAcronym(adjacent.name))) return adjacent;
	if (c.tokens.length === 1 && isAcronym(c.name)) {
		const byInitials = only(
			seen
				.withInitials(acronymKey(c.name))
				.filter((a) => a.kind === 'organization' && a.tokens.length > 1 && initials(a.tokens) === acronymKey(c.name)),
		);
		if (byInitials) return byInitials;
		// "USAF" for "Air Force": a country's two-letter code before the initials of its body's name.
		const code = acronymKey(c.name).slice(0, 2);
		const rest = acronymKey(c.name).slice(2);
		if (rest.length >= 2 && lookupCountry(code)) {
			const national = only(
				seen.withInitials(rest).filter((a) => a.kind === 'organization' && a.tokens.length > 1 && initials(a.tokens) === rest),
			);
			if (national) return national;
		}
	}
	if (c.kind === 'organization' && c.tokens.length > 1) {
		const acronym = only(
			seen
				.withAcronym(initials(c.tokens))
				.filter((a) => a.tokens.length === 1 && isAcronym(a.name) && acronymKey(a.name) === initials(c.tokens)),
		);
		if (acronym) return acronym;
		const shortForm = only(
			actors.filter(
				(a) =>
					a.kind === 'organization' &&
					a.tokens.includes('of') &&
					(sameTokens(headOf(a.tokens), c.tokens) || endsWith(headOf(a.tokens), c.tokens)),
			),
		);
		if (shortForm) return shortForm;
	}
	// "Air Force" and "U.S. Air Force", "Aer Lingus" and "Aer Lingus Group PLC": one organisation
	// named with or without its country or its corporate words, whichever comes first.
	if (c.kind === 'organization' && c.tokens.length > 1) {
		const same = only(
			actors.filter(
				(a) =>
					(a.kind === 'organization' || a.guessed) &&
					(countryBefore(a.tokens, c.tokens) ||
						countryBefore(c.tokens, a.tokens) ||
						(startsWith(c.tokens, a.tokens) && c.tokens.slice(a.tokens.length).every((t) => CORPORATE_WORDS.has(t.toLowerCase())))),
			),
		);
		if (same) return same;
	}
	// "Belo Sun" for "Belo Sun Mining": a company named without its corporate or trade word.
	if (!c.personEvidence) {
		const company = only(
			actors.filter(
				(a) =>
					a.kind === 'organization' &&
					startsWith(a.tokens, c.tokens) &&
					a.tokens.slice(c.tokens.length).every((t) => CORPORATE_WORDS.has(t.toLowerCase())),
			),
		);
		if (company) return company;
	}
	if (c.tokens.length === 1) {
		const word = c.tokens[0]!;
		// "the Court", "the Church": the organisation of that kind named before.
		if (c.afterThe && ORG_WORDS.has(word.toLowerCase())) {
			return mostRecent(actors.filter((a) => a.kind === 'organization' && a.tokens.some((t) => sameWord(t, word))));
		}
		// "the North" after North Korea; "Korea" after South Korea.
		const country = only(
			actors.filter(
				(a) =>
					a.kind === 'country' && a.tokens.length > 1 && (c.afterThe ? sameWord(a.tokens[0]!, word) : sameWord(a.tokens.at(-1)!, word)),
			),
		);
		if (country) return country;
		const owner = only(
			actors.filter((a) => a.kind === 'organization' && objectOf(a.tokens) !== undefined && sameWord(objectOf(a.tokens)!, word)),
		);
		if (owner && c.kind !== 'person') return owner;
	}
	// A place ("Texas") is not the first name or surname of anyone.
	if (c.kind === 'person' || (!c.personEvidence && c.kind !== 'place')) {
		// A surname (or the end of a longer name) is the most recently seen person it ends; a first
		// name alone ("Yoon") is the one person it begins.
		// "Ansari" or "al-Ansari" of "Majed al-Ansari": the surname with or without its particle.
		const surname = c.tokens.map(withoutParticle);
		const bySurname = mostRecent(
			actors.filter(
				(a) =>
					(a.kind === 'person' || a.guessed) &&
					a.tokens.length > c.tokens.length &&
					(endsWith(a.tokens, c.tokens) || endsWith(a.tokens.map(withoutParticle), surname)),
			),
		);
		if (bySurname) return bySurname;
		// A single name that is the first or a middle name of exactly one person ("Yoon" of Yoon Suk
		// Yeol, "Lula" of Luiz Inácio Lula da Silva).
		if (c.tokens.length === 1)
			return only(
				actors.filter((a) => a.kind === 'person' && a.tokens.length > 1 && a.tokens.slice(0, -1).some((t) => sameWord(t, c.tokens[0]!))),
			);
	}
	return undefined;
}
