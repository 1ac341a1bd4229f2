import {describe, expect, it} from 'vitest';
import {buildIndex} from '../../source/ui/briefingIndex.js';
import {createViews} from '../../source/ui/views.js';
import {cardsWindow, clampScroll, feedWindow, follow} from '../../source/ui/window.js';
import {sampleBriefing, scaledBriefing} from './data.js';

describe('follow', () => {
	it('scrolls as little as possible to keep the cursor in view', () => {
		expect(follow(0, 5, 10, 100)).toBe(0);
		expect(follow(0, 10, 10, 100)).toBe(1);
		expect(follow(20, 15, 10, 100)).toBe(15);
		expect(follow(20, 25, 10, 100)).toBe(20);
		expect(follow(95, 99, 10, 100)).toBe(90);
		expect(follow(50, 3, 10, 8)).toBe(0);
	});
});

describe('feedWindow', () => {
	const index = buildIndex(sampleBriefing());
	const view = createViews(index)({filter: [], search: {actors: '', feed: '', quotes: ''}}).feed;
	// rows: heading(week), e0, heading(29th), e1…e7

	it('shows everything from the top when it fits', () => {
		expect(feedWindow(view, 3, 0, 20)).toEqual({offset: 0, sticky: null, rows: Array.from({length: 10}, (_, i) => i)});
	});

	it('keeps the date of the first row on top when the window starts inside a day', () => {
		const window = feedWindow(view, 7, 0, 4);
		expect(window.sticky).toBe('2024-10-29');
		expect(window.rows).toEqual([7, 8, 9]);
		expect(window.rows).toContain(view.rowOfItem[7]);
	});

	it("shows a day's heading instead of a sticky copy when the cursor is on the day's first event", () => {
		const window = feedWindow(view, 1, 9, 4);
		expect(window).toEqual({offset: 2, sticky: null, rows: [2, 3, 4, 5]});
	});

	it('renders only a screenful of 100,000 events wherever the cursor is', () => {
		const big = buildIndex(scaledBriefing(100_000));
		const feed = createViews(big)({filter: [], search: {actors: '', feed: '', quotes: ''}}).feed;
		let offset = 0;
		for (const cursor of [0, 1, 5_000, 99_999, 50_000, 50_001]) {
			const window = feedWindow(feed, cursor, offset, 34);
			offset = window.offset;
			expect(window.rows.length + (window.sticky ? 1 : 0)).toBeLessThanOrEqual(34);
			expect(window.rows).toContain(feed.rowOfItem[cursor]);
		}
	});
});

describe('cardsWindow and clampScroll', () => {
	const heights = [4, 6, 4, 4, 8];
	const heightOf = (i: number) => heights[i]!;

	it('keeps the whole cursor card in view, scrolling as little as possible', () => {
		expect(cardsWindow(heightOf, 5, 0, 0, 12)).toBe(0);
		expect(cardsWindow(heightOf, 5, 2, 0, 12)).toBe(1);
		expect(cardsWindow(heightOf, 5, 4, 1, 12)).toBe(3);
		expect(cardsWindow(heightOf, 5, 1, 3, 12)).toBe(1);
		// A card taller than the pane shows from its top.
		expect(cardsWindow(heightOf, 5, 4, 0, 5)).toBe(4);
	});

	it('asks only for the heights of cards near the cursor when it is far past the window', () => {
		const asked = new Set<number>();
		const offset = cardsWindow((i) => (asked.add(i), 4), 5000, 2500, 0, 12);
		expect(offset).toBe(2498);
		expect(Math.min(...asked)).toBeGreaterThanOrEqual(2490);
	});

	it('clamps a scroll position to the text', () => {
		expect(clampScroll(100, 50, 20)).toBe(30);
		expect(clampScroll(-3, 50, 20)).toBe(0);
		expect(clampScroll(5, 10, 20)).toBe(0);
	});
});
