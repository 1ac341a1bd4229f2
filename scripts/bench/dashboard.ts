// The dashboard in a real pseudo-terminal (util-linux `script`, 120×40): time to its first frame
// (the header's "N articles" line on screen), from a key to the frame it draws, and its peak memory
// over a session of keys (max RSS, from GNU time), against the smallest Ink app bundled the same
// way (minimal.tsx) started and pressed the same way.
import {spawn, type ChildProcess} from 'node:child_process';
import {copyFileSync, mkdtempSync, readFileSync, renameSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {bundleBench} from './bundle.js';
import {KEYS, pressesOf} from './keys.js';
import {median, percentile, type Figure} from './measure.js';

const ANSI = /\x1b(?:\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)|[()][0-9A-B]|[=>])/g;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const shell = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

// One program in a pty: `started` resolves with the ms from spawn to the first output matching
// `ready`; `press` writes keys and resolves with the ms until the next output.
class Pty {
	private child: ChildProcess;
	private text = '';
	private lastOutput = 0;
	private waiting: ((now: number) => void) | null = null;
	private seeing: ((text: string, now: number) => void) | null = null;
	readonly started: Promise<number>;

	constructor(argv: string[], ready: RegExp) {
		const env: NodeJS.ProcessEnv = {...process.env, TERM: 'xterm-256color', NODE_ENV: 'production'};
		delete env['CI'];
		delete env['CONTINUOUS_INTEGRATION'];
		const command = `stty rows 40 cols 120; exec ${argv.map(shell).join(' ')}`;
		const start = performance.now();
		this.child = spawn('script', ['-qfec', command, '/dev/null'], {env, stdio: ['pipe', 'pipe', 'ignore'], detached: true});
		this.started = new Promise((resolve, reject) => {
			const timer = setTimeout(() => reject(new Error(`no first frame from ${argv.join(' ')}`)), 60_000);
			this.child.stdout!.on('data', (chunk: Buffer) => {
				const now = performance.now();
				this.lastOutput = now;
				if (this.waiting) {
					const done = this.waiting;
					this.waiting = null;
					done(now);
				}
				this.seeing?.(chunk.toString('utf8'), now);
				if (this.text !== null) {
					this.text += chunk.toString('utf8');
					if (ready.test(this.text.replace(ANSI, ''))) {
						clearTimeout(timer);
						this.text = null as unknown as string;
						resolve(now - start);
					}
				}
			});
		});
	}

	// Waits until nothing has been drawn for `ms`, so the next key starts from a settled screen.
	async settle(ms = 60): Promise<void> {
		while (performance.now() - this.lastOutput < ms) await sleep(ms / 3);
	}

	async press(keys: string): Promise<number> {
		await this.settle();
		const start = performance.now();
		const drawn = new Promise<number>((resolve) => {
			const timer = setTimeout(() => {
				this.waiting = null;
				resolve(Number.NaN);
			}, 5000);
			this.waiting = (now) => {
				clearTimeout(timer);
				resolve(now - start);
			};
		});
		this.child.stdin!.write(keys);
		return drawn;
	}

	// Resolves with the time (performance.now()) of the first output from now on, as drawn up to
	// then, that matches `pattern`.
	until(pattern: RegExp, ms = 30_000): Promise<number> {
		let seen = '';
		return new Promise((resolve, reject) => {
			const timer = setTimeout(() => {
				this.seeing = null;
				reject(new Error(`${pattern} was never drawn`));
			}, ms);
			this.seeing = (text, now) => {
				seen += text;
				if (!pattern.test(seen.replace(ANSI, ''))) return;
				clearTimeout(timer);
				this.seeing = null;
				resolve(now);
			};
		});
	}

	async quit(): Promise<void> {
		const exited = new Promise((resolve) => this.child.once('exit', resolve));
		this.child.stdin!.write('\x03');
		const timer = setTimeout(() => {
			try {
				process.kill(-this.child.pid!, 'SIGKILL');
			} catch {
				// It exited meanwhile.
			}
		}, 3000);
		await exited;
		clearTimeout(timer);
	}
}

