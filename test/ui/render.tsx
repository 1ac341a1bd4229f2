import {type Instance, render as inkRender} from 'ink';
import type {ReactNode} from 'react';
import {afterEach} from 'vitest';
import type {BriefingData} from '../../source/store/schema.js';
import {App} from '../../source/ui/App.js';
import type {NotesReader} from '../../source/ui/BriefingContext.js';
import type {Outside} from '../../source/ui/hooks/useRequests.js';
import {FakeStdin, FakeStdout} from '../fake-terminal.js';

export {sampleBriefing, scaledBriefing} from './data.js';

// Renders the dashboard at a given terminal size, and presses keys the way a terminal sends them.
// Ink attaches its input listener in an effect, so every press waits a tick before writing and
// again before the frame is read (STYLE.md pitfall 6).
//
// The terminal is ink-testing-library's, with what Ink 8 needs of it (test/fake-terminal.ts): a
// number of rows (without one Ink asks the real terminal, opening /dev/tty on every layout and
// leaving it open, so frames would depend on where the tests run), a write that calls back (Ink
// waits for that to exit), and no frame for the empty write Ink ends with. Ink runs in debug
// mode: each frame is one write, of the whole frame.

class Stdout extends FakeStdout {
	frames: string[] = [];
	protected override written(frame: string) {
		if (frame !== '' && frame !== '\n') this.frames.push(frame);
	}
	lastFrame = () => this.frames.at(-1);
}

const instances: Instance[] = [];

export function render(tree: ReactNode, size: {columns?: number; rows?: number} = {}) {
	const stdout = new Stdout(size.columns ?? 100, size.rows ?? 24);
	const stdin = new FakeStdin();
	const instance = inkRender(tree, {
		stdout: stdout as unknown as NodeJS.WriteStream,
		stderr: new Stdout(100, 24) as unknown as NodeJS.WriteStream,
		stdin: stdin as unknown as NodeJS.ReadStream,
		debug: true,
		exitOnCtrlC: false,
		patchConsole: false,
	});
	instances.push(instance);
	return {...instance, stdout, stdin, frames: stdout.frames, lastFrame: stdout.lastFrame};
}

export const KEYS = {
	enter: '\r',
	escape: '\x1b',
	tab: '\t',
	shiftTab: '\x1b[Z',
	up: '\x1b[A',
	down: '\x1b[B',
	pageUp: '\x1b[5~',
	pageDown: '\x1b[6~',
	home: '\x1b[H',
	end: '\x1b[F',
	backspace: '\x7f',
	ctrlC: '\x03',
	ctrlU: '\x15',
	ctrlW: '\x17',
	ctrlA: '\x01',
	ctrlE: '\x05',
	left: '\x1b[D',
	right: '\x1b[C',
	altLeft: '\x1b[1;3D',
	altRight: '\x1b[1;3C',
	altB: '\x1bb',
	altF: '\x1bf',
} as const;

export const tick = (ms = 15) => new Promise((resolve) => setTimeout(resolve, ms));

const turn = () => new Promise((resolve) => setImmediate(resolve));

// Ink holds a lone Escape for 20 ms (its App's pendingInputFlushDelayMilliseconds), in case the
// rest of a sequence such as an arrow key follows; a key written sooner is read with it as one
// key, Alt-Escape. Its timer is set as the Escape is written, so a timer set after it that ends
// later fires after it, on a machine however busy.
const ESCAPE_HELD_MS = 20;

// Each argument is one key (or a string typed at once, like a paste).
export async function typeKeys(stdin: {write: (data: string) => void}, keys: readonly string[]): Promise<void> {
	for (const key of keys) {
		await tick();
		stdin.write(key);
		if (key === KEYS.escape) await tick(ESCAPE_HELD_MS + 5);
	}
}

// Resolves once the dashboard has stopped drawing: no new frame (counted by `frames`) over 40 ms
// and then 20 turns of the event loop. Time alone is not enough: React runs an update as tasks of
// its scheduler, one turn of the event loop each, and a busy machine can leave a process waiting
// longer than 40 ms between two turns, so that a render still queued looked like none to come.
// Gives up after `deadline` ms of frames that keep coming.
export async function settle(frames: () => number, deadline = 10_000): Promise<void> {
	const started = Date.now();
	for (;;) {
		const seen = frames();
		await tick(40);
		for (let i = 0; i < 20; i++) await turn();
		if (frames() === seen || Date.now() - started > deadline) return;
	}
}

// Polls until `done` holds, for `what`; fails after a deadline only a machine that never gets
// there reaches.
export async function waitFor(what: string, done: () => boolean, deadline = 20_000): Promise<void> {
	const started = Date.now();
	while (!done()) {
		if (Date.now() - started > deadline) throw new Error(`timed out after ${deadline} ms waiting for ${what}`);
		await tick(10);
	}
}

afterEach(() => {
	for (const instance of instances.splice(0)) instance.unmount();
});

// Ink stops reading stdin when the app exits: whether the dashboard still runs.
export const running = (ui: {stdin: {listenerCount: (event: string) => number}}) => ui.stdin.listenerCount('readable') > 0;

export function resize(stdout: Stdout, columns: number, rows: number): void {
	stdout.columns = columns;
	stdout.rows = rows;
	stdout.emit('resize');
}

type Options = {columns?: number; rows?: number; sample?: boolean; dir?: string; outside?: Partial<Outside>; readNotes?: NotesReader};

export async function renderDashboard(data: BriefingData, options: Options = {}) {
	const instance = render(
		<App
			data={data}
			sample={options.sample ?? false}
			dir={options.dir ?? null}
			theme={{color: false}}
			{...(options.readNotes ? {readNotes: options.readNotes} : {})}
			{...options.outside}
		/>,
		{columns: options.columns ?? 120, rows: options.rows ?? 40},
	);
	const frame = () => instance.lastFrame() ?? '';
	const settled = () => settle(() => instance.frames.length);
	await settled();
	return {
		...instance,
		frame,
		lines: () => frame().split('\n'),
		// Each argument is one key (or a string typed at once, like a paste).
		async press(...keys: string[]) {
			await typeKeys(instance.stdin, keys);
			await settled();
		},
		async resize(columns: number, rows: number) {
			resize(instance.stdout, columns, rows);
			await settled();
		},
	};
}
