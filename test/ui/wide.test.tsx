import {execFileSync} from 'node:child_process';
import {rmSync} from 'node:fs';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';
import stringWidth from 'string-width';
import {beforeAll, describe, expect, it} from 'vitest';
import {readBriefing} from '../../source/store/db.js';
import {useTempDir} from '../helpers.js';
import {KEYS, renderDashboard} from './render.js';

// A briefing the real store made from a real article (ingested with the built CLI) whose sentences
// hold CJK text and emoji: every row keeps its width in columns, so the borders line up.

const root = fileURLToPath(new URL('../..', import.meta.url));
const article = fileURLToPath(new URL('fixtures/wide-characters.txt', import.meta.url));

beforeAll(() => {
	execFileSync(process.execPath, [join(root, 'scripts', 'build.mjs'), '--if-stale']);
});

describe('wide characters', () => {
	const tempDir = useTempDir();

	it('keep two columns each: every row is exactly as wide as the terminal', async () => {
		const dir = tempDir();
		execFileSync(process.execPath, [join(root, 'dist', 'cli.js'), 'ingest', article, '--dir', dir], {env: {...process.env, HOME: dir}});
		const data = (await readBriefing(dir))!;
		expect(data.events.some((event) => event.text.includes('石破首相と尹大統領が会談 🇯🇵🇰🇷'))).toBe(true);
		for (const [columns, rows] of [
			[120, 40],
			[100, 30],
			[70, 24],
		] as const) {
			const ui = await renderDashboard(data, {columns, rows, dir});
			for (const keys of [['2'], ['2', KEYS.enter], ['3'], ['3', KEYS.enter]]) {
				await ui.press(KEYS.escape, KEYS.escape, ...keys);
				const lines = ui.lines();
				// Between the header and the footer every line is a pane row, padded to the full width.
				const body = lines.slice(
					lines.findIndex((line) => /^[┏╭]/.test(line)),
					-1,
				);
				expect(body.length).toBeGreaterThan(5);
				for (const line of body) expect(stringWidth(line), line).toBe(columns);
			}
			ui.unmount();
		}
	});

	it("shows an item in its paragraph, read from the article's own file in articles/", async () => {
		const dir = tempDir();
		execFileSync(process.execPath, [join(root, 'dist', 'cli.js'), 'ingest', article, '--dir', dir], {env: {...process.env, HOME: dir}});
		const data = (await readBriefing(dir))!;
		expect(data.articles.every((stored) => stored.body === undefined)).toBe(true);
		const detail = async () => {
			const ui = await renderDashboard(data, {dir});
			await ui.press('2', KEYS.enter);
			const frame = ui.lastFrame();
			ui.unmount();
			return frame;
		};
		expect(await detail()).toMatch(/Paragraph \d+/);
		rmSync(join(dir, 'articles'), {recursive: true});
		const without = await detail();
		expect(without).toContain('Article');
		expect(without).not.toMatch(/Paragraph \d+/);
	});
});