const HEADER = /\d[\d,]* articles? · /;

// A program run under GNU time, which writes its peak memory (KB) to a file when it exits.
function measuredMemory(argv: string[]): {argv: string[]; mb: () => number} {
	const dir = mkdtempSync(join(tmpdir(), 'briefing-rss-'));
	const file = join(dir, 'rss');
	return {
		argv: ['/usr/bin/time', '-f', '%M', '-o', file, ...argv],
		mb: () => {
			const kb = Number(readFileSync(file, 'utf8').trim().split('\n').pop());
			rmSync(dir, {recursive: true, force: true});
			return kb / 1024;
		},
	};
}

export async function firstFrameFigures(root: string, cli: string, dirs: Map<number, string>, runs = 5): Promise<Figure[]> {
	const minimal = await bundleBench(root, 'minimal.tsx', 'minimal');
	const once = async (argv: string[], ready: RegExp) => {
		const pty = new Pty(argv, ready);
		const ms = await pty.started;
		await pty.quit();
		return ms;
	};
	// A directory without a briefing opens the embedded sample, what a first run shows.
	const empty = mkdtempSync(join(tmpdir(), 'briefing-sample-'));
	const figures: Figure[] = [];
	for (const [size, dir] of [[undefined, empty] as const, ...dirs]) {
		const refs: number[] = [];
		const times: number[] = [];
		for (let i = 0; i < runs; i++) {
			refs.push(await once([process.execPath, minimal], /minimal ink frame/));
			times.push(await once([process.execPath, cli, '--dir', dir], HEADER));
		}
		const value = median(times);
		const reference = median(refs);
		const name = `dashboard first frame${size === undefined ? ' on the sample briefing' : ''}, pty (ref: one-Box Ink app)`;
		figures.push({
			name,
			size,
			value,
			unit: 'ms',
			reference,
			ratio: value / reference,
			target: size === undefined ? '< 1.3x ref' : '< 2x ref',
		});
	}
	rmSync(empty, {recursive: true, force: true});
	return figures;
}

// Key-to-frame latency: each key of keys.ts on the dashboard, against a key redrawing the minimal
// app's counter. Median and p95 per key.
// `each`: also prints every press's time, in the order pressed.
export async function keyFigures(root: string, cli: string, dirs: Map<number, string>, each = false, presses = 20): Promise<Figure[]> {
	const minimal = await bundleBench(root, 'minimal.tsx', 'minimal');
	const refMemory = measuredMemory([process.execPath, minimal]);
	const ref = new Pty(refMemory.argv, /minimal ink frame/);
	await ref.started;
	const refTimes: number[] = [];
	for (let i = 0; i < presses; i++) refTimes.push(await ref.press('x'));
	await ref.quit();
	const reference = median(refTimes);
	const refMb = refMemory.mb();
	const figures: Figure[] = [];
	for (const [size, dir] of dirs) {
		const memory = measuredMemory([process.execPath, cli, '--dir', dir]);
		const pty = new Pty(memory.argv, HEADER);
		await pty.started;
		for (const benchKey of KEYS) {
			const {name, setup, after} = benchKey;
			for (const k of setup) await pty.press(k);
			const times: number[] = [];
			for (const k of pressesOf(benchKey, presses)) times.push(await pty.press(k));
			if (each)
				console.log(`each press, ${name} @${size.toLocaleString('en-US')} events (ms): ${times.map((t) => t.toFixed(0)).join(' ')}`);
			for (const k of after) await pty.press(k);
			const valid = times.filter((t) => !Number.isNaN(t));
			if (valid.length < times.length)
				console.log(
					`${name} @${size.toLocaleString('en-US')} events: ${times.length - valid.length} of ${times.length} presses drew no frame within 5 s, left out`,
				);
			figures.push({
				name: `dashboard key-to-frame, ${name}, median`,
				size,
				value: median(valid),
				unit: 'ms',
				reference,
				ratio: median(valid) / reference,
				target: '< 16 ms',
			});
			figures.push({
				name: `dashboard key-to-frame, ${name}, p95`,
				size,
				value: percentile(valid, 95),
				unit: 'ms',
				reference: percentile(refTimes, 95),
				ratio: percentile(valid, 95) / percentile(refTimes, 95),
				target: '< 50 ms',
			});
		}
		await pty.quit();
		const mb = memory.mb();
		figures.push({
			name: 'dashboard peak memory over these keys (ref: one-Box Ink app)',
			size,
			value: mb,
			unit: 'MB',
			reference: refMb,
			ratio: mb / refMb,
			target: '< 300 MB',
		});
	}
	return figures;
}

