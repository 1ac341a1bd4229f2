import {execFileSync, spawnSync} from 'node:child_process';
import {chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {BERGEN_ARTICLE, OSLO_ARTICLE} from '../helpers.js';

// The built CLI on a real terminal: tmux runs a shell, the shell runs `briefing`, and the test
// types keys with send-keys and reads the screen with capture-pane. It checks what a user sees,
// the alternate screen, that the shell comes back after q, Ctrl-C, Ctrl-Z and SIGTERM, and that
// after every resize, Ctrl-L and `fg` the screen is the one a fresh start at that size shows.

const root = fileURLToPath(new URL('../..', import.meta.url));
const cli = join(root, 'dist', 'cli.js');
const hasTmux = spawnSync('tmux', ['-V']).status === 0;
// Each test's server has its socket in the test's temporary directory, so it goes with it.
const tempRoot = hasTmux ? mkdtempSync(join(tmpdir(), 'briefing-tmux-')) : '';
let socket = ''; // each test's own (inSession)
const SIZE = {columns: '120', rows: '40'};
let session = ''; // each test's own (inSession)
const TEST_MS = 90_000; // several waits of `until` each

const tmux = (...args: string[]) => execFileSync('tmux', ['-S', socket, ...args], {encoding: 'utf8'});
// For cleaning up: never throws, so that it cannot hide the error of the test it cleans up after.
const tmuxQuietly = (...args: string[]) => spawnSync('tmux', ['-S', socket, ...args]);
const screen = (target = session) => tmux('capture-pane', '-p', '-t', target);
const alternateOn = (target = session) => tmux('display-message', '-p', '-t', target, '#{alternate_on}').trim() === '1';
const keysTo = (target: string, ...keys: string[]) => tmux('send-keys', '-t', target, ...keys);
const keys = (...keys: string[]) => keysTo(session, ...keys);

// Generous: a busy machine takes seconds to start node and draw; only a screen that never comes fails.
async function until(what: string, check: () => boolean, ms = 20_000): Promise<void> {
	const start = Date.now();
	while (!check()) {
		if (Date.now() - start > ms) throw new Error(`timed out waiting for ${what}; the screen:\n${screen()}`);
		await new Promise((resolve) => setTimeout(resolve, 50));
	}
}

const shows = (text: string) => () => screen().includes(text);
// The shell is back when the alternate screen is gone and the prompt is the last line: the
// process has exited, so nothing typed next goes to it.
const shellBack = () => !alternateOn() && screen().trim().endsWith('$');

describe.skipIf(!hasTmux)(`the built CLI in tmux${hasTmux ? '' : ' (skipped: tmux is not installed)'}`, () => {
	let dir = '';
	let home = '';

	beforeAll(() => {
		execFileSync(process.execPath, [join(root, 'scripts', 'build.mjs'), '--if-stale']);
		dir = join(tempRoot, 'none-yet');
		home = mkdtempSync(join(tempRoot, 'home-'));
	});

	afterAll(() => {
		if (tempRoot) rmSync(tempRoot, {recursive: true, force: true});
	});

	// Runs `test` in a session of its own, a shell at 120×40 on a tmux server of its own (with no
	// configuration), which is killed afterwards whatever happened, with the briefing in it: a test
	// that fails leaves neither a dashboard running nor a window size for the next one. (One server
	// for all would exit with its last session, racing the next test's new session.) CI would make
	// Ink skip drawing, so it is unset in the shell.
	let sessions = 0;
	// A shell in a session `name` of the current server, at a size that stays as set.
	const newSession = (name: string, columns: string, rows: string) => {
		tmux(
			'-f',
			'/dev/null',
			'new-session',
			'-d',
			'-x',
			columns,
			'-y',
			rows,
			'-s',
			name,
			`env -u CI -u CONTINUOUS_INTEGRATION HOME=${home} PS1='$ ' sh`,
		);
		tmux('set-option', '-t', name, 'window-size', 'manual');
	};
	const inSession = async (test: () => Promise<void>) => {
		session = `briefing-${++sessions}`;
		socket = join(tempRoot, `${session}.sock`);
		try {
			newSession(session, SIZE.columns, SIZE.rows);
			await test();
		} finally {
			tmuxQuietly('kill-server');
		}
	};

	const command = () => `node ${cli} --dir ${dir}`;
	const start = async (target = session, ready = 'Feed 1/8') => {
		keysTo(target, 'clear', 'Enter');
		await until('a clear screen', () => screen(target).trim() === '$');
		keysTo(target, command(), 'Enter');
		await until('the dashboard', () => alternateOn(target) && screen(target).includes(ready));
	};

	// Volodymyr Zelenskyy selected and the Feed focused, a state every layout shows differently. A
	// frame is written from the top row down, so it is whole once its footer (the Feed's keys) shows.
	const setUp = async (target = session) => {
		keysTo(target, 'j', 'j', 'Enter', '2');
		await until('Zelenskyy selected, the Feed focused', () => {
			const shown = screen(target);
			return shown.includes('▸ Feed 1/5') && shown.trimEnd().split('\n').at(-1)!.startsWith('Enter open');
		});
	};
	// The screen of a dashboard started at each size and set up: what one resized to it must show.
	const freshScreens = async (sizes: ReadonlyArray<readonly [number, number]>) => {
		const screens = new Map<string, string>();
		for (const [columns, rows] of sizes) {
			const size = `${columns}×${rows}`;
			if (screens.has(size)) continue;
			const name = `fresh-${columns}x${rows}`;
			newSession(name, String(columns), String(rows));
			await start(name, 'Actors 1/16');
			await setUp(name);
			screens.set(size, screen(name));
		}
		return screens;
	};
	const untilScreen = async (what: string, expected: string | undefined) => {
		try {
			await until(what, () => screen() === expected);
		} catch (error) {
			throw new Error(`${(error as Error).message}\nexpected:\n${expected}`, {cause: error});
		}
	};

	it(
		'draws the sample at 120×40 on the alternate screen, filters by Zelenskyy, and gives the shell back after q',
		() =>
			inSession(async () => {
				await start();
				let lines = screen().split('\n');
				expect(lines[0]).toBe(
					'Sample briefing — ingest your own with: briefing ingest FILE...  │  1 article · 16 actors · 8 events · 2 quotes',
				);
				expect(lines[2]).toMatch(/^┏━ ▸ Actors 1\/16 ━+┓╭─ Feed 1\/8 ─+╮╭─ Quotes 1\/2 ─+╮$/);
				expect(screen()).toContain('At the Pentagon on Tuesday');
				keys('j', 'j', 'Enter');
				await until('the filter', shows('Filter: Volodymyr Zelenskyy → 5/8 events, 1/2 quotes'));
				lines = screen().split('\n');
				expect(screen()).toMatch(/▸ \[x\] P Volodymyr Zelenskyy +5/);
				expect(screen()).not.toContain('At the Pentagon on Tuesday');
				expect(screen()).not.toContain('relatively small number');
				// Every line fits: the right border of the Quotes pane ends every pane row.
				for (const line of lines.slice(2, 38)) expect(line).toMatch(/[┓┃┛╮│╯]$/);
				keys('q');
				await until('the shell', shellBack);
				// The screen the shell had before: the command line, then the next prompt.
				expect(screen().trim().split('\n')).toEqual([`$ ${command()}`, '$']);
			}),
		TEST_MS,
	);

	it(
		'follows a resize to 70×24 with a tab bar, and gives the shell back after Ctrl-C',
		() =>
			inSession(async () => {
				await start();
				tmux('resize-window', '-t', session, '-x', '70', '-y', '24');
				try {
					await until('the tab bar', shows('▸1 Actors 16'));
					const lines = screen().split('\n');
					expect(lines[0]).toBe('Sample briefing — ingest your own with: briefing ingest FILE...');
					expect(lines[3]).toMatch(/▸1 Actors 16 +│ +2 Feed 8 +│ +3 Quotes 2/);
					keys('/', 'z', 'e', 'l', 'Enter', '2');
					await until('the filtered feed', shows('Feed 1/5'));
					expect(screen()).not.toContain('Pentagon on Tuesday');
					keys('C-c');
					await until('the shell', shellBack);
				} finally {
					tmuxQuietly('resize-window', '-t', session, '-x', SIZE.columns, '-y', SIZE.rows);
				}
			}),
		TEST_MS,
	);

	it(
		'follows an ingest in another process: the sample gives way to the briefing, then new counts with the cursor on its event',
		() =>
			inSession(async () => {
				const live = mkdtempSync(join(tempRoot, 'live-'));
				const ingest = (name: string, text: string) => {
					writeFileSync(join(tempRoot, name), text);
					execFileSync(process.execPath, [cli, 'ingest', join(tempRoot, name), '--dir', live], {env: {...process.env, HOME: home}});
				};
				keys('clear', 'Enter');
				await until('a clear screen', () => screen().trim() === '$');
				keys(`node ${cli} --dir ${live}`, 'Enter');
				await until('the sample', () => alternateOn() && screen().includes('Feed 1/8'));
				ingest('first.txt', OSLO_ARTICLE);
				await until('the first article', shows(`Briefing · ${live}  │  1 article · 2 actors · 3 events · 1 quote`));
				// The Feed's second event, "Okafor said on Tuesday".
				keys('Tab', 'j');
				await until('the cursor on it', shows('Feed 2/3'));
				expect(screen()).toMatch(/▸ Okafor +Okafor said on Tuesday/);
				ingest('second.txt', BERGEN_ARTICLE);
				await until('the new counts', shows('2 articles · 4 actors · 6 events · 1 quote'));
				// Three events of the second article come before it: the cursor is on it, fifth.
				expect(screen()).toContain('Feed 5/6');
				expect(screen()).toMatch(/▸ Okafor +Okafor said on Tuesday/);
				expect(screen()).toContain('Petrov met Goran Dahl');
				keys('q');
				await until('the shell', shellBack);
			}),
		TEST_MS,
	);

	it.each([
		['under CI, where Ink would draw nothing', 'CI=true'],
		['on a terminal that cannot move the cursor', 'TERM=dumb'],
		['on a terminal of no known type', 'env -u TERM'],
	])(
		'prints the text briefing instead %s (%s)',
		(_, prefix) =>
			inSession(async () => {
				keys('clear', 'Enter');
				await until('a clear screen', () => screen().trim() === '$');
				keys(`${prefix} ${command()}`, 'Enter');
				await until('the text', () => shellBack() && screen().includes('Sullivan and Andriy Yermak'));
				expect(screen()).toContain('Briefing: 1 article, 16 actors, 8 events, 2 quotes');
			}),
		TEST_MS,
	);

	it(
		'gives the shell back after SIGTERM, exiting 143',
		() =>
			inSession(async () => {
				await start();
				const shell = tmux('display-message', '-p', '-t', session, '#{pane_pid}').trim();
				const node = execFileSync('pgrep', ['-P', shell], {encoding: 'utf8'}).trim();
				process.kill(Number(node), 'SIGTERM');
				await until('the shell', shellBack);
				keys('echo "exit $?"', 'Enter');
				await until('the exit status', shows('exit 143'));
			}),
		TEST_MS,
	);

	it(
		'draws the whole screen a fresh start at that size draws after each of 20 resizes, growing and shrinking',
		() =>
			inSession(async () => {
				const cycle = [
					[80, 40],
					[70, 24],
					[40, 20],
					[200, 50],
					[120, 40],
				] as const;
				const fresh = await freshScreens(cycle);
				await start();
				await setUp();
				expect(screen()).toBe(fresh.get('120×40'));
				for (let i = 0; i < 20; i++) {
					const [columns, rows] = cycle[i % cycle.length]!;
					tmux('resize-window', '-t', session, '-x', String(columns), '-y', String(rows));
					await untilScreen(`resize ${i + 1}, to ${columns}×${rows}`, fresh.get(`${columns}×${rows}`));
				}
			}),
		TEST_MS * 3,
	);

	it(
		'redraws the whole screen on Ctrl-L after something else wrote over it',
		() =>
			inSession(async () => {
				const fresh = await freshScreens([[120, 40]]);
				await start();
				await setUp();
				const tty = tmux('display-message', '-p', '-t', session, '#{pane_tty}').trim();
				writeFileSync(tty, '\x1b[5;10Hsomething else wrote here\x1b[20;1H\x1b[2K');
				await until('the stray text', shows('something else wrote here'));
				keys('C-l');
				await untilScreen('the redrawn screen', fresh.get('120×40'));
			}),
		TEST_MS,
	);

	// A briefing of one article of our own, naming Qatar (and a spokesman quoted), at its url.
	const qatarBriefing = () => {
		const qatarDir = join(tempRoot, 'qatar');
		if (existsSync(join(qatarDir, 'briefing.json'))) return qatarDir;
		const article = join(tempRoot, 'doha.md');
		writeFileSync(
			article,
			[
				'---',
				'title: Talks resume in Doha',
				'date: 2024-11-05',
				'source: Example Wire',
				'url: https://news.example.org/doha-talks',
				'---',
				'',
				'Qatar hosted a new round of talks between the two delegations on Monday, officials said.',
				'',
				'"We are ready to continue for as long as it takes," said Ahmed Saleh, a spokesman for the Qatari foreign ministry.',
				'',
			].join('\n'),
		);
		execFileSync(process.execPath, [cli, 'ingest', article, '--dir', qatarDir], {env: {...process.env, HOME: home}, stdio: 'pipe'});
		return qatarDir;
	};

	const startOn = async (briefing: string, prefix = '') => {
		keys('clear', 'Enter');
		await until('a clear screen', () => screen().trim() === '$');
		keys(`${prefix}node ${cli} --dir ${briefing}`, 'Enter');
		await until('the dashboard', () => alternateOn() && screen().includes('Filter: none'));
	};

	it(
		'/ q a t a r Enter filters by Qatar and keeps running, at 120×40 and at 70×24',
		() =>
			inSession(async () => {
				const briefing = qatarBriefing();
				for (const [columns, rows] of [
					['120', '40'],
					['70', '24'],
				] as const) {
					tmux('resize-window', '-t', session, '-x', columns, '-y', rows);
					await startOn(briefing);
					keys('/', 'q', 'a', 't', 'a', 'r', 'Enter');
					await until('the filter', shows('Filter: Qatar → 2/2 events, 0/1 quotes'));
					expect(alternateOn()).toBe(true);
					expect(screen()).toMatch(/▸ \[x\] C Qatar/);
					expect(screen()).not.toContain('New note');
					// Still running: q now quits, from the top level.
					keys('q');
					await until('the shell', shellBack);
				}
			}),
		TEST_MS,
	);

	it(
		'suspends to the shell on Ctrl-Z and comes back whole, keys working, with fg',
		() =>
			inSession(async () => {
				const fresh = await freshScreens([[120, 40]]);
				await start();
				await setUp();
				keys('C-z');
				await until('the shell, the dashboard stopped', () => !alternateOn() && shows('Stopped')() && screen().trim().endsWith('$'));
				keys('fg', 'Enter');
				await untilScreen('the dashboard back', fresh.get('120×40'));
				keys('j');
				await until('the next event', shows('▸ Feed 2/5'));
				keys('q');
				await until('the shell', shellBack);
			}),
		TEST_MS,
	);

	it(
		'E hands the note to $EDITOR on the main screen in cooked mode, saves what it wrote, and redraws the dashboard',
		() =>
			inSession(async () => {
				const briefing = qatarBriefing();
				const state = join(tempRoot, `editor-${session}.txt`);
				const editor = join(tempRoot, `editor-${session}.sh`);
				writeFileSync(
					editor,
					[
						'#!/bin/sh',
						`tmux -S '${socket}' display-message -p -t '${session}' '#{alternate_on}' > '${state}'`,
						`stty -a >> '${state}'`,
						`printf 'typed in the editor\\n' > "$1"`,
						'',
					].join('\n'),
				);
				chmodSync(editor, 0o755);
				// Pressed as soon as the dashboard shows, perhaps before notes.json is read: E waits for it.
				await startOn(briefing, `EDITOR=${editor} `);
				keys('E');
				await until('the saved note', shows('saved: added n-1 on actor'));
				expect(alternateOn()).toBe(true);
				const lines = screen().split('\n');
				expect(lines[0]).toMatch(/^Briefing · /);
				expect(lines[1]).toMatch(/^Filter: none/);
				expect(lines[2]).toMatch(/^┏━ ▸ Actors/);
				const seen = readFileSync(state, 'utf8');
				expect(seen.split('\n')[0]).toBe('0'); // the main screen
				expect(seen).toMatch(/(^|\s)icanon(\s|$)/m); // raw mode off
				const notes = JSON.parse(readFileSync(join(briefing, 'notes.json'), 'utf8')) as {notes: Array<{text: string}>};
				expect(notes.notes.map((note) => note.text)).toEqual(['typed in the editor']);
				keys('q');
				await until('the shell', shellBack);
			}),
		TEST_MS,
	);

	it(
		"o opens the event's article with the program BRIEFING_OPENER names, given its url, and the dashboard stays drawn",
		() =>
			inSession(async () => {
				const opened = join(tempRoot, `opener-${session}.txt`);
				const opener = join(tempRoot, `opener-${session}.sh`);
				// It writes what it was given, whole once the file is there; the dashboard runs it detached,
				// its output nowhere.
				writeFileSync(
					opener,
					['#!/bin/sh', `printf '%s\\n' "$#" "$@" > '${opened}.part'`, `mv '${opened}.part' '${opened}'`, ''].join('\n'),
				);
				chmodSync(opener, 0o755);
				await startOn(qatarBriefing(), `BRIEFING_OPENER=${opener} `);
				keys('2', 'o');
				await until('the status line', shows('opened https://news.example.org/doha-talks'));
				await until('the opener to have written', () => existsSync(opened));
				// One argument, the article's url.
				expect(readFileSync(opened, 'utf8')).toBe('1\nhttps://news.example.org/doha-talks\n');
				expect(alternateOn()).toBe(true);
				const lines = screen().split('\n');
				expect(lines[0]).toMatch(/^Briefing · /);
				expect(lines[2]).toMatch(/▸ Feed 1\/2/);
				keys('q');
				await until('the shell', shellBack);
			}),
		TEST_MS,
	);

	it(
		'y copies the quote with its citation through OSC 52 (tmux keeps it as a buffer with set-clipboard on)',
		() =>
			inSession(async () => {
				tmux('set-option', '-s', 'set-clipboard', 'on');
				await startOn(qatarBriefing());
				keys('3', 'y');
				await until('the status line', shows('copied quote'));
				expect(screen()).toMatch(/copied quote \S+ \(OSC 52/);
				expect(tmux('show-buffer')).toBe(
					'“We are ready to continue for as long as it takes” — Ahmed Saleh, a spokesman for the Qatari foreign ministry · Example Wire · 2024-11-05 · https://news.example.org/doha-talks',
				);
				keys('q');
				await until('the shell', shellBack);
			}),
		TEST_MS,
	);
});
