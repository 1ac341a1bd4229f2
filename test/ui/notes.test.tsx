import {spawnSync} from 'node:child_process';
import {chmodSync, copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {readBriefing} from '../../source/store/db.js';
import {actorTarget, addNote, loadNotes} from '../../source/store/notes.js';
import {buildIndex} from '../../source/ui/briefingIndex.js';
import {useTempDir} from '../helpers.js';
import {KEYS, renderDashboard, running, sampleBriefing, tick} from './render.js';

// Notes from the dashboard: keys that add, edit and delete a note, checked in notes.json on the
// disk, on the seed article ingested into a real temporary directory by the built CLI (no mocked
// store); the Notes view with notes from the dashboard and from the shell.

const root = fileURLToPath(new URL('../..', import.meta.url));
const cli = join(root, 'dist', 'cli.js');
const seed = join(root, 'data', 'sample-article.txt');
const ALT_ENTER = '\x1b\r';
const CTRL_J = '\n';

type DiskNote = {id: string; text: string; target: {kind: string; id: string; text: string}; created: string; updated: string};

function run(dir: string, args: string[]) {
	const {BRIEFING_DIR: _b, XDG_DATA_HOME: _x, ...rest} = process.env;
	const result = spawnSync(process.execPath, [cli, ...args, '--dir', dir], {encoding: 'utf8', env: {...rest, HOME: dir}});
	return {status: result.status, stdout: result.stdout, stderr: result.stderr};
}

const notesOnDisk = (dir: string): DiskNote[] => (JSON.parse(readFileSync(join(dir, 'notes.json'), 'utf8')) as {notes: DiskNote[]}).notes;

// Waits (a write takes the lock and syncs) until the frame shows `text`.
async function until(frame: () => string, text: string | RegExp, ms = 20_000) {
	const start = Date.now();
	const found = () => (typeof text === 'string' ? frame().includes(text) : text.test(frame()));
	while (!found() && Date.now() - start < ms) await tick(20);
	expect(frame()).toMatch(typeof text === 'string' ? new RegExp(text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) : text);
}

describe('notes in the dashboard', () => {
	const tempDir = useTempDir();
	let template = '';
	beforeAll(() => {
		template = mkdtempSync(join(tmpdir(), 'briefing-ui-notes-'));
		copyFileSync(seed, join(template, 'article.txt'));
		expect(run(template, ['ingest', join(template, 'article.txt')]).status).toBe(0);
	});
	afterAll(() => rmSync(template, {recursive: true, force: true}));

	async function open() {
		const dir = tempDir();
		for (const name of ['article.txt', 'briefing.json']) copyFileSync(join(template, name), join(dir, name));
		const data = (await readBriefing(dir))!;
		// notes.json is read in the effects of the first frame, which renderDashboard waits for.
		const ui = await renderDashboard(data, {dir});
		return {dir, data, ui};
	}

	it('n adds, e edits, d deletes (after y) a note, each written to notes.json; every key is text in the editor', async () => {
		const {dir, data, ui} = await open();
		await ui.press('2', 'n');
		expect(ui.frame()).toContain('New note on event');
		expect(ui.lines().at(-1)).toMatch(/^Alt-Enter new line +Enter save +Esc cancel/);
		// q, j, ?, digits, N, d are text here: nothing quits, moves, opens help or changes pane.
		await ui.press('q', 'j', '?', '1', 'N', 'd', ' ', 'x');
		expect(ui.frame()).toContain('qj?1Nd x▏');
		expect(ui.frame()).toContain('New note on event');
		await ui.press(ALT_ENTER, 'second', CTRL_J, 'third line');
		await ui.press(KEYS.enter);
		await until(ui.frame, 'saved: added n-1 on event');
		const first = data.events.slice().sort((a, b) => a.date.localeCompare(b.date))[0]!;
		let notes = notesOnDisk(dir);
		expect(notes).toHaveLength(1);
		expect(notes[0]).toMatchObject({id: 'n-1', text: 'qj?1Nd x\nsecond\nthird line', target: {kind: 'event'}});
		expect(data.events.some((event) => event.id === notes[0]!.target.id)).toBe(true);
		expect(first).toBeDefined();
		// The event carries the marker, and the cursor has not moved (j was text).
		expect(ui.frame()).toMatch(/▸✎/);
		expect(ui.lines()[2]).toContain('Feed 1/8');

		// The detail view shows the event's id and its note with id and time.
		await ui.press(KEYS.enter);
		expect(ui.frame()).toContain(`event ${notes[0]!.target.id}`);
		expect(ui.frame()).toContain('Notes ✎ 1');
		expect(ui.frame()).toMatch(/n-1 · \d{4}-\d\d-\d\d \d\d:\d\d UTC/);
		expect(ui.frame()).toContain('third line');
		await ui.press(KEYS.escape);

		// e edits the newest note: the editor starts with its text.
		await ui.press('e');
		expect(ui.frame()).toContain('Editing n-1 on event');
		// Ctrl-U deletes to the start of the line; Backspace there joins it to the line above.
		await ui.press(KEYS.ctrlU, KEYS.backspace, KEYS.ctrlU, KEYS.backspace, KEYS.ctrlU, 'edited text', KEYS.enter);
		await until(ui.frame, 'saved: edited n-1');
		notes = notesOnDisk(dir);
		expect(notes.map((note) => [note.id, note.text])).toEqual([['n-1', 'edited text']]);
		expect(notes[0]!.updated >= notes[0]!.created).toBe(true);

		// Esc cancels: nothing is written.
		await ui.press('e', 'zzz', KEYS.escape);
		expect(ui.frame()).toContain('cancelled: nothing was saved');
		expect(notesOnDisk(dir)[0]!.text).toBe('edited text');

		// d asks first; n keeps the note, y deletes it.
		await ui.press('d');
		expect(ui.lines().at(-1)).toMatch(/Delete note n-1 “edited text”\? y\/n/);
		await ui.press('n');
		expect(ui.frame()).toContain('kept n-1');
		expect(notesOnDisk(dir)).toHaveLength(1);
		await ui.press('d', 'y');
		await until(ui.frame, 'saved: deleted n-1');
		expect(notesOnDisk(dir)).toEqual([]);
		expect(ui.frame()).not.toMatch(/▸✎/);
		await ui.press('e');
		expect(ui.frame()).toContain('this event has no note to edit (n adds one)');
	});

	it('q and j typed in the editor neither quit nor move; a paste with line breaks is one note', async () => {
		const {dir, ui} = await open();
		await ui.press('n', 'q');
		expect(ui.frame()).toContain('New note on actor');
		await ui.press('j', 'j', 'q');
		expect(ui.frame()).toContain('qjjq▏');
		await ui.press('\rpasted\rlines', KEYS.enter); // a paste arrives as one input: its Enter is a line break
		await until(ui.frame, 'saved: added n-1 on actor');
		expect(notesOnDisk(dir)[0]).toMatchObject({text: 'qjjq\npasted\nlines', target: {kind: 'actor'}});
		expect(ui.frame()).toMatch(/▸✎\[ \] C North Korea/);
	});

	it('the Notes view lists notes from the dashboard and the shell newest first, detached ones marked, and Enter goes to the item', async () => {
		const {dir, ui} = await open();
		await addNote(
			dir,
			{kind: 'event', id: 'e-gone', text: 'An event that was ingested once'},
			'on a vanished event',
			new Date('2024-01-01T00:00:00Z'),
		);
		// From the dashboard: a note on the second quote.
		await ui.press('3', 'j', 'n', 'from the dashboard', KEYS.enter);
		await until(ui.frame, 'saved: added n-2 on quote');
		// From the shell, while the dashboard runs.
		await tick(1100); // a later minute is not needed, but a later second keeps the order unambiguous
		expect(run(dir, ['note', 'add', '--actor', 'Pat Ryder', 'from the shell'])).toMatchObject({status: 0});
		// Filter to North Korea, so that the quote is hidden and Enter has to clear the filter.
		await ui.press('1', KEYS.enter);
		expect(ui.frame()).toContain('Filter: North Korea');
		await ui.press('N');
		await until(ui.frame, 'from the shell');
		const lines = ui.lines();
		const row = (text: string) => lines.findIndex((line) => line.includes(text));
		expect(lines[2]).toContain('Notes 3 · newest first');
		expect(row('from the shell')).toBeGreaterThan(0);
		expect(row('from the shell')).toBeLessThan(row('from the dashboard'));
		expect(row('from the dashboard')).toBeLessThan(row('on a vanished event'));
		expect(lines[row('from the shell')]).toMatch(/▸ n-3 .*actor .*Pat Ryder/);
		expect(lines[row('from the dashboard')]).toMatch(/n-2 .*quote .*There is only one conclusion/);
		expect(lines[row('on a vanished event')]).toMatch(/n-1 .*event \[detached\] .*An event that was ingested once/);
		// Enter on the quote's note: the quotes pane, filter cleared, the quote selected.
		await ui.press('j', KEYS.enter);
		expect(ui.frame()).toContain('Filter: none');
		expect(ui.lines()[2]).toMatch(/┏━ ▸ Quotes 2\/2/);
		// Enter on the detached one says so and stays.
		await ui.press('N', 'G', KEYS.enter);
		expect(ui.frame()).toContain('n-1 is detached: its event is no longer in the briefing');
		// Enter on the actor's note selects the actor.
		await ui.press('g', KEYS.enter);
		expect(ui.lines()[2]).toMatch(/┏━ ▸ Actors \d+\/16/);
		expect(ui.frame()).toMatch(/▸✎\[ \] P Pat Ryder/);
	});

	it('refuses notes on the embedded sample, saying why', async () => {
		const dir = tempDir();
		const ui = await renderDashboard(sampleBriefing(), {sample: true, dir});
		await ui.press('n');
		expect(ui.frame()).toContain('notes go on your own briefing, not the sample');
		expect(ui.frame()).not.toContain('New note');
		await ui.press('q');
		expect(existsSync(join(dir, 'notes.json'))).toBe(false);
	});

	it('shows why notes.json cannot be read and keeps n, e and d off', async () => {
		const dir = tempDir();
		for (const name of ['article.txt', 'briefing.json']) copyFileSync(join(template, name), join(dir, name));
		writeFileSync(join(dir, 'notes.json'), '{"schemaVersion": 1, "nextId": 2, "notes": [');
		const ui = await renderDashboard((await readBriefing(dir))!, {dir});
		await until(ui.frame, 'notes are read-only until notes.json is fixed (briefing doctor explains): notes.json: is not valid JSON');
		for (const key of ['n', 'e', 'd']) {
			await ui.press(KEYS.escape, key);
			expect(ui.lines().at(-1)).toMatch(/^notes are read-only until notes.json is fixed/);
			expect(ui.frame()).not.toContain('New note');
			expect(ui.frame()).not.toContain('Delete note');
		}
		expect(readFileSync(join(dir, 'notes.json'), 'utf8')).toBe('{"schemaVersion": 1, "nextId": 2, "notes": [');
	});
	// notes.json is read only once `read` is called: keys pressed before that come before the notes,
	// as on a reader's first keys after start (the store and its file are real; only the read waits).
	async function openBeforeNotes(notesJson?: string) {
		const dir = tempDir();
		for (const name of ['article.txt', 'briefing.json']) copyFileSync(join(template, name), join(dir, name));
		if (notesJson !== undefined) writeFileSync(join(dir, 'notes.json'), notesJson);
		let read = () => {};
		const allowed = new Promise<void>((resolve) => {
			read = resolve;
		});
		const readNotes = async (notesDir: string) => {
			await allowed;
			return loadNotes(notesDir);
		};
		const data = (await readBriefing(dir))!;
		return {dir, data, read, ui: await renderDashboard(data, {dir, readNotes})};
	}

	it('n pressed before notes.json is read waits for it; the text typed after it goes into the note, on the item n was pressed on', async () => {
		const {dir, read, ui} = await openBeforeNotes();
		// 2 and j act at once; n waits, and q, j, d and Enter wait behind it (no quit, move, delete, open).
		await ui.press('2', 'j', 'n', 'q', ...'uit j', 'd', ' typed at once', KEYS.enter);
		expect(ui.lines().at(-1)).toMatch(/^reading the notes… /);
		expect(ui.frame()).not.toContain('New note');
		expect(ui.lines()[2]).toContain('Feed 2/8');
		expect(running(ui)).toBe(true);
		read();
		await until(ui.frame, 'saved: added n-1 on event');
		const notes = notesOnDisk(dir);
		expect(notes.map((note) => [note.text, note.target.kind])).toEqual([['quit jd typed at once', 'event']]);
		expect(ui.lines()[2]).toContain('Feed 2/8');
		expect(ui.frame()).toMatch(/▸✎/);
		// The note is on the event under the cursor: its detail view lists it.
		await ui.press(KEYS.enter);
		expect(ui.frame()).toContain(`event ${notes[0]!.target.id}`);
		expect(ui.frame()).toContain('quit jd typed at once');
	});

	it('e pressed before notes.json is read edits the newest note once it is read', async () => {
		const {dir, data, read, ui} = await openBeforeNotes();
		const actor = buildIndex(data).actors[0]!.actor; // under the cursor
		await addNote(dir, actorTarget(actor), 'first thought');
		await ui.press('e', KEYS.ctrlU, 'second thought', KEYS.enter);
		expect(ui.lines().at(-1)).toMatch(/^reading the notes… /);
		read();
		await until(ui.frame, 'saved: edited n-1 on actor');
		expect(notesOnDisk(dir).map((note) => [note.id, note.text, note.target.id])).toEqual([['n-1', 'second thought', actor.id]]);
	});

	it('Esc drops the keys that wait for a notes.json read that does not end: the panes work again, n says it is off until the read', async () => {
		const {dir, read, ui} = await openBeforeNotes();
		await ui.press('2', 'n', ...'not yet');
		expect(ui.lines().at(-1)).toMatch(/^reading the notes… +│ +Esc drop the waiting keys/);
		await ui.press(KEYS.escape);
		expect(ui.lines().at(-1)).toMatch(/^dropped n and the 7 keys after it: n, e, E and d are off until notes\.json is read +│/);
		expect(ui.frame()).not.toContain('New note');
		// The panes take keys again: j moves; a note key is refused, not held.
		await ui.press('j');
		expect(ui.lines()[2]).toContain('Feed 2/8');
		await ui.press('n', 'j');
		expect(ui.lines().at(-1)).toMatch(/^still reading notes\.json: n, e, E and d are off until it is read +│/);
		expect(ui.lines()[2]).toContain('Feed 3/8');
		expect(ui.frame()).not.toContain('New note');
		read();
		await until(ui.frame, 'notes.json is read: n, e, E and d work');
		await ui.press('n', 'after the read', KEYS.enter);
		await until(ui.frame, 'saved: added n-1 on event');
		expect(notesOnDisk(dir).map((note) => note.text)).toEqual(['after the read']);
	});

	it('no more than 20,000 keys wait for notes.json: the rest of a long paste is dropped, and the status line counts it', async () => {
		const {dir, read, ui} = await openBeforeNotes();
		const paste = Array.from({length: 2500}, (_, i) => `w${String(i).padStart(4, '0')}word `).join(''); // 25,000 characters
		// The paste, then Enter and q: past the room, so they are dropped, not run.
		await ui.press('n', paste, KEYS.enter, 'q');
		expect(ui.lines().at(-1)).toMatch(/^reading the notes… 5,003 keys dropped: no more than 20,000 keys wait for it +│/);
		expect(running(ui)).toBe(true);
		read();
		await until(ui.frame, 'the first 20,000 keys typed while the notes were read went on; 5,003 more were dropped');
		// The editor holds the paste as far as it went (after n, 19,999 characters), unsaved: its Enter was dropped.
		expect(ui.frame()).toMatch(/Note 150–184 of 184 lines/);
		expect(ui.frame()).toContain('w1998word w1999word▏');
		expect(existsSync(join(dir, 'notes.json'))).toBe(false);
		await ui.press(KEYS.enter);
		await until(ui.frame, 'saved: added n-1 on actor');
		expect(notesOnDisk(dir).map((note) => note.text)).toEqual([paste.slice(0, 19_999)]);
	});

	it('a note key pressed before a damaged notes.json is read gets its refusal then, and the keys typed after it do nothing', async () => {
		const damaged = '{"schemaVersion": 1, "nextId": 2, "notes": [';
		const {dir, read, ui} = await openBeforeNotes(damaged);
		const before = ui.frame();
		await ui.press('n', ...'quit', KEYS.enter);
		read();
		await until(ui.frame, 'notes are read-only until notes.json is fixed (briefing doctor explains): notes.json: is not valid JSON');
		// q did not quit, u and i did nothing, t and Enter did not select: the panes are as they were.
		expect(running(ui)).toBe(true);
		expect(ui.frame()).not.toContain('New note');
		expect(ui.lines().slice(0, -1)).toEqual(before.split('\n').slice(0, -1));
		expect(readFileSync(join(dir, 'notes.json'), 'utf8')).toBe(damaged);
	});

	it('edits anywhere in the note: ← →, Home/End, Ctrl-A/Ctrl-E, Alt-←/→ and Alt-b/f by word, Ctrl-W', async () => {
		const {dir, ui} = await open();
		await ui.press('n', ...'helo world');
		await ui.press(...Array(7).fill(KEYS.left), 'l');
		expect(ui.frame()).toContain('hell▏o world');
		await ui.press(KEYS.home, '» ', KEYS.end, '!');
		expect(ui.frame()).toContain('» hello world!▏');
		await ui.press(KEYS.altLeft, KEYS.altLeft, 'big ');
		expect(ui.frame()).toContain('» big ▏hello world!');
		await ui.press(KEYS.altF, KEYS.altRight, ',');
		expect(ui.frame()).toContain('» big hello world,▏!');
		await ui.press(KEYS.ctrlA, KEYS.right, KEYS.right, KEYS.altF, KEYS.ctrlW, 'a');
		expect(ui.frame()).toContain('» a▏ hello world,!');
		await ui.press(KEYS.ctrlE, KEYS.altB, KEYS.altB, 'dear ');
		expect(ui.frame()).toContain('» a dear ▏hello world,!');
		// A paste goes in at the cursor, whole.
		await ui.press(KEYS.ctrlA, 'pasted, line\r');
		await ui.press(KEYS.enter);
		await until(ui.frame, 'saved: added n-1');
		expect(notesOnDisk(dir)[0]!.text).toBe('pasted, line\n» a dear hello world,!');
	});

	it('the Notes view edits (e), deletes (d, after y) and searches (/) the selected note', async () => {
		const {dir, ui} = await open();
		await ui.press('n', 'first about troops', KEYS.enter);
		await until(ui.frame, 'saved: added n-1');
		await ui.press('j', 'n', 'second about talks', KEYS.enter);
		await until(ui.frame, 'saved: added n-2');
		await ui.press('N');
		expect(ui.lines()[2]).toContain('Notes 2 · newest first');
		// / narrows the view as typed; Enter keeps it; e edits the selected (the only shown) note.
		await ui.press('/', ...'troops');
		expect(ui.lines().at(-1)).toMatch(/^\/troops▏/);
		expect(ui.lines()[2]).toContain('Notes 1/2 · /troops');
		expect(ui.frame()).not.toContain('second about talks');
		await ui.press(KEYS.enter, 'e');
		expect(ui.frame()).toContain('Editing n-1 on actor');
		await ui.press(' (edited)', KEYS.enter);
		await until(ui.frame, 'saved: edited n-1');
		expect(notesOnDisk(dir).find((note) => note.id === 'n-1')!.text).toBe('first about troops (edited)');
		// Back in the Notes view, still searched; a search that matches nothing says so.
		expect(ui.lines()[2]).toContain('Notes 1/2 · /troops');
		await ui.press('/', 'zzz');
		expect(ui.frame()).toContain('No note matches /zzz.');
		await ui.press(KEYS.escape);
		expect(ui.lines()[2]).toContain('Notes 1/2 · /troops');
		// d asks; y deletes the selected note and no other.
		await ui.press(KEYS.escape, 'N', 'd');
		expect(ui.lines().at(-1)).toMatch(/^Delete note n-2 “second about talks”\? y\/n/);
		await ui.press('y');
		await until(ui.frame, 'saved: deleted n-2');
		expect(notesOnDisk(dir).map((note) => note.id)).toEqual(['n-1']);
	});

	it('keeps the editor open with the text when the save fails, with the error on the status line', async () => {
		const {dir, ui} = await open();
		await ui.press('n', 'words worth keeping');
		// notes.json is damaged behind the dashboard's back: the write refuses to replace it.
		writeFileSync(join(dir, 'notes.json'), '{"schemaVersion": 1, "notes": [');
		await ui.press(KEYS.enter);
		await until(ui.frame, /notes\.json: is not valid JSON/);
		expect(ui.frame()).toContain('New note on actor');
		expect(ui.frame()).toContain('words worth keeping▏');
		expect(ui.lines().at(-1)).toMatch(/notes\.json: is not valid JSON/);
		// Still editable; once the file is fixed, Enter saves what was typed.
		await ui.press('!');
		writeFileSync(join(dir, 'notes.json'), '{"schemaVersion": 1, "nextId": 1, "notes": []}');
		await ui.press(KEYS.enter);
		await until(ui.frame, 'saved: added n-1');
		expect(notesOnDisk(dir).map((note) => note.text)).toEqual(['words worth keeping!']);
	});

	it('E writes the note in $EDITOR: what it saves is saved, an empty file or a failing editor cancels', async () => {
		const {dir, data} = await open();
		const editor = (name: string, script: string) => {
			const path = join(dir, name);
			writeFileSync(path, `#!/bin/sh\n${script}\n`);
			chmodSync(path, 0o755);
			return path;
		};
		// The editor sees the note's text in the file it is given.
		const seen = join(dir, 'seen.txt');
		const writes = editor('writes', `cp "$1" '${seen}'; printf 'written in the editor\\nsecond line\\n' > "$1"`);
		const ui = await renderDashboard(data, {dir, outside: {env: {...process.env, VISUAL: '', EDITOR: writes}}});
		await ui.press('E');
		await until(ui.frame, 'saved: added n-1 on actor');
		expect(notesOnDisk(dir)[0]!.text).toBe('written in the editor\nsecond line');
		expect(readFileSync(seen, 'utf8')).toBe('');
		// E again edits the newest note: the editor is given its text.
		await ui.press('E');
		await until(ui.frame, 'unchanged: nothing was saved');
		expect(readFileSync(seen, 'utf8')).toBe('written in the editor\nsecond line\n');
		ui.unmount();
		for (const [script, status] of [
			[': > "$1"', 'the editor saved an empty note: nothing was saved'],
			['exit 3', 'exited with 3: nothing was saved'],
		] as const) {
			const other = await renderDashboard(data, {dir, outside: {env: {...process.env, VISUAL: editor('other', script)}}});
			await other.press('E');
			await until(other.frame, status);
			expect(notesOnDisk(dir).map((note) => note.text)).toEqual(['written in the editor\nsecond line']);
			other.unmount();
		}
	});
});
