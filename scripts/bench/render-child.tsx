// One process of the render figure (render.ts): the dashboard on a terminal of 120×40 that is a
// stream of this process, the keys of keys.ts typed into a stream, and the CPU time (user and
// system) from each key to the frame it draws, written as JSON. CPU time, unlike the time a frame
// takes to show, hardly changes with what else the machine runs.
import {render} from 'ink';
import {readBriefing} from '../../source/store/db.js';
import {App} from '../../source/ui/App.js';
import {FakeStdin, FakeStdout} from '../../test/fake-terminal.js';
import {KEYS, pressesOf} from './keys.js';

// The terminal of 120×40 the dashboard draws on: `drawn` hears each write, a frame drawn.
class Terminal extends FakeStdout {
	readonly isTTY = true;
	drawn: (() => void) | null = null;
	protected override written() {
		this.drawn?.();
	}
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const cpuMs = () => {
	const {user, system} = process.cpuUsage();
	return (user + system) / 1000;
};

const [dir, presses] = [process.argv[2]!, Number(process.argv[3] ?? 20)];
const data = (await readBriefing(dir))!;
const terminal = new Terminal(120, 40);
const keyboard = new FakeStdin();
const app = render(<App data={data} sample={false} dir={dir} />, {
	stdout: terminal as unknown as NodeJS.WriteStream,
	stdin: keyboard as unknown as NodeJS.ReadStream,
	interactive: true,
	exitOnCtrlC: false,
	patchConsole: false,
});

// Each key after Ink's frame interval (30 a second) has passed, so that its frame is drawn at once.
async function press(key: string): Promise<number> {
	await sleep(50);
	const drawn = new Promise<boolean>((resolve) => (terminal.drawn = () => resolve(true)));
	const start = cpuMs();
	keyboard.write(key);
	const ms = (await Promise.race([drawn, sleep(2000).then(() => false)])) ? cpuMs() - start : Number.NaN;
	terminal.drawn = null;
	return ms;
}

await sleep(500);
const out: Record<string, number[]> = {};
for (const key of KEYS) {
	for (const k of key.setup) await press(k);
	out[key.name] = [];
	for (const k of pressesOf(key, presses)) out[key.name]!.push(await press(k));
	for (const k of key.after) await press(k);
}
app.unmount();
process.stdout.write(`${JSON.stringify(out)}\n`);
process.exit(0);
