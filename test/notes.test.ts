import {spawn, spawnSync} from 'node:child_process';
import {once} from 'node:events';
import {chmodSync, existsSync, readFileSync, readdirSync, rmSync, statSync, utimesSync, writeFileSync} from 'node:fs';
import {hostname} from 'node:os';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {describe, expect, it} from 'vitest';
import {emptyBriefing} from '../source/store/db.js';
import {articleHash, ingestArticle} from '../source/store/merge.js';
import {
	NOTES_LOCK_FILE,
	NoteError,
	NotesFileError,
	actorTarget,
	addNote,
	editNote,
	emptyNotes,
	eventTarget,
	listNotes,
	loadNotes,
	notesFile,
	notesOn,
	quoteTarget,
	removeNote,
	resolveTarget,
	serializeNotes,
	type NoteTarget,
} from '../source/store/notes.js';
import {extraction, useBundle, useTempDir} from './helpers.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const writer = join(root, 'test', 'fixtures', 'notes-writer.mjs');

const briefing = (events: string[]) =>
	ingestArticle(emptyBriefing(), {
		extraction: extraction({
			actors: [{name: 'Volodymyr Zelenskyy', aliases: ['Zelenskyy']}, {name: 'Jake Sullivan'}],
			events: events.map((text) => ({text, actors: ['Volodymyr Zelenskyy']})),
			quotes: [{text: 'We will win', speaker: 'Jake Sullivan'}],
		}),
		hash: articleHash(events.join('\n')),
		key: 'k',
		path: null,
		ingestedAt: '2024-11-01T00:00:00.000Z',
	}).data;

const zelenskyy: NoteTarget = {kind: 'actor', id: 'p-volodymyr-zelenskyy', text: 'Volodymyr Zelenskyy'};

const tempFiles = (dir: string) => readdirSync(dir).filter((name) => name.endsWith('.tmp'));

