import {createHash} from 'node:crypto';
import type {ActorKind, ExtractedActor} from '../types.js';
import {lookupKeys, wordKey} from '../ingest/normalize.js';
import {compatibleFirstName, foldName, nameTokens, sameNameToken, slugify} from './names.js';
import type {ActorSource, ActorWithSources} from './schema.js';

type Named = {name: string; aliases: string[]};

const ID_PREFIX: Record<ActorKind, string> = {person: 'p-', country: 'c-', organization: 'o-', place: 'l-'};

const foldedNames = (actor: Named) => new Set([actor.name, ...actor.aliases].map(foldName).filter(Boolean));

export const compareStrings = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

// Full names ("Jake Sullivan", "J. Sullivan") that can be the same person: the last names are the
// same (up to a transliteration) and the first names agree (up to a short form or an initial).
function sameFullName(a: string[], b: string[]): boolean {
	return sameNameToken(a.at(-1)!, b.at(-1)!) && compatibleFirstName(a[0]!, b[0]!);
}

// A surname alone ("Smith") only says who is meant when one person in the briefing has it:
// with both John and Jane Smith stored, it joins neither.
function findPerson(persons: ActorWithSources[], incoming: ExtractedActor): ActorWithSources | undefined {
	const name = foldName(incoming.name);
	const tokens = nameTokens(incoming.name);
	const incomingNames = foldedNames(incoming);
	const full = persons.filter((person) => nameTokens(person.name).length >= 2);
	if (tokens.length === 1) {
		const bearers = full.filter((person) => sameNameToken(nameTokens(person.name).at(-1)!, name) || foldedNames(person).has(name));
		return bearers.length === 1 ? bearers[0] : undefined;
	}
	const match = full.find((person) => {
		const personName = foldName(person.name);
		return foldedNames(person).has(name) || incomingNames.has(personName) || sameFullName(nameTokens(person.name), tokens);
	});
	if (match) return match;
	const last = tokens.at(-1)!;
	if (full.some((person) => sameNameToken(nameTokens(person.name).at(-1)!, last))) return undefined;
	const surnames = persons.filter((person) => {
		const personTokens = nameTokens(person.name);
		return personTokens.length === 1 && (sameNameToken(personTokens[0]!, last) || incomingNames.has(personTokens[0]!));
	});
	return surnames.length === 1 ? surnames[0] : undefined;
}

// The stored actors, indexed by what findActor compares (folded names and aliases, the surnames
// of persons), so that it looks only at the few an extracted actor may be: with every stored actor
// looked at, adding an article that names thousands took time that grew with their square.
class Stored {
	readonly list: ActorWithSources[];
	readonly #at = new Map<ActorWithSources, number>();
	readonly #index = new Map<string, Set<number>>();

	constructor(actors: ActorWithSources[]) {
		this.list = [];
		for (const actor of actors) this.push(actor);
	}

	push(actor: ActorWithSources): void {
		this.list.push(actor);
		this.#put(actor, this.list.length - 1);
	}

	replace(old: ActorWithSources, actor: ActorWithSources): void {
		const at = this.#at.get(old)!;
		for (const key of keysOf(old)) this.#index.get(key)!.delete(at);
		this.#at.delete(old);
		this.list[at] = actor;
		this.#put(actor, at);
	}

	// The actors under any of `keys`, in the order of the list.
	find(keys: Iterable<string>): ActorWithSources[] {
		const found = new Set<number>();
		for (const key of keys) for (const at of this.#index.get(key) ?? []) found.add(at);
		return [...found].sort((a, b) => a - b).map((at) => this.list[at]!);
	}

	#put(actor: ActorWithSources, at: number): void {
		this.#at.set(actor, at);
		for (const key of keysOf(actor)) {
			let set = this.#index.get(key);
			if (!set) this.#index.set(key, (set = new Set()));
			set.add(at);
		}
	}
}

const nameKey = (kind: ActorKind, folded: string) => `${kind} name ${folded}`;
const aliasKey = (kind: ActorKind, folded: string) => `${kind} alias ${folded}`;
const surnameKey = (key: string) => `person surname ${key}`;

