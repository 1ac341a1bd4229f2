import {spawn, spawnSync} from 'node:child_process';
import {copyFileSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {useTempDir} from './helpers.js';
import {buildBeforeAll, cli, cliEnv, seed} from './cli-helpers.js';

// `briefing note ...` and `briefing notes` end to end through the built bundle, on the seed
// article ingested into a temporary directory.

buildBeforeAll();

type Id = {id: string};
type JsonNote = {
	id: string;
	text: string;
	target: {kind: string; id: string; text: string};
	detached: boolean;
	created: string;
	updated: string;
};

describe('briefing note / notes', () => {
	const tempDir = useTempDir();
	const run = (dir: string, args: string[], input?: string) => {
		const result = spawnSync(process.execPath, [cli, ...args, '--dir', dir], {encoding: 'utf8', env: cliEnv(dir), input});
		return {status: result.status, stdout: result.stdout, stderr: result.stderr};
	};
	const json = <T>(dir: string, args: string[]): T => {
		const result = run(dir, [...args, '--json']);
		expect(result.stderr).toBe('');
		return JSON.parse(result.stdout) as T;
	};
	// A directory with the seed article ingested from a copy that a test may edit.
	const ingestedDir = () => {
		const dir = tempDir();
		const article = join(dir, 'article.txt');
		copyFileSync(seed, article);
		expect(run(dir, ['ingest', article]).status).toBe(0);
		return {dir, article};
	};
	// Ingesting takes a second (the NLP), so most tests start from a copy of one ingested briefing.
	let template = '';
	beforeAll(() => {
		template = mkdtempSync(join(tmpdir(), 'briefing-notes-'));
		copyFileSync(seed, join(template, 'article.txt'));
		expect(run(template, ['ingest', join(template, 'article.txt')]).status).toBe(0);
	});
	afterAll(() => rmSync(template, {recursive: true, force: true}));
	const briefingDir = () => {
		const dir = tempDir();
		for (const name of ['article.txt', 'briefing.json']) copyFileSync(join(template, name), join(dir, name));
		return {dir};
	};
	const notesOnDisk = (dir: string) => JSON.parse(readFileSync(join(dir, 'notes.json'), 'utf8'));

	it('adds notes to an event, a quote and an actor, and stores them in notes.json', () => {
		const {dir} = briefingDir();
		const event = json<Array<Id & {text: string}>>(dir, ['events']).find((e) => e.text.includes('12,000'))!;
		const quote = json<Array<Id & {text: string}>>(dir, ['quotes'])[0]!;

		const added = [
			run(dir, ['note', 'add', '--event', event.id, 'Check the 12,000 figure']),
			run(dir, ['note', 'add', '--quote', quote.id, 'Who', 'else', 'said', 'this?']),
			run(dir, ['note', 'add', '--actor', 'zelenskyy', 'Ask for his Telegram post']),
			run(dir, ['note', 'add', '--actor', 'c-north-korea', 'By id']),
		];
		expect(added.map((r) => [r.status, r.stderr])).toEqual(Array.from({length: 4}, () => [0, '']));
		expect(added.map((r) => r.stdout)).toEqual([
			`added note n-1 on event ${event.id}\n`,
			`added note n-2 on quote ${quote.id}\n`,
			'added note n-3 on actor p-volodymyr-zelenskyy\n',
			'added note n-4 on actor c-north-korea\n',
		]);

		const stored = notesOnDisk(dir);
		expect(stored.schemaVersion).toBe(1);
		expect(stored.nextId).toBe(5);
		expect(stored.notes.map((n: JsonNote) => [n.id, n.target, n.text])).toEqual([
			['n-1', {kind: 'event', id: event.id, text: event.text}, 'Check the 12,000 figure'],
			['n-2', {kind: 'quote', id: quote.id, text: quote.text}, 'Who else said this?'],
			['n-3', {kind: 'actor', id: 'p-volodymyr-zelenskyy', text: 'Volodymyr Zelenskyy'}, 'Ask for his Telegram post'],
			['n-4', {kind: 'actor', id: 'c-north-korea', text: 'North Korea'}, 'By id'],
		]);
		for (const note of stored.notes) {
			expect(note.created).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
			expect(note.updated).toBe(note.created);
		}
		expect(readdirSync(dir).sort()).toEqual(['article.txt', 'briefing.json', 'notes.json']);
	});

	it('lists notes as JSON and text, and for one actor', () => {
		const {dir} = briefingDir();
		const event = json<Array<Id & {text: string}>>(dir, ['events', '--actor', 'yermak'])[0]!;
		run(dir, ['note', 'add', '--event', event.id, 'On Yermak’s event']);
		run(dir, ['note', 'add', '--actor', 'Pat Ryder', 'On Ryder']);
		const notes = json<JsonNote[]>(dir, ['notes']);
		expect(notes).toEqual([
			{
				id: 'n-1',
				text: 'On Yermak’s event',
				target: {kind: 'event', id: event.id, text: event.text},
				detached: false,
				created: expect.any(String),
				updated: expect.any(String),
			},
			{
				id: 'n-2',
				text: 'On Ryder',
				target: {kind: 'actor', id: 'p-pat-ryder', text: 'Pat Ryder'},
				detached: false,
				created: expect.any(String),
				updated: expect.any(String),
			},
		]);
		expect(json<JsonNote[]>(dir, ['notes', '--actor', 'andriy yermak']).map((n) => n.id)).toEqual(['n-1']);
		expect(json<JsonNote[]>(dir, ['notes', '--actor', 'ryder']).map((n) => n.id)).toEqual(['n-2']);
		expect(json<JsonNote[]>(dir, ['notes', '--actor', 'Yoon']).map((n) => n.id)).toEqual([]);

		const text = run(dir, ['notes']);
		expect(text.status).toBe(0);
		expect(text.stdout).toMatch(
			new RegExp(`^n-1 · event ${event.id} · \\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}\\n  on: Sullivan and Andriy Yermak`),
		);
		expect(text.stdout).toContain('\n  On Yermak’s event\n\nn-2 · actor p-pat-ryder · ');
		expect(text.stdout).not.toContain('detached');
		expect(run(dir, ['notes', '--actor', 'Yoon']).stdout).toBe('No notes.\n');
	});

	it('reads the note from stdin for -, edits and removes notes', () => {
		const {dir} = briefingDir();
		const added = run(dir, ['note', 'add', '--actor', 'Yoon Suk Yeol', '-'], 'Two lines\nfrom stdin\n');
		expect(added.stdout).toBe('added note n-1 on actor p-yoon-suk-yeol\n');
		run(dir, ['note', 'add', '--actor', 'Yoon', 'second']);
		expect(notesOnDisk(dir).notes[0].text).toBe('Two lines\nfrom stdin');
		expect(run(dir, ['notes']).stdout).toContain('\n  Two lines\n  from stdin\n');

		const edited = run(dir, ['note', 'edit', 'n-1', 'Rewritten']);
		expect([edited.status, edited.stdout]).toEqual([0, 'edited note n-1\n']);
		const note = notesOnDisk(dir).notes[0];
		expect(note.text).toBe('Rewritten');
		expect(note.updated >= note.created).toBe(true);

		const removed = run(dir, ['note', 'rm', 'n-1']);
		expect([removed.status, removed.stdout, removed.stderr]).toEqual([0, 'removed note n-1\n', '']);
		expect(json<JsonNote[]>(dir, ['notes']).map((n) => n.id)).toEqual(['n-2']);
		// Ids are not reused.
		expect(run(dir, ['note', 'add', '--actor', 'Yoon', 'third']).stdout).toBe('added note n-3 on actor p-yoon-suk-yeol\n');
	});

	describe('errors: one line on stderr, exit 1, notes.json untouched', () => {
		const cases: Array<[string, string[], RegExp, string?]> = [
			[
				'an unknown event id',
				['note', 'add', '--event', 'e-0000000000', 'x'],
				/^briefing: there is no event e-0000000000 \(briefing events --json lists the ids\)$/,
			],
			[
				'a quote id given as an event',
				['note', 'add', '--event', 'QUOTE', 'x'],
				/^briefing: there is no event q-\w+; q-\w+ is a quote: use --quote$/,
			],
			['an unknown quote id', ['note', 'add', '--quote', 'q-0000000000', 'x'], /^briefing: there is no quote q-0000000000/],
			[
				'an unknown actor',
				['note', 'add', '--actor', 'Nobody At All', 'x'],
				/^briefing: no actor is called "Nobody At All" \(briefing actors lists them\)$/,
			],
			[
				'an ambiguous actor',
				['note', 'add', '--actor', 'korea', 'x'],
				/^briefing: "korea" could be 2 actors: North Korea \(c-north-korea\), South Korea \(c-south-korea\); give the full name or the id$/,
			],
			['empty text', ['note', 'add', '--actor', 'Yoon', ''], /^briefing: the note is empty$/],
			['blank text', ['note', 'add', '--actor', 'Yoon', '  '], /^briefing: the note is empty$/],
			['empty stdin', ['note', 'add', '--actor', 'Yoon', '-'], /^briefing: the note is empty$/, '\n\n'],
			['no text', ['note', 'add', '--actor', 'Yoon'], /^briefing: note add needs the note's text, or - to read it from stdin$/],
			['no target', ['note', 'add', 'x'], /^briefing: note add needs exactly one of --event ID, --quote ID or --actor NAME$/],
			['two targets', ['note', 'add', '--actor', 'Yoon', '--event', 'e-1', 'x'], /needs exactly one of .*, not --event and --actor$/],
			['an unknown note to remove', ['note', 'rm', 'n-99'], /^briefing: there is no note n-99 \(briefing notes lists them\)$/],
			['an unknown note to edit', ['note', 'edit', 'n-99', 'x'], /^briefing: there is no note n-99/],
			['a note command without a subcommand', ['note'], /^briefing: note needs add, edit or rm/],
			['an unknown note subcommand', ['note', 'delete', 'n-1'], /^briefing: unknown note command "delete"/],
			['an unknown actor for notes', ['notes', '--actor', 'Nobody At All'], /^briefing: no actor is called "Nobody At All"/],
			['--event with another command', ['events', '--event', 'e-1'], /^briefing: --event does not apply to the events command/],
			['--actor with note rm', ['note', 'rm', 'n-1', '--actor', 'Yoon'], /^briefing: --actor does not apply to note rm/],
		];
		it.each(cases)('%s', (_what, args, message, input) => {
			const {dir} = briefingDir();
			run(dir, ['note', 'add', '--actor', 'Yoon', 'a note that stays']);
			const before = readFileSync(join(dir, 'notes.json'));
			const quote = json<Id[]>(dir, ['quotes'])[0]!.id;
			const result = run(
				dir,
				args.map((arg) => (arg === 'QUOTE' ? quote : arg)),
				input,
			);
			expect(result.status).toBe(1);
			expect(result.stdout).toBe('');
			expect(result.stderr.endsWith('\n') && result.stderr.split('\n').length).toBe(2);
			expect(result.stderr.trimEnd()).toMatch(message);
			expect(readFileSync(join(dir, 'notes.json')).equals(before)).toBe(true);
		});

		it('adding a note before anything is ingested', () => {
			const dir = tempDir();
			const result = run(dir, ['note', 'add', '--actor', 'zelenskyy', 'x']);
			expect([result.status, result.stderr]).toEqual([
				1,
				'briefing: nothing has been ingested yet, and notes go on your own briefing (briefing ingest FILE...)\n',
			]);
			expect(readdirSync(dir)).toEqual([]);
		});
	});

	it('keeps every note when the article is ingested again, and marks those whose target vanished as detached', () => {
		const {dir, article} = ingestedDir();
		const events = json<Array<Id & {text: string}>>(dir, ['events']);
		const quotes = json<Array<Id & {text: string}>>(dir, ['quotes']);
		for (const event of events) run(dir, ['note', 'add', '--event', event.id, `on ${event.id}`]);
		for (const quote of quotes) run(dir, ['note', 'add', '--quote', quote.id, `on ${quote.id}`]);
		for (const actor of ['Telegram', 'Volodymyr Zelenskyy']) run(dir, ['note', 'add', '--actor', actor, `on ${actor}`]);
		const count = events.length + quotes.length + 2;
		const notesBytes = readFileSync(join(dir, 'notes.json'));
		expect(notesOnDisk(dir).notes).toHaveLength(count);

		// Unchanged: nothing is detached.
		expect(run(dir, ['ingest', article]).stdout).toMatch(/^unchanged /);
		expect(json<JsonNote[]>(dir, ['notes']).filter((n) => n.detached)).toEqual([]);

		// Edited: one sentence reworded (its event gets a new id), the Telegram paragraph (a quote and
		// the only mention of Telegram) deleted.
		const text = readFileSync(article, 'utf8');
		const edited = text
			.replace('increase to 12,000.', 'increase to 10,000.')
			.split('\n\n')
			.filter((paragraph) => !paragraph.includes('Telegram'))
			.join('\n\n');
		expect(edited).not.toBe(text);
		writeFileSync(article, edited);
		expect(run(dir, ['ingest', article]).stdout).toMatch(/^updated /);
		expect(readFileSync(join(dir, 'notes.json')).equals(notesBytes)).toBe(true);

		const now = new Set(
			[...json<Id[]>(dir, ['events']), ...json<Id[]>(dir, ['quotes']), ...json<Id[]>(dir, ['actors'])].map((item) => item.id),
		);
		const notes = json<JsonNote[]>(dir, ['notes']);
		expect(notes).toHaveLength(count);
		for (const note of notes) expect([note.id, note.detached]).toEqual([note.id, !now.has(note.target.id)]);
		const detached = notes.filter((n) => n.detached);
		const gone = (id: string) => detached.some((n) => n.target.id === id);
		expect(gone(events.find((e) => e.text.includes('12,000'))!.id)).toBe(true);
		expect(gone(quotes.find((q) => q.text.includes('only one conclusion'))!.id)).toBe(true);
		expect(gone('o-telegram')).toBe(true);
		expect(gone('p-volodymyr-zelenskyy')).toBe(false);
		expect(detached.length).toBeLessThan(count);

		// The text output says which are detached and keeps what they were about.
		const output = run(dir, ['notes']).stdout;
		expect(output).toMatch(
			/^n-\d+ · event e-\w+ · detached · .*\n {2}on \(no longer in the briefing\): Zelenskyy said on Tuesday .*increase to 12,000\.$/m,
		);
		expect(output).toContain('actor o-telegram · detached');
		expect(output).toContain('  on (no longer in the briefing): Telegram\n');
	});

	describe('a notes.json that cannot be read is reported with its path and never overwritten', () => {
		const valid = `${JSON.stringify({schemaVersion: 1, nextId: 2, notes: [{id: 'n-1', target: {kind: 'actor', id: 'p-pat-ryder', text: 'Pat Ryder'}, text: 'kept', created: '2024-11-01T10:00:00.000Z', updated: '2024-11-01T10:00:00.000Z'}]}, null, 2)}\n`;
		const cases: Array<[string, string, RegExp]> = [
			[
				'truncated',
				valid.slice(0, 80),
				/notes\.json: is not valid JSON: it ends in the middle of a value, at line 7, column \d+ \(the file looks cut short\)/,
			],
			['not JSON', 'call Sullivan back\n', /notes\.json: is not valid JSON: unexpected "c" at line 1, column 1/],
			[
				'of the wrong shape',
				'{"schemaVersion": 1, "nextId": 1, "notes": {}}',
				/notes\.json: is not a notes file \("notes" is not a list\)/,
			],
			[
				'from a newer briefing',
				valid.replace('"schemaVersion": 1', '"schemaVersion": 7'),
				/notes\.json: was written by a newer briefing \(notes schema 7, this one reads 1\); upgrade briefing/,
			],
		];
		it.each(cases)('%s', (_what, content, problem) => {
			const {dir} = briefingDir();
			const file = join(dir, 'notes.json');
			writeFileSync(file, content);

			for (const args of [
				['note', 'add', '--actor', 'Yoon', 'new'],
				['note', 'rm', 'n-1'],
				['note', 'edit', 'n-1', 'new'],
			]) {
				const refused = run(dir, args);
				expect(refused.status).toBe(1);
				expect(refused.stdout).toBe('');
				expect(refused.stderr).toMatch(new RegExp(`^briefing: ${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: `));
				expect(refused.stderr.trimEnd()).toMatch(problem);
				expect(refused.stderr).toMatch(/; it was left as it is and no note was changed \(briefing doctor explains\)\n$/);
				expect(refused.stderr.split('\n')).toHaveLength(2);
			}

			// Reading commands go on, with a warning naming the file.
			for (const args of [['notes'], ['events'], ['actors', '--json']]) {
				const read = run(dir, args);
				expect(read.status).toBe(0);
				expect(read.stdout).not.toBe('');
				expect(read.stderr).toMatch(
					/^briefing: warning: .*notes\.json: .*; notes are read-only until it is fixed \(briefing doctor explains\)\n$/,
				);
				expect(read.stderr).toContain(file);
			}
			// What can still be read is listed: here only the newer file's note.
			const listed = JSON.parse(run(dir, ['notes', '--json']).stdout);
			expect(listed.map((n: JsonNote) => n.text)).toEqual(content.includes('"schemaVersion": 7') ? ['kept'] : []);

			expect(readFileSync(file, 'utf8')).toBe(content);
			expect(readdirSync(dir).sort()).toEqual(['article.txt', 'briefing.json', 'notes.json']);
		});
	});

	it('two note add loops at once lose no note', async () => {
		const {dir} = briefingDir();
		const loop = async (label: string) => {
			for (let i = 0; i < 8; i++) {
				const code = await new Promise<number | null>((resolve) => {
					spawn(process.execPath, [cli, 'note', 'add', '--actor', 'Yoon', `${label} ${i}`, '--dir', dir], {
						env: cliEnv(dir),
						stdio: 'ignore',
					}).on('close', resolve);
				});
				expect(code).toBe(0);
			}
		};
		await Promise.all([loop('a'), loop('b')]);
		const notes = json<JsonNote[]>(dir, ['notes']);
		expect(notes).toHaveLength(16);
		expect(new Set(notes.map((n) => n.id)).size).toBe(16);
		expect(existsSync(join(dir, 'notes.lock'))).toBe(false);
	});

	it('is in the help', () => {
		const help = spawnSync(process.execPath, [cli, '--help'], {encoding: 'utf8'}).stdout;
		expect(help).toContain('notes             List your notes');
		expect(help).toContain('note add --event ID | --quote ID | --actor NAME TEXT');
		expect(help).toContain('note rm ID');
		expect(help).toContain('note edit ID TEXT');
	});
});
