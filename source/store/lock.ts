import {closeSync, openSync, readFileSync, statSync, unlinkSync, writeSync} from 'node:fs';
import {hostname} from 'node:os';
import {join} from 'node:path';
import {setTimeout as sleep} from 'node:timers/promises';
import {PRIVATE_FILE} from './durable.js';
import {StoreError, describeFsError, errorCode} from './errors.js';

export const LOCK_FILE = 'briefing.lock';

// A writer holds a lock for milliseconds. A lock whose holder cannot be checked (another host, an
// older briefing's lock file) and that is older than this was left by a killed process.
const STALE_MS = 10_000;
// A holder writes its pid into the lock file right after creating it; an empty one older than
// this was left by a process killed in between.
const EMPTY_STALE_MS = 1_000;
const GIVE_UP_MS = 30_000;

// When a process started, in clock ticks since boot, from Linux's /proc (null elsewhere): with
// the pid it names one process, where a pid alone may have been given to another since.
function startTime(pid: number): string | null {
	try {
		const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
		// Field 22; the fields after the command name, which may hold spaces, start at field 3.
		return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19] ?? null;
	} catch {
		return null;
	}
}

// What a lock file says: the holder's pid, host and start time, "<pid> <host> <start>\n" (older
// briefings wrote "<pid> <host>\n").
let ownLockText: string | undefined;
const lockText = () => (ownLockText ??= `${process.pid} ${hostname()} ${startTime(process.pid) ?? '-'}\n`);

function tryCreate(path: string, text: string): boolean {
	let fd;
	try {
		fd = openSync(path, 'wx', PRIVATE_FILE);
	} catch (error) {
		if (errorCode(error) === 'EEXIST') return false;
		throw new StoreError(`${path}: ${describeFsError(error)}`);
	}
	try {
		writeSync(fd, text);
	} catch (error) {
		// A full disk: no empty lock is left behind for the next process to wait on.
		closeSync(fd);
		try {
			unlinkSync(path);
		} catch {
			// Gone already; the error to report is the write's.
		}
		throw new StoreError(`${path}: ${describeFsError(error)}`);
	}
	closeSync(fd);
	return true;
}

function isAlive(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch (error) {
		// EPERM: the process exists but belongs to another user.
		return errorCode(error) === 'EPERM';
	}
}

// The lock's contents when it was left by a process that is gone, else null. On this host the
// holder's pid says it: a live holder keeps its lock however long it takes (a big ingest, a
// stopped process), and a dead one's lock is taken over at once. Our own pid in a lock file is a
// previous process's (pids are reused; this process queues its own lock users in `withLock`).
function staleContent(path: string): string | null {
	let text;
	let age;
	try {
		text = readFileSync(path, 'utf8');
		age = Date.now() - statSync(path).mtimeMs;
	} catch (error) {
		if (errorCode(error) === 'ENOENT') return null;
		throw new StoreError(`${path}: ${describeFsError(error)}`);
	}
	const match = /^(\d+) (\S+)(?: (\S+))?\n$/.exec(text);
	if (match && match[2] === hostname()) {
		const pid = Number(match[1]);
		if (pid === process.pid || !isAlive(pid)) return text;
		// Alive, but another process than the one that took the lock (it was killed, and its pid
		// given to a new process since).
		const started = match[3];
		const now = started && started !== '-' ? startTime(pid) : null;
		return now !== null && now !== started ? text : null;
	}
	if (text === '') return age > EMPTY_STALE_MS ? text : null;
	// From another host or an older briefing: only its age tells.
	return age > STALE_MS ? text : null;
}

// Removes a stale lock. Two waiters may both find it stale; if one removed it and a third process
// took the lock meanwhile, the other must not remove that new lock. So the removal happens under
// a second lock, `<lock>.break`, after checking again that the file is still the stale one. That
// lock is held for microseconds; one left by a process killed in between is simply removed.
function removeIfStale(path: string) {
	const stale = staleContent(path);
	if (stale === null) return;
	const guard = `${path}.break`;
	if (!tryCreate(guard, lockText())) {
		try {
			if (staleContent(guard) !== null) unlinkSync(guard);
		} catch (error) {
			if (errorCode(error) !== 'ENOENT') throw new StoreError(`${guard}: ${describeFsError(error)}`);
		}
		return;
	}
	try {
		if (staleContent(path) === stale) unlinkSync(path);
	} catch (error) {
		if (errorCode(error) !== 'ENOENT') throw new StoreError(`${path}: ${describeFsError(error)}`);
	} finally {
		try {
			unlinkSync(guard);
		} catch {
			// Removed as stale by another process: nothing to release.
		}
	}
}

async function holdFileLock<T>(path: string, fn: () => Promise<T>): Promise<T> {
	const started = Date.now();
	while (!tryCreate(path, lockText())) {
		if (Date.now() - started > GIVE_UP_MS) {
			throw new StoreError(
				`${path}: another briefing has been writing for ${GIVE_UP_MS / 1000} s; remove the file if no briefing is running`,
			);
		}
		removeIfStale(path);
		await sleep(5 + Math.random() * 20);
	}
	try {
		return await fn();
	} finally {
		try {
			// Only our own lock: one from another host may have been taken over as stale meanwhile.
			if (readFileSync(path, 'utf8') === lockText()) unlinkSync(path);
		} catch {
			// Already gone: nothing to release.
		}
	}
}

// Callers in this process take turns before they reach the lock file, so they do not poll it
// against each other.
const queues = new Map<string, Promise<void>>();

// Runs `fn` while holding <dir>/<name> (briefing.lock by default), so that two briefing processes
// each read-modify-write a file in turn instead of one losing the other's changes.
export async function withLock<T>(dir: string, fn: () => Promise<T>, name = LOCK_FILE): Promise<T> {
	const path = join(dir, name);
	const previous = queues.get(path) ?? Promise.resolve();
	const run = previous.then(() => holdFileLock(path, fn));
	const done = run.then(
		() => undefined,
		() => undefined,
	);
	queues.set(path, done);
	void done.then(() => {
		if (queues.get(path) === done) queues.delete(path);
	});
	return run;
}
