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

// Positions in the list of stored actors, in its order, so that the first is at hand.
class Positions {
	readonly #sorted: number[] = [];

	get first(): number | undefined {
		return this.#sorted[0];
	}

	add(at: number): void {
		this.#sorted.splice(this.#place(at), 0, at);
	}

	delete(at: number): void {
		this.#sorted.splice(this.#place(at), 1);
	}

	// Where `at` is, or would go.
	#place(at: number): number {
		let lo = 0;
		let hi = this.#sorted.length;
		while (lo < hi) {
			const mid = (lo + hi) >> 1;
			if (this.#sorted[mid]! < at) lo = mid + 1;
			else hi = mid;
		}
		return lo;
	}
}

export const earliest = (positions: (number | undefined)[]) =>
	positions.reduce((first, at) => (at === undefined || (first !== undefined && first <= at) ? first : at), undefined);

// A node of the trie, for the names that begin with the letters on the way to it: `ending` holds
// those that are these letters, `below` all of them.
type Node = {next: Map<string, Node>; ending: Positions; below: Positions};

const node = (): Node => ({next: new Map(), ending: new Positions(), below: new Positions()});

function positionsIn(map: Map<string, Positions>, key: string): Positions {
	let positions = map.get(key);
	if (!positions) map.set(key, (positions = new Positions()));
	return positions;
}

export class FirstNames {
	readonly #root = node();
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
		// Names that begin `first` end on the way down its letters; those it begins are below its end.
		let at = this.#root;
		for (let i = 0; i < first.length; i++) {
			const next = at.next.get(first[i]!);
			if (!next) break;
			at = next;
			found.push(i + 1 < first.length ? at.ending.first : at.below.first);
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
		for (let i = 0; i < first.length; i++) {
			let next = at.next.get(first[i]!);
			if (!next) at.next.set(first[i]!, (next = node()));
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