// A reload: briefing.json replaced as an ingest in another shell replaces it (a finished file
// renamed over it) while the dashboard runs, by `other`, the same briefing with one more article,
// and back, `runs` times. The time from the rename to the new count of articles drawn (which
// includes the watcher's wait for the burst of events to settle), and how long j and k, pressed
// one after the other meanwhile, wait for their frames (a reload that blocked them would show here).
export async function reloadFigures(
	cli: string,
	dirs: Map<number, {dir: string; other: string; articles: number}>,
	each = false,
	runs = 6,
): Promise<Figure[]> {
	const figures: Figure[] = [];
	for (const [size, {dir, other, articles}] of dirs) {
		const kept = join(other, 'kept.json');
		copyFileSync(join(dir, 'briefing.json'), kept);
		const pty = new Pty([process.execPath, cli, '--dir', dir], HEADER);
		await pty.started;
		const reloads: number[] = [];
		const keys: number[] = [];
		// The reference: the same keys with no reload, once the first briefing is read whole (End
		// waits for it).
		await pty.press('\x1b[F');
		await pty.press('g');
		const still: number[] = [];
		for (let i = 0; i < 20; i++) still.push(await pty.press(i % 2 ? 'k' : 'j'));
		for (let run = 0; run < runs; run++) {
			await pty.settle(200);
			const more = run % 2 === 0;
			const count = articles + (more ? 1 : 0);
			const drawn = pty.until(new RegExp(`${count} articles · `));
			let done = false;
			void drawn.then(() => (done = true));
			const temp = join(dir, '.briefing.json.bench.tmp');
			copyFileSync(join(other, more ? 'briefing.json' : 'kept.json'), temp);
			const start = performance.now();
			renameSync(temp, join(dir, 'briefing.json'));
			const pressed: number[] = [];
			for (let i = 0; !done; i++) {
				const ms = await pty.press(i % 2 ? 'k' : 'j');
				if (!done && !Number.isNaN(ms)) keys.push(ms);
				pressed.push(ms);
			}
			const reload = (await drawn) - start;
			reloads.push(reload);
			if (each)
				console.log(
					`each reload @${size.toLocaleString('en-US')} events: ${reload.toFixed(0)} ms, keys meanwhile (ms): ${pressed.map((t) => t.toFixed(0)).join(' ')}`,
				);
		}
		await pty.quit();
		figures.push({
			name: 'dashboard reload, briefing.json replaced → new counts drawn, median',
			size,
			value: median(reloads),
			unit: 'ms',
			target: '< 1000 ms',
		});
		const during = (name: string, value: (times: number[]) => number, target: string) =>
			figures.push({
				name: `dashboard key-to-frame during a reload (j/k), ${name} (ref: with none)`,
				size,
				value: value(keys),
				unit: 'ms',
				reference: value(still),
				ratio: value(keys) / value(still),
				target,
			});
		during('median', median, '< 16 ms');
		during('p95', (times) => percentile(times, 95), '< 50 ms');
		during('max', (times) => Math.max(...times), '< 100 ms');
	}
	return figures;
}
