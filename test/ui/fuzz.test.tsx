import stringWidth from 'string-width';
import {describe, expect, it} from 'vitest';
import {KEYS, renderDashboard, sampleBriefing, tick} from './render.js';
import {random} from '../random.js';

// Random key sequences (and resizes) never crash the dashboard nor let a frame outgrow the
// terminal. q and Ctrl-C are left out: they end the run, as they should.

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
	it('survives 3 runs of 150 random keys and resizes with every frame inside the terminal', async () => {
		let keys = 0;
		for (let seed = 1; seed <= 3; seed++) {
			const next = random(seed);
			let [columns, rows] = SIZES[0]!;
			const ui = await renderDashboard(sampleBriefing(), {columns, rows});
			for (let i = 0; i < 150; i++) {
				if (next() < 0.05) {
					[columns, rows] = SIZES[Math.floor(next() * SIZES.length)]!;
					await ui.resize(columns, rows);
				}
				ui.stdin.write(POOL[Math.floor(next() * POOL.length)]!);
				keys++;
				await tick(2);
			}
			await tick(20);
			const lines = ui.lines();
			expect(lines.length, `seed ${seed}`).toBeLessThanOrEqual(rows);
			for (const line of lines) expect(stringWidth(line), `seed ${seed}: ${line}`).toBeLessThanOrEqual(columns);
			ui.unmount();
		}
		expect(keys).toBe(450);
	});
});
