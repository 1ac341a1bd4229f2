import {readFileSync, writeFileSync} from 'node:fs';
import {fileURLToPath} from 'node:url';
import {expect, it} from 'vitest';
import {keyTableMarkdown} from '../../source/ui/keymap.js';

// The readme's key table is the keymap's: this fails when a key changes and the readme does not.
// BRIEFING_WRITE_README=1 npx vitest run test/ui/readme.test.ts rewrites the table.

const readmePath = fileURLToPath(new URL('../../readme.md', import.meta.url));
const START = '<!-- keys: generated from source/ui/keymap.ts, checked by test/ui/readme.test.ts -->';
const END = '<!-- /keys -->';

it("is the readme's key table", () => {
	const readme = readFileSync(readmePath, 'utf8');
	const start = readme.indexOf(START);
	const end = readme.indexOf(END);
	expect(start, `readme.md needs the markers ${START} … ${END}`).toBeGreaterThan(-1);
	const table = keyTableMarkdown();
	const current = readme.slice(start + START.length, end).trim();
	if (current !== table && process.env['BRIEFING_WRITE_README'] === '1') {
		writeFileSync(readmePath, `${readme.slice(0, start + START.length)}\n${table}\n${readme.slice(end)}`);
		return;
	}
	expect(current, 'the readme key table differs from the keymap: run BRIEFING_WRITE_README=1 npx vitest run test/ui/readme.test.ts').toBe(
		table,
	);
});
