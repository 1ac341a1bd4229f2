import {describe, expect, it} from 'vitest';
import {emptyBriefing} from '../source/store/db.js';
import {articleHash, ingestArticle} from '../source/store/merge.js';
import {countsByActor, eventsOf, findActors, quotesOf} from '../source/store/queries.js';
import {extraction} from './helpers.js';

const ex = extraction({
	actors: [
		{name: 'Volodymyr Zelenskyy', aliases: ['Zelenskyy']},
		{name: 'North Korea', kind: 'country'},
		{name: 'South Korea', kind: 'country'},
		{name: 'Recep Tayyip Erdoğan'},
	],
	events: [
		{text: 'Zelenskyy spoke.', actors: ['Volodymyr Zelenskyy']},
		{text: 'Seoul warned Pyongyang.', actors: ['South Korea', 'North Korea']},
	],
	quotes: [{text: 'We will win', speaker: 'Volodymyr Zelenskyy'}],
});
const data = ingestArticle(emptyBriefing(), {extraction: ex, hash: articleHash('raw'), key: 'k', path: null, ingestedAt: 'now'}).data;

describe('findActors', () => {
	const find = (name: string) => findActors(data, name).map((actor) => actor.name);

	it('finds by name or alias, ignoring case and accents', () => {
		expect(find('zelenskyy')).toEqual(['Volodymyr Zelenskyy']);
		expect(find('VOLODYMYR ZELENSKYY')).toEqual(['Volodymyr Zelenskyy']);
		expect(find('recep tayyip erdogan')).toEqual(['Recep Tayyip Erdoğan']);
	});

	it('falls back to whole words of names', () => {
		expect(find('korea')).toEqual(['North Korea', 'South Korea']);
		expect(find('kor')).toEqual([]);
		expect(find('  ')).toEqual([]);
	});
});

describe('eventsOf, quotesOf', () => {
	it('select what involves any of the actors', () => {
		const korea = new Set(findActors(data, 'korea').map((actor) => actor.id));
		expect(eventsOf(data, korea).map((event) => event.text)).toEqual(['Seoul warned Pyongyang.']);
		expect(quotesOf(data, korea)).toEqual([]);
		expect(quotesOf(data, new Set(['p-volodymyr-zelenskyy'])).map((quote) => quote.text)).toEqual(['We will win']);
	});
});

describe('countsByActor', () => {
	it('gives every actor the counts eventsOf and quotesOf would, in one pass', () => {
		const counts = countsByActor(data);
		for (const actor of data.actors) {
			expect(counts.events.get(actor.id) ?? 0).toBe(eventsOf(data, new Set([actor.id])).length);
			expect(counts.quotes.get(actor.id) ?? 0).toBe(quotesOf(data, new Set([actor.id])).length);
		}
	});

	it('counts an event naming an actor twice once', () => {
		const [first] = data.events;
		const twice = {...data, events: [{...first!, actors: [first!.actors[0]!, first!.actors[0]!]}]};
		expect(countsByActor(twice).events.get(first!.actors[0]!)).toBe(1);
	});
});
