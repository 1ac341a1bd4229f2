import {execFile} from 'node:child_process';
import {readFileSync, renameSync, rmSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {promisify} from 'node:util';
import {render} from 'ink-testing-library';
import {describe, expect, it} from 'vitest';
import {readBriefingStart} from '../../source/store/start.js';
import {App} from '../../source/ui/App.js';
import {buildBeforeAll, cli, cliEnv} from '../cli-helpers.js';
import {OSLO_ARTICLE, BERGEN_ARTICLE, useTempDir} from '../helpers.js';
import {KEYS, resize, settle, tick, waitFor} from './render.js';

// The open dashboard follows briefing.json and notes.json on disk: the built CLI ingests and adds
// notes in processes of its own while the dashboard (ink-testing-library, the real store in a
// temporary directory) runs, and the test waits for the frame to show it.

const run = promisify(execFile);

async function briefing(dir: string, ...args: string[]) {
	return run(process.execPath, [cli, ...args, '--dir', dir], {env: cliEnv(dir), encoding: 'utf8'});
}

async function ingest(dir: string, name: string, text: string) {
	writeFileSync(join(dir, name), text);
	await briefing(dir, 'ingest', join(dir, name));
}

// The dashboard as `briefing` opens it: from the start of briefing.json, at 120×40.
async function open(dir: string) {
	const start = readBriefingStart(dir, 500)!;
	const app = render(<App data={start.data} start={start} sample={false} dir={dir} theme={{color: false}} />);
	resize(app.stdout, 120, 40);
	const frame = () => app.lastFrame() ?? '';
	const settled = () => settle(() => app.frames.length);
	await settled();
	return {
		...app,
		frame,
		async press(...keys: string[]) {
			for (const key of keys) {
				await tick();
				app.stdin.write(key);
			}
			await settled();
		},
		// Then what that frame's effects draw next.
		async shows(text: string) {
			await waitFor(`the frame to show ${JSON.stringify(text)}`, () => frame().includes(text));
			await settled();
		},
	};
}

// The row of the focused pane's cursor: "▸" is only drawn in the focused pane.
const cursorRow = (frame: string) => frame.split('\n').find((line) => line.includes('▸') && !line.includes('━'));

describe('the dashboard follows the briefing on disk', () => {
	const tempDir = useTempDir();
	buildBeforeAll();

	it('shows an ingest from another process, keeping the focused pane, the cursor on its item, the filter and the search', async () => {
		const dir = tempDir();
		await ingest(dir, 'first.txt', OSLO_ARTICLE);
		const ui = await open(dir);
		expect(ui.frame()).toContain('1 article · 2 actors · 3 events · 1 quote');
		// Goran Dahl selected, the Feed focused, a kept search "met": one event, the cursor on it.
		await ui.press('j', KEYS.enter, KEYS.tab, '/', 'met', KEYS.enter);
		expect(ui.frame()).toContain('Filter: Goran Dahl → 1/3 events');
		expect(ui.frame()).toContain('/met in Feed');
		expect(ui.frame()).toContain('Feed 1/1');
		expect(cursorRow(ui.frame())).toContain('Finance Minister Lena Okafor met');

		await ingest(dir, 'second.txt', BERGEN_ARTICLE);
		await ui.shows('2 articles · 4 actors · 6 events · 1 quote');
		// The second article's "Petrov met Goran Dahl" comes first now; the cursor stayed on its event.
		expect(ui.frame()).toContain('Filter: Goran Dahl → 2/6 events');
		expect(ui.frame()).toContain('/met in Feed');
		expect(ui.frame()).toContain('Feed 2/2');
		expect(ui.frame()).toContain('Petrov met Goran Dahl');
		expect(cursorRow(ui.frame())).toContain('Finance Minister Lena Okafor met');
		// Keys go on from there: up is the new event, and the Actors pane still has Goran Dahl, now third.
		await ui.press('k');
		expect(cursorRow(ui.frame())).toContain('Petrov met Goran Dahl');
		await ui.press(KEYS.shiftTab);
		expect(ui.frame()).toContain('Actors 3/4');
		expect(cursorRow(ui.frame())).toMatch(/\[x\] P Goran Dahl +2/);
	});

	it('shows a note added in the shell on an actor just ingested, attached, and Enter goes to it', async () => {
		const dir = tempDir();
		await ingest(dir, 'first.txt', OSLO_ARTICLE);
		const ui = await open(dir);
		await ingest(dir, 'second.txt', BERGEN_ARTICLE);
		await ui.shows('2 articles · 4 actors · 6 events');
		await briefing(dir, 'note', 'add', '--actor', 'Ivan Petrov', 'Call the mayor about the tolls');
		await ui.shows('✎[ ] P Ivan Petrov');
		await ui.press('N');
		expect(ui.frame()).toContain('Call the mayor about the tolls');
		expect(ui.frame()).not.toContain('[detached]');
		await ui.press(KEYS.enter);
		expect(ui.frame()).not.toContain('no longer in the briefing');
		expect(cursorRow(ui.frame())).toMatch(/▸✎\[ \] P Ivan Petrov +3/);
	});

	it('keeps the Notes view on the note it was on when the shell adds one, which comes first', async () => {
		const dir = tempDir();
		await ingest(dir, 'first.txt', OSLO_ARTICLE);
		await briefing(dir, 'note', 'add', '--actor', 'Goran Dahl', 'Older thought');
		await briefing(dir, 'note', 'add', '--actor', 'Lena Okafor', 'Newer thought');
		const ui = await open(dir);
		await ui.press('N', 'j');
		expect(cursorRow(ui.frame())).toContain('Older thought');
		await briefing(dir, 'note', 'add', '--actor', 'Lena Okafor', 'Newest, from the shell');
		await ui.shows('Newest, from the shell');
		expect(cursorRow(ui.frame())).toContain('Older thought');
		// e acts on it.
		await ui.press('e');
		expect(ui.frame()).toContain('Editing n-1 on actor');
	});

	it('keeps the text being typed into a note while an ingest elsewhere changes the briefing, and saves it without a flicker', async () => {
		const dir = tempDir();
		await ingest(dir, 'first.txt', OSLO_ARTICLE);
		const ui = await open(dir);
		await ui.press('n', 'Ask Okafor about');
		expect(ui.frame()).toContain('New note on actor');
		await ingest(dir, 'second.txt', BERGEN_ARTICLE);
		await ui.shows('2 articles · 4 actors · 6 events');
		expect(ui.frame()).toContain('Ask Okafor about▏');
		await ui.press(' the quay', KEYS.enter);
		await ui.shows('saved: added n-1 on actor');
		const saved = ui.frame();
		// The watcher sees this dashboard's own write too; reading it again draws nothing new. A
		// note from the shell after it shows that the watcher has looked since.
		const from = ui.frames.length;
		await briefing(dir, 'note', 'add', '--actor', 'Goran Dahl', 'From the shell');
		await ui.shows('✎[ ] P Goran Dahl');
		const between = ui.frames.slice(from).filter((frame) => !frame.includes('✎[ ] P Goran Dahl'));
		expect(between.every((frame) => frame === saved)).toBe(true);
		const notes = JSON.parse(readFileSync(join(dir, 'notes.json'), 'utf8')) as {notes: Array<{text: string}>};
		expect(notes.notes.map((note) => note.text)).toEqual(['Ask Okafor about the quay', 'From the shell']);
	});

	it('keeps what it shows when briefing.json is written half or badly by hand, says so, and reads it once it is whole', async () => {
		const dir = tempDir();
		await ingest(dir, 'first.txt', OSLO_ARTICLE);
		const ui = await open(dir);
		await ui.press('j');
		const good = readFileSync(join(dir, 'briefing.json'), 'utf8');
		// Written in place, not by the store: half of it, then not JSON at all.
		writeFileSync(join(dir, 'briefing.json'), good.slice(0, good.length >> 1));
		await ui.shows('briefing.json not reloaded: is not valid JSON');
		expect(ui.frame()).toContain('1 article · 2 actors · 3 events · 1 quote');
		writeFileSync(join(dir, 'briefing.json'), '{"schemaVersion": 2, "articles": [');
		await ui.shows('briefing.json not reloaded: is not valid JSON: it ends in the middle of a value, at line 1, column 35');
		// Keys still work on what is shown.
		await ui.press('k');
		expect(cursorRow(ui.frame())).toMatch(/Lena Okafor +3/);
		expect(ui.frame()).toContain('1 article · 2 actors · 3 events · 1 quote');

		// A whole briefing (the one an ingest elsewhere made) written over it in place.
		const other = tempDir();
		await ingest(other, 'first.txt', OSLO_ARTICLE);
		await ingest(other, 'second.txt', BERGEN_ARTICLE);
		writeFileSync(join(dir, 'briefing.json'), readFileSync(join(other, 'briefing.json')));
		await ui.shows('2 articles · 4 actors · 6 events · 1 quote');
		expect(ui.frame()).not.toContain('not reloaded');
		expect(cursorRow(ui.frame())).toMatch(/Lena Okafor +4/);

		// Removed: what is shown stays, and the status line says why.
		rmSync(join(dir, 'briefing.json'));
		await ui.shows('briefing.json not reloaded: it is gone; the briefing is shown as it was');
		expect(ui.frame()).toContain('2 articles · 4 actors · 6 events · 1 quote');
	});

	it('keeps the notes it has when notes.json is written badly by hand, read-only, and takes it again once fixed', async () => {
		const dir = tempDir();
		await ingest(dir, 'first.txt', OSLO_ARTICLE);
		await briefing(dir, 'note', 'add', '--actor', 'Goran Dahl', 'First thought');
		const ui = await open(dir);
		await ui.shows('✎[ ] P Goran Dahl');
		const good = readFileSync(join(dir, 'notes.json'), 'utf8');
		writeFileSync(join(dir, 'notes.json'), good.slice(0, 20));
		await ui.shows('notes are read-only until notes.json is fixed');
		expect(ui.frame()).toContain('✎[ ] P Goran Dahl');
		await ui.press('n');
		expect(ui.frame()).not.toContain('New note on');
		// Fixed the way the store writes it: a new file renamed over it.
		writeFileSync(join(dir, 'fixed.tmp'), good.replace('First thought', 'First thought, fixed'));
		renameSync(join(dir, 'fixed.tmp'), join(dir, 'notes.json'));
		await ui.press('N');
		await ui.shows('First thought, fixed');
		await ui.press(KEYS.escape, 'n');
		expect(ui.frame()).toContain('New note on actor');
	});
});
