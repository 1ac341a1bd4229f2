import {spawnSync} from 'node:child_process';
import {copyFileSync, mkdtempSync, readFileSync, readdirSync, rmSync, utimesSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {buildBeforeAll, cli, cliEnv, seed} from './cli-helpers.js';

// A full disk for real: a 1 MB tmpfs, filled up. Every command that writes fails on it in one
// line, leaves no lock file behind (an empty one would make the next command wait on it), loses
// nothing already stored, and the next command after space is freed works. Mounting needs root
// and a system that lets this process mount.

buildBeforeAll();

function mountSmallDisk(): {dir: string; unmount: () => void} | string {
	if (process.getuid?.() !== 0) return 'not running as root, which mounting a tmpfs needs';
	const dir = mkdtempSync(join(tmpdir(), 'briefing-full-'));
	const mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', dir], {encoding: 'utf8'});
	if (mounted.status !== 0) {
		rmSync(dir, {recursive: true, force: true});
		return `mount refused: ${(mounted.stderr || String(mounted.error)).trim()}`;
	}
	return {
		dir,
		unmount: () => {
			spawnSync('umount', [dir]);
			rmSync(dir, {recursive: true, force: true});
		},
	};
}

// Writes until the disk refuses: the filler takes every block left.
function fill(dir: string): string {
	const filler = join(dir, 'filler');
	const block = Buffer.alloc(4096, 1);
	writeFileSync(filler, '');
	try {
		for (;;) writeFileSync(filler, block, {flag: 'a'});
	} catch (error) {
		expect((error as NodeJS.ErrnoException).code).toBe('ENOSPC');
	}
	return filler;
}

const disk = mountSmallDisk();

describe.skipIf(typeof disk === 'string')(`a full disk${typeof disk === 'string' ? ` (skipped: ${disk})` : ''}`, () => {
	const run = (dir: string, args: string[]) => {
		const result = spawnSync(process.execPath, [cli, ...args, '--dir', join(dir, 'briefing')], {encoding: 'utf8', env: cliEnv(dir)});
		return {status: result.status, stdout: result.stdout, stderr: result.stderr};
	};
	const leftovers = (dir: string) => readdirSync(join(dir, 'briefing')).filter((name) => /\.lock|\.tmp|\.break/.test(name));

	it('fails each write in one line, leaves no lock, keeps what was stored, and works again once there is space', () => {
		const {dir, unmount} = disk as {dir: string; unmount: () => void};
		try {
			const article = join(dir, 'article.txt');
			copyFileSync(seed, article);
			const second = join(dir, 'second.txt');
			writeFileSync(second, 'date 2024-03-05 Mara Lind opened the new bridge in Tallinn on Tuesday.\n');
			expect(run(dir, ['ingest', article]).status).toBe(0);
			const events = JSON.parse(run(dir, ['events', '--json']).stdout) as Array<{id: string}>;
			const added = run(dir, ['note', 'add', '--event', events[0]!.id, 'A first note']);
			expect(added.status).toBe(0);
			const noteId = /n-\d+/.exec(added.stdout)![0];
			const briefingBefore = readFileSync(join(dir, 'briefing', 'briefing.json'), 'utf8');
			const notesBefore = readFileSync(join(dir, 'briefing', 'notes.json'), 'utf8');

			// And a lock left empty by a process killed long ago (or by a version that left them on a
			// full disk): it is broken under a `.break` lock, which cannot be written either.
			const oldLock = join(dir, 'briefing', 'notes.lock');
			writeFileSync(oldLock, '');
			utimesSync(oldLock, new Date(Date.now() - 60_000), new Date(Date.now() - 60_000));
			const filler = fill(dir);
			const attempts = [
				['note', 'add', '--event', events[1]!.id, 'A second note'],
				['note', 'edit', noteId, 'An edited note'],
				['note', 'rm', noteId],
				['ingest', second],
			];
			for (const args of attempts) {
				const result = run(dir, args);
				expect(result.status, args.join(' ')).not.toBe(0);
				expect(result.stderr.trim().split('\n'), args.join(' ')).toHaveLength(1);
				expect(result.stderr, args.join(' ')).toMatch(/^briefing: .*no space left on the device/);
				expect(
					leftovers(dir).filter((name) => name !== 'notes.lock'),
					args.join(' '),
				).toEqual([]);
			}
			expect(readFileSync(join(dir, 'briefing', 'briefing.json'), 'utf8')).toBe(briefingBefore);
			expect(readFileSync(join(dir, 'briefing', 'notes.json'), 'utf8')).toBe(notesBefore);

			rmSync(filler);
			expect(run(dir, ['note', 'add', '--event', events[1]!.id, 'A second note']).status).toBe(0);
			expect(run(dir, ['ingest', second]).status).toBe(0);
			const notes = JSON.parse(run(dir, ['notes', '--json']).stdout) as Array<{text: string}>;
			expect(notes.map((note) => note.text)).toEqual(['A first note', 'A second note']);
			expect(leftovers(dir)).toEqual([]);
		} finally {
			unmount();
		}
	});
});
