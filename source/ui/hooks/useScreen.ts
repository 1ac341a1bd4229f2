import {useApp, useStdout} from 'ink';
import {useCallback, useEffect, useMemo} from 'react';

// Cursor home, then erase to the end of the screen: the whole visible screen, scrollback untouched.
const CLEAR = '\x1b[H\x1b[J';

export type Screen = {redraw: () => void; suspend: () => void};

// Ctrl-L and Ctrl-Z. Ink draws each frame relative to the cursor, which a terminal that printed
// something of its own or lost its contents no longer matches: redraw clears the screen and has
// Ink write its last frame again from the top (what Ink does with text written through it: erase
// its frame, write the text, draw the frame in full). The same happens when the process is
// continued after a stop (SIGCONT), since the shell drew over the screen meanwhile.
//
// suspend gives the terminal back as a quit does (main screen, cursor shown, raw mode off), stops
// the process as the terminal's own Ctrl-Z would (SIGTSTP; in raw mode the terminal sends none),
// and takes the terminal again once `fg` continues it. A signal a process sends itself is
// delivered before kill returns, so by then the process was stopped and continued, or, with no
// shell doing job control (an orphaned process group), the stop was discarded and it goes on.
// Off a terminal (the tests' streams) there is no shell to stop to, nor on Windows, which has no
// job control, so nothing is suspended there.
export function useScreen(): Screen {
	const {stdout, write} = useStdout();
	const {suspendTerminal} = useApp();
	const redraw = useCallback(() => write(CLEAR), [write]);
	useEffect(() => {
		process.on('SIGCONT', redraw);
		return () => {
			process.off('SIGCONT', redraw);
		};
	}, [redraw]);
	const suspend = useCallback(() => {
		if (!('isTTY' in stdout && stdout.isTTY === true) || process.platform === 'win32') return;
		void suspendTerminal().then(async (suspension) => {
			try {
				process.kill(process.pid, 'SIGTSTP');
			} finally {
				await suspension.resume();
				redraw();
			}
		});
	}, [stdout, suspendTerminal, redraw]);
	return useMemo(() => ({redraw, suspend}), [redraw, suspend]);
}
