import {existsSync, readFileSync} from 'node:fs';
import {fileURLToPath} from 'node:url';
import {describe, expect, it} from 'vitest';
import {extract} from '../../source/ingest/index.js';

const seedPath = fileURLToPath(new URL('../../data/sample-article.txt', import.meta.url));

describe.skipIf(!existsSync(seedPath))('the seed article (data/sample-article.txt)', () => {
	const result = extract(readFileSync(seedPath, 'utf8'), {fallbackDate: '2000-01-01'});
	const named = (key: string | null) => result.actors.find((a) => a.key === key)?.name ?? null;

	it('reads the date from the seed format', () => {
		expect(result.article.date).toBe('2024-10-29');
		expect(result.article.dateAssumed).toBe(false);
	});

	it('finds every person once, with aliases and roles merged', () => {
		const people = result.actors.filter((a) => a.kind === 'person').map((a) => a.name);
		expect(people.sort()).toEqual(['Andriy Yermak', 'Jake Sullivan', 'Pat Ryder', 'Volodymyr Zelenskyy', 'Yoon Suk Yeol']);
		const zelenskyy = result.actors.find((a) => a.name === 'Volodymyr Zelenskyy')!;
		expect(zelenskyy.role).toBe('President');
		expect(zelenskyy.aliases).toEqual(
			expect.arrayContaining(['Zelenskyy', 'Ukrainian President Volodymyr Zelenskyy', 'The Ukrainian president']),
		);
		expect(result.actors.find((a) => a.name === 'Pat Ryder')!.role).toBe('spokesman Major General');
		expect(result.actors.find((a) => a.name === 'Yoon Suk Yeol')!.aliases).toContain('Yoon');
	});

	it('counts demonyms, capitals and "the North" as mentions of the country', () => {
		const northKorea = result.actors.find((a) => a.name === 'North Korea')!;
		expect(northKorea.kind).toBe('country');
		expect(northKorea.aliases).toEqual(expect.arrayContaining(['North Korean', 'Pyongyang', 'North']));
		expect(result.actors.find((a) => a.name === 'Ukraine')!.aliases).toContain('Kiev');
		expect(result.actors.map((a) => a.name)).not.toContain('Washington');
	});

	it('attributes both quotes to their speakers', () => {
		const quotes = result.quotes.map((q) => [q.text, named(q.speaker)]);
		expect(quotes).toEqual([
			['relatively small number', 'Pat Ryder'],
			[
				'There is only one conclusion — this war is internationalised and goes beyond the borders of Ukraine and Russia',
				'Volodymyr Zelenskyy',
			],
		]);
	});

	it('puts "last week" in the week before the article date, "on Tuesday" on the Tuesday', () => {
		const warned = result.events.find((e) => e.text.includes('warned last week'))!;
		expect(warned.date).toMatchObject({date: '2024-10-22', precision: 'week', text: 'last week', source: 'relative'});
		const spoke = result.events.find((e) => e.text.startsWith('Zelenskyy said on Tuesday'))!;
		expect(spoke.date).toMatchObject({date: '2024-10-29', precision: 'day'});
		expect(spoke.actors.map(named)).toEqual(expect.arrayContaining(['Volodymyr Zelenskyy', 'Yoon Suk Yeol']));
	});

	it('skips the sub-heading and keeps evidence offsets that point at the sentence', () => {
		expect(result.events.some((e) => e.text.includes('Surge of arms deliveries'))).toBe(false);
		for (const e of result.events) expect(result.article.body.slice(e.start, e.end)).toBe(e.text);
		for (const a of result.actors)
			for (const m of a.mentions) expect(result.article.body.slice(m.start, m.end)).toContain(m.text.split(' ').at(-1));
	});
});
