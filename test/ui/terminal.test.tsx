import {describe, expect, it} from 'vitest';
import type {BriefingData} from '../../source/store/schema.js';
import {runDashboard} from '../../source/ui/run.js';
import {FakeStdin, FakeStdout} from '../fake-terminal.js';
import {sampleBriefing, waitFor} from './render.js';

// The terminal is given back on every way out. (Signals, Ctrl-Z and resizes are tested on a real
// terminal, in tmux.)

const ENTER_ALTERNATE_SCREEN = '\x1b[?1049h';
const LEAVE_ALTERNATE_SCREEN = '\x1b[?1049l';
const SHOW_CURSOR = '\x1b[?25h';
const HIDE_CURSOR = '\x1b[?25l';
// The last write of the alternate screen and what follows it, a cursor shown once.
const leftWith = (text: string) => text.slice(text.lastIndexOf(LEAVE_ALTERNATE_SCREEN)).replace(/(\x1b\[\?25h)+$/, SHOW_CURSOR);
const CLEAR_SCREEN = '\x1b[H\x1b[J'; // cursor home, erase down
// What was written after the last clear of the screen, without escape sequences.
const sinceClear = (text: string) =>
	text.slice(text.lastIndexOf(CLEAR_SCREEN) + CLEAR_SCREEN.length).replace(/\x1b\[[0-9;?]*[A-Za-z]/g, '');

// What the dashboard writes, all of it.
class Screen extends FakeStdout {
	readonly isTTY = true;
	private writes: string[] = [];
	protected override written(text: string) {
		this.writes.push(text);
	}
	get text() {
		return this.writes.join('');
	}
}

const streams = () => {
	const stdout = new Screen(120, 40);
	const stdin = new FakeStdin();
	const stderr = new Screen(120, 40);
	return {
		stdout,
		stdin,
		stderr,
		run: {
			stdin: stdin as unknown as NodeJS.ReadStream,
			stdout: stdout as unknown as NodeJS.WriteStream,
			stderr: stderr as unknown as NodeJS.WriteStream,
		},
	};
};

describe('the terminal', () => {
	it('enters the alternate screen before the first frame and leaves it after q, with raw mode off and the cursor shown', async () => {
		const {stdout, stdin, run} = streams();
		const done = runDashboard({data: sampleBriefing(), sample: true}, run);
		await waitFor('the first frame', () => stdout.text.includes('Sample briefing'));
		expect(stdout.text.startsWith(ENTER_ALTERNATE_SCREEN + HIDE_CURSOR)).toBe(true);
		expect(stdin.rawMode).toEqual([true]);
		stdin.write('q');
		expect(await done).toBe(0);
		expect(leftWith(stdout.text)).toBe(LEAVE_ALTERNATE_SCREEN + SHOW_CURSOR);
		expect(stdin.rawMode.at(-1)).toBe(false);
	});

	it('leaves the alternate screen when rendering throws, and passes the error on', async () => {
		const {stdout, stdin, run} = streams();
		const listeners = process.listenerCount('SIGTERM');
		const broken = {...sampleBriefing(), actors: null} as unknown as BriefingData;
		await expect(runDashboard({data: broken, sample: false}, run)).rejects.toThrow();
		expect(stdout.text.startsWith(ENTER_ALTERNATE_SCREEN + HIDE_CURSOR)).toBe(true);
		expect(leftWith(stdout.text)).toBe(LEAVE_ALTERNATE_SCREEN + SHOW_CURSOR);
		expect(stdin.rawMode.at(-1) ?? false).toBe(false);
		expect(process.listenerCount('SIGTERM')).toBe(listeners);
	});

	it('clears the screen on Ctrl-L and draws the whole frame again from the top', async () => {
		const {stdout, stdin, run} = streams();
		const done = runDashboard({data: sampleBriefing(), sample: true}, run);
		await waitFor('the first frame', () => stdout.text.includes('Sample briefing'));
		stdin.write('j');
		await waitFor('the cursor on the second actor', () => stdout.text.includes('Actors 2/16'));
		expect(stdout.text).not.toContain(CLEAR_SCREEN);
		// Something else writes over the screen.
		stdout.write('\x1b[5;1Hstray output');
		stdin.write('\x0c');
		await waitFor('the redraw', () => stdout.text.includes(CLEAR_SCREEN));
		await waitFor('the whole frame', () => sinceClear(stdout.text).split('\n').length === 40);
		const lines = sinceClear(stdout.text).split('\n');
		expect(lines[0]).toMatch(/^Sample briefing — ingest your own with/);
		expect(lines[2]).toMatch(/Actors 2\/16/);
		expect(lines[39]).toMatch(/q quit$/);
		stdin.write('q');
		expect(await done).toBe(0);
	});
});
