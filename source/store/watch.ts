import {type BigIntStats, type FSWatcher, lstatSync, realpathSync, statSync, watch} from 'node:fs';
import {basename, dirname, join} from 'node:path';
import {errorCode} from './errors.js';

// Tells an open dashboard that briefing.json or notes.json changed on disk (an ingest or a
// `note add` from another shell, another dashboard). Every writer replaces a file by renaming a
// finished one over it (durable.ts), so the file's inode changes: the directory is watched, not the
// file. A change comes as a burst of events (the temporary file, the rename, the lock); a file is
// looked at once its burst has settled, and reported only when its stamp differs from the last one
// seen, so that a touch of another file, or the same file seen twice, reads nothing again. The
// reader reads the whole file after the rename; a file written in place by something else (an
// editor) may be read half-written, which the reader refuses, and the next event of that write
// makes it look again.

// Which version of a file: its inode, size and times (null: there is none). A file replaced by a
// rename has a new inode; one written in place a new size or modification time.
export type Stamp = string | null;

export const stampOf = (stats: BigIntStats): string => `${stats.ino}:${stats.size}:${stats.mtimeNs}:${stats.ctimeNs}`;

export function fileStamp(file: string): Stamp {
	try {
		return stampOf(statSync(file, {bigint: true}));
	} catch (error) {
		if (errorCode(error) === 'ENOENT' || errorCode(error) === 'ENOTDIR') return null;
		// Unreadable: a stamp of its own, so that becoming readable again counts as a change.
		return `error:${errorCode(error) ?? 'unknown'}`;
	}
}

export type WatchedFile = {
	name: string; // in the directory watched
	stamp?: Stamp; // the version already read; by default the one there when watching starts
	changed: () => void;
};

// A burst of events ends after this long without one; one that never ends (a writer adding notes
// in a loop) is looked at this often anyway.
const SETTLE_MS = 50;
const MAX_WAIT_MS = 250;

// Watches `dir` until the returned function is called; the watcher and its timers never keep the
// process alive. A directory that does not exist yet (a first run shows the sample) is waited for
// from its nearest existing parent. A file that is a symbolic link (notes.json in a synced folder)
// is also watched in its target's directory.
export function watchFiles(dir: string, files: readonly WatchedFile[]): () => void {
	const stamps = new Map(files.map((file) => [file, file.stamp === undefined ? fileStamp(join(dir, file.name)) : file.stamp]));
	let first = 0; // when the burst being settled began (0: none)
	let timer: NodeJS.Timeout | undefined;
	const look = () => {
		timer = undefined;
		first = 0;
		for (const file of files) {
			const stamp = fileStamp(join(dir, file.name));
			if (stamp === stamps.get(file)) continue;
			stamps.set(file, stamp);
			file.changed();
		}
	};
	const names = new Set(files.map((file) => file.name));
	const onEvent = (name: string | null) => {
		// Some platforms do not say which file changed.
		if (name !== null && !names.has(name)) return;
		const now = Date.now();
		if (first === 0) first = now;
		clearTimeout(timer);
		timer = setTimeout(look, Math.max(0, Math.min(SETTLE_MS, first + MAX_WAIT_MS - now)));
		timer.unref();
	};
	const targets = files.map((file) => linkTarget(join(dir, file.name))).filter((target) => target !== null);
	const closers = [
		watchDirectory(dir, onEvent),
		...targets.map((target) =>
			watchDirectory(dirname(target), (name) => (name === null || name === basename(target) ? onEvent(null) : undefined)),
		),
	];
	// Whatever changed between the reading and the watching.
	onEvent(null);
	return () => {
		clearTimeout(timer);
		for (const close of closers) close();
	};
}

// The file a symbolic link points to, or null when `file` is not one.
function linkTarget(file: string): string | null {
	try {
		return lstatSync(file).isSymbolicLink() ? realpathSync(file) : null;
	} catch {
		return null;
	}
}

// Calls `onEvent` with the name of each file that changes in `dir`. While `dir` does not exist,
// its nearest existing parent is watched instead, and each change there tries again; once `dir`
// is there, onEvent(null) says that anything in it may be new. A watch that breaks (the directory
// was removed) is made again the same way.
function watchDirectory(dir: string, onEvent: (name: string | null) => void): () => void {
	let watcher: FSWatcher | null = null;
	let closed = false;
	let waited = false;
	let retry: NodeJS.Timeout | undefined;
	const attach = () => {
		watcher?.close();
		watcher = null;
		if (closed) return;
		let at = dir;
		for (;;) {
			try {
				const inDir = at === dir;
				watcher = watch(at, {persistent: false}, (_, name) => (inDir ? onEvent(name) : attach()));
				watcher.on('error', () => {
					clearTimeout(retry);
					retry = setTimeout(attach, RETRY_MS);
					retry.unref();
				});
				break;
			} catch (error) {
				const up = dirname(at);
				// A folder that cannot be watched (permission denied): nothing to follow.
				if ((errorCode(error) !== 'ENOENT' && errorCode(error) !== 'ENOTDIR') || up === at) return;
				at = up;
			}
		}
		if (at === dir) {
			if (waited) onEvent(null);
			return;
		}
		waited = true;
		// `dir` may have been made between the failed watch and this one.
		if (isDirectory(dir)) attach();
	};
	attach();
	return () => {
		closed = true;
		clearTimeout(retry);
		watcher?.close();
		watcher = null;
	};
}

const RETRY_MS = 100;

function isDirectory(path: string): boolean {
	try {
		return lstatSync(path).isDirectory();
	} catch {
		return false;
	}
}
