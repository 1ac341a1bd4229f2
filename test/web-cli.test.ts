import {spawn, spawnSync} from 'node:child_process';
import {type IncomingMessage, type ServerResponse, createServer} from 'node:http';
import type {AddressInfo} from 'node:net';
import {copyFileSync, existsSync, readFileSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
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

describe('ingest of URLs, from a server on 127.0.0.1 that the test starts', () => {
	const tempDir = useTempDir();
	const agents: string[] = [];
	let base = '';
	const page = readFileSync(fixture('gazette.html'));
	const routes: Record<string, (request: IncomingMessage, response: ServerResponse) => void> = {
		'/story': (_, response) => response.writeHead(200, {'content-type': 'text/html; charset=utf-8'}).end(page),
		'/moved': (_, response) => response.writeHead(301, {location: '/story'}).end(),
		'/feed': (_, response) => response.writeHead(200, {'content-type': 'application/rss+xml'}).end(readFileSync(fixture('wire.rss'))),
		'/desk/rss': (_, response) =>
			response
				.writeHead(200, {'content-type': 'application/rss+xml'})
				.end(
					'<?xml version="1.0"?><rss version="2.0"><channel><title>Quay Desk</title><link>https://quaydesk.example/</link>' +
						'<item><title>Quay works start</title><link>../2025/quay.html</link><description>Work on the quay in Brenvik began on Monday.</description></item>' +
						'</channel></rss>',
				),
		// A feed served as text/html still reads as a feed, by its content.
		'/atom-as-html': (_, response) => response.writeHead(200, {'content-type': 'text/html'}).end(readFileSync(fixture('desk.atom'))),
		'/latin1': (_, response) =>
			response
				.writeHead(200, {'content-type': 'text/html; charset=iso-8859-1'})
				.end(
					Buffer.from(
						'<html><head><title>Caf\xe9</title></head><body><article><p>The caf\xe9 owners in Gen\xe8ve met the mayor on Monday to talk about the new terrace rules.</p></article></body></html>',
						'latin1',
					),
				),
		'/image': (_, response) => response.writeHead(200, {'content-type': 'image/png'}).end(Buffer.from([0x89, 0x50, 0x4e, 0x47])),
		'/huge': (_, response) => {
			response.writeHead(200, {'content-type': 'text/html'});
			const chunk = Buffer.alloc(1024 * 1024, 'a');
			const more = () => {
				while (!response.destroyed && response.write(chunk));
				if (!response.destroyed) response.once('drain', more);
			};
			more();
		},
		'/slow': () => undefined, // never answers
	};
	const server = createServer((request, response) => {
		agents.push(request.headers['user-agent'] ?? '');
		const route = routes[request.url ?? ''];
		if (route) route(request, response);
		else response.writeHead(404, {'content-type': 'text/html'}).end('<html><body><p>No such page.</p></body></html>');
	});
	beforeAll(async () => {
		await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
		base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	});
	afterAll(async () => {
		server.closeAllConnections();
		await new Promise((resolve) => server.close(resolve));
	});
	// Asynchronous, so that the server in this process answers while the command runs.
	const run = (args: string[]) =>
		new Promise<{status: number | null; stdout: string; stderr: string}>((resolve) => {
			const child = spawn(process.execPath, [cli, ...args], {env: cliEnv(tempDir())});
			let stdout = '';
			let stderr = '';
			child.stdout.on('data', (data: Buffer) => (stdout += data.toString()));
			child.stderr.on('data', (data: Buffer) => (stderr += data.toString()));
			child.on('close', (status) => resolve({status, stdout, stderr}));
		});

	it('fetches a page, following a redirect, with a user agent naming briefing and its version', async () => {
		const dir = tempDir();
		const result = await run(['ingest', `${base}/moved`, '--dir', dir]);
		expect([result.status, result.stderr]).toEqual([0, '']);
		expect(result.stdout).toMatch(
			new RegExp(`^added ${base}/moved: .*"Tarvik port halts ferries as storm closes the strait" \\(2025-03-14\\)\n$`),
		);
		expect(agents.at(-1)).toMatch(/^briefing\/0\.1\.0 /);
		const [article] = (
			JSON.parse(spawnSync(process.execPath, [cli, '--json', '--dir', dir], {encoding: 'utf8', env: cliEnv(tempDir())}).stdout) as {
				articles: Array<Record<string, unknown>>;
			}
		).articles;
		// The page's canonical url identifies it; a file is not involved.
		expect(article).toMatchObject({key: 'https://harbour-gazette.example/2025/03/tarvik-ferries', path: null, format: 'html'});
	});

	it('takes the feed path by content type or by content, and reads a declared charset', async () => {
		const dir = tempDir();
		const result = await run(['ingest', `${base}/feed`, `${base}/atom-as-html`, `${base}/latin1`, '--dir', dir]);
		expect([result.status, result.stderr]).toEqual([0, '']);
		expect(
			result.stdout
				.split('\n')
				.filter(Boolean)
				.map((line) => /"(.*)"/.exec(line)![1]),
		).toEqual([
			'Sundmark council backs evening grid tariff',
			'Tarvik ferries resume after storm',
			'Brief: Kessvik rail line reopens',
			'Harbour fees double in Brenvik',
			'Lighthouse keepers honoured',
			'Café',
		]);
		// A page without a url of its own is known by the one it came from.
		const briefing = JSON.parse(
			spawnSync(process.execPath, [cli, '--json', '--dir', dir], {encoding: 'utf8', env: cliEnv(tempDir())}).stdout,
		) as {
			articles: Array<{key: string}>;
		};
		expect(briefing.articles.at(-1)!.key).toBe(`${base}/latin1`);
	});

	it("makes a fetched feed's relative links absolute against the feed's address", async () => {
		const dir = tempDir();
		expect((await run(['ingest', `${base}/desk/rss`, '--dir', dir])).status).toBe(0);
		const events = JSON.parse(
			spawnSync(process.execPath, [cli, 'events', '--json', '--dir', dir], {encoding: 'utf8', env: cliEnv(tempDir())}).stdout,
		) as Array<{article: {url: string}}>;
		expect(events.map((event) => event.article.url)).toEqual([`${base}/2025/quay.html`]);
	});

	it('names the URL and the reason in one line, exits 1 and stores nothing: 404, wrong type, too large, timeout, refused', async () => {
		const dir = tempDir();
		const closed = createServer();
		await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
		const refused = `http://127.0.0.1:${(closed.address() as AddressInfo).port}/`;
		await new Promise((resolve) => closed.close(resolve));
		const urls = [`${base}/missing`, `${base}/image`, `${base}/huge`, `${base}/slow`, refused];
		const result = await run(['ingest', ...urls, '--fetch-timeout', '2', '--dir', dir]);
		expect(result.status).toBe(1);
		expect(result.stdout).toBe('');
		expect(result.stderr.split('\n').filter(Boolean)).toEqual([
			`briefing: ${base}/missing: HTTP 404 Not Found`,
			`briefing: ${base}/image: is image/png, not a web page or a feed`,
			`briefing: ${base}/huge: is over 10 MB; articles are limited to 10 MB`,
			`briefing: ${base}/slow: timed out after 2 s`,
			`briefing: ${refused}: the connection was refused`,
		]);
		expect(existsSync(join(dir, 'briefing.json'))).toBe(false);
	});
});
