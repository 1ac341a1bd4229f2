import type {Token} from './nlp.js';
import {isContractedS} from './tokens.js';

// Verbs that attribute words to someone, as lemmas; every inflection is matched ("says", "said",
// "saying", "told", "tweeted"). Besides verbs of saying proper, the verbs news writing uses to
// report a judgement in someone's words: "Japan branded the test "reckless"".
const REGULAR =
	`acknowledge add admit affirm allege announce answer argue ask assert boast brand call caution charge chime claim comment complain
	concede conclude condemn confirm contend continue counter cry declare decry demand denounce deny describe dismiss echo emphasise
	emphasize explain exclaim insist joke label lament laud liken mock mention note object observe pledge plead post predict proclaim promise
	question quip reason recall recount reference remark reply report respond retort reveal scoff shout sing snap state stress suggest tout tweet urge
	vow warn welcome wonder yell accuse blast slam praise criticise criticize deride`.split(/\s+/);

// Past forms that do not add -ed to the lemma.
const IRREGULAR: Record<string, string[]> = {
	say: ['said'],
	tell: ['told'],
	write: ['wrote', 'written'],
	speak: ['spoke', 'spoken'],
	sing: ['sang', 'sung'],
};

// Verbs ending in a short stressed vowel and a consonant double it: "quipped", "admitting".
const DOUBLING = new Set(['admit', 'quip', 'snap']);

// A lemma's forms: those that may also be nouns ("claim", "claims", "warning"), and its past forms,
// which the tagger sometimes reads as adjectives ("noted") but which are verbs here.
function forms(lemma: string): {ambiguous: string[]; past: string[]} {
	const stem = lemma.endsWith('e') ? lemma.slice(0, -1) : lemma;
	const doubled = DOUBLING.has(lemma) ? lemma + lemma.at(-1) : stem;
	const third = /(?:s|sh|ch|x)$/.test(lemma) ? `${lemma}es` : /[^aeiou]y$/.test(lemma) ? `${lemma.slice(0, -1)}ies` : `${lemma}s`;
	const past = IRREGULAR[lemma] ?? [/[^aeiou]y$/.test(lemma) ? `${lemma.slice(0, -1)}ied` : `${doubled}ed`];
	return {ambiguous: [lemma, third, `${doubled}ing`], past};
}

const LEMMAS = [...REGULAR, ...Object.keys(IRREGULAR)].map(forms);
// Verbs that give a thing a name rather than report words: "called the plan "reckless"".
const LABELLING = new Set(['call', 'brand', 'label', 'describe'].flatMap((lemma) => Object.values(forms(lemma)).flat()));
const AMBIGUOUS = new Set(LEMMAS.flatMap((f) => f.ambiguous));
const PAST = new Set(LEMMAS.flatMap((f) => f.past));

// `verb`: a verb of saying; `statement`: "in a statement", whose subject comes first like a verb's;
// `source`: "according to", "in the words of", whose speaker follows.
export type SpeechVerb = {start: number; end: number; kind: 'verb' | 'statement' | 'source'; labels?: boolean};

// The speech verbs of a sentence outside its quotations, in order. A word that can also be a noun
// ("claims", "report", "warning") counts only where the tagger reads it as a verb.
export function speechVerbs(tokens: readonly Token[], quoted: (offset: number) => boolean): SpeechVerb[] {
	const out: SpeechVerb[] = [];
	tokens.forEach((t, i) => {
		if (quoted(t.start)) return;
		const word = t.text.toLowerCase();
		const next = tokens[i + 1]?.text.toLowerCase();
		// After a determiner or a possessive an ambiguous form is a noun, which attributes as
		// "statement" does: "Ruiz's remarks", "the claims"; not after "he's", "it's" ("he's claiming").
		const before = tokens[i - 1];
		const noun =
			before !== undefined &&
			/['’]s$|^(?:the|a|an|his|her|its|their|our|my|your|these|those)$/i.test(before.text) &&
			!isContractedS(before);
		// A participle is a verb wherever no determiner makes it a noun: "footage of Ruiz saying, …".
		const participle = AMBIGUOUS.has(word) && word.endsWith('ing');
		if (PAST.has(word) || (AMBIGUOUS.has(word) && (t.tags.has('Verb') || participle || (noun && /^\p{Ll}/u.test(t.text)))))
			out.push({start: t.start, end: t.end, kind: noun && AMBIGUOUS.has(word) ? 'statement' : 'verb', labels: LABELLING.has(word)});
		else if (word === 'statement') out.push({start: t.start, end: t.end, kind: 'statement'});
		else if ((word === 'according' || word === 'words') && (next === 'to' || next === 'of'))
			out.push({start: t.start, end: tokens[i + 1]!.end, kind: 'source'});
	});
	return out;
}
