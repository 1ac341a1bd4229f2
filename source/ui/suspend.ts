// Handing the terminal to another program (the note in $EDITOR) and taking it back. The dashboard
// draws on the alternate screen with stdin in raw mode and the cursor hidden; an editor wants the
// terminal as a shell leaves it. So: cursor shown, main screen back, raw mode off; the program
// runs (synchronously: nothing of the dashboard reads a key or draws meanwhile); then raw mode on,
// the alternate screen and the hidden cursor again, and the whole dashboard drawn anew (the
// alternate screen comes back blank, or with what the editor left on it).

export type TerminalControl = {
	stdin: {isTTY?: boolean; setRawMode?: (mode: boolean) => unknown};
	stdout: {write: (text: string) => unknown};
	redraw: () => void; // draws every line of the dashboard again
};

const ENTER = '\x1b[?1049h\x1b[?25l'; // alternate screen, cursor hidden
const LEAVE = '\x1b[?25h\x1b[?1049l';

function setRaw(terminal: TerminalControl, raw: boolean): void {
	try {
		if (terminal.stdin.isTTY && terminal.stdin.setRawMode) terminal.stdin.setRawMode(raw);
	} catch {
		// stdin may be closed; the screen still has to come back.
	}
}

// Runs `program` with the terminal given back, and takes it again however `program` ends. Without a
// terminal (tests rendering into memory, a dashboard not on a TTY) it just runs it.
export function withTerminalSuspended<T>(terminal: TerminalControl | null, program: () => T): T {
	if (!terminal) return program();
	terminal.stdout.write(LEAVE);
	setRaw(terminal, false);
	try {
		return program();
	} finally {
		setRaw(terminal, true);
		terminal.stdout.write(ENTER);
		terminal.redraw();
	}
}