function keysOf(actor: ActorWithSources): string[] {
	const keys = [nameKey(actor.kind, foldName(actor.name)), ...[...foldedNames(actor)].map((folded) => aliasKey(actor.kind, folded))];
	const last = nameTokens(actor.name).at(-1);
	if (actor.kind === 'person' && last !== undefined) keys.push(surnameKey(wordKey(last)));
	return keys;
}

// The stored actor an extracted one is, if any: same kind and the same name after folding; for
// countries, organisations and places also any shared alias ("EU", "European Union").
function findActor(stored: Stored, incoming: ExtractedActor): ActorWithSources | undefined {
	const name = foldName(incoming.name);
	const exact = stored.find([nameKey(incoming.kind, name)])[0];
	if (exact) return exact;
	const incomingNames = foldedNames(incoming);
	if (incoming.kind === 'person') {
		// Every person findPerson may pick bears the name, or has a name it bears, or a surname
		// that may be its last word.
		const last = nameTokens(incoming.name).at(-1);
		const persons =
			last === undefined
				? stored.list.filter((actor) => actor.kind === 'person')
				: stored.find([
						aliasKey('person', name),
						...[...incomingNames].map((folded) => nameKey('person', folded)),
						...lookupKeys(last).map(surnameKey),
					]);
		return findPerson(persons, incoming);
	}
	return stored.find([...incomingNames].map((folded) => aliasKey(incoming.kind, folded)))[0];
}

export function newActorId(kind: ActorKind, name: string, taken: Set<string>): string {
	// A name in a script without Latin letters has no slug; a hash still gives a stable id.
	const slug = slugify(name) || createHash('sha256').update(name).digest('hex').slice(0, 8);
	const base = `${ID_PREFIX[kind]}${slug}`;
	let id = base;
	for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
	return id;
}

// Recomputes what an actor shows from its sources, ordered as their articles are (`order`), so
// that re-ingesting an article gives the same result as ingesting it the first time.
export function deriveActor(actor: ActorWithSources, order: Map<string, number>): ActorWithSources {
	const sources = [...actor.sources].sort((a, b) => (order.get(a.article) ?? 0) - (order.get(b.article) ?? 0));
	const name = sources.reduce((longest, source) => (source.name.length > longest.length ? source.name : longest), sources[0]!.name);
	const role = sources.find((source) => source.role !== null)?.role ?? null;
	const aliases = [...new Set(sources.flatMap((source) => [source.name, ...source.aliases]))].sort(compareStrings);
	return {id: actor.id, name, kind: actor.kind, role, aliases, sources};
}

function toSource(articleId: string, actor: ExtractedActor): ActorSource {
	return {
		article: articleId,
		name: actor.name,
		role: actor.role,
		aliases: actor.aliases,
		mentions: actor.mentions.map(({paragraph, start, end}) => ({paragraph, start, end})),
	};
}

// Adds one article's actors as sources of stored actors (new ones when nothing matches). `actors`
// are not mutated. Returns the new list and, per extracted actor key, the stored actor's id.
export function addActorSources(
	actors: ActorWithSources[],
	articleId: string,
	extracted: ExtractedActor[],
	order: Map<string, number>,
): {actors: ActorWithSources[]; ids: Map<string, string>} {
	const stored = new Stored(actors);
	const ids = new Map<string, string>();
	const taken = new Set(actors.map((actor) => actor.id));
	for (const incoming of extracted) {
		const source = toSource(articleId, incoming);
		const match = findActor(stored, incoming);
		if (match) {
			stored.replace(match, deriveActor({...match, sources: [...match.sources, source]}, order));
			ids.set(incoming.key, match.id);
			continue;
		}
		const id = newActorId(incoming.kind, incoming.name, taken);
		taken.add(id);
		stored.push(deriveActor({id, name: incoming.name, kind: incoming.kind, role: null, aliases: [], sources: [source]}, order));
		ids.set(incoming.key, id);
	}
	return {actors: stored.list, ids};
}
