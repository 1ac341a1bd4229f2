import {lookupCountry} from './countries.js';
import {only, type Building} from './aliases.js';
import {ROLE_WORDS} from './lexicon.js';
import type {TaggedSentence, Token} from './nlp.js';
import {fold} from './normalize.js';
import {bare, endsName, isCapitalised, isRole, lower} from './tokens.js';

// What a role says the person is: "undersecretary to the prime minister" is an undersecretary.
const roleWordsOf = (role: string) =>
	fold(role)
		.split(/\b(?:of|to|for|at|in)\b/)[0]!
		.split(' ')
		.filter((w) => ROLE_WORDS.has(w));

// "the Ukrainian president" → the person whose role is President and whose country is Ukraine.
export function roleMentions(
	body: string,
	sentences: TaggedSentence[],
	actors: Building[],
	taken: Set<number>,
): Array<{actor: Building; start: number; end: number; text: string; sentence: number; paragraph: number}> {
	const out = [];
	for (const [index, sentence] of sentences.entries()) {
		const toks = sentence.tokens;
		for (let i = 0; i < toks.length - 1; i++) {
			if (lower(toks[i]!) !== 'the') continue;
			const modifiers: Token[] = [];
			let j = i + 1;
			while (j < toks.length && isCapitalised(toks[j]!) && lookupCountry(bare(toks[j]!.text)) && modifiers.length < 2)
				modifiers.push(toks[j++]!);
			// "the prime minister": the description ends at the last role word of a run, and all of it
			// must fit the person's role.
			const runStart = j;
			// "the health minister": a lower-case word that qualifies the role must be in it too.
			const qualifiers: string[] = [];
			while (toks[j + 1] && /^\p{Ll}/u.test(toks[j]!.text) && !isRole(toks[j]!) && !endsName(toks[j]!) && qualifiers.length < 2)
				qualifiers.push(lower(toks[j++]!));
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
				return a.aliases.some(
					(alias) =>
						lookupCountry(alias.split(/\s+/).slice(0, 2).join(' '))?.code === country.code ||
						lookupCountry(alias.split(/\s+/)[0]!)?.code === country.code,
				);
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
