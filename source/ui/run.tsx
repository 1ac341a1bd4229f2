import {render, type Instance} from 'ink';
import {App, type AppProps} from './App.js';
import {ScreenWriter} from './screen.js';
import {takeOverTerminal} from './terminal.js';

export type Streams = {stdin: NodeJS.ReadStream; stdout: NodeJS.WriteStream; stderr: NodeJS.WriteStream};

const SIGNALS = {SIGTERM: 15, SIGHUP: 1, SIGINT: 2} as const;

// Runs the dashboard on the alternate screen until it quits. The terminal is restored on every way
// out: q and Ctrl-C (the dashboard exits), an error while rendering (waitUntilExit rejects), an
// exception anywhere else, SIGTERM, SIGHUP (the terminal closed) and SIGINT (sent by kill; Ctrl-C
// itself arrives as a key in raw mode).
export async function runDashboard(props: AppProps, streams: Streams = process): Promise<number> {
	const restore = takeOverTerminal(streams.stdout, streams.stdin);
	const screen = new ScreenWriter(streams.stdout);
	let instance: Instance | undefined;
	const leave = () => {
		try {
			instance?.unmount();
		} finally {
			restore();
		}
	};
	const onSignal = (signal: keyof typeof SIGNALS) => {
		leave();
		process.exit(128 + SIGNALS[signal]);
	};
	const onException = (error: unknown) => {
		leave();
		streams.stderr.write(`briefing: ${error instanceof Error ? error.message : String(error)}\n`);
		process.exit(1);
	};
	const handlers = (Object.keys(SIGNALS) as Array<keyof typeof SIGNALS>).map((signal) => [signal, () => onSignal(signal)] as const);
	for (const [signal, handler] of handlers) process.on(signal, handler);
	process.on('uncaughtException', onException);
	process.on('exit', restore);
	try {
		// $EDITOR and OSC 52 need the terminal itself; a resize event makes the screen writer draw
		// every line of the next frame.
		const terminal = {stdin: streams.stdin, stdout: streams.stdout, redraw: () => streams.stdout.emit('resize')};
		instance = render(<App {...props} terminal={terminal} />, {
			stdin: streams.stdin,
			stdout: screen as unknown as NodeJS.WriteStream, // draws changed lines in place (screen.ts)
			stderr: streams.stderr,
			exitOnCtrlC: false, // Ctrl-C is in the keymap, so it quits through the same path as q
			// Nothing in the dashboard logs; a stray console line would be drawn over the frame either way.
			patchConsole: false,
			// Keys update the state at once; drawing is capped at 30 frames a second, so a held key or a
			// resize drag coalesces into the latest frame instead of queueing one per event (a frame of
			// 120×40 takes Ink about 10 ms to lay out and write).
			maxFps: 30,
		});
		await instance.waitUntilExit();
		return 0;
	} finally {
		screen.detach();
		restore();
		for (const [signal, handler] of handlers) process.off(signal, handler);
		process.off('uncaughtException', onException);
		process.off('exit', restore);
	}
}
