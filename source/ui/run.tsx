import {render, type Instance} from 'ink';
import {App, type AppProps} from './App.js';
import {errorMessage} from '../output/errorMessage.js';

export type Streams = {stdin: NodeJS.ReadStream; stdout: NodeJS.WriteStream; stderr: NodeJS.WriteStream};

const SIGNALS = {SIGTERM: 15, SIGHUP: 1, SIGINT: 2} as const;

// Runs the dashboard on the alternate screen until it quits. Ink enters the alternate screen and
// hides the cursor, and its unmount gives both back; the terminal is restored on every way out:
// q and Ctrl-C (the dashboard exits), an error while rendering (waitUntilExit rejects), an
// exception anywhere else, SIGTERM, SIGHUP (the terminal closed) and SIGINT (sent by kill; Ctrl-C
// itself arrives as a key in raw mode), and process.exit (Ink unmounts on exit).
export async function runDashboard(props: AppProps, streams: Streams = process): Promise<number> {
	let instance: Instance | undefined;
	// Ink turns raw mode off in a microtask after unmounting, which a process.exit right after
	// would not wait for.
	const leave = () => {
		try {
			instance?.unmount();
		} finally {
			if (streams.stdin.isTTY) streams.stdin.setRawMode?.(false);
		}
	};
	const onSignal = (signal: keyof typeof SIGNALS) => {
		leave();
		process.exit(128 + SIGNALS[signal]);
	};
	const onException = (error: unknown) => {
		leave();
		streams.stderr.write(`briefing: ${errorMessage(error)}\n`);
		process.exit(1);
	};
	const handlers = (Object.keys(SIGNALS) as Array<keyof typeof SIGNALS>).map((signal) => [signal, () => onSignal(signal)] as const);
	for (const [signal, handler] of handlers) process.on(signal, handler);
	process.on('uncaughtException', onException);
	try {
		// $EDITOR gets the terminal itself (Ink lends it, useScreen.ts) and OSC 52 is written to it.
		instance = render(<App {...props} terminal={{stdout: streams.stdout}} />, {
			stdin: streams.stdin,
			stdout: streams.stdout,
			stderr: streams.stderr,
			// cli.tsx opens the dashboard only on a terminal that can move the cursor, outside CI.
			interactive: true,
			alternateScreen: true,
			exitOnCtrlC: false, // Ctrl-C is in the keymap, so it quits through the same path as q
			// Nothing in the dashboard logs; a stray console line would be drawn over the frame either way.
			patchConsole: false,
			// Ink draws at most 30 frames a second (maxFps), so a held key or a resize drag coalesces into
			// the latest frame. Each frame is written whole, inside a synchronized update: Ink's
			// incrementalRendering, which rewrites only changed lines, took 5-17% more CPU per key in
			// `npm run bench -- --only render`.
		});
		await instance.waitUntilExit();
		return 0;
	} finally {
		leave();
		for (const [signal, handler] of handlers) process.off(signal, handler);
		process.off('uncaughtException', onException);
	}
}
