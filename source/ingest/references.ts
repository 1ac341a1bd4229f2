import type {Span} from '../types.js';
import type {Mention} from './actors.js';
import type {Token} from './nlp.js';
import {fold, within} from './normalize.js';

// Who a sentence speaks of without naming: a pronoun stands for the last person or organisation
// named before it, "the company" for the last organisation, "the country" for the last country,
// and "the festival" for the last actor whose name ends in that word ("the Lantern Festival").

const PERSON_PRONOUNS = new Set(['he', 'she', 'him', 'his', 'her', 'hers', 'himself', 'herself']);
const THING_PRONOUNS = new Set(['it', 'its', 'itself']);
// The nouns news writing uses to point back at a company without naming it.
const COMPANY_NOUNS = new Set([
	'company',
	'firm',
	'corporation',
	'group',
	'carmaker',
	'automaker',
	'manufacturer',
	'maker',
	'airline',
	'carrier',
	'bank',
	'lender',
	'insurer',
	'retailer',
	'airframer',
	'conglomerate',
	'giant',
	'business',
	'operator',
	'network',
	'broadcaster',
	'publisher',
	'studio',
	'organisation',
	'organization',
	'agency',
	'club',
	'team',
	'party',
]);
const COUNTRY_NOUNS = new Set(['country', 'nation']);

