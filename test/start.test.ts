import {readFileSync, statSync, writeFileSync} from 'node:fs';
import {describe, expect, it} from 'vitest';
import {briefingFile, readBriefing, updateBriefing, writeBriefingAt} from '../source/store/db.js';
import {SCHEMA_VERSION, type BriefingData, type StoredEvent} from '../source/store/schema.js';
import {type BriefingStart, readBriefingStart} from '../source/store/start.js';
import {addTwoActorArticle, useTempDir} from './helpers.js';

// Three articles of events, some naming two actors, as ingest stores them.
const add = (n: number) =>
	addTwoActorArticle(
		n,
		Array.from({length: 4}, (_, i) => ({
			text: `Event ${n}.${i}: Jake Sullivan met Andriy Yermak ${'at length '.repeat(i)}on Monday.`,
			actors: i % 2 ? ['Jake Sullivan', 'Andriy Yermak'] : ['Jake Sullivan'],
		})),
		'2024-11-05T00:00:00.000Z',
	);

// Every event: the start's, then the rest's, read `count` at a time.
function allEvents(start: BriefingStart, count: number): StoredEvent[] {
	const events = [...start.data.events];
	for (let slice = start.rest?.next(count); slice; slice = start.rest!.next(count)) events.push(...slice);
	return events;
}

const lists = (data: BriefingData) => ({articles: data.articles, actors: data.actors, events: data.events, quotes: data.quotes});

