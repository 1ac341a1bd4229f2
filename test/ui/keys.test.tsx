import {chmodSync, readFileSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import type {BriefingData} from '../../source/store/schema.js';
import {systemOpener} from '../../source/ui/opener.js';
import {useTempDir} from '../helpers.js';
import {KEYS, renderDashboard, running, sampleBriefing, waitFor} from './render.js';

// The keys of issue 13 on the sample briefing, pressed in the rendered dashboard: the search
// prompt that owns every key, n/N, h/l, z, q closing views, and o and y with what they hand to
// the system (a fake terminal and clipboard, the real `open` package with a fake opener).

const filterLine = (ui: {lines: () => string[]}) => ui.lines()[1]!;

describe('the search prompt', () => {
	it('takes every key as text: qatar does not quit, nato opens no note, john does not move', async () => {
		const ui = await renderDashboard(sampleBriefing(), {sample: true});
		for (const name of ['qatar', 'nato', 'john', 'edge', 'GgkKdN?123']) {
			await ui.press('/', ...name);
			expect(ui.lines().at(-1)).toMatch(new RegExp(`^/${name.replace(/[?]/g, '\\?')}▏`));
			expect(running(ui)).toBe(true);
			expect(ui.frame()).not.toContain('New note');
			expect(ui.frame()).not.toContain('Rules');
			await ui.press(KEYS.escape);
			expect(ui.lines()[2]).toContain('Actors 1/16');
		}
		// Ctrl-C still quits from the prompt.
		await ui.press('/', 'q', KEYS.ctrlC);
		expect(running(ui)).toBe(false);
	});

	it('selects the actor under the cursor with one Enter: / yoon Enter filters by Yoon', async () => {
		const ui = await renderDashboard(sampleBriefing(), {sample: true});
		await ui.press('/', 'y', 'o', 'o', 'n', KEYS.enter);
		expect(filterLine(ui)).toMatch(/^Filter: Yoon Suk Yeol → 2\/8 events, 0\/2 quotes +│ +\/yoon in Actors/);
		expect(ui.frame()).toMatch(/▸ \[x\] P Yoon Suk Yeol/);
		expect(ui.lines().at(-1)).toMatch(/^Enter select +n\/N match/);
		// A name that others contain lands on the actor it is: korea is South Korea or North Korea,
		// typed in full each is itself.
		await ui.press('/', ...'south korea', KEYS.enter);
		expect(filterLine(ui)).toMatch(/^Filter: Yoon Suk Yeol, South Korea → /);
		// Ctrl-W and Backspace edit the prompt; Enter on an actor already selected says so.
		await ui.press('/', ...'yoon suk', KEYS.ctrlW, KEYS.backspace, KEYS.enter);
		expect(ui.lines().at(-1)).toMatch(/^Yoon Suk Yeol is already selected/);
		// No match: Enter closes the prompt, selecting nothing.
		await ui.press('/', ...'qatar', KEYS.enter);
		expect(ui.lines().at(-1)).toMatch(/^no actor matches \/qatar/);
		expect(filterLine(ui)).toMatch(/^Filter: Yoon Suk Yeol, South Korea → /);
		expect(running(ui)).toBe(true);
	});

	it('n and N walk the matches of a kept search; / starts a new one and Esc puts the kept one back', async () => {
		const ui = await renderDashboard(sampleBriefing(), {sample: true});
		await ui.press('2', '/', ...'korea', KEYS.enter);
		expect(ui.lines()[2]).toContain('Feed 1/7 /korea');
		await ui.press('n');
		expect(ui.lines()[2]).toContain('Feed 2/7 /korea');
		expect(ui.lines().at(-1)).toMatch(/^match 2\/7 of \/korea/);
		await ui.press('N', 'N');
		expect(ui.lines()[2]).toContain('Feed 7/7 /korea');
		expect(ui.lines().at(-1)).toMatch(/^match 7\/7 of \/korea, from the bottom/);
		await ui.press('n');
		expect(ui.lines().at(-1)).toMatch(/^match 1\/7 of \/korea, from the top/);
		// / on the kept search: a new, empty one (not /koreap…); Esc gives /korea back.
		await ui.press('/');
		expect(ui.lines().at(-1)).toMatch(/^\/▏/);
		expect(ui.lines()[2]).toContain('Feed 1/8');
		await ui.press('p', 'e', 'n');
		expect(ui.lines()[2]).toContain('Feed 1/1 /pen');
		await ui.press(KEYS.escape);
		expect(ui.lines()[2]).toContain('Feed 1/7 /korea');
		// Without a kept search, n adds a note again (refused on the sample, saying why).
		await ui.press(KEYS.escape, 'n');
		expect(ui.lines().at(-1)).toMatch(/^notes go on your own briefing/);
	});
});

describe('panes, undo and views', () => {
	it('h/l and ←/→ move between panes, stopping at the ends', async () => {
		const ui = await renderDashboard(sampleBriefing(), {sample: true});
		await ui.press('l');
		expect(ui.lines()[2]).toMatch(/╭─ Actors .*┏━ ▸ Feed/);
		await ui.press(KEYS.right, 'l');
		expect(ui.lines()[2]).toMatch(/┏━ ▸ Quotes/);
		await ui.press('h', KEYS.left, KEYS.left);
		expect(ui.lines()[2]).toMatch(/^┏━ ▸ Actors/);
	});

	it('z undoes filter changes one at a time, Esc clearing several actors included', async () => {
		const ui = await renderDashboard(sampleBriefing(), {sample: true});
		await ui.press('j', 'j', KEYS.enter, 'k', KEYS.enter, 'g', KEYS.enter);
		expect(filterLine(ui)).toMatch(/^Filter: Volodymyr Zelenskyy, Ukraine, North Korea → /);
		await ui.press(KEYS.escape);
		expect(filterLine(ui)).toMatch(/^Filter: none/);
		expect(ui.lines().at(-1)).toMatch(/^filter cleared: z brings it back/);
		await ui.press('z');
		expect(filterLine(ui)).toMatch(/^Filter: Volodymyr Zelenskyy, Ukraine, North Korea → /);
		expect(ui.lines().at(-1)).toMatch(/^undone: the filter is Volodymyr Zelenskyy, Ukraine, North Korea/);
		await ui.press('z');
		expect(filterLine(ui)).toMatch(/^Filter: Volodymyr Zelenskyy, Ukraine → /);
		await ui.press('z', 'z');
		expect(filterLine(ui)).toMatch(/^Filter: none/);
		await ui.press('z');
		expect(ui.lines().at(-1)).toMatch(/^nothing to undo/);
	});

	it('q and Esc close the detail view, the Notes view and the help; q with nothing open quits', async () => {
		const ui = await renderDashboard(sampleBriefing(), {sample: true});
		const panes = () => expect(ui.lines()[2]).toMatch(/Actors .*Feed .*Quotes/);
		for (const [open, shows] of [
			[['2', KEYS.enter], /┏━ ▸ Event/],
			[['N'], /Notes 0 · newest first/],
			[['?'], /Keys · /],
		] as const) {
			for (const close of ['q', KEYS.escape]) {
				await ui.press(...open);
				expect(ui.lines()[2]).toMatch(shows);
				await ui.press(close);
				panes();
				expect(running(ui)).toBe(true);
			}
		}
		// Help over the detail view: q closes one at a time.
		await ui.press('2', KEYS.enter, '?', 'q');
		expect(ui.lines()[2]).toMatch(/┏━ ▸ Event/);
		await ui.press('q');
		panes();
		await ui.press('q');
		expect(running(ui)).toBe(false);
	});
});

// The sample's article with the web address and outlet a real one has.
function briefingWithUrl(url = 'https://news.example.org/2024/10/29/kursk'): BriefingData {
	const data = sampleBriefing();
	return {...data, articles: data.articles.map((article) => ({...article, url, source: 'Example Wire'}))};
}

describe('using what was found', () => {
	const tempDir = useTempDir();

	it('y copies the quote with its citation through OSC 52 and the system clipboard, and says so', async () => {
		const written: string[] = [];
		const copied: string[] = [];
		const terminal = {stdin: {}, stdout: {write: (text: string) => written.push(text)}, redraw: () => {}};
		const clipboard = async (text: string) => {
			copied.push(text);
		};
		const ui = await renderDashboard(briefingWithUrl(), {outside: {terminal, clipboard, env: {TERM: 'xterm-256color'}}});
		await ui.press('3', 'y');
		const citation =
			'“relatively small number” — Pat Ryder, spokesman Major General · Example Wire · 2024-10-29 · https://news.example.org/2024/10/29/kursk';
		await waitFor('the copy', () => copied.length === 1);
		expect(copied).toEqual([citation]);
		expect(written).toEqual([`\x1b]52;c;${Buffer.from(citation).toString('base64')}\x07`]);
		await waitFor('the status line', () => ui.lines().at(-1)!.startsWith('copied quote'));
		expect(ui.lines().at(-1)).toMatch(/^copied quote q-[\w-]+ \(OSC 52 and the system clipboard\): “relatively small number” — Pat/);
		// An event, from its detail view: no speaker.
		await ui.press('2', KEYS.enter, 'y');
		await waitFor('the second copy', () => copied.length === 2);
		expect(copied[1]).toMatch(/^“[^”]+” — Example Wire · 2024-10-29 · https:\/\/news\.example\.org\/2024\/10\/29\/kursk$/);
		// An actor is not copied; the status line says what is.
		await ui.press(KEYS.escape, '1', 'y');
		expect(ui.lines().at(-1)).toMatch(/^y copies an event or a quote/);
	});

	it('y falls back to the clipboard where OSC 52 is not supported, and says why when neither works', async () => {
		const written: string[] = [];
		const terminal = {stdin: {}, stdout: {write: (text: string) => written.push(text)}, redraw: () => {}};
		const clipboard = async () => {
			throw new Error('no clipboard here\nsecond line');
		};
		const ui = await renderDashboard(briefingWithUrl(), {outside: {terminal, clipboard, env: {TERM: 'linux'}}});
		await ui.press('3', 'y');
		await waitFor('the status line', () => ui.lines().at(-1)!.startsWith('could not copy'));
		expect(ui.lines().at(-1)).toMatch(/^could not copy: no clipboard here +│/);
		expect(written).toEqual([]);
	});

	it('o opens the article’s url with the system opener (the open package, told to use a fake opener)', async () => {
		const dir = tempDir();
		const log = join(dir, 'opened.txt');
		const fake = join(dir, 'fake-opener');
		writeFileSync(fake, `#!/bin/sh\nprintf '%s\\n' "$1" >> '${log}'\n`);
		chmodSync(fake, 0o755);
		const opener = systemOpener({BRIEFING_OPENER: fake});
		const ui = await renderDashboard(briefingWithUrl(), {outside: {opener}});
		await ui.press('2', 'o');
		await waitFor('the opener', () => {
			try {
				return readFileSync(log, 'utf8') !== '';
			} catch {
				return false;
			}
		});
		expect(readFileSync(log, 'utf8')).toBe('https://news.example.org/2024/10/29/kursk\n');
		await waitFor('the status line', () => ui.lines().at(-1)!.startsWith('opened'));
		expect(ui.lines().at(-1)).toMatch(/^opened https:\/\/news\.example\.org\/2024\/10\/29\/kursk/);
	});

	it('o refuses an address that is not http(s), and says when there is nothing to open', async () => {
		const opened: string[] = [];
		const opener = async (target: string) => {
			opened.push(target);
		};
		const odd = await renderDashboard(briefingWithUrl('file:///etc/passwd'), {outside: {opener}});
		await odd.press('2', 'o');
		expect(odd.lines().at(-1)).toMatch(/^event [\w-]+: not opening file:\/\/\/etc\/passwd: only http and https addresses are opened/);
		const sample = await renderDashboard(sampleBriefing(), {sample: true, outside: {opener}});
		await sample.press('3', 'o');
		expect(sample.lines().at(-1)).toMatch(/^quote [\w-]+: the article has no url, and its file is not there any more/);
		expect(opened).toEqual([]);
	});
});
