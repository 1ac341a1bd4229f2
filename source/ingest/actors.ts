import nlp from 'compromise';
import type {ActorKind, ActorMention, ExtractedActor, Span} from '../types.js';
import {lookupCountry, type CountryHit} from './countries.js';
import {CONNECTORS, NOT_NAMES, ORG_WORDS, PLACE_WORDS, ROLE_WORDS} from './lexicon.js';
import type {TaggedSentence, Token} from './nlp.js';
import {fold, sameWord, slug} from './normalize.js';

export type Mention = ActorMention & {actor: string; sentence: number};

export type ActorIndex = {
	actors: ExtractedActor[];
	mentions: Mention[]; // in text order
};

type Candidate = {
	name: string;
	tokens: string[];
	kind: ActorKind;
	personEvidence: boolean;
	role: string | null;
	surface: string; // the whole span as written, role included: an alias
	country?: CountryHit;
	afterThe: boolean;
	weak: boolean; // a word that names an actor only when it points back at one ("the North")
	start: number;
	end: number;
	paragraph: number;
	sentence: number;
};

const NAME_TAGS = ['ProperNoun', 'Person', 'Place', 'Organization', 'Acronym', 'Country'];
const DATE_TAGS = ['Date', 'WeekDay', 'Month', 'Holiday'];
// Sentence-initial words with these tags are ordinary words that happen to be capitalised.
const WORD_TAGS = ['Verb', 'Adverb', 'Adjective', 'Value', 'Conjunction', 'Determiner', 'Preposition', 'Pronoun', 'QuestionWord', 'Expression', 'Gerund'];
const LOCATIVE = new Set(['in', 'at', 'near', 'downtown', 'outside', 'inside', 'around', 'across', 'throughout']);

