import {readFileSync} from 'node:fs';
import {fileURLToPath} from 'node:url';
import {describe, expect, it} from 'vitest';
import {describeJsonError, findObjects, jsonErrorPlace, lineAndColumn, valueEnd} from '../source/store/jsontext.js';

const sample = readFileSync(fileURLToPath(new URL('../data/sample-briefing.json', import.meta.url)), 'utf8');

const parses = (text: string) => {
	try {
		JSON.parse(text);
		return true;
	} catch {
		return false;
	}
};

// A small deterministic generator, so that a failure can be replayed.
function random(seed: number) {
	let state = seed;
	return () => {
		state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
		return state / 2 ** 31;
	};
}

describe('where JSON text stops being JSON', () => {
	it('finds nothing wrong in JSON', () => {
		for (const text of [sample, '0', ' "x" ', '[]', '{}', '[1, -2.5e+3, true, false, null, "a\\u00e9\\n"]', '{"a": {"b": [{}]}}\n']) {
			expect(jsonErrorPlace(text), text.slice(0, 20)).toBeNull();
		}
	});

	it.each([
		['', 'the file is empty'],
		['  \n', 'the file is empty'],
		['{"schemaVersion": 1, "arti', 'it ends in the middle of a value, at line 1, column 27 (the file looks cut short)'],
		['{\n  "a": [1,\n', 'it ends in the middle of a value, at line 3, column 1 (the file looks cut short)'],
		['{"a": 1,}', 'expected a property name in double quotes, found "}" at line 1, column 9'],
		['{"a" 1}', 'expected ":" after a property name, found "1" at line 1, column 6'],
		['[1 2]', 'expected "," or "]" in a list, found "2" at line 1, column 4'],
		['{"a": 1 "b": 2}', 'expected "," or "}" in an object, found """ at line 1, column 9'],
		['{"a": "tab\there"}', 'a control character (U+0009) inside a string at line 1, column 11'],
		['["\\x"]', 'an unknown escape \\x inside a string at line 1, column 3'],
		['[01]', 'expected "," or "]" in a list, found "1" at line 1, column 3'],
		['[tru]', 'unexpected "t" at line 1, column 2'],
		['{}\n{}', 'unexpected "{" after the end of the JSON at line 2, column 1'],
		['\uFEFF{}', 'unexpected U+FEFF at line 1, column 1'],
		['my notes: call Sullivan', 'unexpected "m" at line 1, column 1'],
	])('%j: %s', (text, message) => {
		expect(parses(text)).toBe(false);
		expect(describeJsonError(text, 'fallback')).toBe(message);
	});

	it('agrees with JSON.parse on cut and damaged briefings, and puts a cut at the end', () => {
		const next = random(7);
		let cuts = 0;
		let damaged = 0;
		for (let i = 0; i < 300; i++) {
			const cut = sample.slice(0, Math.floor(next() * sample.length));
			const place = jsonErrorPlace(cut);
			expect(place === null, `cut at ${cut.length}`).toBe(parses(cut));
			if (place && cut.trim()) {
				expect(place.offset).toBe(cut.length);
				cuts++;
			}
			const at = Math.floor(next() * sample.length);
			const bad = sample.slice(0, at) + '{}[],:"\\x0 \n'[Math.floor(next() * 12)]! + sample.slice(at + 1);
			expect(jsonErrorPlace(bad) === null, `changed at ${at}`).toBe(parses(bad));
			if (!parses(bad)) damaged++;
		}
		expect(cuts).toBeGreaterThan(250);
		expect(damaged).toBeGreaterThan(100);
	});

	it('does not overflow the stack on deep nesting', () => {
		const deep = '['.repeat(100_000);
		expect(jsonErrorPlace(deep)!.reason).toBe('nested more than 256 levels deep');
	});

	it('counts lines and columns from 1', () => {
		expect(lineAndColumn('ab\ncd\n', 0)).toEqual({line: 1, column: 1});
		expect(lineAndColumn('ab\ncd\n', 4)).toEqual({line: 2, column: 2});
		expect(lineAndColumn('ab\ncd\n', 6)).toEqual({line: 3, column: 1});
	});
});

describe('whole objects in text that is not JSON', () => {
	it('finds each object by its opening and parses the whole ones', () => {
		const text = JSON.stringify(
			{
				notes: [
					{id: 'n-1', text: 'one'},
					{id: 'n-2', text: 'two'},
					{id: 'n-3', text: 'three'},
				],
			},
			null,
			2,
		);
		const cut = text.slice(0, text.indexOf('three'));
		const found = findObjects(cut, /\{\s*"id"\s*:\s*"n-/g);
		expect(found.map((object) => object.value)).toEqual([{id: 'n-1', text: 'one'}, {id: 'n-2', text: 'two'}, undefined]);
		expect(found[2]).toMatchObject({text: expect.stringContaining('"n-3"')});
		expect(valueEnd(text, text.indexOf('{', 1))).toBe(text.indexOf('}') + 1);
	});

	it('is not fooled by an opening inside a string, where quotes are escaped', () => {
		const text = JSON.stringify([{id: 'a-1', body: '{"id": "a-2"}'}]);
		expect(findObjects(text, /\{\s*"id"\s*:\s*"a-/g).map((object) => object.value)).toEqual([{id: 'a-1', body: '{"id": "a-2"}'}]);
	});
});