describe('notes.json: the notes store', () => {
	const tempDir = useTempDir();

	it('adds, edits and removes notes durably, with ids never reused', async () => {
		const dir = join(tempDir(), 'new');
		expect(await loadNotes(dir)).toEqual({file: notesFile(dir), notes: [], problem: null});
		const first = await addNote(dir, zelenskyy, '  Check the 12,000 figure \n', new Date('2024-11-01T10:00:00Z'));
		expect(first.note).toEqual({
			id: 'n-1',
			target: zelenskyy,
			text: 'Check the 12,000 figure',
			created: '2024-11-01T10:00:00.000Z',
			updated: '2024-11-01T10:00:00.000Z',
		});
		expect(first.savedAt).toBe('2024-11-01T10:00:00.000Z');
		const second = await addNote(dir, {kind: 'event', id: 'e-1', text: 'Something happened.'}, 'two');
		expect(second.notes.map((note) => note.id)).toEqual(['n-1', 'n-2']);

		const edited = await editNote(dir, 'n-1', 'Checked: 11,000', new Date('2024-11-02T10:00:00Z'));
		expect(edited.note).toMatchObject({
			id: 'n-1',
			text: 'Checked: 11,000',
			created: '2024-11-01T10:00:00.000Z',
			updated: '2024-11-02T10:00:00.000Z',
		});
		const removed = await removeNote(dir, 'n-2');
		expect(removed.note.id).toBe('n-2');
		expect(removed.notes.map((note) => note.id)).toEqual(['n-1']);
		expect((await addNote(dir, zelenskyy, 'three')).note.id).toBe('n-3');

		const onDisk = JSON.parse(readFileSync(notesFile(dir), 'utf8'));
		expect(onDisk).toMatchObject({schemaVersion: 1, nextId: 4});
		expect(onDisk.notes.map((note: {id: string}) => note.id)).toEqual(['n-1', 'n-3']);
		expect(readFileSync(notesFile(dir), 'utf8')).toBe(serializeNotes(onDisk));
		expect((await loadNotes(dir)).notes).toEqual(onDisk.notes);
		expect(readdirSync(dir)).toEqual(['notes.json']); // no lock, no temporary file left
	});

	it('refuses empty text and unknown ids, writing nothing', async () => {
		const dir = tempDir();
		await expect(addNote(dir, zelenskyy, ' \n\t')).rejects.toThrow(NoteError);
		expect(existsSync(notesFile(dir))).toBe(false);
		await addNote(dir, zelenskyy, 'one');
		const bytes = readFileSync(notesFile(dir));
		await expect(editNote(dir, 'n-9', 'x')).rejects.toThrow('there is no note n-9');
		await expect(removeNote(dir, 'n-9')).rejects.toThrow('there is no note n-9');
		await expect(editNote(dir, 'n-1', '')).rejects.toThrow('the note is empty');
		await expect(addNote(dir, zelenskyy, 'x'.repeat(20_001))).rejects.toThrow(/limited to 20000/);
		expect(readFileSync(notesFile(dir)).equals(bytes)).toBe(true);
	});

	it('keeps the permissions of notes.json and clears temporary files a killed writer left', async () => {
		const dir = tempDir();
		await addNote(dir, zelenskyy, 'one');
		chmodSync(notesFile(dir), 0o600);
		writeFileSync(join(dir, '.notes.json.0123456789ab.tmp'), '{"half');
		await addNote(dir, zelenskyy, 'two');
		expect(statSync(notesFile(dir)).mode & 0o777).toBe(0o600);
		expect(tempFiles(dir)).toEqual([]);
	});

	const valid = serializeNotes({
		...emptyNotes(),
		nextId: 2,
		notes: [{id: 'n-1', target: zelenskyy, text: 'kept', created: '2024-11-01T10:00:00.000Z', updated: '2024-11-01T10:00:00.000Z'}],
	});
	it.each([
		[
			'truncated',
			valid.slice(0, 60),
			/is not valid JSON: it ends in the middle of a value, at line 6, column \d+ \(the file looks cut short\)$/,
			0,
		],
		['empty', '', /is not valid JSON: the file is empty$/, 0],
		['not JSON', 'my notes: call Sullivan', /is not valid JSON: unexpected "m" at line 1, column 1$/, 0],
		['an array', '[]', /is not a notes file \(expected a JSON object\)/, 0],
		['without notes', '{"schemaVersion": 1, "nextId": 1}', /"notes" is not a list/, 0],
		['with a malformed note', valid.replace('"text": "kept"', '"text": 7'), /notes\[0\] has no text/, 0],
		[
			'from a newer briefing',
			valid.replace('"schemaVersion": 1', '"schemaVersion": 2'),
			/newer briefing \(notes schema 2, this one reads 1\)/,
			1,
		],
	])(
		'a notes.json that is %s is reported with its path, read as far as it can be, and never overwritten',
		async (_what, content, problem, readable) => {
			const dir = tempDir();
			writeFileSync(notesFile(dir), content);
			const state = await loadNotes(dir);
			expect(state.problem).toMatch(problem);
			expect(state.problem!.startsWith(`${notesFile(dir)}: `)).toBe(true);
			expect(state.notes).toHaveLength(readable);
			await expect(addNote(dir, zelenskyy, 'new')).rejects.toThrow(NotesFileError);
			await expect(addNote(dir, zelenskyy, 'new')).rejects.toThrow(`${notesFile(dir)}: `);
			await expect(editNote(dir, 'n-1', 'new')).rejects.toThrow(/left as it is and no note was changed \(briefing doctor explains\)$/);
			await expect(removeNote(dir, 'n-1')).rejects.toThrow(NotesFileError);
			expect(readFileSync(notesFile(dir), 'utf8')).toBe(content);
			expect(readdirSync(dir)).toEqual(['notes.json']);
		},
	);

	it('loses no note when changes in one process run at once', async () => {
		const dir = tempDir();
		await Promise.all(Array.from({length: 30}, (_, i) => addNote(dir, zelenskyy, `note ${i}`)));
		const {notes} = await loadNotes(dir);
		expect(notes).toHaveLength(30);
		expect(new Set(notes.map((note) => note.id)).size).toBe(30);
	});

	it('takes over at once a lock whose process is gone, and waits for a live one', async () => {
		const dir = tempDir();
		const lock = join(dir, NOTES_LOCK_FILE);
		const dead = spawnSync(process.execPath, ['-e', '']).pid!;
		// Dated an hour ahead, the lock is never old enough to be taken over for its age: only the
		// holder being gone lets this note through, and at once (else it would give up, 30 s on).
		writeFileSync(lock, `${dead} ${hostname()}\n`);
		const ahead = new Date(Date.now() + 3_600_000);
		utimesSync(lock, ahead, ahead);
		await addNote(dir, zelenskyy, 'after a crash');
		expect(existsSync(lock)).toBe(false);
		expect((await loadNotes(dir)).notes.map((note) => note.text)).toEqual(['after a crash']);

		// A live holder (this test's parent process, say) keeps its lock however old it is.
		const live = `${process.ppid} ${hostname()}\n`;
		writeFileSync(lock, live);
		const old = new Date(Date.now() - 60_000);
		utimesSync(lock, old, old);
		const waiting = addNote(dir, zelenskyy, 'waited');
		// The writer looks at the lock as soon as it is called, and again every 5-25 ms: it left the
		// lock alone the first time, and over what is, on any machine, a few more looks.
		await new Promise((resolve) => setImmediate(resolve));
		expect(readFileSync(lock, 'utf8')).toBe(live);
		await new Promise((resolve) => setTimeout(resolve, 300));
		expect(readFileSync(lock, 'utf8')).toBe(live);
		expect((await loadNotes(dir)).notes).toHaveLength(1);
		rmSync(lock);
		expect((await waiting).notes).toHaveLength(2);
	});
});

