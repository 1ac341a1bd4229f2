import {execFileSync} from 'node:child_process';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {beforeAll} from 'vitest';

// For tests that run the built bundle, as a user runs it.
export const root = fileURLToPath(new URL('..', import.meta.url));
export const cli = join(root, 'dist', 'cli.js');
export const seed = join(root, 'data', 'sample-article.txt');

// `npm test` builds first; this build only runs when source/ is newer than dist/, for `npx vitest run`.
export function buildBeforeAll(): void {
	beforeAll(() => {
		execFileSync(process.execPath, [join(root, 'scripts', 'build.mjs'), '--if-stale']);
	});
}

// HOME and the XDG variables point nowhere real, so a test that forgot --dir cannot touch the
// user's briefing.
export function cliEnv(home: string): NodeJS.ProcessEnv {
	const {BRIEFING_DIR: _b, XDG_DATA_HOME: _x, ...rest} = process.env;
	return {...rest, HOME: home};
}
