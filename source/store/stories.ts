import {SAME_EVENT, SAME_QUOTE, comparableWords, contentWords, similarity} from '../ingest/similar.js';
import {compareStrings} from './actors.js';
import type {EventSource, QuoteSource, StoredEvent, StoredQuote} from './schema.js';

// One item per story across outlets: an event or quote that another article already tells (the
// same sentence, or a near-duplicate of it: similar.ts) becomes a source of that item rather than
// an item of its own, so that the wire story from three outlets is one event with three sources.
// Candidates come from an index of words, and only the rarest words of a new sentence are looked
// up (prefix filtering: a sentence at least `threshold` alike shares one of them), so a new
// sentence is compared with a few others, never with the whole briefing.

type Telling = EventSource | QuoteSource;
type Item<S extends Telling> = Omit<S, 'actors' | 'speaker'> & {id: string; sources?: S[]};

export type StoryKind<T extends Item<S>, S extends Telling> = {
	words: (text: string) => string[];
	threshold: number;
	// Whether `telling` may be the same item as `item`, whatever their words.
	compatible: (item: T, telling: S) => boolean;
	// The item one telling makes, or several (the first is the item's own fields).
	make: (id: string, sources: S[]) => T;
	telling: (item: T) => S;
};

export const sourcesOf = <T extends Item<S>, S extends Telling>(kind: StoryKind<T, S>, item: T): S[] =>
	item.sources ?? [kind.telling(item)];

const dayNumber = (day: string) => Date.parse(`${day}T00:00:00Z`) / 86_400_000;

// Two outlets date one event a day or two apart ("on Thursday" in a story published on Friday,
// the article's date where the sentence gives none); a week apart, it is another event.
const NEAR_DAYS = 3;

const unionOf = (lists: string[][]) => [...new Set(lists.flat())];

export const EVENT_KIND: StoryKind<StoredEvent, EventSource> = {
	words: contentWords,
	threshold: SAME_EVENT,
	compatible: (item, telling) => Math.abs(dayNumber(item.date) - dayNumber(telling.date)) <= NEAR_DAYS,
	make: (id, [first, ...rest]) => {
		const {actors, ...own} = first!;
		return {
			id,
			...own,
			actors: rest.length ? unionOf([actors, ...rest.map((source) => source.actors)]) : actors,
			...(rest.length ? {sources: [first!, ...rest]} : {}),
		};
	},
	telling: ({id: _id, sources: _sources, ...own}) => own,
};

export const QUOTE_KIND: StoryKind<StoredQuote, QuoteSource> = {
	words: (text) => [...new Set(comparableWords(text))],
	threshold: SAME_QUOTE,
	// The same words said by two people are two quotes; a telling that names nobody may be either's.
	compatible: (item, telling) => item.speaker === null || telling.speaker === null || item.speaker === telling.speaker,
	make: (id, [first, ...rest]) => {
		const {speaker, ...own} = first!;
		return {
			id,
			...own,
			speaker: speaker ?? rest.find((source) => source.speaker !== null)?.speaker ?? null,
			...(rest.length ? {sources: [first!, ...rest]} : {}),
		};
	},
	telling: ({id: _id, sources: _sources, ...own}) => own,
};

// The words of every telling of every item, by word: kept from one ingest to the next (the cache
// below), and changed in place as items are. The items an ingest made are indexed when the index
// is next used: an ingest of one long article, the last of its command, never holds an index of
// its every sentence beside them.
class StoryIndex<T extends Item<S>, S extends Telling> {
	private readonly items = new Map<string, T>();
	private readonly postings = new Map<string, Set<string>>();
	private readonly indexed = new Map<string, string[]>();
	private readonly texts = new Map<string, string[]>();
	private readonly wordCache = new Map<string, string[]>();
	private pending: T[] = [];

	constructor(private readonly kind: StoryKind<T, S>) {}

	later(items: T[]): void {
		this.pending = this.pending.concat(items);
	}

	private indexPending(): void {
		const items = this.pending;
		this.pending = [];
		for (const item of items) this.add(item);
	}

	wordsOf(text: string): string[] {
		let words = this.wordCache.get(text);
		if (!words) {
			words = this.kind.words(text);
			this.wordCache.set(text, words);
		}
		return words;
	}

