import {type ActorEntry, searchTerms} from './briefingIndex.js';

// Where the cursor goes in the Actors pane while a name is typed into its search: on the actor
// the name is most likely to be, so that Enter selects it. The pane lists every actor the search
// matches, by number of events; among them an actor whose name (or an alias) is what was typed
// comes first, then one whose name starts with it, then one with a word that starts with it
// (typing "korea" lands on "Korea" rather than "North Korea" when both are there). Ties keep the
// pane's order.

const folded = (name: string) => searchTerms(name).join(' ');

function rank(entry: ActorEntry, query: string): number {
	let best = 3;
	for (const name of entry.names) {
		const text = folded(name);
		if (text === query) return 0;
		if (text.startsWith(query)) best = Math.min(best, 1);
		else if (text.includes(` ${query}`)) best = Math.min(best, 2);
	}
	return best;
}

export function bestActor(actors: readonly ActorEntry[], search: string): number {
	const query = folded(search);
	if (!query) return -1;
	let best = -1;
	let bestRank = 4;
	for (let i = 0; i < actors.length && bestRank > 0; i++) {
		const r = rank(actors[i]!, query);
		if (r < bestRank) [best, bestRank] = [i, r];
	}
	return best;
}
