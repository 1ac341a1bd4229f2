// The first names of the persons who share a surname, indexed so that the first of them that
// compatibleFirstName accepts for an incoming first name is found without comparing the two with
// each: compared with each, storing thousands of Vargas took time that grew with their square.
//
// compatibleFirstName(a, b) holds when one name begins the other ("J", "Jim", "Jimmy") or when
// sameWord takes them for one word: the same once folded, or (both long enough, no digit) the
// same once doubled letters are undoubled, or two neighbouring letters swapped. A trie of the
// names finds the first two; a map by folded name the third and the swaps; a map by undoubled
// name the rest.

import {fold, slipsForgiven, swapsOf, wordKey} from '../ingest/normalize.js';

// Positions in the list of stored actors, the first of them at hand: a min-heap, from which a
// deleted position leaves only once it comes to the top (one put back before then is the same
// entry again). A sorted list cost its length to take a position out of or put one back in, and
// renaming thousands of persons who share a surname did both for each of them.
class Positions {
	readonly #heap: number[];
	// The positions that left the list while their entries stay in the heap (the list holds a
	// position at most once, so the heap does too). Made at the first deletion.
	#gone: Set<number> | undefined;

	constructor(heap: number[] = [], gone?: Set<number>) {
		this.#heap = heap;
		this.#gone = gone;
	}

	get first(): number | undefined {
		while (this.#heap.length > 0 && this.#gone?.has(this.#heap[0]!)) {
			this.#gone.delete(this.#heap[0]!);
			this.#pop();
		}
		return this.#heap[0];
	}

	add(at: number): void {
		if (this.#gone?.has(at)) this.#gone.delete(at);
		else this.#push(at);
	}

	delete(at: number): void {
		(this.#gone ??= new Set()).add(at);
	}

	copy(): Positions {
		return new Positions([...this.#heap], this.#gone && new Set(this.#gone));
	}

	#push(at: number): void {
		const heap = this.#heap;
		let i = heap.push(at) - 1;
		while (i > 0) {
			const parent = (i - 1) >> 1;
			if (heap[parent]! <= at) break;
			heap[i] = heap[parent]!;
			i = parent;
		}
		heap[i] = at;
	}

	#pop(): void {
		const heap = this.#heap;
		const last = heap.pop()!;
		if (heap.length === 0) return;
		let i = 0;
		for (;;) {
			const left = 2 * i + 1;
			if (left >= heap.length) break;
			const child = left + 1 < heap.length && heap[left + 1]! < heap[left]! ? left + 1 : left;
			if (heap[child]! >= last) break;
			heap[i] = heap[child]!;
			i = child;
		}
		heap[i] = last;
	}
}

export const earliest = (positions: (number | undefined)[]) =>
	positions.reduce((first, at) => (at === undefined || (first !== undefined && first <= at) ? first : at), undefined);

// A node of the trie, for the names that begin with the letters on the way to it, the last of
// them its `label`: `ending` holds those that are these letters, `below` all of them. A node is
// made only where a name ends or two names part, so that the trie holds some two nodes a name, not
// one a letter: a letter's node took some hundreds of bytes, and storing an article of a megabyte
// that named persons with first names of a thousand letters took more than a gigabyte.
type Node = {label: string; next: Map<string, Node>; ending: Positions; below: Positions};

const node = (label: string, below = new Positions()): Node => ({label, next: new Map(), ending: new Positions(), below});

// How many of a node's letters `first` has from `i` on.
function shared(label: string, first: string, i: number): number {
	let k = 0;
	while (k < label.length && label[k] === first[i + k]) k++;
	return k;
}

function positionsIn(map: Map<string, Positions>, key: string): Positions {
	let positions = map.get(key);
	if (!positions) map.set(key, (positions = new Positions()));
	return positions;
}

export class FirstNames {
	readonly #root = node('');
	readonly #folded = new Map<string, Positions>();
	// Only the names in which sameWord forgives slips.
	readonly #undoubled = new Map<string, Positions>();

	add(first: string, at: number): void {
		for (const positions of this.#holding(first)) positions.add(at);
	}

	delete(first: string, at: number): void {
		for (const positions of this.#holding(first)) positions.delete(at);
	}

	// The first position whose name compatibleFirstName accepts for `first`.
	find(first: string): number | undefined {
		const found: (number | undefined)[] = [];
		// Names that begin `first` end on the way down its letters; those it begins are below where
		// it ends.
		let at = this.#root;
		for (let i = 0; i < first.length;) {
			const next = at.next.get(first[i]!);
			if (!next) break;
			const k = shared(next.label, first, i);
			if (i + k === first.length) found.push(next.below.first);
			if (k < next.label.length) break;
			i += k;
			at = next;
			if (i < first.length) found.push(at.ending.first);
		}
		const folded = fold(first);
		found.push(this.#folded.get(folded)?.first);
		if (slipsForgiven(folded)) {
			found.push(this.#undoubled.get(wordKey(first))?.first);
			// A swap keeps the length and the digits, so a name it makes has its slips forgiven too.
			for (const swapped of swapsOf(folded)) found.push(this.#folded.get(swapped)?.first);
		}
		return earliest(found);
	}

	// The positions that hold a name: the trie's on the way down its letters (by UTF-16 unit, as
	// startsWith compares), and the maps'.
	#holding(first: string): Positions[] {
		const holding: Positions[] = [];
		let at = this.#root;
		for (let i = 0; i < first.length;) {
			let next = at.next.get(first[i]!);
			if (!next) at.next.set(first[i]!, (next = node(first.slice(i))));
			const k = shared(next.label, first, i);
			if (k < next.label.length) {
				// The name ends or parts from the others within the node's letters: a node for the letters
				// before, above it. Each name below it is longer than those letters, so what the copies
				// cost is at most the letters of the names.
				const above = node(next.label.slice(0, k), next.below.copy());
				next.label = next.label.slice(k);
				above.next.set(next.label[0]!, next);
				at.next.set(first[i]!, (next = above));
			}
			i += k;
			at = next;
			holding.push(at.below);
		}
		holding.push(at.ending);
		const folded = fold(first);
		holding.push(positionsIn(this.#folded, folded));
		if (slipsForgiven(folded)) holding.push(positionsIn(this.#undoubled, wordKey(first)));
		return holding;
	}
}
