import {EventEmitter} from 'node:events';
import {describe, expect, it} from 'vitest';
import type {BriefingData} from '../../source/store/schema.js';
import {runDashboard} from '../../source/ui/run.js';
import {ENTER_ALTERNATE_SCREEN, HIDE_CURSOR, LEAVE_ALTERNATE_SCREEN, SHOW_CURSOR, takeOverTerminal} from '../../source/ui/terminal.js';
import {sampleBriefing, waitFor} from './render.js';

// The terminal is given back on every way out. (Signals are tested on a real terminal, in tmux.)

class FakeStdout extends EventEmitter {
	columns = 120;
	rows = 40;
	isTTY = true;
	written: string[] = [];
	write = (text: string) => {
		this.written.push(text);
		return true;
	};
	get text() {
		return this.written.join('');
	}
}

class FakeStdin extends EventEmitter {
	isTTY = true;
	rawMode: boolean[] = [];
	data: string | null = null;
	setRawMode = (mode: boolean) => {
		this.rawMode.push(mode);
	};
	setEncoding() {}
	resume() {}
	pause() {}
	ref() {}
	unref() {}
	read = () => {
		const {data} = this;
		this.data = null;
		return data;
	};
	type(text: string) {
		this.data = text;
		this.emit('readable');
	}
}

const streams = () => {
	const stdout = new FakeStdout();
	const stdin = new FakeStdin();
	const stderr = new FakeStdout();
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
	it('is restored once, with raw mode off and the cursor shown, whichever exit path comes first', () => {
		const {stdout, stdin} = streams();
		const restore = takeOverTerminal(stdout, stdin);
		expect(stdout.text).toBe(ENTER_ALTERNATE_SCREEN + HIDE_CURSOR);
		restore();
		restore();
		expect(stdout.text).toBe(ENTER_ALTERNATE_SCREEN + HIDE_CURSOR + SHOW_CURSOR + LEAVE_ALTERNATE_SCREEN);
		expect(stdin.rawMode).toEqual([false]);
	});

	it('enters the alternate screen before the first frame and leaves it after q', async () => {
		const {stdout, stdin, run} = streams();
		const done = runDashboard({data: sampleBriefing(), sample: true}, run);
		await waitFor('the first frame', () => stdout.written.length >= 2);
		expect(stdout.written[0]).toBe(ENTER_ALTERNATE_SCREEN + HIDE_CURSOR);
		// The first frame, drawn by rows on the alternate screen.
		expect(stdout.written[1]).toMatch(/^\x1b\[\?2026h\x1b\[1;1H.*Sample briefing/);
		stdin.type('q');
		expect(await done).toBe(0);
		expect(stdout.text.endsWith(SHOW_CURSOR + LEAVE_ALTERNATE_SCREEN)).toBe(true);
		expect(stdin.rawMode.at(-1)).toBe(false);
	});

	it('leaves the alternate screen when rendering throws, and passes the error on', async () => {
		const {stdout, run} = streams();
		const listeners = process.listenerCount('SIGTERM');
		const broken = {...sampleBriefing(), actors: null} as unknown as BriefingData;
		await expect(runDashboard({data: broken, sample: false}, run)).rejects.toThrow();
		expect(stdout.written[0]).toBe(ENTER_ALTERNATE_SCREEN + HIDE_CURSOR);
		expect(stdout.text.endsWith(SHOW_CURSOR + LEAVE_ALTERNATE_SCREEN)).toBe(true);
		expect(process.listenerCount('SIGTERM')).toBe(listeners);
	});
});
