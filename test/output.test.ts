import {Writable} from 'node:stream';
import {describe, expect, it} from 'vitest';
import {dateLabel, preciseDate} from '../source/output/dates.js';
import {jsonArrayText, jsonObjectText, jsonText, toExtractJson} from '../source/output/json.js';
import {sanitize} from '../source/output/sanitize.js';
import {SAMPLE_NOTICE, actorsText, eventsText, quotesText, renderIngestOutcome} from '../source/output/text.js';
import {writeChunked} from '../source/output/write.js';
import {emptyBriefing} from '../source/store/db.js';
import {articleHash, ingestArticle} from '../source/store/merge.js';
import type {Extraction} from '../source/types.js';
import {extraction} from './helpers.js';

const briefingOf = (ex: Extraction) =>
	ingestArticle(emptyBriefing(), {extraction: ex, hash: articleHash('raw'), key: 'k', path: null, ingestedAt: 'now'}).data;

// A listing as a command writes it: its pieces, one after another.
const renderActors = (...args: Parameters<typeof actorsText>) => [...actorsText(...args)].join('');
const renderEvents = (...args: Parameters<typeof eventsText>) => [...eventsText(...args)].join('');
const renderQuotes = (...args: Parameters<typeof quotesText>) => [...quotesText(...args)].join('');

describe('sanitize', () => {
	it('removes escape sequences, control characters and bidi overrides but keeps tabs and newlines', () => {
		const hostile = 'a\x1b[31mred\x1b[0m\x1b]0;title\x07b\x1b]8;;http://x\x1b\\c\x07\x08\r\u009b\u202eevil\u2066\u2069\td\ne';
		expect(sanitize(hostile)).toBe('aredbcevil\td\ne');
	});

	it('leaves ordinary text alone', () => {
		const text = 'Zelenskyy — “quoted” Kyiv/Київ, 3,000 troops';
		expect(sanitize(text)).toBe(text);
	});
});

describe('dates', () => {
	it('shows a date as precisely as it is known', () => {
		expect(preciseDate('2024-10-29', 'day')).toBe('2024-10-29');
		expect(preciseDate('2024-10-23', 'week')).toBe('2024-10-23');
		expect(preciseDate('2024-10-01', 'month')).toBe('2024-10');
		expect(preciseDate('2014-01-01', 'year')).toBe('2014');
		expect(dateLabel('2024-10-23', 'week')).toBe('week of 2024-10-21');
		expect(dateLabel('2024-10-21', 'week')).toBe('week of 2024-10-21');
		expect(dateLabel('2014-01-01', 'year')).toBe('2014');
	});
});

const ex = extraction({
	title: 'Talks',
	actors: [
		{name: 'Volodymyr Zelenskyy', aliases: ['Zelenskyy']},
		{name: 'Ukraine', kind: 'country'},
	],
	events: [
		{text: 'Zelenskyy spoke.', actors: ['Volodymyr Zelenskyy', 'Ukraine']},
		{text: 'Troops arrived last week.', date: '2024-10-23', precision: 'week'},
		{text: 'The war began in 2014.', date: '2014-01-01', precision: 'year', actors: ['Ukraine']},
	],
	quotes: [
		{text: 'We will win', speaker: 'Volodymyr Zelenskyy'},
		{text: 'Unsourced', speaker: undefined},
	],
});

