import {spawnSync} from 'node:child_process';
import {
	chmodSync,
	lstatSync,
	mkdirSync,
	readFileSync,
	readdirSync,
	readlinkSync,
	rmSync,
	statSync,
	symlinkSync,
	writeFileSync,
} from 'node:fs';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {buildBeforeAll, cli, cliEnv, seed} from './cli-helpers.js';
import {useTempDir} from './helpers.js';

// The briefing directory holds the reader's notes: it is private whatever the umask, and briefing
// never silently replaces a notes.json the user protected or linked elsewhere.

buildBeforeAll();

const mode = (path: string) => statSync(path).mode & 0o777;

describe('a private briefing directory', () => {
	const tempDir = useTempDir();
	// The umask is set in a shell around the CLI: a test worker cannot change its own.
	const run = (umask: string, dir: string, args: string[]) =>
		spawnSync('sh', ['-c', `umask ${umask} && exec "$@"`, 'sh', process.execPath, cli, ...args, '--dir', dir], {
			encoding: 'utf8',
			env: cliEnv(dir),
		});
	const ingested = (umask: string) => {
		const dir = join(tempDir(), 'nested', 'briefing');
		expect(run(umask, dir, ['ingest', seed]).status).toBe(0);
		const actor = (JSON.parse(run(umask, dir, ['actors', '--json']).stdout) as Array<{id: string}>)[0]!.id;
		expect(run(umask, dir, ['note', 'add', '--actor', actor, 'mine']).status).toBe(0);
		return dir;
	};

	for (const umask of ['022', '000']) {
		it(`is made 0700, its files 0600, under umask ${umask}`, () => {
			const dir = ingested(umask);
			expect(mode(dir)).toBe(0o700);
			expect(mode(join(dir, '..'))).toBe(0o700);
			expect(mode(join(dir, 'briefing.json'))).toBe(0o600);
			expect(mode(join(dir, 'notes.json'))).toBe(0o600);
			expect(mode(join(dir, 'articles'))).toBe(0o700);
			for (const name of readdirSync(join(dir, 'articles'))) expect(mode(join(dir, 'articles', name))).toBe(0o600);
		});
	}

	it('keeps the mode the user gave a file, and makes backups 0600', () => {
		const dir = ingested('022');
		const notes = join(dir, 'notes.json');
		chmodSync(notes, 0o640);
		expect(run('022', dir, ['note', 'add', '--actor', 'zelenskyy', 'again']).status).toBe(0);
		expect(mode(notes)).toBe(0o640);
		// A damaged notes.json is backed up before doctor --fix rewrites it.
		writeFileSync(notes, readFileSync(notes, 'utf8').replace('"mine"', '"mine",,'));
		chmodSync(notes, 0o644);
		expect(run('000', dir, ['doctor', '--fix']).status).toBe(0);
		const backups = readdirSync(dir).filter((name) => name.startsWith('notes.json.bak-'));
		expect(backups).toHaveLength(1);
		expect(mode(join(dir, backups[0]!))).toBe(0o600);
	});

	it('refuses a read-only notes.json in one line and leaves it as it was', () => {
		const dir = ingested('022');
		const notes = join(dir, 'notes.json');
		chmodSync(notes, 0o444);
		const before = readFileSync(notes, 'utf8');
		const result = run('022', dir, ['note', 'add', '--actor', 'zelenskyy', 'not written']);
		expect(result.status).toBe(1);
		expect(result.stderr).toBe(
			`briefing: ${notes}: is read-only, so briefing does not write over it (chmod u+w lets it); the notes were not changed\n`,
		);
		expect(readFileSync(notes, 'utf8')).toBe(before);
		expect(mode(notes)).toBe(0o444);
	});

	it('writes through a symlinked notes.json to its target, keeping the link', () => {
		const dir = ingested('022');
		const elsewhere = join(tempDir(), 'synced');
		mkdirSync(elsewhere);
		const target = join(elsewhere, 'my-notes.json');
		writeFileSync(target, readFileSync(join(dir, 'notes.json')));
		const link = join(dir, 'notes.json');
		rmSync(link);
		symlinkSync(target, link);
		expect(run('022', dir, ['note', 'add', '--actor', 'zelenskyy', 'through the link']).status).toBe(0);
		expect(lstatSync(link).isSymbolicLink()).toBe(true);
		expect(readlinkSync(link)).toBe(target);
		const texts = (JSON.parse(readFileSync(target, 'utf8')) as {notes: Array<{text: string}>}).notes.map((note) => note.text);
		expect(texts).toEqual(['mine', 'through the link']);
	});
});
