import {createHash} from 'node:crypto';
import type {ActorKind, ExtractedActor} from '../types.js';
import {lookupKeys, wordKey} from '../ingest/normalize.js';
import {earliest, FirstNames} from './first-names.js';
import {foldName, nameTokens, sameNameToken, slugify} from './names.js';
import type {ActorSource, ActorWithSources} from './schema.js';

type Named = {name: string; aliases: string[]};

const ID_PREFIX: Record<ActorKind, string> = {person: 'p-', country: 'c-', organization: 'o-', place: 'l-'};

const foldedNames = (actor: Named) => new Set([actor.name, ...actor.aliases].map(foldName).filter(Boolean));

export const compareStrings = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

// The persons whose last word is one spelling of a surname: those with a first name, by position
// (and by first name once one is looked for), and those known by the surname alone.
class Bearers {
	readonly full = new Map<number, string>();
	readonly alone = new Set<number>();
	#firstNames: FirstNames | undefined;

	constructor(readonly surname: string) {}

	add(tokens: string[], at: number): void {
		if (tokens.length < 2) this.alone.add(at);
		else {
			this.full.set(at, tokens[0]!);
			this.#firstNames?.add(tokens[0]!, at);
		}
	}

	delete(tokens: string[], at: number): void {
		if (tokens.length < 2) this.alone.delete(at);
		else {
			this.full.delete(at);
			this.#firstNames?.delete(tokens[0]!, at);
		}
	}

	// The first of them with a full name whose first name agrees with `first` (up to a short form
	// or an initial: compatibleFirstName).
	firstCompatible(first: string): number | undefined {
		if (!this.#firstNames) {
			this.#firstNames = new FirstNames();
			for (const [at, name] of this.full) this.#firstNames.add(name, at);
		}
		return this.#firstNames.find(first);
	}
}

// The stored actors, indexed by what findActor compares (folded names and aliases, the surnames
// of persons and their first names), so that it looks only at the few an extracted actor may be:
// with every stored actor looked at, adding an article that names thousands took time that grew
// with their square.
class Stored {
	readonly list: ActorWithSources[];
	readonly #at = new Map<ActorWithSources, number>();
	readonly #index = new Map<string, Set<number>>();
	// Persons by the key of their last word (wordKey), then by its spelling.
	readonly #surnames = new Map<string, Map<string, Bearers>>();

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
		const renamed = old.kind === 'person' && foldName(old.name) !== foldName(actor.name);
		if (renamed) this.#bearers(old)?.delete(nameTokens(old.name), at);
		this.list[at] = actor;
		this.#put(actor, at, renamed);
	}

	// The positions of the actors under any of `keys`, in the order of the list.
	positions(keys: Iterable<string>): number[] {
		const found = new Set<number>();
		for (const key of keys) for (const at of this.#index.get(key) ?? []) found.add(at);
		return [...found].sort((a, b) => a - b);
	}

	find(keys: Iterable<string>): ActorWithSources[] {
		return this.positions(keys).map((at) => this.list[at]!);
	}

	// The persons whose last word may be `last`: every spelling under its lookup keys.
	surnames(last: string): Bearers[] {
		return [...new Set(lookupKeys(last))].flatMap((key) => [...(this.#surnames.get(key)?.values() ?? [])]);
	}

	#put(actor: ActorWithSources, at: number, bySurname = true): void {
		this.#at.set(actor, at);
		for (const key of keysOf(actor)) {
			let set = this.#index.get(key);
			if (!set) this.#index.set(key, (set = new Set()));
			set.add(at);
		}
		if (bySurname && actor.kind === 'person') this.#bearers(actor)?.add(nameTokens(actor.name), at);
	}

	#bearers(person: ActorWithSources): Bearers | undefined {
		const last = nameTokens(person.name).at(-1);
		if (last === undefined) return undefined;
		let spellings = this.#surnames.get(wordKey(last));
		if (!spellings) this.#surnames.set(wordKey(last), (spellings = new Map()));
		let bearers = spellings.get(last);
		if (!bearers) spellings.set(last, (bearers = new Bearers(last)));
		return bearers;
	}
}

const nameKey = (kind: ActorKind, folded: string) => `${kind} name ${folded}`;
const aliasKey = (kind: ActorKind, folded: string) => `${kind} alias ${folded}`;

const keysOf = (actor: ActorWithSources) => [
	nameKey(actor.kind, foldName(actor.name)),
	...[...foldedNames(actor)].map((folded) => aliasKey(actor.kind, folded)),
];

// The one position in `groups`, if only one is there (looking no further than a second).
function theOnly(groups: Iterable<number>[]): number | undefined {
	let only: number | undefined;
	for (const group of groups) {
		for (const at of group) {
			if (only === undefined) only = at;
			else if (at !== only) return undefined;
		}
	}
	return only;
}

// A surname alone ("Smith") only says who is meant when one person in the briefing has it:
// with both John and Jane Smith stored, it joins neither. A full name joins the first person that
// bears it or whose name it bears, or has the same last name and a first name that agrees; failing
// those, if no full name has that last name, the one person known by it alone.
function findPerson(stored: Stored, incoming: ExtractedActor): ActorWithSources | undefined {
	const name = foldName(incoming.name);
	const tokens = nameTokens(incoming.name);
	const last = tokens.at(-1);
	// A name with no letter or digit in it is no stored person's.
	if (last === undefined) return undefined;
	const incomingNames = foldedNames(incoming);
	const tokensAt = (at: number) => nameTokens(stored.list[at]!.name);
	// The persons that bear the name, or whose name it bears.
	const named = stored.positions([aliasKey('person', name), ...[...incomingNames].map((folded) => nameKey('person', folded))]);
	const same = stored.surnames(last).filter((bearers) => sameNameToken(bearers.surname, last));
	let found: number | undefined;
	if (tokens.length === 1) {
		const bearing = named.filter((at) => {
			const personTokens = tokensAt(at);
			return personTokens.length >= 2 && (sameNameToken(personTokens.at(-1)!, name) || foldedNames(stored.list[at]!).has(name));
		});
		found = theOnly([bearing, ...same.map((bearers) => bearers.full.keys())]);
	} else {
		found = earliest([named.find((at) => tokensAt(at).length >= 2), ...same.map((bearers) => bearers.firstCompatible(tokens[0]!))]);
		if (found === undefined && !same.some((bearers) => bearers.full.size > 0)) {
			const alone = named.filter((at) => {
				const personTokens = tokensAt(at);
				return personTokens.length === 1 && (sameNameToken(personTokens[0]!, last) || incomingNames.has(personTokens[0]!));
			});
			found = theOnly([alone, ...same.map((bearers) => bearers.alone)]);
		}
	}
	return found === undefined ? undefined : stored.list[found];
}

// The stored actor an extracted one is, if any: same kind and the same name after folding; for
// countries, organisations and places also any shared alias ("EU", "European Union").
function findActor(stored: Stored, incoming: ExtractedActor): ActorWithSources | undefined {
	const name = foldName(incoming.name);
	const exact = stored.find([nameKey(incoming.kind, name)])[0];
	if (exact) return exact;
	if (incoming.kind === 'person') return findPerson(stored, incoming);
	return stored.find([...foldedNames(incoming)].map((folded) => aliasKey(incoming.kind, folded)))[0];
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
