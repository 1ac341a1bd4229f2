import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {feedDay, looksLikeFeed, parseFeedItems} from '../../source/ingest/feed.js';
import {extract} from '../../source/ingest/index.js';
import {root} from '../cli-helpers.js';

const feed = (name: string) => readFileSync(join(root, 'test/fixtures/web', name), 'utf8');

describe('feeds', () => {
	it('reads an RSS 2.0 feed: content:encoded before the description, guid, day as written, dc:creator', () => {
		const items = parseFeedItems(feed('wire.rss'));
		expect(items.map(({id, item}) => [id, item.title, item.date, item.url, item.byline, item.outlet])).toEqual([
			[
				'nw-2025-0225-0041',
				'Sundmark council backs evening grid tariff',
				'2025-02-25',
				'https://nordicwire.example/2025/02/25/grid-tariff',
				'Hanne Vik',
				'Nordic Wire Service',
			],
			[
				'https://nordicwire.example/2025/03/16/ferries-resume',
				'Tarvik ferries resume after storm',
				'2025-03-16',
				'https://nordicwire.example/2025/03/16/ferries-resume',
				null,
				'Nordic Wire Service',
			],
			[
				'https://nordicwire.example/2025/03/17/rail',
				'Brief: Kessvik rail line reopens',
				'2025-03-17',
				'https://nordicwire.example/2025/03/17/rail',
				null,
				'Nordic Wire Service',
			],
		]);
		expect(items[0]!.item.html).toContain('<p>The regional council in Sundmark voted 31 to 18');
	});

	it('reads an Atom feed: content, else summary; published, else updated; a title of type html as words', () => {
		const items = parseFeedItems(feed('desk.atom'));
		expect(items.map(({id, item}) => [id, item.title, item.date, item.url, item.byline])).toEqual([
			[
				'tag:coastalpost.example,2025:local/4411',
				'Harbour fees double in Brenvik',
				'2025-03-15',
				'https://coastalpost.example/local/brenvik-fees',
				'Petra Moen',
			],
			[
				'tag:coastalpost.example,2025:local/4409',
				'Lighthouse keepers honoured',
				'2025-03-12',
				'https://coastalpost.example/local/lighthouse',
				null,
			],
		]);
		expect(items[1]!.item.html).toMatch(/^<p>Two former lighthouse keepers/);
	});

	it("reads a JSON Feed: content_html, else content_text in paragraphs; the feed's authors when an item has none", () => {
		const items = parseFeedItems(feed('notes.json'));
		expect(items.map(({id, item}) => [id, item.date, item.byline, item.outlet])).toEqual([
			['https://notes.example/posts/grid-tariffs', '2025-02-20', 'Jonas Eld', 'Energy Notes'],
			['post-77', '2025-02-26', 'Jonas Eld', 'Energy Notes'],
		]);
		expect(items[1]!.item.html).toBe(
			"<p>The tariff passed. Councillor Aud Fjell said the first bills under it would arrive in November.</p><p>I will follow the regulator's review.</p>",
		);
	});

	it('makes links written relative absolute, against where the feed was fetched, else its own site', () => {
		const rss = (channelLink: string, links: string[]) =>
			`<?xml version="1.0"?><rss version="2.0"><channel><title>Harbour Desk</title><link>${channelLink}</link>` +
			links.map((link, i) => `<item><title>Story ${i}</title><link>${link}</link><description>Text ${i}.</description></item>`).join('') +
			'</channel></rss>';
		const links = ['/2025/05/quay.html', 'ferry.html?day=2', 'https://other.example/a', 'javascript:alert(1)', '//cdn.example/b'];
		const urls = (content: string, url: string | null = null) => parseFeedItems(content, url).map(({item}) => item.url);
		expect(urls(rss('https://harbourdesk.example/news/', links))).toEqual([
			'https://harbourdesk.example/2025/05/quay.html',
			'https://harbourdesk.example/news/ferry.html?day=2',
			'https://other.example/a',
			null,
			'https://cdn.example/b',
		]);
		// Fetched: the feed's own address is the base, as a feed reader takes it.
		expect(urls(rss('https://harbourdesk.example/news/', links), 'https://feeds.harbourdesk.example/local/rss.xml')).toEqual([
			'https://feeds.harbourdesk.example/2025/05/quay.html',
			'https://feeds.harbourdesk.example/local/ferry.html?day=2',
			'https://other.example/a',
			null,
			'https://cdn.example/b',
		]);
		// No base at all: a relative link opens nothing, but it still tells the items apart.
		const bare = parseFeedItems(rss('', links.slice(0, 2)));
		expect(bare.map(({id, item}) => [id, item.url])).toEqual([
			['/2025/05/quay.html', null],
			['ferry.html?day=2', null],
		]);
		const atom =
			'<feed xmlns="http://www.w3.org/2005/Atom"><title>Coast</title><link href="https://coast.example/"/>' +
			'<entry><id>tag:coast.example,2025:1</id><title>Tide</title><link rel="alternate" href="tides/1"/><content>Tide text.</content></entry></feed>';
		expect(urls(atom)).toEqual(['https://coast.example/tides/1']);
		const json = JSON.stringify({
			version: 'https://jsonfeed.org/version/1.1',
			title: 'Notes',
			home_page_url: 'https://notes.example/blog/',
			items: [{id: 'p1', url: 'posts/1', content_text: 'A note.'}],
		});
		expect(urls(json)).toEqual(['https://notes.example/blog/posts/1']);
	});

	it('extracts an item through the HTML path: no script, caption, navigation or related box', () => {
		const [first] = parseFeedItems(feed('wire.rss'));
		const extraction = extract('', {fallbackDate: '2020-01-01', item: first!.item});
		expect(extraction.article).toMatchObject({
			format: 'feed',
			date: '2025-02-25',
			dateAssumed: false,
			source: 'Nordic Wire Service',
			byline: 'Hanne Vik',
		});
		expect(extraction.article.body.split('\n\n')).toHaveLength(3);
		expect(extraction.article.body).not.toMatch(/alert|Nils Aas|</);
		const brenvik = parseFeedItems(feed('desk.atom'))[0]!.item;
		expect(extract('', {fallbackDate: '2020-01-01', item: brenvik}).article.body).not.toContain('Related');
	});

	it('gives the day a date is written on, in RFC 822 or ISO 8601', () => {
		expect(feedDay('Tue, 25 Feb 2025 23:10:00 +0100')).toBe('2025-02-25');
		expect(feedDay('3 Mar 25 08:00 GMT')).toBe('2025-03-03');
		expect(feedDay('2025-03-15T08:00:00+01:00')).toBe('2025-03-15');
		expect(feedDay('Tue, 31 Feb 2025 10:00:00 GMT')).toBeNull();
		expect(feedDay('yesterday')).toBeNull();
		expect(feedDay(undefined)).toBeNull();
	});

	it('is found by content', () => {
		for (const name of ['wire.rss', 'desk.atom', 'notes.json', 'empty.rss']) expect(looksLikeFeed(feed(name)), name).toBe(true);
		expect(looksLikeFeed('{"title": "not a feed"}')).toBe(false);
		expect(looksLikeFeed(feed('blog.html'))).toBe(false);
		expect(looksLikeFeed('<?xml version="1.0"?><svg></svg>')).toBe(false);
	});

	it('refuses a feed with no items, items without text, and a feed that is not well formed', () => {
		expect(() => parseFeedItems(feed('empty.rss'))).toThrow('is a feed with no items');
		expect(() =>
			parseFeedItems('<rss version="2.0"><channel><title>T</title><item><title>Only a title</title></item></channel></rss>'),
		).toThrow('is a feed whose items have no text');
		expect(() => parseFeedItems('<rss version="2.0"></rss>')).toThrow('is not a feed that can be read (Invalid feed format)');
		expect(() => parseFeedItems('{"version": "https://jsonfeed.org/version/1.1", "items": 3}')).toThrow(
			/^is not a feed that can be read \(/,
		);
	});
});
