import {describe, expect, it} from 'vitest';
import {emptyBriefing} from '../source/store/db.js';
import {newActorId} from '../source/store/actors.js';
import {articleHash, articleId, ingestArticle} from '../source/store/merge.js';
import type {BriefingData, FullBriefing} from '../source/store/schema.js';
import type {Extraction} from '../source/types.js';
import {extraction} from './helpers.js';

// The raw text stands in for the file: a different extraction means a different file.
const ingest = (data: FullBriefing, key: string, ex: Extraction) =>
	ingestArticle(data, {extraction: ex, hash: articleHash(JSON.stringify(ex)), key, path: key, ingestedAt: '2024-11-01T00:00:00.000Z'});

const zelenskyy = {name: 'Volodymyr Zelenskyy', aliases: ['Zelenskyy'], role: 'President'};

const first = extraction({
	actors: [zelenskyy, {name: 'Ukraine', kind: 'country', aliases: ['Ukrainian']}],
	events: [
		{text: 'Zelenskyy spoke to Yoon.', actors: ['Volodymyr Zelenskyy']},
		{text: 'Troops moved to Kursk.', actors: ['Ukraine'], date: '2024-10-21', precision: 'week'},
		{text: 'Zelenskyy wrote on Telegram.', actors: ['Volodymyr Zelenskyy', 'Ukraine']},
	],
	quotes: [{text: 'There is only one conclusion', speaker: 'Volodymyr Zelenskyy'}],
});

describe('ingestArticle', () => {
	it('adds an article with ids derived from its key and sentences', () => {
		const {data, outcome} = ingest(emptyBriefing(), '/news/a.txt', first);
		expect(outcome).toMatchObject({status: 'added', actors: 2, events: 3, quotes: 1});
		expect(data.articles.map((a) => a.id)).toEqual([articleId('/news/a.txt')]);
		expect(data.actors.map((a) => a.id)).toEqual(['c-ukraine', 'p-volodymyr-zelenskyy']);
		expect(data.events.map((e) => e.text)).toEqual(['Troops moved to Kursk.', 'Zelenskyy spoke to Yoon.', 'Zelenskyy wrote on Telegram.']);
		expect(data.events[2]!.actors).toEqual(['p-volodymyr-zelenskyy', 'c-ukraine']);
		expect(data.quotes[0]!.speaker).toBe('p-volodymyr-zelenskyy');
		expect(data.events.every((e) => /^e-[0-9a-f]{10}$/.test(e.id))).toBe(true);
	});

	it('changes nothing when the same file is ingested again', () => {
		const once = ingest(emptyBriefing(), '/news/a.txt', first).data;
		const twice = ingest(once, '/news/a.txt', first);
		expect(twice.outcome.status).toBe('unchanged');
		expect(twice.data).toBe(once);
	});

	it('replaces only the edited article, keeping its place and the ids of unchanged sentences', () => {
		const other = extraction({
			title: 'Other',
			actors: [{name: 'Jake Sullivan'}],
			events: [{text: 'Sullivan met Yermak.', actors: ['Jake Sullivan']}],
		});
		let data = ingest(emptyBriefing(), '/news/a.txt', first).data;
		data = ingest(data, '/news/b.txt', other).data;
		const before = data;
		const edited = extraction({
			actors: [zelenskyy],
			events: [
				{text: 'Zelenskyy spoke to Yoon.', actors: ['Volodymyr Zelenskyy']},
				{text: 'Troops moved to Kursk region.', actors: ['Volodymyr Zelenskyy']},
				{text: 'Zelenskyy wrote on Telegram.', actors: ['Volodymyr Zelenskyy']},
			],
		});
		const {data: after, outcome} = ingest(data, '/news/a.txt', edited);
		expect(outcome).toMatchObject({status: 'updated', events: 3, quotes: 0, actors: 1});
		expect(after.articles.map((a) => a.key)).toEqual(['/news/a.txt', '/news/b.txt']);
		const ids = (d: BriefingData, text: string) => d.events.find((e) => e.text === text)?.id;
		expect(ids(after, 'Zelenskyy spoke to Yoon.')).toBe(ids(before, 'Zelenskyy spoke to Yoon.'));
		expect(ids(after, 'Zelenskyy wrote on Telegram.')).toBe(ids(before, 'Zelenskyy wrote on Telegram.'));
		expect(ids(after, 'Troops moved to Kursk.')).toBeUndefined();
		// The other article's items are untouched; Ukraine, which only the old version named, is gone.
		expect(after.events.find((e) => e.text === 'Sullivan met Yermak.')).toEqual(
			before.events.find((e) => e.text === 'Sullivan met Yermak.'),
		);
		expect(after.actors.map((a) => a.id)).toEqual(['p-jake-sullivan', 'p-volodymyr-zelenskyy']);
		expect(after.quotes).toEqual([]);
	});

	it('gives a sentence the article repeats a different id each time', () => {
		const ex = extraction({events: [{text: 'Sirens sounded.'}, {text: 'Sirens sounded.'}]});
		const {data} = ingest(emptyBriefing(), '/news/a.txt', ex);
		expect(new Set(data.events.map((e) => e.id)).size).toBe(2);
	});

	it('keeps events in date order across articles', () => {
		let data = ingest(emptyBriefing(), '/a', extraction({date: '2024-10-29', events: [{text: 'Late.'}]})).data;
		data = ingest(data, '/b', extraction({date: '2024-10-29', events: [{text: 'Early.', date: '2014-01-01', precision: 'year'}]})).data;
		expect(data.events.map((e) => e.text)).toEqual(['Early.', 'Late.']);
	});
});

