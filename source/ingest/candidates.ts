import nlp from 'compromise';
import type {ActorKind, Span} from '../types.js';
import {lookupCountry, type CountryHit} from './countries.js';
import {CONNECTORS, CORPORATE_WORDS, GROUP_WORDS, NOT_NAMES, ORG_WORDS, PLACE_WORDS, ROLE_WORDS} from './lexicon.js';
import type {TaggedSentence, Token} from './nlp.js';
import {within} from './normalize.js';
import {
	bare,
	endsName,
	isAcronym,
	isCapitalised,
	isContraction,
	isRole,
	LOCATIVE,
	lower,
	NAME_TAGS,
	opensQuote,
	WORD_TAGS,
} from './tokens.js';

// Candidate names: capitalised spans of each sentence, split into country, role and name, each
// classified as a person, country, organisation or place. Merging them is aliases.ts's job.

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
	bracketed?: Candidate; // the name it defines or is defined by: "Italian Episcopal Conference (CEI)"
	start: number;
	end: number;
	paragraph: number;
	sentence: number;
};

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

// Words of these kinds never begin a name, whatever follows: "Five Panamanian players".
const FUNCTION_TAGS = ['Value', 'Determiner', 'Preposition', 'Pronoun', 'Conjunction', 'QuestionWord', 'Adverb'];

function canStartName(t: Token, next: Token | undefined, initial: boolean, stats: WordStats): boolean {
	if (!isCapitalised(t) || NOT_NAMES.has(lower(t)) || t.text === 'I' || isContraction(t)) return false;
	if (!initial || isRole(t)) return true;
	// "Injecting humour, Lee said": a verb's -ing or past form opening a sentence is no name's first word.
	if (t.tags.has('Gerund') || t.tags.has('PastTense')) return false;
	// "Finance Minister Clara Odum", "Air France" at the start of a sentence: the first word of a
	// longer name (what is not a name is dropped later).
	const joined =
		next && isCapitalised(next) && !NOT_NAMES.has(lower(next)) && !endsName(t) && !FUNCTION_TAGS.some((tag) => t.tags.has(tag));
	if (joined && (isRole(next) || NAME_TAGS.some((tag) => next.tags.has(tag)) || !WORD_TAGS.some((tag) => t.tags.has(tag)))) return true;
	// A capital at the start of a sentence proves nothing: the word must look like a name anyway.
	const word = bare(t.text);
	if (stats.midCapital.has(word) || lookupCountry(word)) return true;
	if (stats.lowercase.has(word.toLowerCase()) || WORD_TAGS.some((tag) => t.tags.has(tag))) return false;
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
			if (
				after &&
				isCapitalised(after) &&
				!endsName(next) &&
				!startsAfresh(after) &&
				!NOT_NAMES.has(lower(after)) &&
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
		// "Charlie King": a title word right after a first name is a surname.
		const surname = i > 0 && i === tokens.length - 1 && tokens[i - 1]!.tags.has('FirstName') && /^\p{Lu}\p{Ll}/u.test(t.text);
		if (isRole(t) && !ORG_WORDS.has(lower(t)) && !surname) lastRole = i;
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
	if ((tokens.length === 1 && isAcronym(tokens[0]!.text)) || tokens.some((t) => t.text.includes('&')))
		return {kind: 'organization', personEvidence: false};
	const linked = tokens.some((t) => ['of', 'on', 'for'].includes(lower(t)));
	if (ORG_WORDS.has(last) || (words.some((w) => ORG_WORDS.has(w)) && linked)) return {kind: 'organization', personEvidence: false};
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
const APPOSITIVE = new RegExp(
	String.raw`^,\s+((?:(?:the|a|an|former|then|its|their)\s+)*(?:[\p{L}'’-]+\s+){0,3}?(?:${[...ROLE_WORDS].filter((w) => /^[a-z-]+$/.test(w)).join('|')}|woman|man|boy|girl|mother|father|son|daughter|wife|husband|resident|citizen|national)\b[^,.;:"“”]{0,60})[,.;]`,
	'u',
);

function appositive(body: string, end: number): string | null {
	const m = APPOSITIVE.exec(body.slice(end, end + 120));
	return m ? m[1]!.trim() : null;
}

export function candidates(body: string, sentences: TaggedSentence[], quotes: Span[]): Candidate[] {
	const stats = wordStats(sentences);
	const inQuote = (offset: number) => within(quotes, offset);
	const out: Candidate[] = [];
	sentences.forEach((sentence, sentenceIndex) => {
		for (const span of spans(sentence, stats, inQuote)) {
			let leading = 0;
			// A party or faith before a person's name is what they are, not their name: "Democrat Ann Lee".
			const affiliation = (i: number) => GROUP_WORDS.has(lower(span[i]!)) && span[i + 1]!.tags.has('FirstName');
			while (leading < span.length - 1 && (NOT_NAMES.has(lower(span[leading]!)) || affiliation(leading))) leading++;
			const trimmed = span.slice(leading);
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
					out.push({
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
						weak: weak || (part.tokens.length === 1 && ORG_WORDS.has(bare(lower(part.tokens[0]!)))),
						role: part.role.length > 0 ? textOf(body, part.role) : described,
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
