import {spawnSync} from 'node:child_process';
import {copyFileSync, existsSync, readFileSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {useTempDir} from './helpers.js';
import {buildBeforeAll, cli, cliEnv, root} from './cli-helpers.js';

// Web pages, feeds, URLs and folders through the built bundle, as a user ingests them.
buildBeforeAll();

export const fixture = (name: string) => join(root, 'test/fixtures/web', name);

describe('ingest of web pages', () => {
	const tempDir = useTempDir();
	const run = (args: string[]) => {
		const result = spawnSync(process.execPath, [cli, ...args], {encoding: 'utf8', env: cliEnv(tempDir())});
		return {status: result.status, stdout: result.stdout, stderr: result.stderr};
	};

	it('ingests a saved page with its own date and outlet, and no markup in any name', () => {
		const dir = tempDir();
		const ingested = run(['ingest', fixture('gazette.html'), '--dir', dir]);
		expect([ingested.status, ingested.stderr]).toEqual([0, '']);
		expect(ingested.stdout).toMatch(
			/^added .*gazette\.html: \d+ actors, \d+ events, \d+ quotes · "Tarvik port halts ferries as storm closes the strait" \(2025-03-14\)\n$/,
		);
		const actors = run(['actors', '--dir', dir]).stdout;
		expect(actors).toContain('Maren Lunde');
		expect(actors).not.toMatch(/[<>]|DOCTYPE|footer|Gazette|Pollux|Halvard/);
		const briefing = JSON.parse(run(['--json', '--dir', dir]).stdout) as {articles: Array<Record<string, unknown>>};
		expect(briefing.articles[0]).toMatchObject({
			format: 'html',
			date: '2025-03-14',
			dateAssumed: false,
			source: 'Harbour Gazette',
			url: 'https://harbour-gazette.example/2025/03/tarvik-ferries',
			byline: 'Ingrid Solvang',
			key: 'https://harbour-gazette.example/2025/03/tarvik-ferries',
		});
		const events = run(['events', '--dir', dir]).stdout;
		expect(events).toMatch(/^2025-03-1\d/m);
		expect(events).not.toMatch(/[<>]/);
	});

	it('reads a page saved without an .html name by its content', () => {
		const dir = tempDir();
		const saved = join(tempDir(), 'saved-page');
		copyFileSync(fixture('blog.html'), saved);
		expect(run(['ingest', saved, '--dir', dir]).stdout).toMatch(/^added .*saved-page: .*\(2025-02-20\)\n$/);
	});

	it('refuses a page with no story, and a binary file named .html, in one line each, storing nothing', () => {
		const dir = tempDir();
		const binary = join(tempDir(), 'photo.html');
		writeFileSync(binary, Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46, 0, 1]));
		const result = run(['ingest', fixture('index-page.html'), binary, '--dir', dir]);
		expect(result.status).toBe(1);
		expect(result.stdout).toBe('');
		expect(result.stderr.split('\n').filter(Boolean)).toEqual([
			`briefing: ${fixture('index-page.html')}: is an HTML page with no article text (nothing on it reads as a story)`,
			`briefing: ${binary}: looks like binary data, not text`,
		]);
		expect(existsSync(join(dir, 'briefing.json'))).toBe(false);
	});
});

