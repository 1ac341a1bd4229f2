import {EventEmitter} from 'node:events';

// The stdout Ink renders into while the dashboard runs, drawing on the alternate screen by rows.
//
// Ink writes each frame as "erase the previous frame line by line, moving the cursor up, then
// write the new one". Erasing first lets a terminal show a half-drawn frame, and Ink 6.8's
// incremental mode, which rewrites only changed lines, moves up one line too few over a frame
// that ends in a newline, so every update scrolled the screen by a line. This stream keeps only
// the frame text from each write, ignores the erasing, and updates the screen itself: each line
// that differs from what the screen shows is written at its row (cursor position, the line,
// erase to its end), never a newline, so nothing scrolls, and the whole update goes out in one
// write inside a synchronized update (DEC mode 2026; terminals without it ignore it). Moving the
// cursor in a list rewrites two lines, not the whole screen.

type Terminal = {
	columns?: number;
	rows?: number;
	write: (text: string) => unknown;
	on: (event: 'resize', listener: () => void) => unknown;
	off: (event: 'resize', listener: () => void) => unknown;
	hasColors?: (...args: never[]) => boolean;
};

// The cursor movements and erasing Ink puts before a frame (CSI sequences other than colours).
const ERASING = /^(?:\x1b\[[0-9;?]*[A-HJKSTfGhl])+/;
const BEGIN_UPDATE = '\x1b[?2026h';
const END_UPDATE = '\x1b[?2026l';

export class ScreenWriter extends EventEmitter {
	// Not a TTY to Ink: it then writes plain frames, without its own cursor and synchronisation codes.
	readonly isTTY = false;
	private shown: string[] = [];
	private stale = true; // the screen may not show `shown`: redraw every line and clear below

	constructor(private readonly terminal: Terminal) {
		super();
		terminal.on('resize', this.resized);
	}

	get columns(): number | undefined {
		return this.terminal.columns;
	}

	get rows(): number | undefined {
		return this.terminal.rows;
	}

	hasColors(): boolean {
		return this.terminal.hasColors?.() ?? false;
	}

	write(chunk: string | Uint8Array, encoding?: BufferEncoding | (() => void), callback?: () => void): boolean {
		const done = typeof encoding === 'function' ? encoding : callback;
		const text = (typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8')).replace(ERASING, '');
		if (text !== '') this.draw(text.endsWith('\n') ? text.slice(0, -1).split('\n') : text.split('\n'));
		done?.();
		return true;
	}

	// Stops following the terminal's size.
	detach(): void {
		this.terminal.off('resize', this.resized);
	}

	private draw(lines: string[]): void {
		const rows = this.terminal.rows || lines.length;
		const visible = lines.slice(0, rows);
		let update = '';
		for (let row = 0; row < Math.max(visible.length, this.shown.length) && row < rows; row++) {
			const line = visible[row] ?? '';
			if (!this.stale && line === (this.shown[row] ?? '')) continue;
			update += `\x1b[${row + 1};1H\x1b[0m${line}\x1b[0m\x1b[K`;
		}
		if (this.stale && visible.length < rows) update += `\x1b[${visible.length + 1};1H\x1b[0m\x1b[J`;
		this.shown = visible;
		this.stale = false;
		if (update) this.terminal.write(BEGIN_UPDATE + update + END_UPDATE);
	}

	// After a resize the terminal may have cut or moved what it showed: the next frame redraws all.
	private readonly resized = () => {
		this.stale = true;
		this.emit('resize');
	};
}
