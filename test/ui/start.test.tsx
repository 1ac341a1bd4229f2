import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {readBriefing, updateBriefing} from '../../source/store/db.js';
import {writeExport} from '../../source/store/exportFile.js';
import {type BriefingStart, readBriefingStart} from '../../source/store/start.js';
import {App} from '../../source/ui/App.js';
import {briefingLoader} from '../../source/ui/briefingLoader.js';
import {needsWhole} from '../../source/ui/dispatch.js';
import type {NamedKey} from '../../source/ui/keymap.js';
import {type UIState, initialState} from '../../source/ui/state.js';
import {addTwoActorArticle, useTempDir} from '../helpers.js';
import {KEYS, render, renderDashboard, settle, tick, typeKeys, waitFor} from './render.js';

// A briefing of 60 events in 6 articles, stored as ingest stores it, opened from its first 45
// events: more than the 40 rows of the terminal, as the dashboard reads more than a screen.
const add = (n: number) =>
	addTwoActorArticle(
		n,
		Array.from({length: 10}, (_, i) => ({
			text: `Event ${n}.${i}: Jake Sullivan met Andriy Yermak.`,
			actors: i % 3 ? ['Jake Sullivan'] : ['Jake Sullivan', 'Andriy Yermak'],
		})),
		'2024-11-09T00:00:00.000Z',
	);

describe('a large briefing drawn from its start', () => {
	const tempDir = useTempDir();

	it('draws the same first frame from its first events as from the whole briefing, then has them all', async () => {
		const dir = tempDir();
		for (const n of [1, 2, 3, 4, 5, 6]) await updateBriefing(dir, add(n));
		const whole = (await readBriefing(dir))!;
		const start = readBriefingStart(dir, 45)!;
		expect(start.data.events).toHaveLength(45);
		const first = (app: ReturnType<typeof render>) => app.frames[0];
		const fromStart = render(<App data={start.data} start={start} sample={false} dir={dir} theme={{color: false}} />);
		const fromWhole = render(<App data={whole} sample={false} dir={dir} theme={{color: false}} />);
		expect(first(fromStart)).toContain('60 events');
		expect(first(fromStart)).toContain('Feed 1/60');
		expect(first(fromStart)).toBe(first(fromWhole));
		fromStart.unmount();
		fromWhole.unmount();

		const ui = await renderDashboard(whole, {dir});
		const partial = await renderDashboardFrom(dir);
		expect(partial.frame()).toBe(ui.frame());
		await partial.press(KEYS.tab, KEYS.end);
		expect(partial.frame()).toContain('Feed 60/60');
		expect(partial.frame()).toContain('Event 6.9');
	});

	it('answers keys that come before the rest is read on the start, then draws them on the whole', async () => {
		const dir = tempDir();
		for (const n of [1, 2, 3, 4, 5, 6]) await updateBriefing(dir, add(n));
		const whole = await renderDashboard((await readBriefing(dir))!, {dir});
		const reading = paused(readBriefingStart(dir, 45)!);
		const app = await renderDashboardFrom(dir, reading.start);
		expect(app.frame()).toContain('Feed 1/60');
		// Space selects the first actor: the feed has the 45 events of theirs read so far.
		await app.press(' ');
		expect(app.frame()).toContain('Filter: Jake Sullivan → 45/60 events');
		expect(app.frame()).toContain('Feed 1/45');
		reading.resume();
		await app.press();
		await whole.press(' ');
		expect(app.frame()).toContain('Filter: Jake Sullivan → 60/60 events');
		expect(app.frame()).toBe(whole.frame());
	});

	it('reads the rest first for End typed before it is read, in the dashboard', async () => {
		const dir = tempDir();
		for (const n of [1, 2, 3, 4, 5, 6]) await updateBriefing(dir, add(n));
		const reading = paused(readBriefingStart(dir, 45)!);
		const app = await renderDashboardFrom(dir, reading.start);
		await app.press(KEYS.tab);
		expect(app.frame()).toContain('Feed 1/60');
		// The rest can be read from now on, but End comes before the dashboard's own reading does:
		// End reads it, and goes to the last of the 60 events, not of the 45 read so far.
		await app.pressWith(KEYS.end, reading.resume);
		expect(app.frame()).toContain('Feed 60/60');
		expect(app.frame()).toContain('Event 6.9');
	});

	it('keeps a key typed just before the rest is read and drawn', async () => {
		const dir = tempDir();
		for (const n of [1, 2, 3, 4, 5, 6]) await updateBriefing(dir, add(n));
		const reading = paused(readBriefingStart(dir, 45)!);
		const app = await renderDashboardFrom(dir, reading.start);
		// The rest is read and drawn between Tab and End, before Tab is drawn: End builds on Tab (it
		// moves the feed, not the actors).
		await app.typeAsTheRestIsRead(KEYS.tab, KEYS.end, reading.resume);
		expect(app.frame()).toContain('Feed 60/60');
		expect(app.frame()).toContain('Event 6.9');
	});

	it('exports every event once the rest is read, as the store exports the whole briefing', async () => {
		const dir = tempDir();
		for (const n of [1, 2, 3, 4, 5, 6]) await updateBriefing(dir, add(n));
		const reading = paused(readBriefingStart(dir, 45)!);
		const app = await renderDashboardFrom(dir, reading.start);
		reading.resume();
		await app.press(KEYS.tab, KEYS.end);
		expect(app.frame()).toContain('Feed 60/60');
		await exportsTheWhole(dir, app);
	});

	it('reads the rest first for the Enter of an export typed before it is read', async () => {
		const dir = tempDir();
		for (const n of [1, 2, 3, 4, 5, 6]) await updateBriefing(dir, add(n));
		const reading = paused(readBriefingStart(dir, 45)!);
		const app = await renderDashboardFrom(dir, reading.start);
		// The rest can be read from now on, but Enter comes before the dashboard's own reading does.
		await exportsTheWhole(dir, app, () => app.pressWith(KEYS.enter, reading.resume));
	});

	it('reads the rest at once for a key that needs every event', async () => {
		const dir = tempDir();
		for (const n of [1, 2, 3, 4, 5, 6]) await updateBriefing(dir, add(n));
		const start = readBriefingStart(dir, 45)!;
		const loader = briefingLoader(start.data, start, false);
		let told = 0;
		loader.subscribe(() => told++);
		const first = loader.current();
		expect([first.index.partial, first.index.feed.length, first.index.eventCount]).toEqual([true, 45, 60]);
		expect(loader.latest(false)).toBe(first);
		const all = loader.latest(true);
		expect([all.index.partial, all.index.feed.length, told]).toEqual([false, 60, 1]);
		expect(all.index.feed.map((event) => event.id)).toEqual((await readBriefing(dir))!.events.map((event) => event.id));
		expect(all.index.actors.map((entry) => [entry.actor.name, entry.events])).toEqual([
			['Jake Sullivan', 60],
			['Andriy Yermak', 24],
		]);
		expect(dispatchWholeKeys()).toEqual({End: true, G: true, j: false, 'jjG typed at once': true, 'G in a search': false});
	});
});

