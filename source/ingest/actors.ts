import nlp from 'compromise';
import type {ActorKind, ActorMention, ExtractedActor, Span} from '../types.js';
import {lookupCountry, type CountryHit} from './countries.js';
import {CONNECTORS, NOT_NAMES, ORG_WORDS, PLACE_WORDS, ROLE_WORDS} from './lexicon.js';
import type {TaggedSentence, Token} from './nlp.js';
import {sameWord, slug} from './normalize.js';

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
	start: number;
	end: number;
	paragraph: number;
	sentence: number;
};

const NAME_TAGS = ['ProperNoun', 'Person', 'Place', 'Organization', 'Acronym', 'Country'];
const DATE_TAGS = ['Date', 'WeekDay', 'Month', 'Holiday'];

const lower = (t: Token) => t.text.toLowerCase();
const isCapitalised = (t: Token) => /^\p{Lu}/u.test(t.text) && !DATE_TAGS.some((tag) => t.tags.has(tag));
const isAcronym = (text: string) => /^(?:\p{Lu}\.){2,}$|^\p{Lu}[\p{Lu}\d&]{1,6}$/u.test(text);
const isRole = (t: Token) => ROLE_WORDS.has(lower(t)) || ROLE_WORDS.has(lower(t).replace(/\.$/, '')) || t.tags.has('Honorific');
const isPossessive = (t: Token) => /['’]s?$/.test(t.text) || t.tags.has('Possessive');
const bare = (text: string) => text.replace(/['’]s?$/, '');
const opensQuote = (t: Token) => /["“‘]/.test(t.pre);

// What the whole article says about words, so sentence-initial capitals can be judged.
type WordStats = {lowercase: Set<string>; midCapital: Set<string>};

function wordStats(sentences: TaggedSentence[]): WordStats {
	const lowercase = new Set<string>();
	const midCapital = new Set<string>();
	for (const s of sentences) {
		s.tokens.forEach((t, i) => {
			if (/^\p{Ll}/u.test(t.text)) lowercase.add(bare(t.text));
			else if (i > 0 && !opensQuote(t)) midCapital.add(bare(t.text));
		});
	}
	return {lowercase, midCapital};
}

function canStartName(t: Token, initial: boolean, stats: WordStats): boolean {
	if (!isCapitalised(t) || NOT_NAMES.has(lower(t)) || t.text === 'I') return false;
	if (!initial) return true;
	// A capital at the start of a sentence proves nothing: the word must look like a name anyway.
	const word = bare(t.text);
	if (stats.lowercase.has(word.toLowerCase())) return stats.midCapital.has(word);
	return NAME_TAGS.some((tag) => t.tags.has(tag)) || stats.midCapital.has(word) || lookupCountry(word) !== undefined || !t.tags.has('Plural');
}

// Ends a name: a comma, a full stop that is not an abbreviation's, a bracket or quote, a possessive.
function endsName(t: Token): boolean {
	if (isPossessive(t)) return true;
	const after = t.post.trim();
	if (!after) return false;
	return !(after === '.' && (t.tags.has('Abbreviation') || t.tags.has('Honorific') || /^\p{Lu}$/u.test(t.text)));
}

function spans(sentence: TaggedSentence, stats: WordStats, inQuote: (offset: number) => boolean): Token[][] {
	const toks = sentence.tokens;
	const out: Token[][] = [];
	for (let i = 0; i < toks.length; i++) {
		const first = toks[i]!;
		if (inQuote(first.start)) continue;
		const initial = i === 0 || opensQuote(first) || /[:]\s*$/.test(toks[i - 1]!.post);
		if (!canStartName(first, initial, stats)) continue;
		const span = [first];
		let j = i;
		while (!endsName(toks[j]!)) {
			const next = toks[j + 1];
			if (!next || opensQuote(next) || inQuote(next.start)) break;
			if (isCapitalised(next) && !NOT_NAMES.has(lower(next))) {
				span.push(next);
				j++;
				continue;
			}
			const after = toks[j + 2];
			const connector = lower(next);
			const joinsOrg = connector !== 'and' && connector !== '&' ? true : span.some((t) => ORG_WORDS.has(lower(t)));
			if (CONNECTORS.has(connector) && after && isCapitalised(after) && !endsName(next) && joinsOrg && !NOT_NAMES.has(lower(after))) {
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

type Piece = {tokens: Token[]; role: Token[]; surface: Token[]};

// Splits a span into what it names: a leading country ("Ukrainian"), a role ("President"), and the
// name proper; a role ending in "of X" ("Co-founder of Google") names X.
function pieces(body: string, span: Token[], roleWords: Token[]): Array<Piece | {country: CountryHit; tokens: Token[]}> {
	const out: Array<Piece | {country: CountryHit; tokens: Token[]}> = [];
	let tokens = span;
	const prefix = countryPrefix(body, tokens);
	if (prefix) {
		const rest = tokens.slice(prefix.length);
		const restIsOrg = rest.some((t) => ORG_WORDS.has(lower(t)));
		if (rest.length === 0 || !restIsOrg) {
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
		out.push({tokens, role: roleWords, surface: [...roleWords, ...span]});
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

// "Council on American-Islamic Relations Alia Salem": an organisation followed by a person whose
// first name compromise knows.
function splitTrailingPerson(tokens: Token[]): [Token[], Token[]] | undefined {
	for (let i = 1; i < tokens.length - 1; i++) {
		const t = tokens[i]!;
		if (t.tags.has('FirstName') && !ORG_WORDS.has(lower(t)) && tokens.length - i <= 4 && tokens.slice(i).every((x) => isCapitalised(x))) {
			return [tokens.slice(0, i), tokens.slice(i)];
		}
	}
	return undefined;
}

const lexicon = (nlp.model() as {one: {lexicon: Record<string, string>}}).one.lexicon;

function isCommonWord(word: string, stats: WordStats): boolean {
	const w = word.toLowerCase();
	const tag = lexicon[w];
	return stats.lowercase.has(w) || (tag !== undefined && !/Name|Person|Place|Country|City|Region|Organization/.test(tag));
}

function classify(tokens: Token[], hasRole: boolean, stats: WordStats): {kind: ActorKind; personEvidence: boolean} {
	const words = tokens.map(lower).filter((w) => !CONNECTORS.has(w));
	const last = words.at(-1) ?? '';
	const tagged = (tag: string) => tokens.some((t) => t.tags.has(tag));
	const personEvidence =
		hasRole || tagged('FirstName') || tagged('LastName') || tagged('Honorific') || (tagged('Person') && !tagged('Organization'));
	if (tokens.length === 1 && isAcronym(tokens[0]!.text)) return {kind: 'organization', personEvidence: false};
	if (ORG_WORDS.has(last) || (words.some((w) => ORG_WORDS.has(w)) && tokens.some((t) => lower(t) === 'of'))) return {kind: 'organization', personEvidence: false};
	if (PLACE_WORDS.has(last)) return {kind: 'place', personEvidence: false};
	if (personEvidence) return {kind: 'person', personEvidence};
	if (tagged('Country')) return {kind: 'country', personEvidence: false};
	if (tagged('Organization')) return {kind: 'organization', personEvidence: false};
	if (tagged('Place') || tagged('City') || tagged('Region')) return {kind: 'place', personEvidence: false};
	const nameLike = tokens.every((t) => CONNECTORS.has(lower(t)) || !isCommonWord(bare(t.text), stats));
	if (tokens.length >= 2 && tokens.length <= 4 && nameLike) return {kind: 'person', personEvidence: false};
	return {kind: 'organization', personEvidence: false};
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
			for (const piece of pieces(body, trimmed, roleBefore(sentence, trimmed[0]!))) {
				const base = {paragraph: sentence.paragraph, sentence: sentenceIndex};
				if ('country' in piece) {
					const text = textOf(body, piece.tokens);
					out.push({...base, name: piece.country.name, tokens: [piece.country.name], kind: 'country', personEvidence: false, role: null, surface: text, country: piece.country, start: piece.tokens[0]!.start, end: piece.tokens.at(-1)!.end});
					continue;
				}
				const split = piece.role.length === 0 ? splitTrailingPerson(piece.tokens) : undefined;
				const parts = split ? [{...piece, tokens: split[0], surface: split[0]}, {...piece, tokens: split[1], surface: split[1]}] : [piece];
				for (const part of parts) {
					const country = lookupCountry(textOf(body, part.tokens));
					const {kind, personEvidence} = country ? {kind: 'country' as const, personEvidence: false} : classify(part.tokens, part.role.length > 0, stats);
					const name = country ? country.name : textOf(body, part.tokens);
					out.push({
						...base,
						name,
						tokens: name.split(/\s+/),
						kind,
						personEvidence,
						role: part.role.length > 0 ? textOf(body, part.role) : null,
						surface: textOf(body, part.surface),
						country,
						start: part.tokens[0]!.start,
						end: part.tokens.at(-1)!.end,
					});
				}
			}
		}
	});
	return out;
}

type Building = ExtractedActor & {tokens: string[]; code?: string; lastSeen: number};

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

// Finds the actor a candidate names, among those already seen in this article.
function match(c: Candidate, actors: Building[]): Building | undefined {
	if (c.country) return actors.find((a) => a.code === c.country!.code);
	const exact = actors.find((a) => a.kind === c.kind && [a.name, ...a.aliases].some((n) => sameTokens(n.split(/\s+/), c.tokens)));
	if (exact) return exact;
	if (c.kind === 'organization' || c.tokens.length === 1) {
		const acronym = acronymKey(c.name);
		const byAcronym = actors.find(
			(a) => a.kind === 'organization' && ((isAcronym(c.name) && initials(a.tokens) === acronym) || (isAcronym(a.name) && initials(c.tokens) === acronymKey(a.name))),
		);
		if (byAcronym) return byAcronym;
	}
	if (c.kind === 'person' || (c.tokens.length <= 2 && !c.personEvidence)) {
		// A surname (or the end of a longer name) refers to the most recently seen person it ends.
		const people = actors.filter((a) => a.kind === 'person' && endsWith(a.tokens, c.tokens)).sort((a, b) => b.lastSeen - a.lastSeen);
		if (people[0]) return people[0];
	}
	return undefined;
}

export function findActors(body: string, sentences: TaggedSentence[], quotes: Span[]): ActorIndex {
	const all = candidates(body, sentences, quotes);
	// Full names first, so that a surname seen before its full name still finds it.
	const order = [...all].sort((a, b) => Number(b.tokens.length > 1 || b.country !== undefined) - Number(a.tokens.length > 1 || a.country !== undefined) || a.start - b.start);
	const actors: Building[] = [];
	const byCandidate = new Map<Candidate, Building>();
	for (const c of order) {
		let actor = match(c, actors);
		if (!actor) {
			actor = {key: '', name: c.name, kind: c.kind, role: null, aliases: [], mentions: [], tokens: c.tokens, code: c.country?.code, lastSeen: c.start};
			actors.push(actor);
		}
		if (c.tokens.length > actor.tokens.length && c.kind === actor.kind && !c.country) {
			actor.name = c.name;
			actor.tokens = c.tokens;
		}
		actor.role ??= c.role;
		actor.lastSeen = Math.max(actor.lastSeen, c.start);
		byCandidate.set(c, actor);
	}
	const keys = new Set<string>();
	for (const actor of actors) {
		let key = `${actor.kind}:${slug(actor.name)}`;
		for (let n = 2; keys.has(key); n++) key = `${actor.kind}:${slug(actor.name)}-${n}`;
		keys.add(key);
		actor.key = key;
	}
	const mentions: Mention[] = all.map((c) => {
		const actor = byCandidate.get(c)!;
		for (const alias of [c.surface, c.name]) if (!actor.aliases.includes(alias)) actor.aliases.push(alias);
		return {actor: actor.key, text: c.surface, paragraph: c.paragraph, start: c.start, end: c.end, sentence: c.sentence};
	});
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
