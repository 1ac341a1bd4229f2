import type {FeedView} from './views.js';

// Which rows of a list are on screen. Only those are rendered, so a pane costs the same with ten
// items or a hundred thousand. Pure, so the scrolling rules are tested without a terminal.

// The first row to show so that row `cursor` is in view, scrolling as little as possible from the
// previous `offset` (the way tig and lazygit scroll), and leaving no blank space at the bottom
// after the list shrank.
export function follow(offset: number, cursor: number, height: number, total: number): number {
	if (height <= 0 || total <= height) return 0;
	let next = Math.min(offset, total - height);
	if (cursor < next) next = cursor;
	else if (cursor >= next + height) next = cursor - height + 1;
	return Math.max(0, next);
}

export type FeedWindow = {
	offset: number; // first row shown
	sticky: string | null; // the date heading of the first row shown, when that row is an event
	rows: number[]; // the rows shown below the sticky heading
};

// The feed's window. When it starts inside a day, that day's heading stays on the first line, so
// every event on screen has its date in view. One line is kept for it, so the cursor is in view
// whether or not the window starts on a heading.
export function feedWindow(view: FeedView, cursorItem: number, previous: number, height: number): FeedWindow {
	const total = view.rowCount;
	if (total === 0 || height <= 0) return {offset: 0, sticky: null, rows: []};
	const cursorRow = view.rowOfItem[Math.min(cursorItem, view.items.length - 1)] ?? 0;
	let offset: number;
	if (total <= height) offset = 0;
	else if (height === 1) offset = cursorRow;
	else {
		offset = follow(previous, cursorRow, height - 1, total);
		// The cursor on the first event of a day, at the top: show the day's heading rather than a sticky copy.
		if (offset === cursorRow && view.row(cursorRow - 1)?.kind === 'heading') offset = cursorRow - 1;
	}
	const first = view.row(offset)!;
	const sticky = first.kind === 'event' && height > 1 ? (view.row(view.headingOf[offset]!) as {label: string}).label : null;
	const count = Math.min(total - offset, sticky === null ? height : height - 1);
	return {offset, sticky, rows: Array.from({length: count}, (_, i) => offset + i)};
}

// The first card to show so that the cursor's card is entirely in view (or at the top when it is
// taller than the pane), scrolling as little as possible, and not leaving space that earlier cards
// would fill. Only the heights of cards near the window are asked for.
export function cardsWindow(heightOf: (card: number) => number, count: number, cursor: number, previous: number, height: number): number {
	if (count === 0 || height <= 0) return 0;
	let offset = Math.max(0, Math.min(previous, count - 1));
	if (cursor < offset) return cursor;
	// From the cursor back towards the previous first card, as far as the cards fit: the cursor may be
	// thousands of cards past it (a filter cleared with the cursor kept on its quote).
	let first = cursor;
	let used = heightOf(cursor);
	while (first > offset && used + heightOf(first - 1) <= height) used += heightOf(--first);
	offset = first;
	let shown = 0;
	for (let i = offset; i < count && shown <= height; i++) shown += heightOf(i);
	while (offset > 0 && shown + heightOf(offset - 1) <= height) shown += heightOf(--offset);
	return offset;
}

// A scroll position for a text of `lines` lines in `height` rows.
export const clampScroll = (scroll: number, lines: number, height: number): number => Math.max(0, Math.min(scroll, lines - height));
