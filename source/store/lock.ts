import {closeSync, openSync, statSync, unlinkSync, writeSync} from 'node:fs';
import {join} from 'node:path';
import {setTimeout as sleep} from 'node:timers/promises';
import {StoreError, describeFsError} from './errors.js';

export const LOCK_FILE = 'briefing.lock';

// A writer holds the lock for milliseconds; one older than this was left by a killed process.
const STALE_MS = 10_000;
const GIVE_UP_MS = 30_000;

const code = (error: unknown) => (error as NodeJS.ErrnoException).code;

function tryCreate(path: string): boolean {
	try {
		const fd = openSync(path, 'wx');
		writeSync(fd, `${process.pid}\n`);
		closeSync(fd);
		return true;
	} catch (error) {
		if (code(error) === 'EEXIST') return false;
		throw new StoreError(`${path}: ${describeFsError(error)}`);
	}
}

function removeIfStale(path: string) {
	try {
		if (Date.now() - statSync(path).mtimeMs > STALE_MS) unlinkSync(path);
	} catch (error) {
		// Another process released or removed it in between: simply try again.
		if (code(error) !== 'ENOENT') throw new StoreError(`${path}: ${describeFsError(error)}`);
	}
}

// Runs `fn` while holding <dir>/briefing.lock, so that two `briefing ingest` processes each
// read-modify-write briefing.json in turn instead of one losing the other's articles.
export async function withLock<T>(dir: string, fn: () => Promise<T>): Promise<T> {
	const path = join(dir, LOCK_FILE);
	const started = Date.now();
	while (!tryCreate(path)) {
		if (Date.now() - started > GIVE_UP_MS) {
			throw new StoreError(`${path}: another briefing has been writing for ${GIVE_UP_MS / 1000} s; remove the file if no briefing is running`);
		}
		removeIfStale(path);
		await sleep(10 + Math.random() * 40);
	}
	try {
		return await fn();
	} finally {
		try {
			unlinkSync(path);
		} catch {
			// Already gone (removed as stale by another process): nothing to release.
		}
	}
}
