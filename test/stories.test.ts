import {spawnSync} from 'node:child_process';
import {join} from 'node:path';
import {describe, expect, it, vi} from 'vitest';
import {SAME_EVENT, contentWords, quoteKey, similarity} from '../source/ingest/similar.js';
import {briefingFile, emptyBriefing, readBriefing, writeBriefingAt} from '../source/store/db.js';
import {articleHash, ingestArticle} from '../source/store/merge.js';
import type {FullBriefing} from '../source/store/schema.js';
import {readPairs, scores} from '../scripts/bench/stories.js';
import {buildBeforeAll, cli, cliEnv, root} from './cli-helpers.js';
import {extraction, useTempDir} from './helpers.js';

// One item per story across outlets (store/stories.ts): the same event or quote told by several
// articles is one item with several sources.

const add = (data: FullBriefing, key: string, spec: Parameters<typeof extraction>[0], raw = key) =>
	ingestArticle(data, {extraction: extraction(spec), hash: articleHash(raw), key, path: key, ingestedAt: '2025-03-14T00:00:00.000Z'}).data;

const WIRE = 'The port authority in Tarvik suspended every ferry crossing on Thursday after a storm closed the strait to shipping.';
const EDITED = 'The port authority in Tarvik suspended all ferry crossings on Thursday after a storm closed the strait to shipping.';
const OTHER = 'The port authority in Tarvik restarted the ferry crossings on Sunday after the storm over the strait had passed.';

describe('the similarity of two sentences', () => {
	it('on the pairs of test/fixtures/stories/pairs.tsv: precision and recall at the threshold', () => {
		const pairs = readPairs(root);
		expect(pairs.filter((pair) => pair.same)).toHaveLength(35);
		expect(pairs.filter((pair) => !pair.same)).toHaveLength(35);
		const {precision, recall} = scores(pairs, (a, b) => similarity(contentWords(a), contentWords(b)), SAME_EVENT);
		// Measured: precision 0.92, recall 0.97 (scripts/bench/stories.ts).
		expect(precision).toBeGreaterThanOrEqual(0.9);
		expect(recall).toBeGreaterThanOrEqual(0.95);
	});

	it('ignores case, accents, punctuation and how figures are written; figures that disagree keep sentences apart', () => {
		expect(quoteKey('“We will NOT send a boat,” she said…')).toBe(quoteKey('"We will not send a boat" - she said'));
		expect(
			similarity(contentWords('Shares fell 12% on Monday in Zürich.'), contentWords('Shares fell 12 per cent on Monday in Zurich')),
		).toBe(1);
		expect(similarity(contentWords('About 3,000 people left.'), contentWords('About 3000 people left.'))).toBe(1);
		expect(similarity(contentWords('The ministry reported 212 new cases.'), contentWords('The ministry reported 98 new cases.'))).toBe(0);
	});
});

