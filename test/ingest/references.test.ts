import {describe, expect, it} from 'vitest';
import {extract} from '../../source/ingest/index.js';

// Sentences written for these tests; none comes from the evaluation set.
function actorsOfEvents(body: string): string[][] {
	const result = extract(`date 2023-05-10 ${body}`, {fallbackDate: '2000-01-01'});
	const name = (key: string) => result.actors.find((a) => a.key === key)?.name ?? key;
	return result.events.map((e) => e.actors.map(name));
}

describe('event actors named by reference', () => {
	it('resolves a pronoun anywhere in the sentence to the last person named as a subject', () => {
		const [, second] = actorsOfEvents('Nora Quist founded the bakery in Oslo. In 1999, at age twenty, she sold it.');
		expect(second).toContain('Nora Quist');
	});

	it('resolves "it" and "the company" to the organisation the account is about, not one named in passing', () => {
		const events = actorsOfEvents(
			'Tallow Industries said today it would close a plant in Asia. It also plans to sell its shipping arm. The company employs 900 people.',
		);
		expect(events[1]).toContain('Tallow Industries');
		expect(events[2]).toContain('Tallow Industries');
	});

	it('reads a pronoun as the actor named before it in its own sentence, and a name after a preposition as no subject', () => {
		const events = actorsOfEvents(
			'At the Harbour Board on Monday, spokesman Ivo Lund said ferries were late. Norway warned that it could close ports. The Norwegian premier Kari Dahl said she would wait.',
		);
		expect(events[1]).not.toContain('Harbour Board');
		expect(events[2]).not.toContain('Ivo Lund');
	});

	it('takes no actor from an "it" that stands for the clause after it', () => {
		const [, second] = actorsOfEvents('Tallow Industries opened a depot. It is likely that prices will rise.');
		expect(second).not.toContain('Tallow Industries');
	});

	it('resolves "the festival" to the last actor whose name or description ends in that noun', () => {
		const events = actorsOfEvents(
			"The Marlow Kite Festival opened on Saturday. The festival drew 3,000 visitors.\n\nThe county's main hospital, Fernhill Clinic, reopened. Nurses praised the hospital.",
		);
		expect(events[1]).toContain('Marlow Kite Festival');
		expect(events[3]).toContain('Fernhill Clinic');
	});

	it('lets a name qualify the head noun of the description', () => {
		const events = actorsOfEvents('The Marlow Kite Festival opened on Saturday. Started in 1980, the Marlow summer festival draws crowds.');
		expect(events[1]).toContain('Marlow Kite Festival');
	});

	it('takes a description that introduces a name for that name, not for the one before', () => {
		const events = actorsOfEvents('Tallow Industries cut prices. The regional carrier, Bluefin Air, added flights.');
		expect(events[1]).not.toContain('Tallow Industries');
	});

	it("brings in the organisation named in a person's title", () => {
		const events = actorsOfEvents('Tallow Industries cut prices. "We had to," said Tallow Industries CEO Rita Moss.');
		expect(events[1]).toEqual(expect.arrayContaining(['Rita Moss', 'Tallow Industries']));
	});
});
