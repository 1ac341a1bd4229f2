import {spawnSync} from 'node:child_process';
import {cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {useTempDir} from './helpers.js';
import {buildBeforeAll, cli, cliEnv, seed} from './cli-helpers.js';

// `briefing doctor` end to end through the built bundle.

buildBeforeAll();

const SECOND =
	'---\ntitle: Talks in Washington\ndate: 2024-11-04\n---\nJake Sullivan met Andriy Yermak in Washington on Monday.\n\n"We will keep helping," Sullivan said.\n';

describe('briefing doctor', () => {
	const tempDir = useTempDir();
	const run = (dir: string, args: string[]) => {
		const result = spawnSync(process.execPath, [cli, ...args, '--dir', dir], {encoding: 'utf8', env: cliEnv(dir)});
		return {status: result.status, stdout: result.stdout, stderr: result.stderr};
	};
	// Two articles and two notes, ingested once; each test works on a copy.
	let template = '';
	beforeAll(() => {
		template = mkdtempSync(join(tmpdir(), 'briefing-doctor-'));
		writeFileSync(join(template, 'second.md'), SECOND);
		expect(run(template, ['ingest', seed, join(template, 'second.md')]).status).toBe(0);
		expect(run(template, ['note', 'add', '--actor', 'zelenskyy', 'On Zelenskyy']).status).toBe(0);
		expect(run(template, ['note', 'add', '--actor', 'Andriy Yermak', 'On Yermak']).status).toBe(0);
	});
	afterAll(() => rmSync(template, {recursive: true, force: true}));
	const copy = () => {
		const dir = tempDir();
		cpSync(template, dir, {recursive: true});
		return dir;
	};
	const read = (dir: string, name: string) => readFileSync(join(dir, name), 'utf8');
	const backups = (dir: string) => readdirSync(dir).filter((name) => name.includes('.bak-'));

	it('says all is well, exit 0, on a sound directory and on one with nothing in it yet', () => {
		const dir = copy();
		const result = run(dir, ['doctor']);
		expect(result).toEqual({
			status: 0,
			stdout: `${join(dir, 'briefing.json')}: ok (2 articles, 16 actors, 10 events, 3 quotes)\n${join(dir, 'notes.json')}: ok (2 notes)\nAll is well.\n`,
			stderr: '',
		});
		const empty = join(tempDir(), 'none');
		expect(run(empty, ['doctor'])).toMatchObject({
			status: 0,
			stdout: expect.stringMatching(/none yet \(nothing has been ingested\)\n.*none yet \(no notes\)\nAll is well\.\n$/),
		});
		expect(existsSync(empty)).toBe(false);
	});

	it('explains a briefing.json cut short and exits 1 without --fix; with --fix rebuilds it after a backup, ids unchanged', () => {
		const dir = copy();
		const events = JSON.parse(run(dir, ['events', '--json']).stdout) as Array<{id: string; article: {title: string}}>;
		const whole = read(dir, 'briefing.json');
		const notes = read(dir, 'notes.json');
		// Cut inside the second article: the first one (the seed) can be read.
		const cut = whole.slice(0, whole.indexOf('"title":"Talks in Washington"'));
		writeFileSync(join(dir, 'briefing.json'), cut);

		const refused = run(dir, ['events']);
		expect(refused.status).toBe(1);
		expect(refused.stderr).toMatch(
			/^briefing: .*briefing\.json: is not valid JSON: it ends in the middle of a value, at line \d+, column \d+ \(the file looks cut short\); it was left as it is \(briefing doctor explains\)\n$/,
		);

		const explained = run(dir, ['doctor']);
		expect(explained.status).toBe(1);
		expect(explained.stdout.split('\n')).toEqual([
			expect.stringMatching(
				/briefing\.json: is not valid JSON: it ends in the middle of a value, at line \d+, column \d+ \(the file looks cut short\)$/,
			),
			'  briefing does not read it, nor write over it, until it is repaired',
			'  the texts of 1 article can be read from it',
			`  1 article cannot be read from it and must be ingested again: ${join(template, 'second.md')}`,
			'  briefing doctor --fix copies it to a backup and rebuilds briefing.json from those texts; ids stay as they were, so notes stay on their items',
			`${join(dir, 'notes.json')}: ok (2 notes)`,
			'1 problem; nothing was changed. briefing doctor --fix repairs it, after a backup.',
			'',
		]);
		expect(read(dir, 'briefing.json')).toBe(cut);
		expect(backups(dir)).toEqual([]);

		const fixed = run(dir, ['doctor', '--fix']);
		expect(fixed.status).toBe(0);
		const [backup] = backups(dir);
		expect(fixed.stdout).toContain(
			`  backed up to ${join(dir, backup!)}\n  rebuilt from the texts of 1 article: 16 actors, 8 events, 2 quotes\n`,
		);
		expect(fixed.stdout).toContain(
			`  1 article could not be recovered and must be ingested again: ${join(template, 'second.md')}\n${join(dir, 'notes.json')}: ok (2 notes)\nRepaired 1 problem; the old files are kept as backups.\n`,
		);
		expect(read(dir, backup!)).toBe(cut);
		expect(read(dir, 'notes.json')).toBe(notes);
		const after = JSON.parse(run(dir, ['events', '--json']).stdout) as Array<{id: string}>;
		expect(after.map((event) => event.id)).toEqual(
			events.filter((event) => event.article.title !== 'Talks in Washington').map((event) => event.id),
		);
		expect(run(dir, ['doctor']).status).toBe(0);

		// The lost article comes back by ingesting it again, with the same ids as before.
		expect(run(dir, ['ingest', join(template, 'second.md')]).status).toBe(0);
		expect((JSON.parse(run(dir, ['events', '--json']).stdout) as Array<{id: string}>).map((event) => event.id)).toEqual(
			events.map((event) => event.id),
		);
	});

	it('repairs a damaged notes.json without dropping a note, after a backup', () => {
		const dir = copy();
		const notes = read(dir, 'notes.json');
		const damaged = notes.replace('"nextId": 3', '"nextId": three');
		writeFileSync(join(dir, 'notes.json'), damaged);
		expect(run(dir, ['note', 'add', '--actor', 'zelenskyy', 'x'])).toMatchObject({
			status: 1,
			stderr: expect.stringMatching(
				/notes\.json: is not valid JSON: unexpected "t" at line 3, column 13; it was left as it is and no note was changed \(briefing doctor explains\)\n$/,
			),
		});

		const explained = run(dir, ['doctor']);
		expect(explained.status).toBe(1);
		expect(explained.stdout).toContain(
			'notes.json: is not valid JSON: unexpected "t" at line 3, column 13\n  briefing lists the notes it can read of it, and changes none until it is repaired\n  2 notes can be read from it: n-1, n-2\n  there is no whole backup of it\n',
		);
		expect(read(dir, 'notes.json')).toBe(damaged);

		const fixed = run(dir, ['doctor', '--fix']);
		expect(fixed.status).toBe(0);
		expect(fixed.stdout).toContain('  wrote 2 notes (2 read from it)\n');
		expect(read(dir, backups(dir)[0]!)).toBe(damaged);
		expect(JSON.parse(read(dir, 'notes.json'))).toEqual(JSON.parse(notes));
		expect(run(dir, ['note', 'add', '--actor', 'zelenskyy', 'third']).stdout).toBe('added note n-3 on actor p-volodymyr-zelenskyy\n');
	});

	it('keeps every note it can read a text and an item from, however notes.json is damaged, and counts truly', () => {
		const dir = copy();
		for (const n of [3, 4, 5, 6]) expect(run(dir, ['note', 'add', '--actor', 'zelenskyy', `note ${n}`]).status).toBe(0);
		const whole = read(dir, 'notes.json');
		const all = ['n-1', 'n-2', 'n-3', 'n-4', 'n-5', 'n-6'];
		const textLine = (n: number) => whole.split('\n').find((line) => line.includes(`"text": "note ${n}"`))!;
		// Each damage, and the ids that doctor can no longer keep (no text can be read of them).
		const damages: Array<{what: string; damage: (text: string) => string; unkept: string[]}> = [
			{what: 'a stray comma', damage: (t) => t.replace(textLine(3), `${textLine(3)},`), unkept: []},
			{what: 'a missing comma', damage: (t) => t.replace(textLine(4), textLine(4).replace(/,$/, '')), unkept: []},
			{what: 'a missing text', damage: (t) => t.replace(`${textLine(4)}\n`, ''), unkept: ['n-4']},
			{what: 'a text that is a number', damage: (t) => t.replace(textLine(5), '      "text": 5,'), unkept: ['n-5']},
			{what: 'a text with no closing quote', damage: (t) => t.replace(textLine(6), textLine(6).replace('",', ',')), unkept: ['n-6']},
			{what: 'a cut in the middle of a text', damage: (t) => t.slice(0, t.indexOf(textLine(6)) + 16), unkept: ['n-6']},
			{what: 'garbage between notes', damage: (t) => t.replace('    },\n    {', '    },\n@@ junk @@\n    {'), unkept: []},
			{what: 'a stray brace', damage: (t) => t.replace('    },\n', '    }},\n'), unkept: []},
			{what: 'an unreadable time', damage: (t) => t.replace(/"created": "[^"]+"/, '"created": "yesterday"'), unkept: []},
			{what: 'a repeated id', damage: (t) => t.replace('"id": "n-6"', '"id": "n-5"'), unkept: []},
		];
		for (const {what, damage, unkept} of damages) {
			const damaged = damage(whole);
			expect(damaged, what).not.toBe(whole);
			writeFileSync(join(dir, 'notes.json'), damaged);
			for (const name of backups(dir)) rmSync(join(dir, name));
			const fixed = run(dir, ['doctor', '--fix']);
			expect(fixed.status, what).toBe(0);
			const kept = (JSON.parse(read(dir, 'notes.json')) as {notes: Array<{id: string; text: string}>}).notes;
			const readable = Number(/ {2}(\d+) notes? can be read from it/.exec(fixed.stdout)?.[1]);
			const wrote = Number(/ {2}wrote (\d+) notes?/.exec(fixed.stdout)?.[1]);
			expect({what, readable, wrote}).toEqual({what, readable: kept.length, wrote: kept.length});
			expect(kept.length, what).toBe(all.length - unkept.length);
			const listed = / {2}\d+ notes? cannot be kept, since no text can be read of (?:it|them): (.+)\n/.exec(fixed.stdout)?.[1];
			expect(listed?.split(', ') ?? [], what).toEqual(unkept);
			expect(fixed.stdout.includes('no note is dropped'), what).toBe(false);
			for (const note of kept) expect(note.text, what).toMatch(/^(On Zelenskyy|On Yermak|note \d)$/);
		}
	});

	it('leaves a file from a newer briefing alone, with or without --fix, and exits 1', () => {
		const dir = copy();
		const newer = read(dir, 'briefing.json').replace('"schemaVersion":3', '"schemaVersion":5');
		writeFileSync(join(dir, 'briefing.json'), newer);
		for (const args of [['doctor'], ['doctor', '--fix']]) {
			const result = run(dir, args);
			expect(result.status).toBe(1);
			expect(result.stdout).toContain(
				'briefing.json: was written by a newer briefing (schema 5, this one reads 3); upgrade briefing\n  doctor leaves it as it is: only a newer briefing can read it\n',
			);
		}
		expect(run(dir, ['doctor', '--fix']).stdout).toMatch(/\n1 problem doctor cannot repair \(see above\)\.\n$/);
		expect(read(dir, 'briefing.json')).toBe(newer);
		expect(backups(dir)).toEqual([]);
	});

	it('migrates an older briefing.json with --fix, keeping the old one', () => {
		const dir = copy();
		const old = read(dir, 'briefing.json').replace('{"schemaVersion":3,\n', '{');
		writeFileSync(join(dir, 'briefing.json'), old);
		expect(run(dir, ['events']).status).toBe(0);
		const explained = run(dir, ['doctor']);
		expect(explained.status).toBe(1);
		expect(explained.stdout).toContain(
			'briefing.json: is schema 0, from an older briefing; it is read as schema 3, and written so once it is backed up\n  schema 0 to 1: ',
		);
		const fixed = run(dir, ['doctor', '--fix']);
		expect(fixed.status).toBe(0);
		expect(read(dir, backups(dir)[0]!)).toBe(old);
		expect(read(dir, 'briefing.json')).toBe(read(template, 'briefing.json'));
	});

	it('takes no arguments, and --fix only goes with doctor', () => {
		const dir = copy();
		expect(run(dir, ['doctor', 'now'])).toMatchObject({status: 1, stderr: 'briefing: doctor takes no arguments (see briefing --help)\n'});
		expect(run(dir, ['events', '--fix'])).toMatchObject({
			status: 1,
			stderr: 'briefing: --fix does not apply to the events command (see briefing --help)\n',
		});
		expect(spawnSync(process.execPath, [cli, '--help'], {encoding: 'utf8'}).stdout).toContain(
			'doctor            Check briefing.json and notes.json',
		);
	});
});
