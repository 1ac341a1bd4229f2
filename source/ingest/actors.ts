import type {ActorMention, ExtractedActor, Span} from '../types.js';
import {match, Seen, type Building} from './aliases.js';
import {candidates, type Candidate, type Cue} from './candidates.js';
import type {TaggedSentence} from './nlp.js';
import {sameWord, slug} from './normalize.js';
import {roleMentions} from './roles.js';
import {isAcronym} from './tokens.js';

export type Mention = ActorMention & {actor: string; sentence: number};

export type ActorIndex = {
	actors: ExtractedActor[];
	mentions: Mention[]; // in text order
};

// An actor whose every name left its kind a guess takes the kind its context says most often:
// "he"/"his" or "its" after it, a noun or a preposition of place before it ("in Tarvik": a place),
// and the way the text shortens it, a surname alone for a person ("Okafor" of "Bisi Okafor"), the
// first word for a company ("Halvorsen" of "Halvorsen Vance").
function settleGuessedKinds(byCandidate: Map<Candidate, Building>): void {
	const votes = new Map<Building, {person: number; organization: number; place: number; strong: boolean}>();
	for (const [c, actor] of byCandidate) {
		if (actor.kind !== 'person' && actor.kind !== 'organization') continue;
		let v = votes.get(actor);
		if (!v) votes.set(actor, (v = {person: 0, organization: 0, place: 0, strong: false}));
		if (!c.guessed) v.strong = true;
		if (c.cue) v[c.cue]++;
		if (c.tokens.length === 1 && actor.tokens.length > 1 && c.name !== actor.name) {
			if (sameWord(c.name, actor.tokens.at(-1)!)) v.person++;
			else if (sameWord(c.name, actor.tokens[0]!)) v.organization++;
		}
	}
	for (const [actor, v] of votes) {
		if (v.strong) continue;
		const kinds: Cue[] = ['person', 'organization', 'place'];
		const [top, next] = kinds.sort((a, b) => v[b] - v[a]) as [Cue, Cue, Cue];
		if (v[top] > v[next]) actor.kind = top;
	}
}

export function findActors(body: string, sentences: TaggedSentence[], quotes: Span[], headline: string): ActorIndex {
	const all = candidates(body, sentences, quotes, headline);
	// Full names first, so that a surname seen before its full name still finds it.
	const full = (c: Candidate) => c.tokens.length > 1 || c.country !== undefined;
	const order = [...all].sort((a, b) => Number(full(b)) - Number(full(a)) || a.start - b.start);
	const seen = new Seen();
	const actors = seen.all;
	const byCandidate = new Map<Candidate, Building>();
	for (const c of order) {
		let actor = match(c, seen, (other) => byCandidate.get(other));
		// "the Administration", "Muslims": words that point back at nothing name no one.
		if (!actor && c.weak) continue;
		if (!actor) {
			actor = {
				key: '',
				name: c.name,
				kind: c.kind,
				role: null,
				aliases: [],
				mentions: [],
				tokens: c.tokens,
				code: c.country?.code,
				lastSeen: c.start,
				guessed: c.guessed,
			};
			seen.add(actor);
			seen.index(actor, c.name);
		}
		if (c.tokens.length > actor.tokens.length && !c.country && !actor.code && (c.kind === actor.kind || !isAcronym(c.name))) {
			actor.name = c.name;
			actor.tokens = c.tokens;
			actor.kind = c.kind;
		}
		if (actor.kind !== 'person' && c.kind === 'person' && c.personEvidence) actor.kind = 'person';
		if (!c.guessed) actor.guessed = false;
		actor.role ??= c.role;
		actor.lastSeen = Math.max(actor.lastSeen, c.start);
		const alias = c.country && !actor.code ? c.surface : c.name;
		if (!actor.aliases.includes(alias)) actor.aliases.push(alias);
		seen.index(actor, actor.name);
		seen.index(actor, alias);
		byCandidate.set(c, actor);
	}
	settleGuessedKinds(byCandidate);
	// A country only ever named as a modifier ("Irish airline Ryanair") is not an actor of the story.
	const named = new Set<Building>();
	for (const [c, actor] of byCandidate) if (!c.modifier) named.add(actor);
	for (const [c, actor] of byCandidate) if (actor.code && !named.has(actor)) byCandidate.delete(c);
	actors.splice(0, actors.length, ...actors.filter((a) => !a.code || named.has(a)));
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