// "It is likely that …", "it was decided to …": an "it" that stands for the clause after it.
const EXTRAPOSED = /^(?:is|was|has|had|will|would|seems|seemed|remains|remained|'s)$/;

type Kind = 'person' | 'organization' | 'country';

export class Antecedents {
	// The last actor of each kind named, and the last one named as a subject: "It" and "the
	// company" stand for the firm the account is about more often than for one named in passing.
	private last = new Map<Kind, string>();
	private subject = new Map<Kind, string>();
	// The last actor named with or described by each head noun, for "the festival", "the index".
	private heads = new Map<string, string>();
	// How each organisation has been named, to find it in a person's title ("Acme Corp. CEO Jo Roe").
	private organizations = new Map<string, string>();

	constructor(private readonly kindOf: (actor: string) => string) {}

	private antecedent(kind: Kind): string | undefined {
		return this.subject.get(kind) ?? this.last.get(kind);
	}

	// The actors the sentence's pronouns and descriptions stand for, from what came before it;
	// then what the sentence names becomes the antecedent of what follows.
	read(tokens: Token[], mentions: Mention[], quotes: Span[]): string[] {
		const found: string[] = [];
		const add = (actor: string | undefined) => {
			if (actor && !found.includes(actor)) found.push(actor);
		};
		tokens.forEach((token, i) => {
			if (within(quotes, token.start) || mentions.some((m) => token.start >= m.start && token.start < m.end)) return;
			const word = fold(token.text.replace(/['’]s?$/, ''));
			// "Zelenskyy said he …", "South Korea warned that it …": named earlier in the sentence.
			const namedBefore = (kinds: string[]) => mentions.some((m) => m.start < token.start && kinds.includes(this.kindOf(m.actor)));
			if (PERSON_PRONOUNS.has(word)) {
				if (!namedBefore(['person'])) add(this.antecedent('person'));
			} else if (THING_PRONOUNS.has(word)) {
				if (namedBefore(['organization', 'country'])) return;
				const next = tokens[i + 1];
				const extraposed = word === 'it' && next && EXTRAPOSED.test(fold(next.text)) && isExtraposed(tokens, i + 2);
				if (!extraposed) add(this.antecedent('organization'));
			} else if (word === 'the') {
				const found = headAfter(tokens, i + 1, (w) => COMPANY_NOUNS.has(w) || COUNTRY_NOUNS.has(w) || this.heads.has(w));
				// "the regional carrier, Bluefin Air": the description introduces the name after it.
				const next = found && tokens[found.end + 1];
				if (!found || (next && mentions.some((m) => m.start === next.start))) return;
				const {head} = found;
				if (COMPANY_NOUNS.has(head)) add(this.antecedent('organization'));
				else if (COUNTRY_NOUNS.has(head)) add(this.antecedent('country'));
				else add(this.heads.get(head));
			}
		});
		const firstVerb = tokens.find((t) => t.tags.has('Verb'))?.start ?? Infinity;
		// "At the Pentagon on Tuesday, Ryder said": a name after a preposition is not the subject.
		const afterPreposition = (m: Mention) => {
			const at = tokens.findIndex((t) => t.start === m.start);
			const before = tokens[at - 1]?.tags.has('Determiner') ? tokens[at - 2] : tokens[at - 1];
			return before?.tags.has('Preposition') === true;
		};
		for (const mention of mentions) {
			if (this.kindOf(mention.actor) === 'person') add(this.employer(mention.text));
			this.see(mention, tokens, mention.start < firstVerb && !afterPreposition(mention));
		}
		return found;
	}

	private employer(title: string): string | undefined {
		const words = fold(title).split(' ');
		for (let n = words.length - 2; n > 0; n--) {
			const org = this.organizations.get(words.slice(0, n).join(' '));
			if (org) return org;
		}
		return undefined;
	}

	private see(mention: Mention, tokens: Token[], isSubject: boolean): void {
		const kind = this.kindOf(mention.actor);
		if (kind === 'person' || kind === 'organization' || kind === 'country') {
			this.last.set(kind, mention.actor);
			if (isSubject) this.subject.set(kind, mention.actor);
			if (kind === 'organization') this.organizations.set(fold(mention.text), mention.actor);
		}
		const words = mention.text.split(/\s+/);
		// A role ("the Ukrainian president") is roles.ts's to resolve, by whether the role fits.
		if (words.length > 1 && /^\p{Lu}/u.test(words.at(-1)!)) this.heads.set(fold(words.at(-1)!), mention.actor);
		const described = describedBy(tokens, mention);
		if (described) this.heads.set(described, mention.actor);
	}
}

// The common noun a name is introduced with: "airframer Boeing", "the passenger jet, the Airbus
// A380", "Changi Airport, the country's main airport".
function describedBy(tokens: Token[], mention: Mention): string | undefined {
	const at = tokens.findIndex((t) => t.start === mention.start);
	if (at < 0) return undefined;
	let j = at - 1;
	if (tokens[j] && fold(tokens[j]!.text) === 'the') j--;
	const before = tokens[j];
	if (before && isCommonNoun(before) && (j === at - 1 || /,/.test(before.post))) return fold(before.text);
	let k = tokens.findIndex((t) => t.start >= mention.end);
	if (k < 0 || !/,/.test(tokens[k - 1]!.post) || !/^(?:the|a|an)$/i.test(tokens[k]!.text)) return undefined;
	for (const end = Math.min(tokens.length, k + 5); k < end; k++) {
		if (/[,.;:]/.test(tokens[k]!.post)) return isCommonNoun(tokens[k]!) ? fold(tokens[k]!.text) : undefined;
	}
	return undefined;
}

const isCommonNoun = (t: Token) => t.tags.has('Noun') && !t.tags.has('Pronoun') && /^\p{Ll}+$/u.test(t.text);

// The word a description after "the" is headed by, if it is one that points back: "the Dutch
// bank", "the new festival". Tags alone cannot end the phrase ("the company employs"
// reads as three nouns), so the first word that points back is taken.
function headAfter(tokens: Token[], from: number, pointsBack: (word: string) => boolean): {head: string; end: number} | undefined {
	for (let j = from; j < Math.min(tokens.length, from + 3); j++) {
		const t = tokens[j]!;
		if (!t.tags.has('Noun') && !t.tags.has('Adjective')) return undefined;
		// A name may qualify the head ("the Taipei lantern festival"); the head itself is lower case.
		if (/^\p{Ll}/u.test(t.text) && pointsBack(fold(t.text))) return {head: fold(t.text), end: j};
	}
	return undefined;
}

// "it is likely that", "it was decided to": an adjective or participle, then "that" or "to".
function isExtraposed(tokens: Token[], from: number): boolean {
	for (let j = from; j < Math.min(tokens.length, from + 3); j++) {
		const word = fold(tokens[j]!.text);
		if (word === 'that' || word === 'to') return true;
	}
	return false;
}
