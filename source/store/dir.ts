import {homedir} from 'node:os';
import {isAbsolute, join, resolve} from 'node:path';

// Where briefing.json lives: --dir, else $BRIEFING_DIR, else the XDG data directory.
export function resolveBriefingDir(flag: string | undefined, env: NodeJS.ProcessEnv = process.env, home = homedir()): string {
	if (flag) return resolve(flag);
	if (env['BRIEFING_DIR']) return resolve(env['BRIEFING_DIR']);
	// The XDG spec says a relative $XDG_DATA_HOME is invalid and must be ignored.
	const xdg = env['XDG_DATA_HOME'];
	if (xdg && isAbsolute(xdg)) return join(xdg, 'briefing');
	return join(home, '.local', 'share', 'briefing');
}
