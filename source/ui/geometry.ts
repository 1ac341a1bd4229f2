import type {PaneId} from './views.js';

// Where everything goes for a terminal size. Pure: the panes are handed exact widths and heights,
// so each row is cut to fit before Ink sees it, and the frame is never taller than the terminal.

export type LayoutMode =
	| 'wide' // 120 columns and more: three panes side by side
	| 'medium' // 80 to 119: Actors on the left, Feed above Quotes on the right
	| 'narrow' // 40 to 79, or too few rows to stack: one pane at a time, with a tab bar
	| 'tiny'; // below 40×12: a one-line request for a larger window

export type Box = {width: number; height: number}; // outside size, border included

export type Layout = {
	mode: LayoutMode;
	columns: number;
	height: number; // rows the frame uses: all of them
	header: number;
	footer: number;
	tabBar: boolean;
	body: Box; // the area between header (and tab bar) and footer
	panes: Partial<Record<PaneId, Box>>; // the panes on screen
};

export const MIN_COLUMNS = 40;
export const MIN_ROWS = 12;
const HEADER = 2; // lines; 3 when the counts need their own
const FOOTER = 1;

const clamp = (value: number, min: number, max: number) => Math.max(min, Math.min(max, value));

export function layoutFor(columns: number, rows: number, focus: PaneId, header = HEADER): Layout {
	// The frame fills the terminal: Ink writes a frame as tall as the terminal without a newline
	// after its last row, so that row does not scroll the screen.
	const height = Math.max(1, rows);
	const base = {columns, height, header, footer: FOOTER};
	if (columns < MIN_COLUMNS || rows < MIN_ROWS) {
		return {...base, mode: 'tiny', header: 0, footer: 0, tabBar: false, body: {width: columns, height}, panes: {}};
	}
	const bodyHeight = height - header - FOOTER;
	if (columns >= 120) {
		const actors = clamp(Math.round(columns * 0.26), 30, 44);
		const quotes = clamp(Math.round(columns * 0.3), 36, 60);
		const feed = columns - actors - quotes;
		return {
			...base,
			mode: 'wide',
			tabBar: false,
			body: {width: columns, height: bodyHeight},
			panes: {
				actors: {width: actors, height: bodyHeight},
				feed: {width: feed, height: bodyHeight},
				quotes: {width: quotes, height: bodyHeight},
			},
		};
	}
	if (columns >= 80 && bodyHeight >= 16) {
		const actors = clamp(Math.round(columns * 0.3), 26, 34);
		const right = columns - actors;
		const feed = Math.ceil(bodyHeight * 0.6);
		return {
			...base,
			mode: 'medium',
			tabBar: false,
			body: {width: columns, height: bodyHeight},
			panes: {
				actors: {width: actors, height: bodyHeight},
				feed: {width: right, height: feed},
				quotes: {width: right, height: bodyHeight - feed},
			},
		};
	}
	const paneHeight = bodyHeight - 1;
	return {
		...base,
		mode: 'narrow',
		tabBar: true,
		body: {width: columns, height: paneHeight},
		panes: {[focus]: {width: columns, height: paneHeight}},
	};
}

// A pane's inside: its border takes a column on each side and a row above and below.
export const inner = (box: Box): Box => ({width: Math.max(0, box.width - 2), height: Math.max(0, box.height - 2)});