describe('the start of a briefing, then the rest', () => {
	const tempDir = useTempDir();
	const stored = async () => {
		const dir = tempDir();
		for (const n of [1, 2, 3]) await updateBriefing(dir, add(n));
		return {dir, whole: (await readBriefing(dir))!};
	};

	it('gives the first events with the counts of all, and the rest gives the briefing readBriefing gives', async () => {
		const {dir, whole} = await stored();
		expect(whole.events).toHaveLength(12);
		for (const first of [0, 1, 5, 11, 12, 50]) {
			const start = readBriefingStart(dir, first)!;
			expect(start.data.events).toEqual(whole.events.slice(0, Math.max(first, 0)));
			expect(start.data.quotes).toEqual(whole.quotes);
			expect(start.summary).toEqual({events: 12, actorEvents: {'p-andriy-yermak': 6, 'p-jake-sullivan': 12}});
			expect(start.rest === null, `first ${first}`).toBe(first >= 12);
			expect(lists({...start.data, events: allEvents(start, 1 + (first % 4))})).toEqual(lists(whole));
		}
		// Reads of a few bytes put their ends at every place in the file: within a record, between
		// one and its newline, just before the section's "]".
		for (const chunk of [1, 2, 3, 7, 13, 64, 101, 1000]) {
			const start = readBriefingStart(dir, 3, chunk)!;
			expect(start.data.events, `chunk ${chunk}`).toEqual(whole.events.slice(0, 3));
			expect(allEvents(start, chunk % 5 || 2), `chunk ${chunk}`).toEqual(whole.events);
			expect(start.rest!.next(10), 'once all are read').toBeNull();
		}
		expect(readBriefingStart(tempDir(), 10)).toBeNull();
	});

	it('reads the rest of a briefing of several megabytes in pieces, characters of many bytes and all', async () => {
		const dir = tempDir();
		const article = {
			id: 'a-1',
			key: 'k',
			path: null,
			title: 'T',
			date: '2024-11-01',
			dateAssumed: false,
			source: null,
			url: null,
			byline: null,
			format: 'plain' as const,
			hash: 'h'.repeat(64),
			ingestedAt: '2024-11-01T00:00:00.000Z',
			body: 'Body.',
		};
		const actor = {
			id: 'p-x',
			name: 'X',
			kind: 'person' as const,
			role: null,
			aliases: ['X'],
			sources: [{article: 'a-1', name: 'X', role: null, aliases: [], mentions: []}],
		};
		const events = Array.from({length: 30_000}, (_, i) => ({
			id: `e-${i}`,
			article: 'a-1',
			paragraph: 0,
			start: i,
			end: i + 1,
			actors: ['p-x'],
			date: '2024-11-01',
			datePrecision: 'day' as const,
			dateText: null,
			dateSource: 'article' as const,
			text: `Événement ${i} — Zelenskyy 🇺🇦 a dit « ${'é'.repeat(i % 97)} » à Kyiv.`,
		}));
		await writeBriefingAt(dir, {schemaVersion: SCHEMA_VERSION, articles: [article], actors: [actor], events, quotes: []});
		expect(statSync(briefingFile(dir)).size).toBeGreaterThan(6_000_000);
		const start = readBriefingStart(dir, 10)!;
		expect(start.data.events).toHaveLength(10);
		expect(allEvents(start, 500)).toEqual((await readBriefing(dir))!.events);
	});

	it('reads a briefing without a summary (schema 1, or edited by hand) whole, counting it itself', async () => {
		const {dir, whole} = await stored();
		const text = readFileSync(briefingFile(dir), 'utf8');
		writeFileSync(briefingFile(dir), JSON.stringify({...JSON.parse(text), summary: undefined}, null, 2));
		const start = readBriefingStart(dir, 2)!;
		expect(start.rest).toBeNull();
		expect(lists(start.data)).toEqual(lists(whole));
		expect(start.summary.events).toBe(12);
	});

	it('names the file when the rest cannot be read, and leaves it as it is', async () => {
		const {dir} = await stored();
		const text = readFileSync(briefingFile(dir), 'utf8');
		const damaged = text.replace(/"text":"Event 3\.3/, '"text":Event 3.3');
		expect(damaged).not.toBe(text);
		writeFileSync(briefingFile(dir), damaged);
		const start = readBriefingStart(dir, 2)!;
		expect(start.data.events).toHaveLength(2);
		// Worded as a whole read words it, at the line and column of the damage.
		const line = damaged.split('\n').findIndex((text) => text.includes('"text":Event 3.3')) + 1;
		const column = damaged.split('\n')[line - 1]!.indexOf('Event 3.3') + 1;
		expect(() => allEvents(start, 4)).toThrow(
			`${briefingFile(dir)}: is not valid JSON: unexpected "E" at line ${line}, column ${column}; it was left as it is (briefing doctor explains)`,
		);
		expect(readFileSync(briefingFile(dir), 'utf8')).toBe(damaged);
		// A file cut short inside the events, in a record or just after one.
		for (const end of [text.indexOf('Event 3.2'), text.indexOf('\n', text.indexOf('Event 3.2')) + 1]) {
			writeFileSync(briefingFile(dir), text.slice(0, end));
			expect(() => allEvents(readBriefingStart(dir, 2)!, 3)).toThrow(
				/briefing\.json: is not valid JSON: it ends in the middle of a value, at line \d+, column \d+ \(the file looks cut short\); it was left as it is/,
			);
		}
		// A record of the wrong shape is named by its place among all the events.
		const misshapen = text.replace('"text":"Event 2.1', '"text":21,"was":"Event 2.1');
		expect(misshapen).not.toBe(text);
		writeFileSync(briefingFile(dir), misshapen);
		expect(() => allEvents(readBriefingStart(dir, 2)!, 2)).toThrow(
			`${briefingFile(dir)}: is not a briefing (events[5].text is not a string); it was left as it is (briefing doctor explains)`,
		);
		// A start that does not parse gets the message of a whole read.
		writeFileSync(briefingFile(dir), text.replace('"title":"Article 1"', '"title":Article 1'));
		expect(() => readBriefingStart(dir, 2)).toThrow(
			/briefing\.json: is not valid JSON: unexpected "A" at line \d+, column \d+; it was left as it is/,
		);
	});
});