describe('one item per story', () => {
	it('makes a republished or lightly edited event sentence one event with both sources, and keeps others apart', () => {
		let data = add(emptyBriefing(), '/a.html', {
			date: '2025-03-14',
			actors: [{name: 'Tarvik', kind: 'place'}],
			events: [{text: WIRE, actors: ['Tarvik']}],
		});
		data = add(data, '/b.html', {
			date: '2025-03-15',
			actors: [{name: 'Maren Lunde'}],
			events: [{text: EDITED, actors: ['Maren Lunde']}, {text: OTHER}],
		});
		expect(data.events).toHaveLength(2);
		const [merged] = data.events.filter((event) => event.sources);
		expect(merged!.text).toBe(WIRE);
		expect(merged!.sources!.map((source) => [source.article, source.text])).toEqual([
			[data.articles[0]!.id, WIRE],
			[data.articles[1]!.id, EDITED],
		]);
		// The actors of every telling.
		expect(merged!.actors.map((id) => data.actors.find((actor) => actor.id === id)!.name).sort()).toEqual(['Maren Lunde', 'Tarvik']);
		expect(data.events.find((event) => !event.sources)!.text).toBe(OTHER);
	});

	it('keeps two sentences of one article apart, and an event a week away apart', () => {
		let data = add(emptyBriefing(), '/a', {events: [{text: WIRE}, {text: WIRE}]});
		expect(data.events).toHaveLength(2);
		data = add(data, '/b', {date: '2025-04-20', events: [{text: WIRE, date: '2025-04-20'}]});
		expect(data.events).toHaveLength(3);
		expect(data.events.every((event) => !event.sources)).toBe(true);
	});

	it('makes the same quote, punctuation and case aside, one quote card with both sources, its speaker from either', () => {
		let data = add(emptyBriefing(), '/a', {quotes: [{text: 'We will not send a single boat out until the wind drops below gale force'}]});
		data = add(data, '/b', {
			actors: [{name: 'Maren Lunde'}],
			quotes: [{text: 'We will not send a single boat out until the wind drops below gale force!', speaker: 'Maren Lunde'}],
		});
		expect(data.quotes).toHaveLength(1);
		expect(data.quotes[0]!.sources).toHaveLength(2);
		expect(data.actors.find((actor) => actor.id === data.quotes[0]!.speaker)?.name).toBe('Maren Lunde');
		// Said by someone else, the same words are another quote.
		data = add(data, '/c', {
			actors: [{name: 'Ola Brun'}],
			quotes: [{text: 'We will not send a single boat out until the wind drops below gale force', speaker: 'Ola Brun'}],
		});
		expect(data.quotes).toHaveLength(2);
	});

	it('keeps the item and its id when the first article changes, told by the others; adds it back as a source', () => {
		let data = add(emptyBriefing(), '/a', {events: [{text: WIRE}]}, 'v1');
		data = add(data, '/b', {events: [{text: EDITED}]});
		data = add(data, '/c', {events: [{text: WIRE}]});
		const id = data.events[0]!.id;
		expect(data.events[0]!.sources).toHaveLength(3);
		// The first article now says something else: the event stays, told by the other two.
		data = add(data, '/a', {events: [{text: 'Nobody was hurt in the storm, the police said on Friday.'}]}, 'v2');
		const kept = data.events.find((event) => event.id === id)!;
		expect(kept.text).toBe(EDITED);
		expect(kept.sources!.map((source) => source.article)).toEqual([data.articles[1]!.id, data.articles[2]!.id]);
		expect(data.events).toHaveLength(2);
		// And back: it joins the event again, which keeps its id.
		data = add(data, '/a', {events: [{text: WIRE}]}, 'v3');
		expect(data.events).toHaveLength(1);
		expect(data.events[0]!.id).toBe(id);
		expect(data.events[0]!.sources).toHaveLength(3);
	});

	it('gives the same briefing whether articles are ingested one at a time or from a fresh start', () => {
		const specs = [WIRE, EDITED, OTHER, WIRE].map((text, i): [string, Parameters<typeof extraction>[0]] => [
			`/${i}`,
			{events: [{text}], quotes: [{text: `Quote number ${i % 2}`}]},
		]);
		let stepwise = emptyBriefing();
		for (const [key, spec] of specs) stepwise = add(stepwise, key, spec);
		// From the same start again, without the index the first run kept.
		let fresh = structuredClone(emptyBriefing());
		for (const [key, spec] of specs) fresh = add(structuredClone(fresh), key, spec);
		expect(fresh).toEqual(stepwise);
		expect(stepwise.events.map((event) => event.sources?.length ?? 1)).toEqual([3, 1]);
	});
});