// x, a file's name and Enter: the export has every event, the same bytes as the store's export of
// the whole briefing read from the disk.
async function exportsTheWhole(dir: string, app: Awaited<ReturnType<typeof renderDashboardFrom>>, enter = () => app.press(KEYS.enter)) {
	const file = join(dir, 'export.json');
	await app.press('x', KEYS.ctrlU, file);
	await enter();
	await waitFor('the export', () => app.footer().startsWith('wrote '));
	expect(app.footer()).toMatch(/^wrote .*export\.json \(json, 60 events, 6 quotes\)/);
	const expected = join(dir, 'expected.json');
	await writeExport((await readBriefing(dir))!, dir, [], expected, false);
	expect(readFileSync(file, 'utf8')).toBe(readFileSync(expected, 'utf8'));
}

// Which keys need every event (dispatch.ts needsWhole).
function dispatchWholeKeys() {
	const press = (text: string, name: NamedKey | null = null) => ({name, text, ctrl: false, shift: false, meta: false});
	const searching: UIState = {...initialState(), modes: [{kind: 'search', pane: 'feed', origin: {index: 0, id: null}, previous: ''}]};
	return {
		End: needsWhole(initialState(), press('', 'end')),
		G: needsWhole(initialState(), press('G')),
		j: needsWhole(initialState(), press('j')),
		'jjG typed at once': needsWhole(initialState(), press('jjG')),
		'G in a search': needsWhole(searching, press('G')),
	};
}

// A start whose rest has no events ready until resume().
function paused(start: BriefingStart) {
	let resumed = false;
	const rest = start.rest!;
	return {
		start: {...start, rest: {...rest, next: (count: number) => (resumed ? rest.next(count) : [])}},
		resume: () => {
			resumed = true;
		},
	};
}

// renderDashboard on the start of the briefing in `dir`.
async function renderDashboardFrom(dir: string, start = readBriefingStart(dir, 45)!) {
	const app = render(<App data={start.data} start={start} sample={false} dir={dir} theme={{color: false}} />, {columns: 120, rows: 40});
	const settled = () => settle(() => app.frames.length);
	await settled();
	return {
		frame: () => app.lastFrame() ?? '',
		footer: () => (app.lastFrame() ?? '').split('\n').at(-1)!,
		async press(...keys: string[]) {
			await typeKeys(app.stdin, keys);
			await settled();
		},
		// Calls `before`, then types `key` in the same turn of the event loop.
		async pressWith(key: string, before: () => void) {
			await tick();
			before();
			app.stdin.write(key);
			await settled();
		},
		// Types `first`, lets the rest be read on the next turn, and types `second` on the turn after
		// that read (each turn's microtasks, where React draws a store's change, run in between).
		async typeAsTheRestIsRead(first: string, second: string, resume: () => void) {
			await tick();
			app.stdin.write(first);
			resume();
			setImmediate(() => app.stdin.write(second));
			await settled();
		},
	};
}
