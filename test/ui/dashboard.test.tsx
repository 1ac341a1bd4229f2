import stringWidth from 'string-width';
import {describe, expect, it} from 'vitest';
import {emptyBriefing} from '../../source/store/db.js';
import {KEYS, renderDashboard, running, sampleBriefing} from './render.js';

// The dashboard driven by keys on the embedded sample briefing (data/sample-briefing.json, read
// through the store code), asserting what is on screen. Colour is off in these frames, so they
// also show that focus and selection are visible without it.

const ZELENSKYY_EVENTS = [
	'Ukrainian President Volodymyr',
	'Zelenskyy said on Tuesday',
	'"There is only one conclusion',
	'The Ukrainian president also',
	'In Washington, White House',
];
const OTHER_EVENTS = ['South Korea, which has been', 'At the Pentagon on Tuesday', 'Sullivan and Andriy Yermak'];

// Every line fits the terminal's width and the frame its height.
function expectFits(lines: string[], columns: number, rows: number) {
	expect(lines.length).toBeLessThanOrEqual(rows);
	for (const line of lines) expect(stringWidth(line), line).toBeLessThanOrEqual(columns);
}

describe('dashboard at 120×40', () => {
	it('shows the sample notice, the counts, three panes and the footer keys', async () => {
		const ui = await renderDashboard(sampleBriefing(), {sample: true});
		const lines = ui.lines();
		expect(lines[0]).toContain('Sample briefing — ingest your own with: briefing ingest FILE...');
		expect(lines[0]).toContain('1 article · 16 actors · 8 events · 2 quotes');
		expect(lines[1]).toContain('Filter: none');
		expect(lines[2]).toMatch(/┏━ ▸ Actors 1\/16 .*╭─ Feed 1\/8 .*╭─ Quotes 1\/2/);
		// Actors by number of events, then by name, with kind markers and counts.
		expect(lines[3]).toMatch(/▸ \[ \] C North Korea +7/);
		expect(lines[4]).toMatch(/\[ \] C Ukraine +7/);
		expect(lines[5]).toMatch(/\[ \] P Volodymyr Zelensk.* 5/);
		// The feed under date headings, a week shown as such.
		expect(ui.frame()).toContain('── week of 2024-10-21 ──');
		expect(ui.frame()).toContain('── 2024-10-29 Tuesday ──');
		expect(ui.frame()).toContain('“relatively small number”');
		expect(ui.frame()).toContain('— Pat Ryder, spokesman Major');
		expect(lines.at(-1)).toMatch(/^Enter select .*\? help +q quit/);
		expectFits(lines, 120, 40);
	});

	it('filters the feed and quotes by Zelenskyy with Enter, marks him, and Esc clears the filter', async () => {
		const ui = await renderDashboard(sampleBriefing(), {sample: true});
		for (const text of [...ZELENSKYY_EVENTS, ...OTHER_EVENTS]) expect(ui.frame()).toContain(text);
		await ui.press('j', 'j', KEYS.enter);
		const frame = ui.frame();
		expect(frame).toContain('Filter: Volodymyr Zelenskyy → 5/8 events, 1/2 quotes');
		expect(frame).toMatch(/▸ \[x\] P Volodymyr Zelensk/);
		for (const text of ZELENSKYY_EVENTS) expect(frame).toContain(text);
		for (const text of OTHER_EVENTS) expect(frame).not.toContain(text);
		expect(frame).not.toContain('week of 2024-10-21');
		expect(frame).toContain('There is only one conclusion');
		expect(frame).not.toContain('relatively small number');

		// A second actor widens the filter to items involving either.
		await ui.press('k', 'k', KEYS.enter);
		expect(ui.frame()).toContain('Filter: Volodymyr Zelenskyy, North Korea → 8/8 events');

		await ui.press(KEYS.escape);
		expect(ui.frame()).toContain('Filter: none');
		expect(ui.frame()).not.toContain('[x]');
		for (const text of OTHER_EVENTS) expect(ui.frame()).toContain(text);
	});

	it('Tab, Shift-Tab and 1/2/3 move the focus, shown by the heavy border and ▸', async () => {
		const ui = await renderDashboard(sampleBriefing(), {sample: true});
		await ui.press(KEYS.tab);
		expect(ui.lines()[2]).toMatch(/╭─ Actors .*┏━ ▸ Feed .*╭─ Quotes/);
		expect(ui.lines().at(-1)).toMatch(/^Enter open/);
		await ui.press('3');
		expect(ui.lines()[2]).toMatch(/╭─ Actors .*╭─ Feed .*┏━ ▸ Quotes/);
		await ui.press(KEYS.shiftTab, KEYS.shiftTab);
		expect(ui.lines()[2]).toMatch(/┏━ ▸ Actors .*╭─ Feed .*╭─ Quotes/);
	});

	it('moves with j/k, arrows, g/G and pages, and keeps the cursor on its item when the filter changes', async () => {
		const ui = await renderDashboard(sampleBriefing(), {sample: true});
		await ui.press('2', 'G');
		expect(ui.frame()).toMatch(/▸ Sullivan \+5 +Sullivan and Andriy Yermak/);
		expect(ui.lines()[2]).toContain('Feed 8/8');
		await ui.press('g', KEYS.down, KEYS.down);
		expect(ui.lines()[2]).toContain('Feed 3/8');
		expect(ui.frame()).toMatch(/▸ Zelenskyy \+4 +Zelenskyy said on Tuesday/);
		await ui.press(KEYS.pageDown);
		expect(ui.lines()[2]).toContain('Feed 8/8');
		await ui.press(KEYS.pageUp, 'k');
		expect(ui.lines()[2]).toContain('Feed 1/8');
		// Cursor on "Zelenskyy said on Tuesday", then filter by Zelenskyy: the cursor stays on it.
		await ui.press('j', 'j', '1', 'j', 'j', KEYS.enter, '2');
		expect(ui.lines()[2]).toContain('Feed 2/5');
		expect(ui.frame()).toMatch(/▸ Zelenskyy \+4 +Zelenskyy said on Tuesday/);
	});

	it('searches the focused pane live; Enter keeps the search, Esc drops it', async () => {
		const ui = await renderDashboard(sampleBriefing(), {sample: true});
		await ui.press('2', '/', 'k', 'u', 'r', 's', 'k');
		expect(ui.lines().at(-1)).toMatch(/^\/kursk▏ +Enter keep +Esc cancel/);
		expect(ui.lines()[2]).toContain('Feed 1/2 /kursk');
		expect(ui.frame()).toContain('At the Pentagon on Tuesday');
		expect(ui.frame()).toContain('Sullivan and Andriy Yermak');
		expect(ui.frame()).not.toContain('Zelenskyy said on Tuesday');
		// While typing, letters are text: q did not quit, j did not move, ? did not open help.
		await ui.press(KEYS.backspace, KEYS.backspace, KEYS.backspace, KEYS.backspace, KEYS.backspace, 'q', 'j', '?');
		expect(ui.lines().at(-1)).toMatch(/^\/qj\?▏/);
		expect(ui.frame()).toContain('No event matches “qj?”.');
		await ui.press(KEYS.ctrlU, 'p', 'e', 'n', 't', 'a', KEYS.enter);
		expect(ui.lines().at(-1)).toMatch(/^Enter open/);
		expect(ui.lines()[1]).toContain('/penta in Feed');
		expect(ui.lines()[2]).toContain('Feed 1/1 /penta');
		// Esc in the pane drops a kept search; the cursor stays on the event the search found.
		await ui.press(KEYS.escape);
		expect(ui.lines()[2]).toContain('Feed 4/8');
		expect(ui.frame()).toMatch(/▸ Pentagon \+5 +At the Pentagon/);
		// Esc while typing drops it too, and puts the cursor back where it was.
		await ui.press('/', 'x', KEYS.escape);
		expect(ui.lines()[2]).toContain('Feed 4/8');
		expect(ui.lines()[1]).not.toContain('/x');
	});

	it('finds actors with / and a name: Enter selects the actor under the cursor and keeps the search', async () => {
		const ui = await renderDashboard(sampleBriefing(), {sample: true});
		await ui.press('/', 'z', 'e', 'l');
		expect(ui.lines()[2]).toContain('Actors 1/1 /zel');
		expect(ui.frame()).toMatch(/▸ \[ \] P Volodymyr Zelenskyy/);
		await ui.press(KEYS.enter);
		expect(ui.frame()).toContain('Filter: Volodymyr Zelenskyy');
		expect(ui.frame()).toMatch(/▸ \[x\] P Volodymyr Zelenskyy/);
		expect(ui.lines()[1]).toContain('/zel in Actors');
		await ui.press(KEYS.escape);
		expect(ui.lines()[2]).toContain('Actors 3/16');
		// An alias finds its actor too, accents and case ignored.
		await ui.press('/', 'K', 'I', 'E', 'V', KEYS.enter);
		expect(ui.frame()).toMatch(/▸ \[x\] C Ukraine/);
		expect(ui.frame()).toContain('Filter: Volodymyr Zelenskyy, Ukraine');
		// Esc while typing puts back the search and the cursor from before.
		await ui.press('/', 'r', 'u', 's', KEYS.escape);
		expect(ui.lines()[1]).toContain('/KIEV in Actors');
		expect(ui.frame()).toMatch(/▸ \[x\] C Ukraine/);
		// Letters outside the prompt are commands, never the start of a name: j moves, z undoes.
		await ui.press(KEYS.escape, 'j');
		expect(ui.lines()[2]).toContain('Actors 3/16');
		expect(ui.lines()[1]).not.toContain('/KIEV');
	});

	it('opens an event in the detail view: sentence, date and how it was found, actors, article, paragraph', async () => {
		const ui = await renderDashboard(sampleBriefing(), {sample: true});
		await ui.press('2', 'j', 'j', KEYS.enter);
		const frame = ui.frame();
		expect(ui.lines()[2]).toMatch(/┏━ ▸ Event/);
		expect(frame).toContain('Zelenskyy said on Tuesday that he spoke to South Korean President Yoon Suk Yeol and');
		expect(frame).toMatch(/Date +2024-10-29 Tuesday — “on Tuesday”, counted from the article's date, 2024-10-29/);
		expect(frame).toMatch(/Actors +P Volodymyr Zelenskyy, President/);
		expect(frame).toMatch(/ +P Yoon Suk Yeol, President/);
		expect(frame).toMatch(/Article +Ukrainian President Volodymyr Zelenskyy has said/);
		expect(frame).toContain('Paragraph 2');
		expect(ui.lines().at(-1)).toMatch(/^Esc close/);
		await ui.press(KEYS.escape);
		expect(ui.lines()[2]).toMatch(/┏━ ▸ Feed 3\/8/);
	});

	it('opens the week-precision event and a quote, with the dates as precise as they are known', async () => {
		const ui = await renderDashboard(sampleBriefing(), {sample: true});
		await ui.press('2', KEYS.enter);
		expect(ui.frame()).toMatch(/Date +week of 2024-10-21 — “last week”, counted from the article's date/);
		await ui.press(KEYS.escape, '3', 'j', KEYS.enter);
		expect(ui.lines()[2]).toMatch(/┏━ ▸ Quote/);
		expect(ui.frame()).toContain('“There is only one conclusion — this war is internationalised and goes beyond the borders');
		expect(ui.frame()).toMatch(/Speaker +P Volodymyr Zelenskyy, President/);
		expect(ui.frame()).toMatch(/Zelenskyy wrote on\s+Telegram/);
	});

	it('Esc closes the detail view first, then clears the filter', async () => {
		const ui = await renderDashboard(sampleBriefing(), {sample: true});
		await ui.press('j', 'j', KEYS.enter, '2', KEYS.enter);
		expect(ui.lines()[2]).toMatch(/Event/);
		await ui.press(KEYS.escape);
		expect(ui.frame()).toContain('Filter: Volodymyr Zelenskyy');
		expect(ui.lines()[2]).toMatch(/Feed 1\/5/);
		await ui.press(KEYS.escape);
		expect(ui.frame()).toContain('Filter: none');
	});

	it('shows the help overlay from the keymap, the focused pane first, and closes it with ? or Esc', async () => {
		const ui = await renderDashboard(sampleBriefing(), {sample: true});
		await ui.press('2', '?');
		const lines = ui.lines();
		expect(lines[2]).toMatch(/Keys/);
		expect(lines[3]).toContain('Rules');
		expect(ui.frame()).toContain('Letters are commands in the panes');
		expect(ui.frame()).toContain('q and Esc close the detail view, the Notes view and the help; q with nothing open quits');
		const feed = lines.findIndex((line) => line.includes('Feed pane'));
		expect(feed).toBeGreaterThan(3);
		expect(feed).toBeLessThan(12);
		expect(lines[feed + 1]).toMatch(/Enter +Open the event/);
		expect(ui.frame()).toMatch(/Tab +Next pane/);
		await ui.press('G');
		expect(ui.frame()).toMatch(/Ctrl-C +Quit/);
		expect(ui.lines()[2]).toMatch(/Keys · q, \? or Esc closes \d+–\d+ of \d+ lines/);
		await ui.press('?');
		expect(ui.lines()[2]).toMatch(/┏━ ▸ Feed/);
		await ui.press('?', 'G');
		expect(ui.frame()).toMatch(/P person · C country · O organisation · L place/);
		await ui.press('g');
		expect(ui.lines()[3]).toContain('Rules');
		await ui.press(KEYS.escape);
		expect(ui.lines()[2]).toMatch(/┏━ ▸ Feed/);
		// q closes it too, without quitting.
		await ui.press('?', 'q');
		expect(ui.lines()[2]).toMatch(/┏━ ▸ Feed/);
	});

	it('q quits, and so does Ctrl-C, even while typing a search', async () => {
		const reading = running;
		const quitting = await renderDashboard(sampleBriefing(), {sample: true});
		expect(reading(quitting)).toBe(true);
		await quitting.press('q');
		expect(reading(quitting)).toBe(false);
		const typing = await renderDashboard(sampleBriefing(), {sample: true});
		await typing.press('2', '/', 'q');
		expect(reading(typing)).toBe(true);
		expect(typing.lines().at(-1)).toMatch(/^\/q▏/);
		await typing.press(KEYS.ctrlC);
		expect(reading(typing)).toBe(false);
	});
});

describe('dashboard at other sizes', () => {
	it('folds Quotes under the Feed below 120 columns', async () => {
		const ui = await renderDashboard(sampleBriefing(), {sample: true, columns: 100, rows: 30});
		const lines = ui.lines();
		expect(lines.findIndex((line) => line.includes('Feed 1/8'))).toBeLessThan(lines.findIndex((line) => line.includes('Quotes 1/2')));
		expect(lines.find((line) => line.includes('Quotes 1/2'))).toMatch(/^┃.*┃╭─ Quotes/);
		expectFits(lines, 100, 30);
	});

	it('shows one pane at a time with a tab bar below 80 columns', async () => {
		const ui = await renderDashboard(sampleBriefing(), {sample: true, columns: 70, rows: 24});
		expect(ui.lines()[3]).toMatch(/▸1 Actors 16 +│ +2 Feed 8 +│ +3 Quotes 2/);
		expect(ui.frame()).not.toContain('Feed 1/8');
		await ui.press('j', 'j', KEYS.enter, KEYS.tab);
		expect(ui.lines()[3]).toMatch(/1 Actors 16 +│ ▸2 Feed 5 +│ +3 Quotes 1/);
		expect(ui.frame()).toContain('Feed 1/5');
		expect(ui.frame()).not.toContain('Pentagon on Tuesday');
		await ui.press('3');
		expect(ui.frame()).toContain('There is only one conclusion');
		expect(ui.frame()).toMatch(/▌ “There is only one conclusion/);
		expectFits(ui.lines(), 70, 24);
		// The footer drops the pane's least important hints first; ? and q always show.
		await ui.press('1');
		expect(ui.lines().at(-1)).toMatch(/^Enter select +j\/k move .* \? help +q quit$/);
		await ui.resize(40, 12);
		expect(ui.lines().at(-1)).toBe('Enter select  j/k move  ? help  q quit');
	});

	it('asks for a larger window below 40×12, on one line, and follows live resizes', async () => {
		const ui = await renderDashboard(sampleBriefing(), {sample: true, columns: 39, rows: 20});
		expect(ui.lines()).toEqual(['Enlarge window to 40×12 (is 39×20)']);
		await ui.resize(80, 11);
		expect(ui.lines()).toEqual(['Enlarge window to 40×12 (is 80×11)']);
		await ui.resize(120, 40);
		expect(ui.frame()).toContain('Feed 1/8');
		expectFits(ui.lines(), 120, 40);
		await ui.resize(60, 15);
		expectFits(ui.lines(), 60, 15);
	});

	it('cuts long rows with an ellipsis at every width, never wrapping into the next pane', async () => {
		for (const [columns, rows] of [
			[160, 50],
			[120, 40],
			[100, 30],
			[80, 24],
			[70, 24],
			[40, 12],
		] as const) {
			const ui = await renderDashboard(sampleBriefing(), {sample: true, columns, rows});
			for (const keys of [[], ['2'], ['2', KEYS.enter], ['?'], ['3', KEYS.enter]]) {
				await ui.press(KEYS.escape, KEYS.escape, ...keys);
				expectFits(ui.lines(), columns, rows);
			}
			ui.unmount();
		}
	});
});

describe('dashboard states', () => {
	it('an empty briefing says how to ingest', async () => {
		const ui = await renderDashboard(emptyBriefing());
		expect(ui.lines()[0]).toContain('Nothing ingested yet — add articles with: briefing ingest FILE...');
		expect(ui.frame()).toContain('No actors yet.');
		expect(ui.frame()).toMatch(/Nothing ingested yet/);
		await ui.press('j', 'G', KEYS.enter, '2', KEYS.enter, '/', 'x', KEYS.enter);
		expect(ui.lines()[2]).toMatch(/Feed 0/);
	});

	it('a stored briefing shows its directory instead of the sample notice', async () => {
		const ui = await renderDashboard(sampleBriefing(), {dir: '/home/analyst/briefing'});
		expect(ui.lines()[0]).toMatch(/^Briefing · \/home\/analyst\/briefing +│ +1 article/);
		expect(ui.frame()).not.toContain('Sample briefing');
	});
});