describe('the work of one item per story', () => {
	// A long article's sentences share most of their words (a live blog, a transcript): none of them
	// is a candidate for another, since no item is told twice by one article. What grows with the
	// square of the length is the candidates looked at, each put in a set: so the sets' additions
	// are counted, not a clock.
	const WORDS = 'ferry crossings council harbour strait storm boats port ministry Tarvik Brenvik resumed suspended'.split(' ');
	const longArticle = (count: number) => ({
		date: '2025-03-14',
		events: Array.from({length: count}, (_, i) => ({
			text: `The ${WORDS[i % 13]} ${WORDS[(i * 7) % 13]} ${WORDS[(i * 5 + 3) % 13]} ${WORDS[(i * 3 + 1) % 13]} ${WORDS[(i * 11 + 2) % 13]} item ${i}.`,
		})),
	});
	const additions = (count: number) => {
		const spy = vi.spyOn(Set.prototype, 'add');
		const data = add(emptyBriefing(), '/long.md', longArticle(count));
		const calls = spy.mock.calls.length;
		spy.mockRestore();
		expect(data.events).toHaveLength(count);
		return calls;
	};

	it('grows with the length of an article, not its square', () => {
		const small = additions(500);
		const large = additions(2000);
		expect(large).toBeLessThanOrEqual(small * 4.5);
	});
});

describe('stored sources', () => {
	const tempDir = useTempDir();

	it('refuses a briefing.json whose sources are not sources, naming the item', async () => {
		const dir = tempDir();
		let data = add(emptyBriefing(), '/a', {events: [{text: WIRE}]});
		data = add(data, '/b', {events: [{text: WIRE}]});
		await writeBriefingAt(dir, {...data, events: [{...data.events[0]!, sources: [1, 2] as never}]});
		await expect(readBriefing(dir)).rejects.toThrow(`${briefingFile(dir)}: is not a briefing (events[0].sources is not a list of sources)`);
	});
});

describe('sources through the CLI', () => {
	buildBeforeAll();
	const tempDir = useTempDir();
	const fixture = (name: string) => join(root, 'test/fixtures/web', name);
	const run = (args: string[]) => spawnSync(process.execPath, [cli, ...args], {encoding: 'utf8', env: cliEnv(tempDir())});

	it('tells one story from two outlets once, keeps a note on an item when a source joins it, and lists every source in --json', () => {
		const dir = tempDir();
		expect(run(['ingest', fixture('gazette.html'), '--dir', dir]).status).toBe(0);
		type Event = {id: string; text: string; sources: Array<{outlet: string; date: string; url: string; text: string}>};
		const before = JSON.parse(run(['events', '--json', '--dir', dir]).stdout) as Event[];
		const suspended = before.find((event) => event.text.startsWith('The port authority in Tarvik suspended'))!;
		expect(run(['note', 'add', '--event', suspended.id, 'Check the gust figure', '--dir', dir]).status).toBe(0);

		const second = run(['ingest', fixture('coastal.html'), '--dir', dir]);
		expect([second.status, second.stderr]).toEqual([0, '']);
		const after = JSON.parse(run(['events', '--json', '--dir', dir]).stdout) as Event[];
		expect(after).toHaveLength(before.length);
		const merged = after.find((event) => event.id === suspended.id)!;
		expect(merged.sources.map(({outlet, date, url}) => [outlet, date, url])).toEqual([
			['Harbour Gazette', '2025-03-14', 'https://harbour-gazette.example/2025/03/tarvik-ferries'],
			['The Coastal Post', '2025-03-14', 'https://coastalpost.example/news/storm-tarvik-ferries'],
		]);
		expect(merged.sources[1]!.text).toMatch(/^The port authority in Tarvik suspended all ferry crossings/);
		const notes = run(['notes', '--dir', dir]).stdout;
		expect(notes).toContain('Check the gust figure');
		expect(notes).not.toContain('detached');
		expect(run(['events', '--dir', dir]).stdout).toContain('2 outlets');
		const quotes = JSON.parse(run(['quotes', '--json', '--dir', dir]).stdout) as Array<{text: string; sources: unknown[]}>;
		expect(quotes.find((quote) => quote.text.startsWith('We will not send'))!.sources).toHaveLength(2);
	});
});
