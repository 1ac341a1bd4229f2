import {describe, expect, it} from 'vitest';
import {type BriefingIndex, buildIndex, searchable, shortName} from '../../source/ui/briefingIndex.js';
import {createViews, cursorIndex, matcher} from '../../source/ui/views.js';
import {sampleBriefing, scaledBriefing} from './data.js';

const noSearch = {actors: '', feed: '', quotes: ''};

describe('the index and the views of the sample briefing', () => {
	const index = buildIndex(sampleBriefing(), true);
	const views = createViews(index);

	it('sorts actors by events, then by name, and gives them short names', () => {
		expect(index.actors.slice(0, 5).map((entry) => [entry.actor.name, entry.events])).toEqual([
			['North Korea', 7],
			['Ukraine', 7],
			['Volodymyr Zelenskyy', 5],
			['Russia', 3],
			['Jake Sullivan', 2],
		]);
		const short = (id: string) => shortName(index.actorById.get(id)!.actor);
		expect([short('p-volodymyr-zelenskyy'), short('p-yoon-suk-yeol'), short('c-united-states'), short('c-north-korea')]).toEqual([
			'Zelenskyy',
			'Yoon',
			'US',
			'North Korea',
		]);
	});

	it('filters the feed and quotes to the items of any selected actor, in order', () => {
		const one = views({filter: ['p-pat-ryder'], search: noSearch});
		expect(one.feed.items.map((p) => index.feed[p]!.text.slice(0, 15))).toEqual(['At the Pentagon']);
		expect(one.quotes.map((p) => index.quotes[p]!.speaker)).toEqual(['p-pat-ryder']);
		const two = views({filter: ['p-pat-ryder', 'p-andriy-yermak'], search: noSearch});
		expect(two.feed.items).toEqual([...two.feed.items].sort((a, b) => a - b));
		expect(two.feed.items).toHaveLength(2);
		expect(Array.from({length: two.feed.rowCount}, (_, r) => two.feed.row(r)!.kind)).toEqual(['heading', 'event', 'event']);
	});

	it('searches every word, ignoring case and accents, in sentences and actor names', () => {
		expect(views({filter: [], search: {...noSearch, feed: 'KURSK pentagon'}}).feed.items).toHaveLength(1);
		expect(views({filter: [], search: {...noSearch, feed: 'Telegram'}}).feed.items).toHaveLength(1);
		expect(views({filter: [], search: {...noSearch, actors: 'kiev'}}).actors.map((e) => e.actor.name)).toEqual(['Ukraine']);
		expect(matcher('Zélénskyy, NORTH')).toEqual(['zelenskyy', 'north']);
		expect(matcher('  ')).toBeNull();
	});

	it('memoises each list on its inputs', () => {
		const query = {filter: ['p-volodymyr-zelenskyy'], search: noSearch};
		const first = views(query);
		expect(views({filter: ['p-volodymyr-zelenskyy'], search: {...noSearch}}).feed).toBe(first.feed);
		expect(views({filter: ['p-volodymyr-zelenskyy'], search: {...noSearch, actors: 'x'}}).feed).toBe(first.feed);
	});

	it('keeps recent searches, so Backspace finds the same items without searching again', () => {
		const fresh = createViews(index);
		const feed = (search: string, filter: string[] = []) => fresh({filter, search: {...noSearch, feed: search}}).feed.items;
		const typed = ['t', 'te', 'tel'].map((search) => feed(search));
		expect(feed('te')).toBe(typed[1]);
		expect(feed('t')).toBe(typed[0]);
		expect(feed('te')).toEqual(createViews(index)({filter: [], search: {...noSearch, feed: 'te'}}).feed.items);
		// A different actor filter is a different search.
		expect(feed('te', ['p-volodymyr-zelenskyy'])).not.toBe(typed[1]);
	});

	it('keeps the cursor on its item when the list changes, else at its place', () => {
		const all = views({filter: [], search: noSearch});
		const filtered = views({filter: ['p-volodymyr-zelenskyy'], search: noSearch});
		const said = index.feed.findIndex((event) => event.text.startsWith('Zelenskyy said'));
		expect(cursorIndex(index, filtered, 'feed', {index: said, id: index.feed[said]!.id})).toBe(1);
		expect(cursorIndex(index, filtered, 'feed', {index: 7, id: index.feed[7]!.id.replace(/.$/, '?')})).toBe(4);
		expect(cursorIndex(index, all, 'feed', {index: 1, id: index.feed[1]!.id})).toBe(1);
	});
});

