import {spawnSync} from 'node:child_process';
import {chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {readBriefing} from '../../source/store/db.js';
import {actorTarget, addNote} from '../../source/store/notes.js';
import {buildBeforeAll, cli, cliEnv} from '../cli-helpers.js';
import {BERGEN_ARTICLE, OSLO_ARTICLE, useTempDir} from '../helpers.js';
import {KEYS, renderDashboard, running, sampleBriefing, waitFor} from './render.js';

// x in the dashboard: the export of what the actor filter shows, written to the file named in its
// prompt, compared byte for byte with what the built CLI's `briefing export --actor` prints for
// the same briefing directory (two articles of our own ingested by the CLI, a note on an actor).

buildBeforeAll();

function run(dir: string, args: string[]) {
	const result = spawnSync(process.execPath, [cli, ...args, '--dir', dir], {encoding: 'utf8', env: cliEnv(dir)});
	expect(result.status, result.stderr).toBe(0);
	return result.stdout;
}

const footer = (ui: {lines: () => string[]}) => ui.lines().at(-1)!;

describe('x: export from the dashboard', () => {
	const tempDir = useTempDir();

	async function open() {
		const dir = tempDir();
		writeFileSync(join(dir, 'oslo.txt'), OSLO_ARTICLE);
		writeFileSync(join(dir, 'bergen.txt'), BERGEN_ARTICLE);
		run(dir, ['ingest', join(dir, 'oslo.txt'), join(dir, 'bergen.txt')]);
		const data = (await readBriefing(dir))!;
		const okafor = data.actors.find((actor) => actor.name === 'Lena Okafor')!;
		await addNote(dir, actorTarget(okafor), 'ask about the quay', new Date('2024-03-06T00:00:00Z'));
		const ui = await renderDashboard(data, {dir});
		return {dir, ui};
	}

	// Clears the prompt's text and types `file`, then Enter.
	const exportTo = async (ui: Awaited<ReturnType<typeof open>>['ui'], file: string) => ui.press(KEYS.ctrlU, ...file, KEYS.enter);

	it('writes what the filter shows, the same bytes as `briefing export --actor`, and says where', async () => {
		const {dir, ui} = await open();
		await ui.press('/', ...'okafor', KEYS.enter);
		expect(ui.lines()[1]).toMatch(/^Filter: Lena Okafor → /);
		await ui.press('x');
		// Prefilled with a name after the filter, the cursor at its end.
		expect(footer(ui)).toMatch(/^Export to: briefing-lena-okafor\.md▏ +Enter write +Esc cancel/);
		const file = join(dir, 'okafor.md');
		await exportTo(ui, file);
		await waitFor('the export to be written', () => footer(ui).startsWith('wrote '));
		expect(footer(ui)).toMatch(new RegExp(`^wrote ${file.replace(/[.\\/]/g, '\\$&')} \\(md, \\d+ events?, 1 quote\\)`));
		const written = readFileSync(file, 'utf8');
		expect(written).toBe(run(dir, ['export', '--actor', 'Lena Okafor']));
		expect(written).toContain('ask about the quay');
		expect(written).not.toContain('Petrov met Goran Dahl');

		// Two actors, as HTML by the extension; the CLI is given them in the same order.
		await ui.press('/', ...'petrov', KEYS.enter, 'x');
		expect(footer(ui)).toMatch(/^Export to: briefing-lena-okafor-ivan-petrov\.md▏/);
		const html = join(dir, 'two.html');
		await exportTo(ui, html);
		await waitFor('the HTML export', () => footer(ui).startsWith('wrote '));
		expect(footer(ui)).toContain('(html, ');
		expect(readFileSync(html, 'utf8')).toBe(run(dir, ['export', '--actor', 'Lena Okafor', '--actor', 'Ivan Petrov', '--format', 'html']));

		// No filter (Esc clears the kept search, then the filter): the whole briefing, named for today.
		await ui.press(KEYS.escape, KEYS.escape, 'x');
		expect(footer(ui)).toMatch(/^Export to: briefing-\d{4}-\d{2}-\d{2}\.md▏/);
		await exportTo(ui, join(dir, 'all.json'));
		await waitFor('the JSON export', () => footer(ui).startsWith('wrote '));
		expect(readFileSync(join(dir, 'all.json'), 'utf8')).toBe(run(dir, ['export', '--format', 'json']));
	});

	it('asks before replacing a file that is there: n keeps it and goes back to the prompt, y replaces it', async () => {
		const {dir, ui} = await open();
		const file = join(dir, 'kept.md');
		writeFileSync(file, 'mine\n');
		await ui.press('x');
		await exportTo(ui, file);
		await waitFor('the question', () => footer(ui).includes('exists: overwrite? y/n'));
		expect(footer(ui)).toMatch(/exists: overwrite\? y\/n +y overwrite +n keep/);
		await ui.press('n');
		expect(footer(ui)).toMatch(new RegExp(`^Export to: ${file.replace(/[.\\/]/g, '\\$&')}▏ +│ +not overwritten`));
		expect(readFileSync(file, 'utf8')).toBe('mine\n');
		await ui.press(KEYS.enter);
		await waitFor('the question again', () => footer(ui).includes('exists: overwrite? y/n'));
		await ui.press('y');
		await waitFor('the export to replace the file', () => footer(ui).startsWith('wrote '));
		expect(readFileSync(file, 'utf8')).toBe(run(dir, ['export']));
	});

	it('a missing folder, one it may not write to, a read-only file: one line in the status line, the prompt open with its text', async () => {
		const {dir, ui} = await open();
		const missing = join(dir, 'no-such-folder', 'out.md');
		await ui.press('x');
		await exportTo(ui, missing);
		await waitFor('the error', () => footer(ui).includes('no such file or directory'));
		expect(footer(ui)).toMatch(new RegExp(`^Export to: ${missing.replace(/[.\\/]/g, '\\$&')}▏ +│ +not written: no such file or directory`));
		expect(existsSync(missing)).toBe(false);
		// Root may write anywhere: the permission case is for everyone else.
		if (process.getuid?.() !== 0) {
			const locked = join(dir, 'locked');
			mkdirSync(locked);
			chmodSync(locked, 0o500);
			await exportTo(ui, join(locked, 'out.md'));
			await waitFor('the permission error', () => footer(ui).includes('permission denied'));
			expect(footer(ui)).toMatch(/^Export to: .*locked\/out\.md▏/);
			chmodSync(locked, 0o700);
		}
		// A file made read-only is refused even after y, and the prompt stays.
		const readOnly = join(dir, 'read-only.md');
		writeFileSync(readOnly, 'theirs\n');
		chmodSync(readOnly, 0o444);
		await exportTo(ui, readOnly);
		await waitFor('the question', () => footer(ui).includes('exists: overwrite? y/n'));
		await ui.press('y');
		await waitFor('the refusal', () => footer(ui).includes('is read-only'));
		expect(footer(ui)).toMatch(/^Export to: .*read-only\.md▏ +│ +not written: is read-only/);
		expect(readFileSync(readOnly, 'utf8')).toBe('theirs\n');
		// The text stays to be fixed; here it is typed anew.
		await ui.press(KEYS.ctrlU, ...join(dir, 'fixed.md'), KEYS.enter);
		await waitFor('the export', () => footer(ui).startsWith('wrote '));
		expect(existsSync(join(dir, 'fixed.md'))).toBe(true);
		expect(running(ui)).toBe(true);
	});

	it('takes every key as text while open: q, n, d, ? and digits run nothing; Esc writes nothing', async () => {
		const ui = await renderDashboard(sampleBriefing(), {sample: true});
		await ui.press('x', KEYS.ctrlU, ...'qnd?2zx');
		expect(footer(ui)).toMatch(/^Export to: qnd\?2zx▏/);
		expect(running(ui)).toBe(true);
		expect(ui.frame()).not.toContain('New note');
		expect(ui.frame()).not.toContain('Rules');
		expect(ui.lines()[2]).toContain('Actors 1/16');
		// The line editor's keys: ← twice and Backspace take the 2.
		await ui.press(KEYS.left, KEYS.left, KEYS.backspace);
		expect(footer(ui)).toMatch(/^Export to: qnd\?▏zx/);
		await ui.press(KEYS.escape);
		expect(footer(ui)).toMatch(/^cancelled: nothing was exported/);
		expect(existsSync('qnd?zx')).toBe(false);
		await ui.press('q');
		expect(running(ui)).toBe(false);
	});
});
