import type {Mention} from './actors.js';
import type {TaggedSentence, Token} from './nlp.js';
import {isCapitalised, isPossessive, isRole} from './tokens.js';

// Whether a name in a sentence can be the subject of a verb of saying, from the words around it:
// a name that qualifies a noun ("a Trump surrogate", "MSNBC host Chris Matthews", "a White House
// statement"), unless it owns it ("Cornyn's statement said"), or is the object of a verb or a preposition
// ("the raid that killed Osama bin Laden", "the attorney general of Oklahoma") is not who speaks;
// the verb of saying itself (at verbStart) may stand before its subject.

// Words a subject's noun phrase may hold before the name: titles, adjectives, numbers, other names.
const inNounPhrase = (t: Token) =>
	isCapitalised(t) || isRole(t) || ['Adjective', 'Value', 'Noun'].some((tag) => t.tags.has(tag)) || /^(?:a|an|the)$/i.test(t.text);

// A lower-case word right after a name that makes the name its modifier: a noun, or a verb's bare
// form, which cannot agree with a singular name ("the Clinton campaign spokesman", "Tulsa police
// said").
const nounAfterName = (t: Token) =>
	/^\p{Ll}/u.test(t.text) &&
	!t.tags.has('Pronoun') &&
	((t.tags.has('Noun') && !t.tags.has('Verb')) || t.tags.has('Infinitive') || (t.tags.has('PresentTense') && !/s$/.test(t.text)));

export function canBeSubject(sentence: TaggedSentence, m: Mention, verbStart: number): boolean {
	const tokens = sentence.tokens;
	const first = tokens.findIndex((t) => t.start >= m.start);
	let last = first;
	while (tokens[last + 1] && tokens[last + 1]!.end <= m.end) last++;
	if (first < 0) return true;
	const end = tokens[last]!;
	const next = tokens[last + 1];
	// "footage of Ana Ruiz saying": the name just before the verb of saying is its subject, whatever governs it.
	if (next && next.start === verbStart) return true;
	if (next && !end.post.trim() && !isPossessive(end) && nounAfterName(next)) return false;
	for (let i = first - 1; i >= 0; i--) {
		const t = tokens[i]!;
		if (t.start === verbStart) return true; // "said MSNBC host Chris Matthews"
		// "to" governs the name, even where the tagger reads it as a conjunction ("sings to Ana Ruiz").
		if (/^to$/i.test(t.text) && !/[,;:(—–"“”?!]/.test(t.post)) return false;
		// A comma, a quotation or a clause's conjunction before the noun phrase: nothing governs it.
		if (/[,;:(—–"“”?!]/.test(t.post) || t.tags.has('Conjunction')) return true;
		const previous = tokens[i - 1];
		const modifier = previous !== undefined && isCapitalised(previous) && !previous.post.trim() && nounAfterName(t);
		if (t.tags.has('Preposition') || /^to$/i.test(t.text) || (t.tags.has('Verb') && !isCapitalised(t) && !modifier)) return false;
		// "Governor of Washington Chris Gregoire": the preposition governs the name before this one.
		if (isCapitalised(t) && !isRole(t) && !t.tags.has('Verb')) return true;
		if (!inNounPhrase(t) && !modifier) return true;
	}
	return true;
}
