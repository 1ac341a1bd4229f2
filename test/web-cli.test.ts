import {spawnSync} from 'node:child_process';
import {copyFileSync, existsSync, writeFileSync} from 'node:fs';
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