const lower = (t: Token) => t.text.toLowerCase();
const isCapitalised = (t: Token) => /^\p{Lu}/u.test(t.text) && !DATE_TAGS.some((tag) => t.tags.has(tag));
const isAcronym = (text: string) => /^(?:\p{Lu}\.){2,}$|^\p{Lu}[\p{Lu}\d&]{1,6}$/u.test(text);
const isRole = (t: Token) => ROLE_WORDS.has(lower(t)) || ROLE_WORDS.has(lower(t).replace(/\.$/, '')) || t.tags.has('Honorific');
const isPossessive = (t: Token) => /['’]s?$/.test(t.text) || t.tags.has('Possessive');
const bare = (text: string) => text.replace(/['’]s?$/, '');
const opensQuote = (t: Token) => /["“‘]/.test(t.pre);
const isContraction = (t: Token) => /['’](m|ll|re|ve|d|t)$/i.test(t.text);

// What the whole article says about words, so sentence-initial capitals can be judged.
type WordStats = {lowercase: Set<string>; midCapital: Set<string>};

function wordStats(sentences: TaggedSentence[]): WordStats {
	const lowercase = new Set<string>();
	const midCapital = new Set<string>();
	for (const s of sentences) {
		s.tokens.forEach((t, i) => {
			if (/^\p{Ll}/u.test(t.text)) lowercase.add(bare(t.text));
			else if (i > 0 && !opensQuote(t) && !/:\s*$/.test(s.tokens[i - 1]!.post)) midCapital.add(bare(t.text));
		});
	}
	return {lowercase, midCapital};
}

const lexicon = (nlp.model() as {one: {lexicon: Record<string, string>}}).one.lexicon;

function isCommonWord(word: string, stats: WordStats): boolean {
	const w = word.toLowerCase();
	const tag = lexicon[w];
	return stats.lowercase.has(w) || (tag !== undefined && !/Name|Person|Place|Country|City|Region|Organization/.test(tag));
}

function canStartName(t: Token, next: Token | undefined, initial: boolean, stats: WordStats): boolean {
	if (!isCapitalised(t) || NOT_NAMES.has(lower(t)) || t.text === 'I' || isContraction(t)) return false;
	// "Finance Minister Clara Odum" at the start of a sentence: a title's first word.
	if (!initial || isRole(t) || (next && isCapitalised(next) && isRole(next) && !endsName(t))) return true;
	// A capital at the start of a sentence proves nothing: the word must look like a name anyway.
	const word = bare(t.text);
	if (stats.midCapital.has(word) || lookupCountry(word)) return true;
	if (stats.lowercase.has(word.toLowerCase()) || WORD_TAGS.some((tag) => t.tags.has(tag))) return false;
	return NAME_TAGS.some((tag) => t.tags.has(tag)) || !t.tags.has('Plural');
}

// Ends a name: a comma, a full stop that is not an abbreviation's, a possessive.
function endsName(t: Token): boolean {
	if (isPossessive(t)) return true;
	const after = t.post.trim();
	if (!after) return false;
	return !(after === '.' && (t.tags.has('Abbreviation') || t.tags.has('Honorific') || /^\p{Lu}$/u.test(t.text)));
}

const startsAfresh = (t: Token) => /[(\["“‘«]/.test(t.pre);

// Small words inside names: "of"/"for" anywhere, "on" after councils ("Council on Foreign
// Relations"), "and" only when an organisation's name follows ("Union of Atheists and Agnostics").
function joins(connector: Token, span: Token[], rest: Token[]): boolean {
	const word = lower(connector);
	if (/^\d+$/.test(word)) return true;
	if (!CONNECTORS.has(word)) return false;
	if (word === 'on') return /^(council|committee|commission)$/.test(lower(span.at(-1)!));
	if (word === 'and' || word === '&') {
		const ofName = span.some((t, i) => ORG_WORDS.has(lower(t)) && span[i + 1] && lower(span[i + 1]!) === 'of') && !ORG_WORDS.has(lower(span.at(-1)!));
		if (ofName) return true;
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

function spans(sentence: TaggedSentence, stats: WordStats, inQuote: (offset: number) => boolean): Token[][] {
	const toks = sentence.tokens;
	const out: Token[][] = [];
	for (let i = 0; i < toks.length; i++) {
		const first = toks[i]!;
		const initial = i === 0 || opensQuote(first) || /:\s*$/.test(toks[i - 1]!.post);
		if (!canStartName(first, toks[i + 1], initial, stats)) continue;
		const span = [first];
		let j = i;
		while (!endsName(toks[j]!)) {
			const next = toks[j + 1];
			if (!next || startsAfresh(next) || inQuote(next.start) !== inQuote(first.start)) break;
			if (isCapitalised(next) && !NOT_NAMES.has(lower(next)) && !isContraction(next) && !/^\p{Lu}-\p{Ll}/u.test(next.text)) {
				span.push(next);
				j++;
				continue;
			}
			// "Internet Explorer 6", "Launch Pad 39A"; not a score ("Panama 3 – 0").
			if (span.length >= 2 && /^\d+\p{Lu}?$/u.test(next.text) && !/^\s*[–—-]/.test(next.post)) {
				span.push(next);
				j++;
				break;
			}
			const after = toks[j + 2];
			if (after && isCapitalised(after) && !endsName(next) && !startsAfresh(after) && !NOT_NAMES.has(lower(after)) && joins(next, span, toks.slice(j + 2))) {
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

// Lower-case role words just before a name: "spokesman Major General Pat Ryder", "Swedish captain".
function roleBefore(sentence: TaggedSentence, first: Token): Token[] {
	const toks = sentence.tokens;
	let i = toks.indexOf(first) - 1;
	const role: Token[] = [];
	while (i >= 0 && isRole(toks[i]!) && /^\p{Ll}/u.test(toks[i]!.text) && !endsName(toks[i]!)) role.unshift(toks[i--]!);
	return role;
}

// `qualified`: what is left of a span after a country ("Malaysia Tourism").
type Piece = {tokens: Token[]; role: Token[]; surface: Token[]; qualified?: boolean} | {country: CountryHit; tokens: Token[]};

// Splits a span into what it names: a leading country ("Ukrainian"), a role ("President"), and the
// name proper; a role ending in "of X" ("Co-founder of Google") names X.
function pieces(body: string, span: Token[], roleWords: Token[]): Piece[] {
	const out: Piece[] = [];
	let tokens = span;
	const prefix = countryPrefix(body, tokens);
	if (prefix) {
		const rest = tokens.slice(prefix.length);
		if (rest.length === 0 || !rest.some((t) => ORG_WORDS.has(lower(t)))) {
			out.push({country: prefix.hit, tokens: tokens.slice(0, prefix.length)});
			tokens = rest;
		}
	}
	if (tokens.length === 0) return out;
	let lastRole = -1;
	tokens.forEach((t, i) => {
		if (isRole(t) && !ORG_WORDS.has(lower(t))) lastRole = i;
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

function classify(tokens: Token[], hasRole: boolean, stats: WordStats): {kind: ActorKind; personEvidence: boolean} {
	const words = tokens.map(lower).filter((w) => !CONNECTORS.has(w));
	const last = words.at(-1) ?? '';
	const tagged = (tag: string) => tokens.some((t) => t.tags.has(tag));
	const personEvidence =
		hasRole || tagged('FirstName') || tagged('LastName') || tagged('Honorific') || (tagged('Person') && !tagged('Organization'));
	if (tokens.length === 1 && isAcronym(tokens[0]!.text)) return {kind: 'organization', personEvidence: false};
	const linked = tokens.some((t) => ['of', 'on', 'for'].includes(lower(t)));
	if (ORG_WORDS.has(last) || (words.some((w) => ORG_WORDS.has(w)) && linked)) return {kind: 'organization', personEvidence: false};
	if (PLACE_WORDS.has(last)) return {kind: 'place', personEvidence: false};
	if (personEvidence) return {kind: 'person', personEvidence};
	if (tagged('Country')) return {kind: 'country', personEvidence: false};
	if (tagged('Organization')) return {kind: 'organization', personEvidence: false};
	const placeTagged = (t: Token) => t.tags.has('Place') || t.tags.has('City') || t.tags.has('Region');
	if (tokens.every(placeTagged) || (tokens.length === 1 && placeTagged(tokens[0]!))) return {kind: 'place', personEvidence: false};
	const nameLike = tokens.every((t) => CONNECTORS.has(lower(t)) || !isCommonWord(bare(t.text), stats));
	if (tokens.length >= 2 && tokens.length <= 4 && nameLike) return {kind: 'person', personEvidence: false};
	return {kind: 'organization', personEvidence: false};
}

// Words that are capitalised without naming an actor: "Muslims", "Republican", "Police", "Group G",
// "STS-135", "R-Texas", "Scientology-owned".
function isNotAnActor(tokens: Token[], stats: WordStats): boolean {
	const last = tokens.at(-1)!;
	if (tokens.length > 1) return /^\p{Lu}$/u.test(last.text);
	const t = tokens[0]!;
	const word = bare(t.text);
	if (isAcronym(word) && !/-/.test(word)) return false;
	if (/^\p{Lu}-\p{Lu}|-\d+$|-\p{Ll}+$/u.test(word) || /^\p{Lu}\.?$/u.test(word)) return true;
	if (['Plural', 'Demonym', 'Adjective'].some((tag) => t.tags.has(tag))) return true;
	// Followers, groups and ideas rather than actors: "Buddhist", "Scientologist", "Islamophobia".
	if (/(?:ists?|ism|ology|phobia|ness|ity)$/.test(word)) return true;
	return isCommonWord(word, stats) && !['FirstName', 'LastName', 'Person'].some((tag) => t.tags.has(tag));
}

// ", head of the Ukrainian president's office," / ", an Australian woman": an appositive that says
// what a person is.
const APPOSITIVE = new RegExp(
	String.raw`^,\s+((?:(?:the|a|an|former|then|its|their)\s+)*(?:[\p{L}'’-]+\s+){0,3}?(?:${[...ROLE_WORDS].filter((w) => /^[a-z-]+$/.test(w)).join('|')}|woman|man|boy|girl|mother|father|son|daughter|wife|husband|resident|citizen|national)\b[^,.;:"“”]{0,60})[,.;]`,
	'u',
);

function appositive(body: string, end: number): string | null {
	const m = APPOSITIVE.exec(body.slice(end, end + 120));
	return m ? m[1]!.trim() : null;
}

function candidates(body: string, sentences: TaggedSentence[], quotes: Span[]): Candidate[] {
	const stats = wordStats(sentences);
	const inQuote = (offset: number) => quotes.some((q) => offset >= q.start && offset < q.end);
	const out: Candidate[] = [];
	sentences.forEach((sentence, sentenceIndex) => {
		for (const span of spans(sentence, stats, inQuote)) {
			let leading = 0;
			while (leading < span.length - 1 && NOT_NAMES.has(lower(span[leading]!))) leading++;
			const trimmed = span.slice(leading);
			const index = sentence.tokens.indexOf(trimmed[0]!);
			const before = sentence.tokens[index - 1];
			const afterThe = before !== undefined && lower(before) === 'the';
			const locative = before !== undefined && LOCATIVE.has(lower(before));
			const dateline = index === 0 && /^,/.test(trimmed.at(-1)!.post.trim()) && lookupCountry(sentence.tokens[index + trimmed.length]?.text ?? '') !== undefined;
			const base = {paragraph: sentence.paragraph, sentence: sentenceIndex, afterThe};
			const quoted = inQuote(trimmed[0]!.start);
			for (const piece of pieces(body, trimmed, roleBefore(sentence, trimmed[0]!))) {
				if ('country' in piece) {
					if (quoted) continue;
					// A capital used as a place ("In Washington, ...") is where, not who.
					if (piece.country.via === 'capital' && (locative || dateline)) continue;
					const text = textOf(body, piece.tokens);
					out.push({...base, name: piece.country.name, tokens: piece.country.name.split(' '), kind: 'country', personEvidence: false, weak: false, role: null, surface: text, country: piece.country, start: piece.tokens[0]!.start, end: piece.tokens.at(-1)!.end});
					continue;
				}
				const split = piece.role.length === 0 ? splitTrailingPerson(piece.tokens) : undefined;
				const parts = split ? [{...piece, tokens: split[0], surface: split[0]}, {...piece, tokens: split[1], surface: split[1]}] : [piece];
				for (const part of parts) {
					const weak = part.role.length === 0 && isNotAnActor(part.tokens, stats);
					// What a country qualifies is a thing, not an actor: "the Malaysia Tourism board".
					if (part.qualified && part.tokens.length === 1 && part.role.length === 0 && !isAcronym(part.tokens[0]!.text) && !part.tokens[0]!.tags.has('Organization')) continue;
					const described = part.role.length === 0 && !isAcronym(part.tokens[0]!.text) ? appositive(body, part.tokens.at(-1)!.end) : null;
					const {kind, personEvidence} = classify(part.tokens, part.role.length > 0 || described !== null, stats);
					// Inside a quotation only a full name with a person's marks is trusted.
					if (quoted && !(kind === 'person' && personEvidence && part.tokens.length > 1)) continue;
					const name = textOf(body, part.tokens);
					out.push({
						...base,
						name,
						tokens: name.split(/\s+/),
						kind,
						personEvidence,
						weak: weak || (part.tokens.length === 1 && ORG_WORDS.has(lower(part.tokens[0]!))),
						role: part.role.length > 0 ? textOf(body, part.role) : described,
						surface: textOf(body, part.surface),
						start: part.tokens[0]!.start,
						end: part.tokens.at(-1)!.end,
					});
				}
			}
		}
	});
	return out;
}

type Building = ExtractedActor & {tokens: string[]; code?: string; lastSeen: number; candidates: Candidate[]};

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
const only = (list: Building[]) => (list.length === 1 ? list[0] : undefined);

// The part of an organisation's name before "of": "Supreme Court" of "Supreme Court of Cassation".
const headOf = (tokens: string[]) => (tokens.includes('of') ? tokens.slice(0, tokens.indexOf('of')) : tokens);
// "Municipality of Livorno" → "Livorno"; "Church of Scientology" → "Scientology".
const objectOf = (tokens: string[]) => (tokens.length === 3 && tokens[1] === 'of' && ORG_WORDS.has(tokens[0]!.toLowerCase()) ? tokens[2] : undefined);

// Finds the actor a candidate names among those already seen in this article, by the rules of
// alias merging: same name up to spelling, acronyms, surnames, first names, short forms.
function match(body: string, c: Candidate, actors: Building[]): Building | undefined {
	if (c.country) {
		// "Paris" after "Valeska Paris" is her, not France.
		const named = c.country.via === 'capital' && c.tokens.length === 1 ? mostRecent(actors.filter((a) => !a.code && endsWith(a.tokens, c.surface.split(/\s+/)))) : undefined;
		return named ?? actors.find((a) => a.code === c.country!.code);
	}
	const exact = actors.find((a) => (a.kind === c.kind || !c.personEvidence) && [a.name, ...a.aliases].some((n) => sameTokens(n.split(/\s+/), c.tokens)));
	if (exact) return exact;
	// "Italian Episcopal Conference (CEI)" and "CEI (Italian Episcopal Conference)".
	const adjacent = actors.find((a) =>
		a.candidates.some((o) => /^\s*\(\s*$/.test(body.slice(o.end, c.start)) || /^\s*\(\s*$/.test(body.slice(c.end, o.start))),
	);
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
	if (c.kind === 'person' || !c.personEvidence) {
		// A surname (or the end of a longer name) is the most recently seen person it ends; a first
		// name alone ("Yoon") is the one person it begins.
		const bySurname = mostRecent(actors.filter((a) => a.kind === 'person' && endsWith(a.tokens, c.tokens)));
		if (bySurname) return bySurname;
		if (c.tokens.length === 1) return only(actors.filter((a) => a.kind === 'person' && startsWith(a.tokens, c.tokens)));
	}
	return undefined;
}

// What a role says the person is: "undersecretary to the prime minister" is an undersecretary.
const roleWordsOf = (role: string) =>
	fold(role)
		.split(/\b(?:of|to|for|at|in)\b/)[0]!
		.split(' ')
		.filter((w) => ROLE_WORDS.has(w));

// "the Ukrainian president" → the person whose role is President and whose country is Ukraine.
function roleMentions(body: string, sentences: TaggedSentence[], actors: Building[], taken: Set<number>): Array<{actor: Building; start: number; end: number; text: string; sentence: number; paragraph: number}> {
	const out = [];
	for (const [index, sentence] of sentences.entries()) {
		const toks = sentence.tokens;
		for (let i = 0; i < toks.length - 1; i++) {
			if (lower(toks[i]!) !== 'the') continue;
			const modifiers: Token[] = [];
			let j = i + 1;
			while (j < toks.length && isCapitalised(toks[j]!) && lookupCountry(bare(toks[j]!.text)) && modifiers.length < 2) modifiers.push(toks[j++]!);
			// "the prime minister": the description ends at the last role word of a run, and all of it
			// must fit the person's role.
			const runStart = j;
			// "the health minister": a lower-case word that qualifies the role must be in it too.
			const qualifiers: string[] = [];
			while (toks[j + 1] && /^\p{Ll}/u.test(toks[j]!.text) && !isRole(toks[j]!) && !endsName(toks[j]!) && qualifiers.length < 2) qualifiers.push(lower(toks[j++]!));
			while (toks[j + 1] && isRole(toks[j]!) && isRole(toks[j + 1]!) && /^\p{Ll}/u.test(toks[j + 1]!.text) && !endsName(toks[j]!)) j++;
			const roleToken = toks[j];
			if (!roleToken || !/^\p{Ll}/u.test(roleToken.text) || !isRole(roleToken) || taken.has(roleToken.start)) continue;
			const next = toks[j + 1];
			if (next && isCapitalised(next) && !endsName(roleToken)) continue; // a title before a name, not a description
			const words = toks.slice(runStart + qualifiers.length, j + 1).map((t) => bare(lower(t)));
			const country = modifiers.length > 0 ? lookupCountry(modifiers.map((t) => t.text).join(' ')) : undefined;
			const fits = actors.filter((a) => {
				if (a.kind !== 'person' || !a.role || !words.every((w) => roleWordsOf(a.role!).includes(w))) return false;
				if (!qualifiers.every((q) => fold(a.role!).split(' ').includes(q))) return false;
				if (!country) return true;
				return a.aliases.some((alias) => lookupCountry(alias.split(/\s+/).slice(0, 2).join(' '))?.code === country.code || lookupCountry(alias.split(/\s+/)[0]!)?.code === country.code);
			});
			const actor = only(fits);
			if (!actor) continue;
			const start = toks[i]!.start;
			const end = roleToken.end;
			out.push({actor, start, end, text: bare(body.slice(start, end)), sentence: index, paragraph: sentence.paragraph});
		}
	}
	return out;
}

export function findActors(body: string, sentences: TaggedSentence[], quotes: Span[]): ActorIndex {
	const all = candidates(body, sentences, quotes);
	// Full names first, so that a surname seen before its full name still finds it.
	const full = (c: Candidate) => c.tokens.length > 1 || c.country !== undefined;
	const order = [...all].sort((a, b) => Number(full(b)) - Number(full(a)) || a.start - b.start);
	const actors: Building[] = [];
	const byCandidate = new Map<Candidate, Building>();
	for (const c of order) {
		let actor = match(body, c, actors);
		// "the Administration", "Muslims": words that point back at nothing name no one.
		if (!actor && c.weak) continue;
		if (!actor) {
			actor = {key: '', name: c.name, kind: c.kind, role: null, aliases: [], mentions: [], tokens: c.tokens, code: c.country?.code, lastSeen: c.start, candidates: []};
			actors.push(actor);
		}
		if (c.tokens.length > actor.tokens.length && !c.country && !actor.code && (c.kind === actor.kind || !isAcronym(c.name))) {
			actor.name = c.name;
			actor.tokens = c.tokens;
			actor.kind = c.kind;
		}
		if (actor.kind !== 'person' && c.kind === 'person' && c.personEvidence) actor.kind = 'person';
		actor.role ??= c.role;
		actor.lastSeen = Math.max(actor.lastSeen, c.start);
		actor.candidates.push(c);
		const alias = c.country && !actor.code ? c.surface : c.name;
		if (!actor.aliases.includes(alias)) actor.aliases.push(alias);
		byCandidate.set(c, actor);
	}
	const keys = new Set<string>();
	for (const actor of actors) {
		let key = `${actor.kind}:${slug(actor.name)}`;
		for (let n = 2; keys.has(key); n++) key = `${actor.kind}:${slug(actor.name)}-${n}`;
		keys.add(key);
		actor.key = key;
	}
	const mentions: Mention[] = all.flatMap((c) => {
		const actor = byCandidate.get(c);
		if (!actor) return [];
		if (!actor.aliases.includes(c.surface)) actor.aliases.push(c.surface);
		return [{actor: actor.key, text: c.surface, paragraph: c.paragraph, start: c.start, end: c.end, sentence: c.sentence}];
	});
	for (const m of roleMentions(body, sentences, actors, new Set(all.map((c) => c.start)))) {
		mentions.push({actor: m.actor.key, text: m.text, paragraph: m.paragraph, start: m.start, end: m.end, sentence: m.sentence});
		if (!m.actor.aliases.includes(m.text)) m.actor.aliases.push(m.text);
	}
	const finished: ExtractedActor[] = actors.map(({key, name, kind, role, aliases}) => ({
		key,
		name,
		kind,
		role,
		aliases: aliases.filter((a) => a !== name).sort(),
		mentions: [],
	}));
	const byKey = new Map(finished.map((a) => [a.key, a]));
	mentions.sort((a, b) => a.start - b.start);
	for (const m of mentions) byKey.get(m.actor)!.mentions.push({paragraph: m.paragraph, start: m.start, end: m.end, text: m.text});
	return {actors: finished, mentions};
}
