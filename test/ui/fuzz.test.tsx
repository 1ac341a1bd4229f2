import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import stringWidth from 'string-width';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {KEYS, renderDashboard, resize, sampleBriefing, tick} from './render.js';
import {random} from '../random.js';

// Random key sequences (and resizes) never crash the dashboard nor let a frame outgrow the
// terminal: each frame written is checked, not only the last one. q and Ctrl-C are left out: they end the run, as they should.

const POOL = [
	...Object.entries(KEYS)
		.filter(([name]) => name !== 'ctrlC')
		.map(([, key]) => key),
	...'jkgGnN/?123abczxy ',
	'\x1bj',
	'Zelenskyy',
	'東京🙂',
];
const SIZES: Array<[number, number]> = [
	[120, 40],
	[100, 30],
	[70, 24],
	[40, 12],
	[30, 8],
];

describe('the dashboard under random keys', () => {
	// x then Enter exports to a file named relative to the working directory, as a user expects:
	// the random keys do that in a folder of their own, not in the repository.
	const home = process.cwd();
	const work = mkdtempSync(join(tmpdir(), 'briefing-fuzz-'));
	beforeAll(() => process.chdir(work));
	afterAll(() => {
		process.chdir(home);
		rmSync(work, {recursive: true, force: true});
	});

	it('survives 3 runs of 150 random keys and resizes with every frame inside the terminal', async () => {
		let keys = 0;
		let frames = 0;
		for (let seed = 1; seed <= 3; seed++) {
			const next = random(seed);
			let [columns, rows] = SIZES[0]!;
			const ui = await renderDashboard(sampleBriefing(), {columns, rows});
			let checked = 0;
			// Every frame written since the last check, against the size the terminal had meanwhile.
			const check = (what: string, upTo = ui.frames.length) => {
				for (; checked < upTo; checked++) {
					const lines = ui.frames[checked]!.split('\n');
					const where = `seed ${seed}, frame ${checked} (${what}, ${columns}×${rows})`;
					expect(lines.length, where).toBeLessThanOrEqual(rows);
					for (const line of lines) expect(stringWidth(line), `${where}: ${line}`).toBeLessThanOrEqual(columns);
					frames++;
				}
			};
			check('first');
			for (let i = 0; i < 150; i++) {
				if (next() < 0.05) {
					check(`before a resize`);
					const size = SIZES[Math.floor(next() * SIZES.length)]!;
					// Frames drawn before the resize had the previous size; every frame after it must fit
					// the new one. (On a terminal Ink also redraws the previous frame at once, which the
					// tmux test follows to the screen.)
					resize(ui.stdout, ...size);
					check(`at a resize to ${size.join('×')}`);
					[columns, rows] = size;
					await ui.press();
					check(`after a resize`);
				}
				const key = POOL[Math.floor(next() * POOL.length)]!;
				ui.stdin.write(key);
				keys++;
				await tick(2);
				check(`after key ${i} ${JSON.stringify(key)}`);
			}
			await ui.press();
			check('at the end');
			ui.unmount();
		}
		expect(keys).toBe(450);
		console.log(`fuzz: ${keys} keys, ${frames} frames checked`);
		expect(frames).toBeGreaterThan(0);
	});
});
