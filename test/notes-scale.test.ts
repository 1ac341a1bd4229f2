import {spawnSync} from 'node:child_process';
import {readFileSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {buildBeforeAll, cli, cliEnv, seed} from './cli-helpers.js';
import {useTempDir} from './helpers.js';

// A reader who keeps notes for years: nothing may depend on the list being short enough to be
// spread into one call's arguments.

buildBeforeAll();

const COUNT = 200_000;

type NotesFile = {schemaVersion: number; nextId: number; notes: Array<{id: string; text: string}>};

describe(`${COUNT.toLocaleString('en')} notes`, () => {
	const tempDir = useTempDir();
	const run = (dir: string, args: string[]) =>
		spawnSync(process.execPath, [cli, ...args, '--dir', dir], {encoding: 'utf8', env: cliEnv(dir)});

	it('adds, removes and repairs with every note kept', {timeout: 180_000}, () => {
		const dir = tempDir();
		expect(run(dir, ['ingest', seed]).status).toBe(0);
		const actor = (JSON.parse(run(dir, ['actors', '--json']).stdout) as Array<{id: string; name: string}>)[0]!;
		const file = join(dir, 'notes.json');
		const time = '2024-11-01T10:00:00.000Z';
		const notes = Array.from({length: COUNT}, (_, i) => ({
			id: `n-${i + 1}`,
			target: {kind: 'actor', id: actor.id, text: actor.name},
			text: `note ${i + 1}`,
			created: time,
			updated: time,
		}));
		writeFileSync(file, JSON.stringify({schemaVersion: 1, nextId: COUNT + 1, notes}));
		const read = () => JSON.parse(readFileSync(file, 'utf8')) as NotesFile;

		const added = run(dir, ['note', 'add', '--actor', actor.id, 'one more']);
		expect(added.stderr).toBe('');
		expect(added.stdout).toContain(`added note n-${COUNT + 1}`);
		expect(read().notes).toHaveLength(COUNT + 1);

		const removed = run(dir, ['note', 'rm', 'n-7']);
		expect(removed.stderr).toBe('');
		const after = read();
		expect(after.notes).toHaveLength(COUNT);
		expect(after.nextId).toBe(COUNT + 2);

		// A stray comma makes the file invalid JSON; the repair keeps every note around it.
		writeFileSync(file, readFileSync(file, 'utf8').replace('"note 5"', '"note 5",,'));
		const repaired = run(dir, ['doctor', '--fix']);
		expect(repaired.status).toBe(0);
		const fixed = read();
		expect(fixed.notes).toHaveLength(COUNT);
		expect(fixed.nextId).toBe(COUNT + 2);
		expect(fixed.notes.find((note) => note.id === 'n-5')?.text).toBe('note 5');
	});
});
