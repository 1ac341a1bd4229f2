import {cleanup, render} from 'ink-testing-library';
import {afterEach} from 'vitest';
import type {BriefingData} from '../../source/store/schema.js';
import {App} from '../../source/ui/App.js';

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
} as const;

export const tick = (ms = 15) => new Promise((resolve) => setTimeout(resolve, ms));

afterEach(() => {
	cleanup();
});

type Stdout = ReturnType<typeof render>['stdout'];

export function resize(stdout: Stdout, columns: number, rows: number): void {
	Object.defineProperty(stdout, 'columns', {value: columns, configurable: true});
	Object.defineProperty(stdout, 'rows', {value: rows, configurable: true});
	stdout.emit('resize');
}

export async function renderDashboard(data: BriefingData, options: {columns?: number; rows?: number; sample?: boolean; dir?: string} = {}) {
	const instance = render(<App data={data} sample={options.sample ?? false} dir={options.dir ?? null} theme={{color: false}} />);
	const frame = () => instance.lastFrame() ?? '';
	// Ink draws at most 30 frames a second, and a busy machine is slower still: wait until no frame
	// has come for longer than a frame interval, rather than a fixed time.
	const settle = async () => {
		let seen = -1;
		for (let i = 0; i < 100 && instance.frames.length !== seen; i++) {
			seen = instance.frames.length;
			await tick(40);
		}
	};
	resize(instance.stdout, options.columns ?? 120, options.rows ?? 40);
	await settle();
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
			await settle();
		},
		async resize(columns: number, rows: number) {
			resize(instance.stdout, columns, rows);
			await settle();
		},
	};
}