describe('merging actors across articles', () => {
	const names = (data: BriefingData) => data.actors.map((a) => `${a.id} ${a.name}`);

	it('merges one person named in two spellings and keeps the longest name', () => {
		let data = ingest(emptyBriefing(), '/a', extraction({actors: [{name: 'Volodymyr Zelensky'}]})).data;
		data = ingest(data, '/b', extraction({actors: [zelenskyy]})).data;
		data = ingest(data, '/c', extraction({actors: [{name: 'ZELENSKYY'}]})).data;
		expect(names(data)).toEqual(['p-volodymyr-zelensky Volodymyr Zelenskyy']);
		const [actor] = data.actors;
		expect(actor!.aliases).toEqual(['Volodymyr Zelensky', 'Volodymyr Zelenskyy', 'ZELENSKYY', 'Zelenskyy']);
		expect(actor!.role).toBe('President');
		expect(actor!.sources.map((s) => s.article)).toEqual([articleId('/a'), articleId('/b'), articleId('/c')]);
	});

	it('does not merge two people who only share a surname', () => {
		let data = ingest(emptyBriefing(), '/a', extraction({actors: [{name: 'John Smith', aliases: ['Smith']}]})).data;
		data = ingest(data, '/b', extraction({actors: [{name: 'Jane Smith', aliases: ['Smith']}]})).data;
		expect(names(data)).toEqual(['p-jane-smith Jane Smith', 'p-john-smith John Smith']);
		// A bare "Smith" could be either of them, so it joins neither.
		data = ingest(data, '/c', extraction({actors: [{name: 'Smith'}]})).data;
		expect(names(data)).toEqual(['p-jane-smith Jane Smith', 'p-john-smith John Smith', 'p-smith Smith']);
	});

	it('merges a surname with the only person who has it', () => {
		let data = ingest(emptyBriefing(), '/a', extraction({actors: [{name: 'Jake Sullivan'}, {name: 'Andriy Yermak'}]})).data;
		data = ingest(data, '/b', extraction({actors: [{name: 'Sullivan'}]})).data;
		expect(names(data)).toEqual(['p-andriy-yermak Andriy Yermak', 'p-jake-sullivan Jake Sullivan']);
		// And the other way round: a full name joins the surname stored before it.
		data = ingest(emptyBriefing(), '/b', extraction({actors: [{name: 'Sullivan'}]})).data;
		data = ingest(data, '/a', extraction({actors: [{name: 'Jake Sullivan'}]})).data;
		expect(names(data)).toEqual(['p-sullivan Jake Sullivan']);
	});

	it('merges initials and short first names but not different first names', () => {
		let data = ingest(emptyBriefing(), '/a', extraction({actors: [{name: 'Jake Sullivan'}]})).data;
		data = ingest(data, '/b', extraction({actors: [{name: 'J. Sullivan'}]})).data;
		data = ingest(data, '/c', extraction({actors: [{name: 'Mary Sullivan'}]})).data;
		expect(names(data)).toEqual(['p-jake-sullivan Jake Sullivan', 'p-mary-sullivan Mary Sullivan']);
	});

	it('merges a short first name, an initial or a slip in the first name into the first person it may be, among many of the surname', () => {
		const sullivans = ['Mary', 'Jake', 'Jakob', 'Alexander', 'Anna', 'Tom'].map((first) => ({name: `${first} Sullivan`}));
		let data = ingest(emptyBriefing(), '/a', extraction({actors: sullivans})).data;
		const later = ['J. Sullivan', 'Jak Sullivan', 'Aelxander Sullivan', 'Ana Sullivan', 'Thomas Sullivan', 'Sullivan'];
		data = ingest(data, '/b', extraction({actors: later.map((name) => ({name}))})).data;
		expect(data.actors.map((a) => `${a.name}: ${a.aliases.join(', ')}`)).toEqual([
			'Alexander Sullivan: Aelxander Sullivan, Alexander Sullivan',
			'Ana Sullivan: Ana Sullivan',
			'Anna Sullivan: Anna Sullivan',
			'Jake Sullivan: J. Sullivan, Jak Sullivan, Jake Sullivan',
			'Jakob Sullivan: Jakob Sullivan',
			'Mary Sullivan: Mary Sullivan',
			'Sullivan: Sullivan',
			'Thomas Sullivan: Thomas Sullivan',
			'Tom Sullivan: Tom Sullivan',
		]);
	});

	it('merges countries and organisations on a shared alias, never across kinds', () => {
		let data = ingest(emptyBriefing(), '/a', extraction({actors: [{name: 'United States', kind: 'country', aliases: ['US']}]})).data;
		data = ingest(
			data,
			'/b',
			extraction({
				actors: [
					{name: 'US', kind: 'country'},
					{name: 'Jordan', kind: 'country'},
					{name: 'Jordan', kind: 'person'},
				],
			}),
		).data;
		expect(names(data)).toEqual(['c-jordan Jordan', 'c-united-states United States', 'p-jordan Jordan']);
	});

	it('numbers ids whose slug is taken', () => {
		expect(newActorId('person', 'John Smith', new Set(['p-john-smith', 'p-john-smith-2']))).toBe('p-john-smith-3');
		expect(newActorId('place', 'Kyiv', new Set())).toBe('l-kyiv');
		expect(newActorId('organization', '北约', new Set())).toMatch(/^o-[0-9a-f]{8}$/);
	});
});