describe('notes of a briefing (pure)', () => {
	const before = briefing(['Zelenskyy spoke.', 'Zelenskyy travelled.']);
	const spoke = before.events[0]!;
	const travelled = before.events[1]!;
	const quote = before.quotes[0]!;
	const sullivan = before.actors.find((actor) => actor.name === 'Jake Sullivan')!;
	const note = (id: string, target: NoteTarget) => ({
		id,
		target,
		text: `on ${target.text}`,
		created: '2024-11-01T00:00:00.000Z',
		updated: '2024-11-01T00:00:00.000Z',
	});
	const notes = [
		note('n-1', eventTarget(spoke)),
		note('n-2', eventTarget(travelled)),
		note('n-3', quoteTarget(quote)),
		note('n-4', actorTarget(sullivan)),
	];

	it('resolves targets by kind and id', () => {
		expect(resolveTarget(before, 'event', spoke.id)).toEqual({kind: 'event', id: spoke.id, text: 'Zelenskyy spoke.'});
		expect(resolveTarget(before, 'quote', quote.id)).toEqual({kind: 'quote', id: quote.id, text: 'We will win'});
		expect(resolveTarget(before, 'actor', 'p-jake-sullivan')).toEqual({kind: 'actor', id: 'p-jake-sullivan', text: 'Jake Sullivan'});
		expect(resolveTarget(before, 'event', quote.id)).toBeNull();
		expect(notesOn(notes, 'event', spoke.id).map((n) => n.id)).toEqual(['n-1']);
	});

	it('marks the notes whose target is gone as detached, keeping the copied text', () => {
		// An edited article: one sentence changed, so its event has a new id; the other keeps its id.
		const after = briefing(['Zelenskyy spoke.', 'Zelenskyy flew to Washington.']);
		expect(after.events[0]!.id).toBe(spoke.id);
		const listed = listNotes(notes, after);
		expect(listed.map((n) => [n.id, n.detached, n.targetText])).toEqual([
			['n-1', false, 'Zelenskyy spoke.'],
			['n-2', true, 'Zelenskyy travelled.'],
			['n-3', false, 'We will win'],
			['n-4', false, 'Jake Sullivan'],
		]);
		expect(listNotes(notes, emptyBriefing()).every((n) => n.detached)).toBe(true);
	});

	it('lists one actor’s notes: on the actor, its events and its quotes', () => {
		expect(listNotes(notes, before, {actorIds: new Set(['p-volodymyr-zelenskyy'])}).map((n) => n.id)).toEqual(['n-1', 'n-2']);
		expect(listNotes(notes, before, {actorIds: new Set([sullivan.id])}).map((n) => n.id)).toEqual(['n-3', 'n-4']);
	});
});

