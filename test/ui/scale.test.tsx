import {describe, expect, it} from 'vitest';
import {KEYS, renderDashboard, scaledBriefing} from './render.js';

// 100,000 events (the sample's, repeated over successive days): the dashboard renders one
// screenful whatever the size of the briefing. How fast is measured by `npm run bench`, not here.

describe('the dashboard on 100,000 events', () => {
	it('moves, pages, jumps, filters and searches with a frame that stays one screen', async () => {
		const ui = await renderDashboard(scaledBriefing(100_000));
		await ui.press('2');
		const press = async (key: string) => {
			await ui.press(key);
			expect(ui.lines().length).toBeLessThanOrEqual(40);
		};
		for (let i = 0; i < 20; i++) await press('j');
		await press(KEYS.pageDown);
		await press('G');
		expect(ui.lines()[2]).toContain('Feed 100000/100000');
		await press('g');
		expect(ui.lines()[2]).toContain('Feed 1/100000');
		await press('1');
		await press(KEYS.enter);
		expect(ui.frame()).toMatch(/Filter: North Korea → 87500\/100000 events/);
		await press('/');
		await press('p');
		await press('e');
		expect(ui.lines()[2]).toMatch(/Actors/);
	});
});
