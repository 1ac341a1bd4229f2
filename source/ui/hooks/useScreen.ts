import {useApp, useStdout} from 'ink';
import {useCallback, useEffect, useMemo} from 'react';

// Cursor home, then erase to the end of the screen: the whole visible screen, scrollback untouched.
const CLEAR = '\x1b[H\x1b[J';

export type Screen = {
	redraw: () => void;
	suspend: () => void;
	handOver: <T>(program: () => T) => Promise<T>;
};

// Ctrl-L, Ctrl-Z and the terminal lent to another program (E: the note in $EDITOR). Ink draws each
// frame relative to the cursor, which a terminal that printed something of its own or lost its
// contents no longer matches: redraw clears the screen and has Ink write its last frame again from
// the top (what Ink does with text written through it: erase its frame, write the text, draw the
// frame in full). The same happens when the process is continued after a stop (SIGCONT), since the
// shell drew over the screen meanwhile.
//
// handOver runs `program` with the terminal given back as a quit leaves it (Ink's suspendTerminal:
// its frame erased, main screen, cursor shown, raw mode and bracketed paste off), then takes it
// again however `program` ends (its resume: alternate screen, raw mode, the frame drawn whole
// rather than diffed against what the program left) and redraws. suspend is the same with the
// process stopped as the terminal's own Ctrl-Z would stop it (SIGTSTP; in raw mode the terminal
// sends none) until `fg` continues it. A signal a process sends itself is delivered before kill
// returns, so by then the process was stopped and continued, or, with no shell doing job control
// (an orphaned process group), the stop was discarded and it goes on.
//
// Off a terminal (the tests' streams) there is nothing to give back, so `program` just runs; nor is
// anything suspended there, or on Windows, which has no job control.
export function useScreen(): Screen {
	const {stdout, write} = useStdout();
	const {suspendTerminal} = useApp();
	const onTerminal = 'isTTY' in stdout && stdout.isTTY === true;
	const redraw = useCallback(() => write(CLEAR), [write]);
	useEffect(() => {
		process.on('SIGCONT', redraw);
		return () => {
			process.off('SIGCONT', redraw);
		};
	}, [redraw]);
	const handOver = useCallback(
		async <T>(program: () => T): Promise<T> => {
			if (!onTerminal) return program();
			const suspension = await suspendTerminal();
			try {
				return program();
			} finally {
				await suspension.resume();
				redraw();
			}
		},
		[onTerminal, suspendTerminal, redraw],
	);
	const suspend = useCallback(() => {
		if (!onTerminal || process.platform === 'win32') return;
		void handOver(() => process.kill(process.pid, 'SIGTSTP'));
	}, [onTerminal, handOver]);
	return useMemo(() => ({redraw, suspend, handOver}), [redraw, suspend, handOver]);
}
