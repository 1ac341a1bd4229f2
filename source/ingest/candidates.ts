import nlp from 'compromise';
import type {ActorKind, Span} from '../types.js';
import {lookupCountry, type CountryHit} from './countries.js';
import {
	COMMON_ACRONYMS,
	CONNECTORS,
	NAME_PARTICLES,
	CORPORATE_WORDS,
	GROUP_WORDS,
	HEAD_FIRST_ORG_WORDS,
	MEASURE_WORDS,
	NOT_NAMES,
	NUMBERED_WORDS,
	ORG_DESCRIPTORS,
	ORG_WORDS,
	PLACE_WORDS,
	PRODUCT_NOUNS,
	ROLE_WORDS,
	SPEECH_VERBS,
	STATE_WORDS,
	TRAVEL_WORDS,
} from './lexicon.js';
import type {TaggedSentence, Token} from './nlp.js';
import {within} from './normalize.js';
import {
	bare,
	endsName,
	isAcronym,
	isCapitalised,
	isContraction,
	isParticleName,
	isPossessive,
	isRole,
	LOCATIVE,
	lower,
	NAME_TAGS,
	opensQuote,
	WORD_TAGS,
} from './tokens.js';

// Candidate names: capitalised spans of each sentence, split into country, role and name, each
// classified as a person, country, organisation or place. Merging them is aliases.ts's job.

export type Cue = 'person' | 'organization' | 'place';

export type Candidate = {
	name: string;
	tokens: string[];
	kind: ActorKind;
	personEvidence: boolean;
	role: string | null;
	surface: string; // the whole span as written, role included: an alias
	country?: CountryHit;
	afterThe: boolean;
	weak: boolean; // a word that names an actor only when it points back at one ("the North")
	guessed?: boolean; // kind not given by the name itself: context may settle it
	cue?: Cue | null; // what the context says it is
	modifier?: boolean; // a country qualifying the noun after it: "Irish airline", "US law"
	bracketed?: Candidate; // the name it defines or is defined by: "Italian Episcopal Conference (CEI)"
	start: number;
	end: number;
	paragraph: number;
	sentence: number;
};

// What the whole article says about words, so sentence-initial capitals can be judged.
// `moneyNames`: words the tagger reads as money that the article writes as names, after a first
// name ("Mike Pence") or in title case before another name ("Aud Fjell", "Peso Marin"): there and
// alone they are a name.
type WordStats = {lowercase: Set<string>; midCapital: Set<string>; moneyNames: Set<string>};

const nameCased = (t: Token | undefined) => t !== undefined && /^\p{Lu}\p{Ll}+$/u.test(t.text);

