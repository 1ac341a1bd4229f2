// The terminal state the dashboard changes, and its restoration. The alternate screen keeps the
// shell's scrollback intact: the dashboard draws on a screen of its own, and leaving it brings the
// shell back as it was.

export const ENTER_ALTERNATE_SCREEN = '\x1b[?1049h';
export const LEAVE_ALTERNATE_SCREEN = '\x1b[?1049l';
export const SHOW_CURSOR = '\x1b[?25h';
export const HIDE_CURSOR = '\x1b[?25l';

type Output = {write: (text: string) => unknown};
type RawInput = {isTTY?: boolean; setRawMode?: (mode: boolean) => unknown};

// Enters the alternate screen and hides the cursor. The function returned restores the terminal
// (cursor shown, raw mode off, main screen back); it does so once, whichever exit path calls it
// first.
export function takeOverTerminal(stdout: Output, stdin?: RawInput): () => void {
	stdout.write(ENTER_ALTERNATE_SCREEN + HIDE_CURSOR);
	let restored = false;
	return () => {
		if (restored) return;
		restored = true;
		try {
			if (stdin?.isTTY && stdin.setRawMode) stdin.setRawMode(false);
		} catch {
			// stdin may already be closed; the screen still has to come back.
		}
		stdout.write(SHOW_CURSOR + LEAVE_ALTERNATE_SCREEN);
	};
}