describe('search over folded and not yet folded texts', () => {
	// The scaled sample, with a few sentences in capitals and with accents.
	const data = scaledBriefing(3000);
	data.events[5] = {...data.events[5]!, text: 'Le PRÉSIDENT Zélensky à Kyiv, selon le Pentagone'};
	data.events[2900] = {...data.events[2900]!, text: 'ÉTÉ: Yoon Suk Yeol SPOKE in Seoul'};
	// Plain (searched as they are) and not (a capital inside a word).
	data.events[7] = {...data.events[7]!, text: 'Talks in Kyiv — “urgent”, envoy’s 1358 Ukrainian notes'};
	data.events[8] = {...data.events[8]!, text: 'The US envoy McCain met NATO chiefs in KyivTalks'};
	const queries = [
		'zelensky',
		'ZÉL',
		'president kyiv',
		'pentagon',
		'k',
		'ete yoon',
		'sullivan',
		'kursk pentagon',
		'yermak said',
		'nothing-like-this',
	].concat(['alks', 'talks kyiv', 'urgent 1358', 'envoy s', 'ukrainian', 'cain', 'mccain', 'ato', 'vtalks', 'us']);
	const filter = ['p-volodymyr-zelenskyy', 'p-yoon-suk-yeol'];

	// What a search finds, written out plainly: every term in the folded sentence or in a name.
	function expected(index: BriefingIndex, query: string, actors: readonly string[]): number[] {
		const terms = matcher(query)!;
		const selected = new Set(actors);
		return index.feed.flatMap((event, position) => {
			if (actors.length && !event.actors.some((id) => selected.has(id))) return [];
			const names = event.actors.flatMap((id) => index.actorById.get(id)!.names);
			return terms.every((term) => searchable(event.text).includes(term) || names.some((name) => name.includes(term))) ? [position] : [];
		});
	}
	const search = (views: ReturnType<typeof createViews>, query: string, actors: readonly string[]) => [
		...views({filter: actors, search: {...noSearch, feed: query}}).feed.items,
	];

	it('finds the same items before, while and after the texts are folded in idle time', async () => {
		// Never folded: a filtered search reads scattered positions, folded on the fly.
		const fresh = buildIndex(data);
		for (const query of queries) expect(search(createViews(fresh), query, filter)).toEqual(expected(fresh, query, filter));
		for (const query of queries) expect(search(createViews(fresh), query, [])).toEqual(expected(fresh, query, []));

		const folded = buildIndex(data);
		const cancel = folded.prepareInIdle();
		for (let i = 0; i < 100; i++) await new Promise((resolve) => setImmediate(resolve));
		cancel();
		for (const query of queries) {
			expect(search(createViews(folded), query, [])).toEqual(expected(folded, query, []));
			expect(search(createViews(folded), query, filter)).toEqual(expected(folded, query, filter));
		}
		expect(search(createViews(folded), 'president kyiv', [])).toContain(5);
		expect(search(createViews(folded), 'mccain ato vtalks', [])).toEqual([8]);
		expect(search(createViews(folded), 'alks urgent', [])).toEqual([7]);
		expect(search(createViews(folded), 'ete yoon', [])).toContain(2900);
	});

	it('looks items up by id before, while and after the lookups are filled in idle time', async () => {
		const index = buildIndex(data);
		const last = index.feed.length - 1;
		expect(index.eventPosition.get(index.feed[last]!.id)).toBe(last);
		expect(index.eventPosition.get('e-none')).toBeUndefined();
		const idle = buildIndex(data);
		const cancel = idle.prepareInIdle();
		await new Promise((resolve) => setImmediate(resolve));
		expect(idle.quotePosition.get(idle.quotes[0]!.id)).toBe(0);
		for (let i = 0; i < 100; i++) await new Promise((resolve) => setImmediate(resolve));
		cancel();
		index.feed.forEach((event, position) => expect(idle.eventPosition.get(event.id)).toBe(position));
	});

	it('searches quotes by their text and speaker the same way once folded', async () => {
		const index = buildIndex(data);
		const before = ['zelensky', 'K', 'sullivan said'].map(
			(query) => createViews(index)({filter: [], search: {...noSearch, quotes: query}}).quotes,
		);
		const cancel = index.prepareInIdle();
		for (let i = 0; i < 100; i++) await new Promise((resolve) => setImmediate(resolve));
		cancel();
		const after = ['zelensky', 'K', 'sullivan said'].map(
			(query) => createViews(index)({filter: [], search: {...noSearch, quotes: query}}).quotes,
		);
		expect(after).toEqual(before);
		expect(before[1]!.length).toBeGreaterThan(0);
	});
});

// How fast is measured by `npm run bench`, not here: this checks what a large briefing lists.
describe('views of 100,000 events', () => {
	it('filter and search them as a plain scan of every event does, before and after the search texts are prepared', () => {
		const data = scaledBriefing(100_000);
		const index = buildIndex(data);
		const filtered = createViews(index)({filter: ['p-pat-ryder'], search: noSearch});
		expect(filtered.feed.items).toHaveLength(12_500);
		expect(filtered.feed.items.every((position) => index.feed[position]!.actors.includes('p-pat-ryder'))).toBe(true);
		// A scan of each event's sentence and its actors' names, in the order typed.
		const scan = (query: string) =>
			index.feed.flatMap((event, position) => {
				const names = event.actors.flatMap((id) => index.actorById.get(id)!.names);
				return matcher(query)!.every((term) => searchable(event.text).includes(term) || names.some((name) => name.includes(term)))
					? [position]
					: [];
			});
		const typed = ['p', 'pe', 'pen', 'pent', 'penta', 'pentag', 'pe', 'kyiv'];
		const before = createViews(index);
		const found = typed.map((query) => [...before({filter: [], search: {...noSearch, feed: query}}).feed.items]);
		index.prepare();
		const after = createViews(index);
		typed.forEach((query, i) => {
			const expected = scan(query);
			expect(found[i], query).toEqual(expected);
			expect([...after({filter: [], search: {...noSearch, feed: query}}).feed.items], query).toEqual(expected);
		});
		expect(found[0]!.length).toBeGreaterThan(found[5]!.length);
	});
});