	add(item: T): void {
		this.indexPending();
		// A wire story republished word for word is one text, however many outlets carry it.
		const texts = [...new Set(sourcesOf(this.kind, item).map((source) => source.text))];
		const words = texts.length === 1 ? this.wordsOf(texts[0]!) : unionOf(texts.map((text) => this.wordsOf(text)));
		this.items.set(item.id, item);
		this.texts.set(item.id, texts);
		this.indexed.set(item.id, words);
		for (const word of words) {
			let ids = this.postings.get(word);
			if (!ids) this.postings.set(word, (ids = new Set()));
			ids.add(item.id);
		}
	}

	remove(id: string): void {
		this.indexPending();
		for (const word of this.indexed.get(id) ?? []) {
			const ids = this.postings.get(word);
			ids?.delete(id);
			if (ids?.size === 0) this.postings.delete(word);
		}
		this.indexed.delete(id);
		this.texts.delete(id);
		this.items.delete(id);
	}

	// The item most like `telling`, at least `threshold` alike, that no telling of `article` is in.
	match(telling: S, article: string): T | null {
		this.indexPending();
		// Not kept: a telling's words are, once it is indexed as an item or in one.
		const words = this.wordCache.get(telling.text) ?? this.kind.words(telling.text);
		if (words.length === 0) return null;
		const rarest = [...words].sort((a, b) => (this.postings.get(a)?.size ?? 0) - (this.postings.get(b)?.size ?? 0));
		const prefix = rarest.slice(0, words.length - Math.ceil(this.kind.threshold * words.length) + 1);
		const candidates = new Set<string>();
		for (const word of prefix) for (const id of this.postings.get(word) ?? []) candidates.add(id);
		let best: {item: T; score: number} | null = null;
		for (const id of candidates) {
			const item = this.items.get(id)!;
			if (item.article === article || item.sources?.some((source) => source.article === article) || !this.kind.compatible(item, telling))
				continue;
			let score = 0;
			for (const text of this.texts.get(id)!) score = Math.max(score, similarity(words, this.wordsOf(text)));
			if (score < this.kind.threshold) continue;
			if (!best || score > best.score || (score === best.score && compareStrings(item.id, best.item.id) < 0)) best = {item, score};
		}
		return best?.item ?? null;
	}
}

// An index belongs to one list of items: the list an ingest returns is given the index of the
// list it was made from, which that list no longer has, so that an older list is indexed afresh.
const indexes = new WeakMap<readonly object[], unknown>();

function takeIndex<T extends Item<S>, S extends Telling>(kind: StoryKind<T, S>, items: readonly T[]): StoryIndex<T, S> {
	const cached = indexes.get(items) as StoryIndex<T, S> | undefined;
	indexes.delete(items);
	if (cached) return cached;
	const index = new StoryIndex(kind);
	for (const item of items) index.add(item);
	return index;
}

// `items` without what `article` told, and with its new tellings (with the ids they get as items
// of their own): each joins the item most like it, or is one. Returns the new list (unsorted),
// and `index`, to call with the list as it is finally kept, which then keeps the index.
export function retell<T extends Item<S>, S extends Telling>(
	kind: StoryKind<T, S>,
	items: readonly T[],
	article: string,
	tellings: Array<{id: string; telling: S}>,
): {items: T[]; index: (sorted: readonly T[]) => void} {
	const index = takeIndex(kind, items);
	const kept: T[] = [];
	for (const item of items) {
		// Looked at without making a list of each item's sources: most items are not the article's.
		if (item.article !== article && !item.sources?.some((source) => source.article === article)) {
			kept.push(item);
			continue;
		}
		index.remove(item.id);
		const others = sourcesOf(kind, item).filter((source) => source.article !== article);
		if (others.length === 0) continue;
		// The item stays, with its id and so its notes, told by the articles that are left.
		const rest = kind.make(item.id, others);
		index.add(rest);
		kept.push(rest);
	}
	const changed = new Map<string, T>();
	const added: T[] = [];
	for (const {id, telling} of tellings) {
		const match = index.match(telling, article);
		if (match) {
			index.remove(match.id);
			changed.set(match.id, kind.make(match.id, [...sourcesOf(kind, match), telling]));
		} else added.push(kind.make(id, [telling]));
	}
	// Indexed only now: an item with a telling of `article` is no match for another of its tellings,
	// and a long article's own sentences, indexed as they came, would each be a candidate for every
	// later one, in time that grows with the square of its length.
	index.later([...changed.values(), ...added]);
	// No telling joins an item of its own article, so the items just added are as they were made.
	const result = [...kept.map((item) => changed.get(item.id) ?? item), ...added];
	return {items: result, index: (sorted) => indexes.set(sorted, index)};
}
