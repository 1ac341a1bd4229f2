import {cleanup, render} from 'ink-testing-library';
import {afterEach} from 'vitest';
import type {BriefingData} from '../../source/store/schema.js';
import {App} from '../../source/ui/App.js';
import type {Outside} from '../../source/ui/hooks/useRequests.js';

export {sampleBriefing, scaledBriefing} from './data.js';

// Renders the dashboard with ink-testing-library at a given terminal size, and presses keys the
// way a terminal sends them. Ink attaches its input listener in an effect, so every press waits a
// tick before writing and again before the frame is read (STYLE.md pitfall 6).

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
	cleanup();
});

// Ink stops reading stdin when the app exits: whether the dashboard still runs.
export const running = (ui: {stdin: {listenerCount: (event: string) => number}}) => ui.stdin.listenerCount('readable') > 0;

type Stdout = ReturnType<typeof render>['stdout'];

export function resize(stdout: Stdout, columns: number, rows: number): void {
	Object.defineProperty(stdout, 'columns', {value: columns, configurable: true});
	Object.defineProperty(stdout, 'rows', {value: rows, configurable: true});
	stdout.emit('resize');
}

type Options = {columns?: number; rows?: number; sample?: boolean; dir?: string; outside?: Partial<Outside>};

export async function renderDashboard(data: BriefingData, options: Options = {}) {
	const instance = render(
		<App data={data} sample={options.sample ?? false} dir={options.dir ?? null} theme={{color: false}} {...options.outside} />,
	);
	const frame = () => instance.lastFrame() ?? '';
	const settled = () => settle(() => instance.frames.length);
	resize(instance.stdout, options.columns ?? 120, options.rows ?? 40);
	await settled();
	return {
		...instance,
		frame,
		lines: () => frame().split('\n'),
		// Each argument is one key (or a string typed at once, like a paste).
		async press(...keys: string[]) {
			for (const key of keys) {
				await tick();
				instance.stdin.write(key);
			}
			await settled();
		},
		async resize(columns: number, rows: number) {
			resize(instance.stdout, columns, rows);
			await settled();
		},
	};
}