// Two processes on one directory, as two dashboards or a dashboard and `briefing note add` are.
// They load the store bundled on its own (esbuild), as dist/cli.js bundles it.
describe('notes.json shared by several processes', () => {
	const tempDir = useTempDir();
	const bundle = useBundle("export * from './source/store/notes.ts';");

	const runWriter = (dir: string, label: string, count: number | 'forever', pauseMs = 0, start: 'now' | 'stdin' = 'now') =>
		spawn(process.execPath, [writer, bundle(), dir, label, String(count)], {
			stdio: [start === 'stdin' ? 'pipe' : 'ignore', 'pipe', 'pipe'],
			env: {...process.env, PAUSE_MS: String(pauseMs), START: start},
		});

	it.each([
		['in tight loops', 0],
		['pausing up to 4 ms between notes', 4],
	])('two processes adding 200 notes each at the same time (%s) end with 400 notes', async (how, pauseMs) => {
		const dir = tempDir();
		const PROCESSES = 2;
		const EACH = 200;
		// Both are loaded before either writes, so that they write at the same time, however long a
		// busy machine took to start each.
		const children = Array.from({length: PROCESSES}, (_, p) => runWriter(dir, `p${p}`, EACH, pauseMs, 'stdin'));
		const results = children.map((child) => {
			let stderr = '';
			child.stderr!.on('data', (chunk) => (stderr += chunk));
			return new Promise<{code: number | null; stderr: string}>((resolve) => child.on('close', (code) => resolve({code, stderr})));
		});
		await Promise.all(children.map((child) => once(child.stdout!, 'data')));
		for (const child of children) child.stdin!.end('go\n');
		expect(await Promise.all(results)).toEqual(Array.from({length: PROCESSES}, () => ({code: 0, stderr: ''})));
		const {notes, problem} = await loadNotes(dir);
		expect(problem).toBeNull();
		const ids = new Set(notes.map((note) => note.id));
		for (let p = 0; p < PROCESSES; p++) {
			const texts = notes.filter((note) => note.text.startsWith(`p${p} `)).map((note) => note.text);
			expect(texts).toEqual(Array.from({length: EACH}, (_, i) => `p${p} ${i}`));
		}
		// How often the file order switches from one process's notes to the other's: from 2 on, the
		// writes really were interleaved, not one process after the other.
		const switches = notes.filter((note, i) => i > 0 && note.text.slice(0, 2) !== notes[i - 1]!.text.slice(0, 2)).length;
		console.log(
			`notes concurrency, ${how}: ${PROCESSES} processes, ${PROCESSES * EACH} notes written, ${notes.length} found, ${ids.size} distinct ids, ${switches} switches between writers`,
		);
		expect(notes).toHaveLength(PROCESSES * EACH);
		expect(ids.size).toBe(PROCESSES * EACH);
		// Pausing writers that start together let each other in: it happened at least once.
		if (pauseMs > 0) expect(switches).toBeGreaterThan(1);
		expect(readdirSync(dir).sort()).toEqual(['notes.json']);
	});

	it('a writer killed with SIGKILL at any moment leaves a whole notes.json, and the next one goes on', async () => {
		const dir = tempDir();
		let found = 0;
		for (let round = 0; round < 6; round++) {
			const child = runWriter(dir, `r${round}`, 'forever');
			// Wait until it has written a few notes, then kill it somewhere in the middle of one.
			await new Promise<void>((resolve) => {
				let lines = 0;
				child.stdout!.on('data', (chunk: Buffer) => {
					lines += chunk.toString().split('\n').length - 1;
					if (lines >= 3 + round * 5) resolve();
				});
			});
			await new Promise((resolve) => setTimeout(resolve, Math.random() * 20));
			const closed = new Promise((resolve) => child.on('close', resolve));
			child.kill('SIGKILL');
			await closed;
			const {notes, problem} = await loadNotes(dir);
			expect(problem).toBeNull();
			expect(notes.length).toBeGreaterThan(found);
			found = notes.length;
		}
		// The lock and temporary file a killed writer may leave do not stop the next writer.
		const saved = await addNote(dir, zelenskyy, 'after the kills');
		expect(saved.notes).toHaveLength(found + 1);
		expect(readdirSync(dir)).toEqual(['notes.json']);
	});
});
