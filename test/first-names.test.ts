import {describe, expect, it} from 'vitest';
import {FirstNames} from '../source/store/first-names.js';
import {compatibleFirstName} from '../source/store/names.js';
import {random} from './random.js';

// Short forms, initials, doubled and swapped letters, short names and names with digits (where
// sameWord forgives no slip), accents, letters outside the BMP, and words as long as a swap is
// forgiven in and one letter longer.
const NAMES = ['j', 'jo', 'john', 'johnny', 'jonh', 'johhn', 'ojhn', 'jo1hn', 'jo1nh', 'alexander', 'aelxander', 'alexxander', 'alexandre'];
NAMES.push('alex', 'anna', 'ana', 'annna', 'ann', 'maria', 'mraia', 'maarria', 'é', 'e', 'zoë', 'zoe', 'a𝒷cde', 'ab𝒸de', '𝒷acde', 'a');
for (const letters of [62, 63]) NAMES.push(`${'q'.repeat(letters)}ab`, `${'q'.repeat(letters)}ba`);

describe('the first names of the persons who share a surname', () => {
	it('give the first stored one compatibleFirstName accepts, as comparing with each would, as names come and go', () => {
		for (let seed = 1; seed <= 300; seed++) {
			const next = random(seed);
			const pick = () => NAMES[Math.floor(next() * NAMES.length)]!;
			const index = new FirstNames();
			const stored = new Map<number, string>();
			for (let step = 0; step < 40; step++) {
				const at = Math.floor(next() * 24);
				const old = stored.get(at);
				if (old === undefined) {
					const name = pick();
					index.add(name, at);
					stored.set(at, name);
				} else {
					index.delete(old, at);
					stored.delete(at);
				}
				const first = pick();
				const accepted = [...stored].flatMap(([position, name]) => (compatibleFirstName(name, first) ? [position] : []));
				expect(index.find(first), `seed ${seed}, step ${step}: ${first}`).toBe(accepted.length ? Math.min(...accepted) : undefined);
			}
		}
	});
});
