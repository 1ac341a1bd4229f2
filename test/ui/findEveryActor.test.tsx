import {execFileSync} from 'node:child_process';
import {existsSync, readdirSync} from 'node:fs';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {describe, expect, it} from 'vitest';
import {readBriefing} from '../../source/store/db.js';
import type {BriefingData} from '../../source/store/schema.js';
import {buildIndex} from '../../source/ui/briefingIndex.js';
import {dispatchKey} from '../../source/ui/dispatch.js';
import {splitInput} from '../../source/ui/keymap.js';
import {type Env, initialState} from '../../source/ui/state.js';
import {createViews} from '../../source/ui/views.js';
import {buildBeforeAll, cli, cliEnv} from '../cli-helpers.js';
import {useTempDir} from '../helpers.js';
import {KEYS, renderDashboard, running, sampleBriefing} from './render.js';

// Finding an actor by name is safe and quick: for every actor of a briefing, `/`, its name typed a
// key at a time, Enter. Exactly that actor must end up the filter, and the dashboard must still
// run (no letter of any name was taken as a command). Checked twice: in the rendered dashboard
// (the header names the filter, one actor is marked [x]) and in the dispatcher, by id, which the
// screen cannot show when two actors have the same name. On the sample, and on the dev set's
// articles ingested into a temporary briefing (skipped when ../shared/eval is not there).

const devArticles = fileURLToPath(new URL('../../../shared/eval/dev/articles', import.meta.url));
const haveDev = existsSync(devArticles);

// The filter each name typed into the prompt leaves, by the dispatcher alone.
function filterAfterTyping(data: BriefingData, name: string): string[] {
	const index = buildIndex(data, false);
	const env: Env = {index, views: createViews(index), pages: {actors: 10, feed: 10, quotes: 1}, overlay: {page: 10, lines: 0}};
	let state = dispatchKey(initialState(), splitInput('/')[0]!, env);
	for (const press of splitInput(name)) state = dispatchKey(state, press, env);
	state = dispatchKey(state, {name: 'return', text: '', ctrl: false, shift: false, meta: false}, env);
	return state.filter;
}

async function typeEveryName(data: BriefingData, dir?: string): Promise<number> {
	const ui = await renderDashboard(data, {columns: 200, rows: 24, sample: !dir, dir});
	for (const actor of data.actors) {
		expect(filterAfterTyping(data, actor.name), actor.name).toEqual([actor.id]);
		await ui.press('/');
		// One key at a time, as typed, without waiting for a frame between them; each is handled as
		// it comes (useKeymap computes the next state at once).
		for (const char of actor.name) ui.stdin.write(char);
		await ui.press(KEYS.enter);
		expect(running(ui), actor.name).toBe(true);
		expect(ui.lines()[1], actor.name).toMatch(new RegExp(`^Filter: ${actor.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} → `));
		expect(ui.frame().match(/\[x\] [PCOL] /g), actor.name).toHaveLength(1);
		// Esc clears the kept search, then the filter.
		await ui.press(KEYS.escape, KEYS.escape);
		expect(ui.lines()[1], actor.name).toMatch(/^Filter: none/);
	}
	ui.unmount();
	return data.actors.length;
}

describe('typing every actor name into the search prompt', () => {
	buildBeforeAll();
	const tempDir = useTempDir();

	it('selects each actor of the sample', {timeout: 120_000}, async () => {
		const count = await typeEveryName(sampleBriefing());
		expect(count).toBe(16);
		console.log(`typed ${count} sample actor names`);
	});

	it.skipIf(!haveDev)(
		`selects each actor of the dev set's articles${haveDev ? '' : ' (skipped: ../shared/eval/dev/articles is absent)'}`,
		{timeout: 600_000},
		async () => {
			const dir = tempDir();
			const files = readdirSync(devArticles).map((name) => join(devArticles, name));
			execFileSync(process.execPath, [cli, 'ingest', ...files, '--dir', dir], {env: cliEnv(dir), stdio: 'pipe'});
			const data = (await readBriefing(dir))!;
			const count = await typeEveryName(data, dir);
			expect(count).toBeGreaterThan(50);
			console.log(`typed ${count} dev-set actor names from ${files.length} articles`);
		},
	);
});