describe('ingest of feeds', () => {
	const tempDir = useTempDir();
	const run = (args: string[]) => {
		const result = spawnSync(process.execPath, [cli, ...args], {encoding: 'utf8', env: cliEnv(tempDir())});
		return {status: result.status, stdout: result.stdout, stderr: result.stderr};
	};
	const lines = (text: string) => text.split('\n').filter(Boolean);
	type Article = {key: string; title: string; date: string; format: string; source: string | null; url: string | null; hash: string};
	const articles = (dir: string) => (JSON.parse(run(['--json', '--dir', dir]).stdout) as {articles: Article[]}).articles;

	it('adds every item of an RSS, an Atom and a JSON feed as an article with its own title, day and link', () => {
		const dir = tempDir();
		const result = run(['ingest', fixture('wire.rss'), fixture('desk.atom'), fixture('notes.json'), '--dir', dir]);
		expect([result.status, result.stderr]).toEqual([0, '']);
		expect(lines(result.stdout).map((line) => /^(\w+) .*\/(\S+): .*"(.*)" \((.*)\)$/.exec(line)!.slice(1))).toEqual([
			['added', 'wire.rss', 'Sundmark council backs evening grid tariff', '2025-02-25'],
			['added', 'wire.rss', 'Tarvik ferries resume after storm', '2025-03-16'],
			['added', 'wire.rss', 'Brief: Kessvik rail line reopens', '2025-03-17'],
			['added', 'desk.atom', 'Harbour fees double in Brenvik', '2025-03-15'],
			['added', 'desk.atom', 'Lighthouse keepers honoured', '2025-03-12'],
			['added', 'notes.json', 'Why the grid tariff vote matters', '2025-02-20'],
			['added', 'notes.json', 'After the vote', '2025-02-26'],
		]);
		const stored = articles(dir);
		expect(stored.map((article) => [article.key, article.format, article.source])).toEqual([
			['nw-2025-0225-0041', 'feed', 'Nordic Wire Service'],
			['https://nordicwire.example/2025/03/16/ferries-resume', 'feed', 'Nordic Wire Service'],
			['https://nordicwire.example/2025/03/17/rail', 'feed', 'Nordic Wire Service'],
			['tag:coastalpost.example,2025:local/4411', 'feed', 'The Coastal Post — Local'],
			['tag:coastalpost.example,2025:local/4409', 'feed', 'The Coastal Post — Local'],
			['https://notes.example/posts/grid-tariffs', 'feed', 'Energy Notes'],
			['post-77', 'feed', 'Energy Notes'],
		]);
		expect(stored[0]!.url).toBe('https://nordicwire.example/2025/02/25/grid-tariff');
		const actors = run(['actors', '--dir', dir]).stdout;
		expect(actors).toContain('Maren Lunde');
		expect(actors).not.toMatch(/[<>]|CDATA|alert/);
	});

	it('adds only the new and the changed items when a feed is ingested again', () => {
		const dir = tempDir();
		const copy = join(tempDir(), 'wire.rss');
		copyFileSync(fixture('wire.rss'), copy);
		expect(run(['ingest', copy, '--dir', dir]).status).toBe(0);
		const before = articles(dir);
		const again = run(['ingest', copy, '--dir', dir]);
		expect(lines(again.stdout).map((line) => line.split(' ')[0])).toEqual(['unchanged', 'unchanged', 'unchanged']);
		// One item edited, one new at the top, as a feed changes between two reads.
		const newItem =
			'<item><title>Kessvik bridge vote set</title><guid>nw-2025-0318-0007</guid><pubDate>Tue, 18 Mar 2025 10:00:00 +0100</pubDate><description>The county council in Kessvik will vote on the bridge plan on 2 April, its chair Rune Holm said on Tuesday.</description></item>';
		const edited = readFileSync(copy, 'utf8')
			.replace('<item>', `${newItem}\n<item>`)
			.replace('after crews cleared fallen trees from the track', 'after crews cleared three fallen trees from the track');
		writeFileSync(copy, edited);
		const third = run(['ingest', copy, '--dir', dir]);
		expect([third.status, third.stderr]).toEqual([0, '']);
		expect(lines(third.stdout).map((line) => line.split(' ')[0])).toEqual(['added', 'unchanged', 'unchanged', 'updated']);
		const after = articles(dir);
		expect(after).toHaveLength(4);
		expect(after.slice(0, 2)).toEqual(before.slice(0, 2));
		expect(after[2]!.hash).not.toBe(before[2]!.hash);
	});

	it('refuses a feed with no items in one line, storing nothing from it', () => {
		const dir = tempDir();
		const result = run(['ingest', fixture('empty.rss'), '--dir', dir]);
		expect(result).toEqual({status: 1, stdout: '', stderr: `briefing: ${fixture('empty.rss')}: is a feed with no items\n`});
		expect(existsSync(join(dir, 'briefing.json'))).toBe(false);
	});

	it('extract shows every item of a feed, as a list in JSON', () => {
		const result = run(['extract', fixture('desk.atom'), '--json']);
		expect(result.status).toBe(0);
		const items = JSON.parse(result.stdout) as Array<{article: {title: string; format: string}}>;
		expect(items.map((item) => [item.article.title, item.article.format])).toEqual([
			['Harbour fees double in Brenvik', 'feed'],
			['Lighthouse keepers honoured', 'feed'],
		]);
	});
});
