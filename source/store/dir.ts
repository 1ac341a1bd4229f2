import {mkdirSync} from 'node:fs';
import {homedir} from 'node:os';
import {isAbsolute, join, resolve} from 'node:path';
import {PRIVATE_DIR} from './durable.js';
import {StoreError, describeFsError} from './errors.js';

// Where briefing.json lives: --dir, else $BRIEFING_DIR, else the XDG data directory.
export function resolveBriefingDir(flag: string | undefined, env: NodeJS.ProcessEnv = process.env, home = homedir()): string {
	if (flag) return resolve(flag);
	if (env['BRIEFING_DIR']) return resolve(env['BRIEFING_DIR']);
	// The XDG spec says a relative $XDG_DATA_HOME is invalid and must be ignored.
	const xdg = env['XDG_DATA_HOME'];
	if (xdg && isAbsolute(xdg)) return join(xdg, 'briefing');
	return join(home, '.local', 'share', 'briefing');
}

// The briefing directory, and any missing folder above it, are made readable by their owner only:
// notes are private. An existing directory keeps its permissions.
export function makeBriefingDir(dir: string): void {
	try {
		mkdirSync(dir, {recursive: true, mode: PRIVATE_DIR});
	} catch (error) {
		throw new StoreError(`${dir}: ${describeFsError(error)}`);
	}
}