// A headline written in sentence case says which words are common too ("Tarvik ferries resume").
function wordStats(sentences: TaggedSentence[], headline: string): WordStats {
	const lowercase = new Set(
		headline
			.split(/[^\p{L}'’-]+/u)
			.filter((word) => /^\p{Ll}/u.test(word))
			.map(bare),
	);
	const midCapital = new Set<string>();
	const moneyNames = new Set<string>();
	for (const s of sentences) {
		s.tokens.forEach((t, i) => {
			const previous = s.tokens[i - 1];
			const next = s.tokens[i + 1];
			if (/^\p{Ll}/u.test(t.text)) lowercase.add(bare(t.text));
			else if (i > 0 && !opensQuote(t) && !/:\s*$/.test(previous!.post)) midCapital.add(bare(t.text));
			if (!t.tags.has('Currency') || !nameCased(t)) return;
			const afterFirstName = previous?.tags.has('FirstName') === true && !previous.post.trim();
			// After a number it is money still: "280 Aud".
			const beforeName = nameCased(next) && !t.post.trim() && !next!.tags.has('Currency') && !/\d/.test(previous?.text ?? '');
			if (afterFirstName || beforeName) moneyNames.add(t.text);
		});
	}
	return {lowercase, midCapital, moneyNames};
}

// "Ferry crossings resumed … two ferries": a word opening a sentence is a common noun when the
// article writes it in lower case, singular or plural.
function writtenSmall(word: string, stats: WordStats): boolean {
	const w = word.toLowerCase();
	const forms = [w, `${w}s`, `${w}es`, w.replace(/y$/, 'ies'), w.replace(/ies$/, 'y'), w.replace(/e?s$/, '')];
	return forms.some((form) => stats.lowercase.has(form));
}

const lexicon = (nlp.model() as {one: {lexicon: Record<string, string>}}).one.lexicon;

function isCommonWord(word: string, stats: WordStats): boolean {
	if (stats.moneyNames.has(word)) return false;
	const w = word.toLowerCase();
	const tag = lexicon[w];
	return stats.lowercase.has(w) || (tag !== undefined && !/Name|Person|Place|Country|City|Region|Organization/.test(tag));
}

// Where a span stops naming an actor and starts naming a thing. A model code names a product, maker
// included ("Airbus A380", "A330-300E"): the maker is an actor where it is named on its own. A
// numbered thing ("Chapter 11", "Air France Flight 447") leaves its operator before it.
function thingStart(span: Token[], sentenceTokens: Token[]): number {
	const offset = sentenceTokens.indexOf(span[0]!);
	for (let i = 0; i < span.length; i++) {
		const t = span[i]!;
		if (/^\p{Lu}{1,2}-?\d{3,}/u.test(t.text)) return 0;
		const next = sentenceTokens[offset + i + 1];
		if (NUMBERED_WORDS.has(lower(t)) && next && /^\d/.test(next.text)) return i;
	}
	return span.length;
}

// Capitalised words that name no one: sentence openers, weekdays, and money or measures
// ("US$ 40 million", "16:08 UTC", "2 GHz").
const notName = (t: Token, stats: WordStats) =>
	NOT_NAMES.has(lower(t)) ||
	((MEASURE_WORDS.has(lower(t)) || t.tags.has('Currency')) && !stats.moneyNames.has(t.text)) ||
	/[$€£¥]/.test(t.text);

// "the Strata Nine laptops", "Velo OS operating system": a name before a noun for a kind of product
// is the product's, and names an actor only if it names one elsewhere ("Kestrel jets").
function namesProduct(sentence: TaggedSentence, last: Token): boolean {
	if (endsName(last)) return false;
	const toks = sentence.tokens;
	const at = toks.indexOf(last);
	const next = toks[at + 1];
	if (!next || !/^\p{Ll}/u.test(next.text)) return false;
	const word = bare(lower(next));
	return (
		PRODUCT_NOUNS.has(word) ||
		PRODUCT_NOUNS.has(word.replace(/s$/, '')) ||
		(word === 'operating' && lower(toks[at + 2] ?? next) === 'system')
	);
}

// "iPhone Developer Program": a name written with a small first letter opens a longer name (alone
// it is most often a product's).
const isCamelName = (t: Token) => /^\p{Ll}{1,2}\p{Lu}\p{Ll}/u.test(t.text);

// Words of these kinds never begin a name, whatever follows: "Five Panamanian players".
const FUNCTION_TAGS = ['Value', 'Determiner', 'Preposition', 'Pronoun', 'Conjunction', 'QuestionWord', 'Adverb'];

function canStartName(t: Token, next: Token | undefined, initial: boolean, stats: WordStats): boolean {
	// "said al-Ansari": a surname with its particle, written small.
	if (!initial && isParticleName(t)) return true;
	if (
		!(isCapitalised(t) || (isCamelName(t) && next !== undefined && isCapitalised(next) && !endsName(t) && !startsAfresh(next))) ||
		notName(t, stats) ||
		t.text === 'I' ||
		isContraction(t)
	)
		return false;
	if (!initial || isRole(t)) return true;
	// "Injecting humour, Lee said": a verb's -ing or past form opening a sentence is no name's first word.
	if (t.tags.has('Gerund') || t.tags.has('PastTense')) return false;
	// "Finance Minister Clara Odum", "Air France" at the start of a sentence: the first word of a
	// longer name (what is not a name is dropped later).
	const joined = next && isCapitalised(next) && !notName(next, stats) && !endsName(t) && !FUNCTION_TAGS.some((tag) => t.tags.has(tag));
	if (joined && (isRole(next) || NAME_TAGS.some((tag) => next.tags.has(tag)) || !WORD_TAGS.some((tag) => t.tags.has(tag)))) return true;
	// A capital at the start of a sentence proves nothing: the word must look like a name anyway.
	const word = bare(t.text);
	if (stats.midCapital.has(word) || lookupCountry(word)) return true;
	// compromise guesses some common nouns are organisations' words ("Stock markets fell"): at the
	// start of a sentence that guess alone, for a word neither its lexicon nor the article's
	// mid-sentence capitals know, is no name ("Ford has…" is in the lexicon).
	const guessedOrganization = t.tags.has('Organization') && lexicon[word.toLowerCase()] === undefined;
	if (guessedOrganization && !t.tags.has('Person') && !t.tags.has('Place') && !(next && isCapitalised(next))) return false;
	if (writtenSmall(word, stats) || WORD_TAGS.some((tag) => t.tags.has(tag))) return false;
	return NAME_TAGS.some((tag) => t.tags.has(tag)) || !t.tags.has('Plural');
}

const startsAfresh = (t: Token) => /[(["“‘«]/.test(t.pre);

// Small words inside names: "of"/"for" anywhere, "on" after councils ("Council on Foreign
// Relations"), "and" only when an organisation's name follows ("Union of Atheists and Agnostics").
function joins(connector: Token, span: Token[], rest: Token[]): boolean {
	const word = lower(connector);
	if (/^\d+$/.test(word)) return true;
	if (!CONNECTORS.has(word)) return false;
	if (word === 'on') return /^(council|committee|commission)$/.test(lower(span.at(-1)!));
	// "Senator Ada Holm of Vermont", "Eli Marsh for the Courier": a person's full name ends before them.
	const name = span.slice(span.findIndex((t) => !isRole(t)));
	if ((word === 'of' || word === 'for') && name.length >= 2 && name[0]!.tags.has('FirstName') && !name.some((t) => ORG_WORDS.has(lower(t))))
		return false;
	if (word === '&') return true; // "Procter & Gamble", "Evergreen Aviation & Space Museum"
	if (word === 'and') {
		const last = lower(span.at(-1)!).replace(/\.$/, '');
		// "Apple Inc. and Microsoft Corp.": two complete names, not one.
		if (ORG_WORDS.has(last) || CORPORATE_WORDS.has(last)) return false;
		if (span.some((t, i) => ORG_WORDS.has(lower(t)) && span[i + 1] && lower(span[i + 1]!) === 'of')) return true;
		// "Banco de Lisboa and Vantor Holdings": a name with its head word already is complete.
		if (span.some((t) => ORG_WORDS.has(lower(t)))) return false;
		const run = [];
		for (const t of rest) {
			if (!isCapitalised(t)) break;
			run.push(t);
			if (endsName(t)) break;
		}
		return run.some((t) => ORG_WORDS.has(lower(t)));
	}
	return true;
}

// "Halvorsen's Marine Systems": after a possessive, a name ending in an organisation's head word is
// a unit of the owner, and the owner is part of its name.
function ownedUnit(toks: Token[], start: number, stats: WordStats): boolean {
	for (let k = start; k < toks.length && k < start + 5; k++) {
		const t = toks[k]!;
		if (!isCapitalised(t) || notName(t, stats) || isRole(t) || (k === start && t.tags.has('FirstName'))) return false;
		if (endsName(t)) return ORG_WORDS.has(bare(lower(t))) || CORPORATE_WORDS.has(bare(lower(t)));
		const next = toks[k + 1];
		if (!next || !isCapitalised(next)) return ORG_WORDS.has(lower(t)) || CORPORATE_WORDS.has(lower(t));
	}
	return false;
}

function spans(sentence: TaggedSentence, stats: WordStats, inQuote: (offset: number) => boolean): Token[][] {
	const toks = sentence.tokens;
	const out: Token[][] = [];
	for (let i = 0; i < toks.length; i++) {
		const first = toks[i]!;
		const initial = i === 0 || opensQuote(first) || /:\s*$/.test(toks[i - 1]!.post);
		if (!canStartName(first, toks[i + 1], initial, stats)) continue;
		const span = [first];
		let j = i;
		while (
			!endsName(toks[j]!) ||
			(isPossessive(toks[j]!) &&
				/^['’]?$/.test(toks[j]!.post.trim()) &&
				(/^\d+$/.test(toks[j + 1]?.text ?? '') || ownedUnit(toks, j + 1, stats)))
		) {
			const next = toks[j + 1];
			if (!next || startsAfresh(next) || inQuote(next.start) !== inQuote(first.start)) break;
			if (
				(isCapitalised(next) && !notName(next, stats) && !isContraction(next) && !/^\p{Lu}-\p{Ll}/u.test(next.text)) ||
				isParticleName(next)
			) {
				span.push(next);
				j++;
				continue;
			}
			// "Internet Explorer 6", "Launch Pad 39A", an index ("FTSE 100", "Standard & Poor's 500"); not
			// a score ("Panama 3 – 0") nor a year ("Boeing's 2009 results").
			const indexed = (isAcronym(first.text) && !COMMON_ACRONYMS.has(lower(first)) && span.length === 1) || isPossessive(toks[j]!);
			if (
				(span.length >= 2 || indexed) &&
				/^\d+(?:\.\d+)*\p{Lu}?$/u.test(next.text) &&
				!/^(?:1[89]|20)\d\d$/.test(next.text) &&
				!/^\s*[–—-]/.test(next.post)
			) {
				span.push(next);
				j++;
				break;
			}
			const after = toks[j + 2];
			if (
				after &&
				isCapitalised(after) &&
				!endsName(next) &&
				!startsAfresh(after) &&
				!notName(after, stats) &&
				joins(next, span, toks.slice(j + 2))
			) {
				span.push(next, after);
				j += 2;
				continue;
			}
			break;
		}
		out.push(span);
		i = j;
	}
	return out;
}

const textOf = (body: string, tokens: Token[]) => bare(body.slice(tokens[0]!.start, tokens.at(-1)!.end));

// The longest country, demonym or capital at the start of tokens: "South Korean President ...".
function countryPrefix(body: string, tokens: Token[]): {hit: CountryHit; length: number} | undefined {
	for (let n = Math.min(4, tokens.length); n >= 1; n--) {
		const hit = lookupCountry(textOf(body, tokens.slice(0, n)));
		if (hit) return {hit, length: n};
	}
	return undefined;
}

// A demonym directly before a noun or another name qualifies it ("Irish low-cost airline",
// "US manufacturer", "British FTSE") rather than naming the country as a participant.
// Its government or forces are the country acting, though: "the Romanian government bought".
function qualifies(country: Token, next: Token | undefined): boolean {
	if (!next || endsName(country) || /[-–—]/.test(country.post) || STATE_WORDS.has(lower(next))) return false;
	if (isCapitalised(next)) return true;
	return /^\p{Ll}/u.test(next.text) && (next.tags.has('Noun') || next.tags.has('Adjective')) && !next.tags.has('Verb');
}

// Lower-case role words just before a name: "spokesman Major General Pat Ryder", "Swedish captain".
function roleBefore(sentence: TaggedSentence, first: Token): Token[] {
	const toks = sentence.tokens;
	let i = toks.indexOf(first) - 1;
	const role: Token[] = [];
	while (i >= 0 && isRole(toks[i]!) && /^\p{Ll}/u.test(toks[i]!.text) && !endsName(toks[i]!)) role.unshift(toks[i--]!);
	return role;
}

// A title word that compromise knows as part of an organisation's name ("General Motors"), or that
// only a plural common noun follows ("General Dynamics"), names a company, not a person's rank.
function inCompanyName(role: Token, rest: Token[]): boolean {
	if (role.tags.has('Organization') && rest[0]?.tags.has('Organization')) return true;
	const only = rest.length === 1 ? rest[0]! : undefined;
	return only !== undefined && only.tags.has('Plural') && !NAME_TAGS.some((tag) => only.tags.has(tag));
}

// `qualified`: what is left of a span after a country ("Malaysia Tourism").
type Piece = {tokens: Token[]; role: Token[]; surface: Token[]; qualified?: boolean} | {country: CountryHit; tokens: Token[]};

// "Jordan Bardella", "Chad Okoro": a country's name that is also a first name, followed by a name
// that is no title or organisation, is a person's first name.
function opensPersonName(tokens: Token[], length: number): boolean {
	const rest = tokens.slice(length);
	const first = tokens[0]!;
	if (length !== 1 || rest.length === 0 || rest.length > 2 || !(first.tags.has('FirstName') || first.tags.has('Person'))) return false;
	return !rest.some((t) => isRole(t) || ORG_WORDS.has(lower(t)) || CORPORATE_WORDS.has(lower(t)) || lookupCountry(bare(t.text)));
}

// Splits a span into what it names: a leading country ("Ukrainian"), a role ("President"), and the
// name proper; a role ending in "of X" ("Co-founder of Google") names X.
function pieces(body: string, span: Token[], roleWords: Token[]): Piece[] {
	const out: Piece[] = [];
	let tokens = span;
	const prefix = countryPrefix(body, tokens);
	if (prefix && !opensPersonName(tokens, prefix.length)) {
		const rest = tokens.slice(prefix.length);
		if (rest.length === 0 || !rest.some((t) => ORG_WORDS.has(lower(t)))) {
			out.push({country: prefix.hit, tokens: tokens.slice(0, prefix.length)});
			tokens = rest;
		}
	}
	if (tokens.length === 0) return out;
	let lastRole = -1;
	tokens.forEach((t, i) => {
		// "Charlie King": a title word right after a first name is a surname.
		const surname = i > 0 && i === tokens.length - 1 && tokens[i - 1]!.tags.has('FirstName') && /^\p{Lu}\p{Ll}/u.test(t.text);
		if (isRole(t) && !ORG_WORDS.has(lower(t)) && !inCompanyName(t, tokens.slice(i + 1)) && !surname) lastRole = i;
	});
	if (lastRole < 0) {
		out.push({tokens, role: roleWords, surface: [...roleWords, ...span], qualified: tokens !== span});
		return out;
	}
	let nameStart = lastRole + 1;
	const connector = tokens[nameStart];
	if (connector && (lower(connector) === 'of' || lower(connector) === 'for')) nameStart += 2;
	const name = tokens.slice(nameStart);
	const roleTokens = [...roleWords, ...tokens.slice(0, Math.min(nameStart, tokens.length))];
	if (name.length > 0) {
		// Acronyms before a role name an organisation too: "NASA Administrator Charles Bolden".
		const head = tokens[0]!;
		if (isAcronym(head.text) && !isRole(head)) out.push({tokens: [head], role: [], surface: [head]});
		out.push({tokens: name, role: roleTokens, surface: [...roleWords, ...span]});
	} else if (lastRole + 2 < tokens.length) {
		out.push({tokens: tokens.slice(lastRole + 2), role: [], surface: tokens.slice(lastRole + 2)});
	}
	return out;
}

// "Council on American-Islamic Relations Alia Salem": an organisation's name followed by a person
// whose first name compromise knows.
function splitTrailingPerson(tokens: Token[]): [Token[], Token[]] | undefined {
	for (let i = 1; i < tokens.length - 1; i++) {
		const t = tokens[i]!;
		const head = tokens.slice(0, i);
		if (t.tags.has('FirstName') && head.some((x) => ORG_WORDS.has(lower(x))) && tokens.length - i <= 4) return [head, tokens.slice(i)];
	}
	return undefined;
}

// A particle between two capitalised names (lexicon.ts) marks a person's name, unless the name
// has an organisation's head word ("Banco de Portugal").
function hasParticle(tokens: Token[]): boolean {
	if (tokens.length < 2 || tokens.some((t) => ORG_WORDS.has(lower(t)) || CORPORATE_WORDS.has(lower(t)))) return false;
	if (!isCapitalised(tokens[0]!)) return false;
	if (tokens.slice(1).some(isParticleName)) return true;
	return tokens.length >= 3 && tokens.slice(1, -1).some((t) => NAME_PARTICLES.has(lower(t))) && isCapitalised(tokens.at(-1)!);
}

function classify(tokens: Token[], hasRole: boolean, stats: WordStats): {kind: ActorKind; personEvidence: boolean; guessed?: boolean} {
	const words = tokens.map(lower).filter((w) => !CONNECTORS.has(w));
	const last = words.at(-1) ?? '';
	const tagged = (tag: string) => tokens.some((t) => t.tags.has(tag));
	// A first name opens a person's name and a surname closes it: "Martin" ends "Lockheed Martin".
	const [first, end] = [tokens[0]!, tokens.at(-1)!];
	const personEvidence =
		hasRole ||
		first.tags.has('FirstName') ||
		end.tags.has('LastName') ||
		tagged('Honorific') ||
		(first.tags.has('Person') && !tagged('Organization')) ||
		hasParticle(tokens) ||
		// "Park Joo-ho", "Hau Lung-bin": a family name and a given name of two short syllables.
		(tokens.length === 2 && /^\p{Lu}\p{Ll}{1,3}-\p{L}\p{Ll}{1,3}$/u.test(end.text));
	if ((tokens.length === 1 && isAcronym(tokens[0]!.text)) || tokens.some((t) => t.text.includes('&')))
		return {kind: 'organization', personEvidence: false};
	const linked = tokens.some((t) => ['of', 'on', 'for', 'de', 'di', 'du', 'del', 'della', 'des'].includes(lower(t)));
	if (
		ORG_WORDS.has(last) ||
		(tokens.length > 1 && CORPORATE_WORDS.has(last)) ||
		(tokens.length > 1 && HEAD_FIRST_ORG_WORDS.has(words[0]!)) ||
		(words.some((w) => ORG_WORDS.has(w)) && linked)
	)
		return {kind: 'organization', personEvidence: false};
	// "Greenpeace Brazil", "Air France": a name ending in a country is a national body or a company.
	if (!hasRole && tokens.length > 1 && lookupCountry(bare(tokens.at(-1)!.text))?.via === 'name')
		return {kind: 'organization', personEvidence: false};
	if (PLACE_WORDS.has(last)) return {kind: 'place', personEvidence: false};
	if (personEvidence) return {kind: 'person', personEvidence};
	// "Air France" ends in a country but is not one.
	if (tagged('Country') && tokens.length === 1) return {kind: 'country', personEvidence: false};
	if (tagged('Organization')) return {kind: 'organization', personEvidence: false};
	const placeTagged = (t: Token) => t.tags.has('Place') || t.tags.has('City') || t.tags.has('Region');
	if (tokens.every(placeTagged) || (tokens.length === 1 && placeTagged(tokens[0]!))) return {kind: 'place', personEvidence: false};
	const nameLike = tokens.every((t) => CONNECTORS.has(lower(t)) || !isCommonWord(bare(t.text), stats));
	// Nothing in the name itself says which: a guess that the context may overturn (actors.ts).
	if (tokens.length >= 2 && tokens.length <= 4 && nameLike) return {kind: 'person', personEvidence: false, guessed: true};
	return {kind: 'organization', personEvidence: false, guessed: true};
}

// "The port authority in Tarvik", "the road north of Tarvik", "trains to Kessvik": a name after a
// preposition of place, or after "to" or "from" following a word of travel, is where something is.
// Not "at" or "for" (firms are worked at and bid for), nor "in" after what is owned or put into a
// firm ("a stake in Halden", "invested in Halden").
const PLACE_PREPOSITIONS = new Set(['in', 'near', 'outside', 'inside', 'around', 'across', 'throughout', 'downtown']);
const DIRECTIONS = new Set(['north', 'south', 'east', 'west', 'northeast', 'northwest', 'southeast', 'southwest', 'outskirts']);
const OWNED = /^(?:stakes?|shares?|interests?|holdings?|invest(?:s|ed|ing|ment|ments)?)$/;

function locatedIn(before: Token, second: Token | undefined): boolean {
	const word = lower(before);
	if (word === 'in' && second !== undefined && OWNED.test(lower(second))) return false;
	if (PLACE_PREPOSITIONS.has(word)) return true;
	if (word === 'to' || word === 'from') return second !== undefined && TRAVEL_WORDS.has(lower(second));
	return word === 'of' && second !== undefined && DIRECTIONS.has(lower(second));
}

// What the words around a name say it is, when the name itself does not: a person is "he" or
// "his" after it, an organisation "its"; a lower-case noun before it may say what it is
// ("airline Aer Lingus", "contractor Halvorsen Vance"), and so may a preposition of place.
function contextKind(sentence: TaggedSentence, first: Token, last: Token): Cue | null {
	const toks = sentence.tokens;
	const at = toks.indexOf(first);
	const before = toks[at - 1];
	if (before && ORG_DESCRIPTORS.has(lower(before))) return 'organization';
	const end = toks.indexOf(last);
	if (!isPossessive(last) && before && locatedIn(before, toks[at - 2])) return 'place';
	// "Aud Fjell, who chairs the committee": organisations take "which".
	if (/^,\s*$/.test(last.post) && lower(toks[end + 1] ?? last) === 'who') return 'person';
	for (let i = end + 1; i < toks.length && i <= end + 12; i++) {
		const t = toks[i]!;
		if (isCapitalised(t) || /[;:]/.test(toks[i - 1]!.post)) break;
		const word = lower(t);
		if (word === 'its' || word === 'itself') return 'organization';
		if (['he', 'his', 'him', 'himself', 'she', 'her', 'hers', 'herself'].includes(word)) return 'person';
	}
	return null;
}

// Words that are capitalised without naming an actor: "Muslims", "Republican", "Police", "Group G",
// "STS-135", "R-Texas", "Scientology-owned".
function isNotAnActor(tokens: Token[], stats: WordStats): boolean {
	const last = tokens.at(-1)!;
	if (tokens.length > 1) return /^\p{Lu}$/u.test(last.text);
	const t = tokens[0]!;
	const word = bare(t.text);
	// "5,000 VIP guests", "a TV deal": abbreviations that are common nouns ("PC World" is a name).
	if (COMMON_ACRONYMS.has(word.toLowerCase())) return true;
	if (isAcronym(word) && !/-/.test(word)) return false;
	if (/^\p{Lu}-\p{Lu}|-\d+$|-\p{Ll}+$/u.test(word) || /^\p{Lu}\.?$/u.test(word)) return true;
	if (['Demonym', 'Adjective'].some((tag) => t.tags.has(tag))) return true;
	// Members of a group ("Muslims", "Democrats") when the singular is a word of its own; "Barclays" is a name.
	const singular = word.replace(/s$/, '');
	if (GROUP_WORDS.has(singular.toLowerCase())) return true;
	if (t.tags.has('Plural') && singular !== word && (stats.midCapital.has(singular) || isCommonWord(singular, stats))) return true;
	// Followers, groups and ideas rather than actors: "Buddhist", "Scientologist", "Islamophobia".
	if (/(?:ists?|ism|ology|phobia|ness|ity)$/.test(word)) return true;
	return isCommonWord(word, stats) && !['FirstName', 'LastName', 'Person'].some((tag) => t.tags.has(tag));
}

// ", head of the Ukrainian president's office," / ", an Australian woman": an appositive that says
// what a person is.
const DETERMINER = '(?:the|a|an|former|then|its|their)';
const WORD = String.raw`[\p{L}'’-]+\s+`;
// Up to three words before the noun, the first of them no determiner: a determiner that either
// group could take would let the match be retried in every split of a long run of them.
const APPOSITIVE = new RegExp(
	String.raw`^,\s+((?:${DETERMINER}\s+)*(?:(?!${DETERMINER}\s)${WORD}(?:${WORD}){0,2}?)??(?:${[...ROLE_WORDS].filter((w) => /^[a-z-]+$/.test(w)).join('|')}|woman|man|boy|girl|mother|father|son|daughter|wife|husband|resident|citizen|national)\b[^,.;:"“”]{0,60})[,.;]`,
	'u',
);

// ", a Romanian official said Friday" is a new clause with its own speaker, not an appositive.
function appositive(body: string, end: number): string | null {
	const m = APPOSITIVE.exec(body.slice(end, end + 120));
	return m && !SPEECH_VERBS.test(m[1]!) ? m[1]!.trim() : null;
}

// "“HOLLAND: Will the bridge open?": in a transcript, a name in capitals and a colon opening a
// quotation is the person who speaks in it (found again by surname: "Ann Holland"). A common word
// there is a label of another sort ("“UPDATE: …"), unless the article writes it as a name.
const LABEL = /^\p{Lu}[\p{Lu}'’-]+$/u;

function transcriptLabel(sentence: TaggedSentence, inQuote: (offset: number) => boolean, stats: WordStats): string | undefined {
	const first = sentence.tokens[0];
	if (!first || !LABEL.test(first.text) || !/^:/.test(first.post) || !/["“]\s*$/.test(first.pre) || !inQuote(first.start)) return undefined;
	const name = first.text[0] + first.text.slice(1).toLowerCase();
	return stats.midCapital.has(name) || !isCommonWord(name, stats) ? name : undefined;
}

export function candidates(body: string, sentences: TaggedSentence[], quotes: Span[], headline: string): Candidate[] {
	const stats = wordStats(sentences, headline);
	const inQuote = (offset: number) => within(quotes, offset);
	const out: Candidate[] = [];
	sentences.forEach((sentence, sentenceIndex) => {
		const name = transcriptLabel(sentence, inQuote, stats);
		const label = name === undefined ? undefined : sentence.tokens[0]!;
		if (label && name) {
			out.push({
				paragraph: sentence.paragraph,
				sentence: sentenceIndex,
				afterThe: false,
				name,
				tokens: [name],
				kind: 'person',
				personEvidence: true,
				weak: false,
				role: null,
				surface: label.text,
				start: label.start,
				end: label.end,
			});
		}
		for (const span of spans(sentence, stats, inQuote)) {
			if (span[0] === label) continue;
			let leading = 0;
			// A party or faith before a person's name is what they are, not their name: "Democrat Ann Lee".
			const affiliation = (i: number) => GROUP_WORDS.has(lower(span[i]!)) && span[i + 1]!.tags.has('FirstName');
			// "Rival Ann Voss", "the House Tom Ladd sat in": a common word, capitalised to open a
			// sentence or as the end of a title, before a first name and a surname is not the name's.
			const common = (i: number) =>
				span[i + 1]!.tags.has('FirstName') &&
				span.length - i - 1 >= 2 &&
				!isRole(span[i]!) &&
				!NAME_TAGS.some((tag) => span[i]!.tags.has(tag)) &&
				isCommonWord(bare(span[i]!.text), stats);
			while (leading < span.length - 1 && (NOT_NAMES.has(lower(span[leading]!)) || affiliation(leading) || common(leading))) leading++;
			const trimmed = span.slice(leading, thingStart(span, sentence.tokens));
			if (trimmed.length === 0) continue;
			const index = sentence.tokens.indexOf(trimmed[0]!);
			const before = sentence.tokens[index - 1];
			const afterThe = before !== undefined && lower(before) === 'the';
			const locative = before !== undefined && LOCATIVE.has(lower(before));
			const dateline =
				index === 0 &&
				/^,/.test(trimmed.at(-1)!.post.trim()) &&
				lookupCountry(sentence.tokens[index + trimmed.length]?.text ?? '') !== undefined;
			const base = {paragraph: sentence.paragraph, sentence: sentenceIndex, afterThe};
			const quoted = inQuote(trimmed[0]!.start);
			for (const piece of pieces(body, trimmed, roleBefore(sentence, trimmed[0]!))) {
				if ('country' in piece) {
					if (quoted) continue;
					// A capital used as a place ("In Washington, ...") is where, not who.
					if (piece.country.via === 'capital' && (locative || dateline)) continue;
					const text = textOf(body, piece.tokens);
					const following = sentence.tokens[sentence.tokens.indexOf(piece.tokens.at(-1)!) + 1];
					out.push({
						modifier: piece.country.via === 'demonym' && qualifies(piece.tokens.at(-1)!, following),
						...base,
						name: piece.country.name,
						tokens: piece.country.name.split(' '),
						kind: 'country',
						personEvidence: false,
						weak: false,
						role: null,
						surface: text,
						country: piece.country,
						start: piece.tokens[0]!.start,
						end: piece.tokens.at(-1)!.end,
					});
					continue;
				}
				const split = piece.role.length === 0 ? splitTrailingPerson(piece.tokens) : undefined;
				const parts = split
					? [
							{...piece, tokens: split[0], surface: split[0]},
							{...piece, tokens: split[1], surface: split[1]},
						]
					: [piece];
				for (const part of parts) {
					const weak = part.role.length === 0 && isNotAnActor(part.tokens, stats);
					// What a country qualifies is a thing, not an actor: "the Malaysia Tourism board".
					if (
						part.qualified &&
						part.tokens.length === 1 &&
						part.role.length === 0 &&
						!isAcronym(part.tokens[0]!.text) &&
						!part.tokens[0]!.tags.has('Organization')
					)
						continue;
					const described = part.role.length === 0 && !isAcronym(part.tokens[0]!.text) ? appositive(body, part.tokens.at(-1)!.end) : null;
					const {kind, personEvidence, guessed} = classify(part.tokens, part.role.length > 0 || described !== null, stats);
					// Inside a quotation only a full name with a person's marks is trusted.
					if (quoted && !(kind === 'person' && personEvidence && part.tokens.length > 1)) continue;
					const name = textOf(body, part.tokens);
					out.push({
						...base,
						name,
						tokens: name.split(/\s+/),
						kind,
						personEvidence,
						weak:
							weak ||
							(part.tokens.length === 1 && ORG_WORDS.has(bare(lower(part.tokens[0]!)))) ||
							(part.role.length === 0 && namesProduct(sentence, part.tokens.at(-1)!)),
						role: part.role.length > 0 ? textOf(body, part.role) : described,
						guessed: guessed === true,
						cue: guessed ? contextKind(sentence, part.tokens[0]!, part.tokens.at(-1)!) : null,
						surface: textOf(body, part.surface),
						start: part.tokens[0]!.start,
						end: part.tokens.at(-1)!.end,
					});
				}
			}
		}
	});
	for (let i = 1; i < out.length; i++) {
		const [a, b] = [out[i - 1]!, out[i]!];
		if (/^\s*\(\s*$/.test(body.slice(a.end, b.start))) {
			a.bracketed = b;
			b.bracketed = a;
		}
	}
	return out;
}
