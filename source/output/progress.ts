import {sanitize} from './sanitize.js';

// The line `ingest` keeps at the bottom of a terminal while it works through many files: how many
// are done of how many, the rate, and the file at hand, cut to the terminal's width. It is redrawn
// in place (carriage return, erase line) and erased at the end, so that only the per-file lines stay.

export type Progress = {update(done: number, current: string): void; clear(): void; write(text: string): void};

// More than a handful: for a few files the per-file lines say enough.
export const PROGRESS_FROM = 6;

const ERASE = '\r\x1b[2K';

export function progressText(done: number, total: number, seconds: number, current: string, columns: number): string {
	const rate = seconds > 0 ? done / seconds : 0;
	const head = `ingest ${done}/${total} · ${rate.toFixed(rate < 10 ? 1 : 0)} articles/s · `;
	const room = Math.max(0, columns - 1 - head.length);
	const file = [...sanitize(current)];
	// The end of a path says most about it: it is cut at the start.
	const shown = file.length <= room ? file.join('') : room > 1 ? `…${file.slice(file.length - room + 1).join('')}` : '';
	return `${head}${shown}`.slice(0, Math.max(0, columns - 1));
}

// On a terminal, a line redrawn at most ten times a second; elsewhere nothing but the text written.
export function startProgress(total: number, stream: NodeJS.WriteStream = process.stderr, now = () => performance.now()): Progress {
	const start = now();
	let shown = false;
	let last = -Infinity;
	const active = Boolean(stream.isTTY) && total >= PROGRESS_FROM;
	let line = '';
	const draw = () => {
		stream.write(`${ERASE}${line}`);
		shown = true;
	};
	return {
		update(done, current) {
			if (!active) return;
			const time = now();
			line = progressText(done, total, (time - start) / 1000, current, stream.columns || 80);
			if (time - last < 100 && done < total) return;
			last = time;
			draw();
		},
		clear() {
			if (shown) stream.write(ERASE);
			shown = false;
		},
		// A line of its own (an error) goes above the progress line, which is drawn again under it.
		write(text) {
			const wasShown = shown;
			if (shown) stream.write(ERASE);
			stream.write(text);
			shown = false;
			if (wasShown) draw();
		},
	};
}