describe('toExtractJson', () => {
	it('follows the extract --json contract: names instead of keys, dates as precise as known', () => {
		const json = toExtractJson(ex);
		expect(json.article).toMatchObject({title: 'Talks', date: '2024-10-29'});
		expect(json.actors[0]).toMatchObject({name: 'Volodymyr Zelenskyy', kind: 'person', aliases: ['Zelenskyy']});
		expect(json.events.map((e) => [e.date, e.actors])).toEqual([
			['2024-10-29', ['Volodymyr Zelenskyy', 'Ukraine']],
			['2024-10-23', []],
			['2014', ['Ukraine']],
		]);
		expect(json.quotes.map((q) => q.speaker)).toEqual(['Volodymyr Zelenskyy', null]);
	});

	it('escapes invisible and bidi characters in JSON without changing the data', () => {
		const text = jsonText({s: 'a\u202eb\u0085c'});
		expect(text).toBe('{\n  "s": "a\\u202eb\\u0085c"\n}\n');
		expect(JSON.parse(text)).toEqual({s: 'a\u202eb\u0085c'});
	});

	it('gives an array item by item as jsonText gives it whole', () => {
		const items = [{a: 1, b: {c: ['x\u2028', null], d: {}}, e: []}, {s: 'line\nnext\u202e'}];
		expect([...jsonArrayText(items)].join('')).toBe(jsonText(items));
		expect([...jsonArrayText([items[0]!])].join('')).toBe(jsonText([items[0]]));
		expect([...jsonArrayText([])].join('')).toBe(jsonText([]));
	});

	it('gives an object with its arrays item by item as jsonText gives it whole', () => {
		const value = {
			article: {title: 'T\u202e', url: null, nested: [1, {a: []}]},
			none: [],
			empty: {},
			gone: undefined,
			events: [{text: 'line\nnext', actors: ['A', 'B']}, {text: 'x\u2028', actors: []}, undefined],
			count: 3,
		};
		expect([...jsonObjectText(value)].join('')).toBe(jsonText(value));
		expect([...jsonObjectText({})].join('')).toBe(jsonText({}));
		expect([...jsonObjectText(toExtractJson(ex))].join('')).toBe(jsonText(toExtractJson(ex)));
	});
});

describe('writeChunked', () => {
	it('writes the pieces in chunks, waiting for a full stream to drain', async () => {
		const chunks: string[] = [];
		let waits = 0;
		const out = new Writable({
			highWaterMark: 1024,
			write(chunk: Buffer, _encoding, done) {
				chunks.push(chunk.toString());
				setImmediate(done);
			},
		});
		out.on('drain', () => waits++);
		const pieces = Array.from({length: 20000}, (_, i) => `piece ${i}\n`);
		await writeChunked(pieces, out);
		expect(chunks.join('')).toBe(pieces.join(''));
		expect(chunks.length).toBeGreaterThan(1);
		expect(chunks.length).toBeLessThan(10);
		expect(waits).toBe(chunks.length);
	});
});

describe('text output', () => {
	const data = briefingOf(ex);

	it('groups events under date headings in date order', () => {
		expect(renderEvents(data, data.events)).toBe(
			[
				'2014',
				'  - The war began in 2014.',
				'    Ukraine',
				'',
				'week of 2024-10-21',
				'  - Troops arrived last week.',
				'',
				'2024-10-29',
				'  - Zelenskyy spoke.',
				'    Volodymyr Zelenskyy · Ukraine',
				'',
			].join('\n'),
		);
	});

	it('lists actors by kind and quotes with their speaker', () => {
		expect(renderActors(data, data.actors)).toBe(
			['People', '  Volodymyr Zelenskyy · also Zelenskyy · 1 event, 1 quote', '', 'Countries', '  Ukraine · 2 events', ''].join('\n'),
		);
		expect(renderQuotes(data, data.quotes)).toContain('“We will win”\n  — Volodymyr Zelenskyy, 2024-10-29 · Talks\n');
		expect(renderQuotes(data, data.quotes)).toContain('— unattributed,');
	});

	it('strips terminal escapes that came from an article', () => {
		const hostile = briefingOf(extraction({events: [{text: 'Hi\x1b]0;pwned\x07 there\u202e.'}]}));
		expect(renderEvents(hostile, hostile.events)).not.toMatch(/[\x1b\x07\u202e]/);
	});

	it('has a notice for the sample briefing', () => {
		expect(SAMPLE_NOTICE).toBe('Sample briefing — ingest your own with: briefing ingest FILE...');
	});
});

describe('the ingest line', () => {
	it('cuts a title of megabytes to one readable line, without splitting a character', () => {
		const article = {title: `${'🙂'.repeat(100)}${'word '.repeat(1_000_000)}`, date: '2024-10-29', dateAssumed: false};
		const line = renderIngestOutcome('long.txt', {status: 'added', article, actors: 1, events: 2, quotes: 0} as Parameters<
			typeof renderIngestOutcome
		>[1]);
		expect(line.length).toBeLessThan(400);
		expect(line).toMatch(/^added long\.txt: 1 actor, 2 events, 0 quotes · "🙂{100}(word ){3}word…" \(2024-10-29\)\n$/u);
	});
});
