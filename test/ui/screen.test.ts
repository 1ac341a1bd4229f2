import {EventEmitter} from 'node:events';
import ansiEscapes from 'ansi-escapes';
import {describe, expect, it} from 'vitest';
import {ScreenWriter} from '../../source/ui/screen.js';

// The ScreenWriter gets what Ink writes (erase the last frame, then the frame) and updates the
// terminal by rows.

class Terminal extends EventEmitter {
	columns = 20;
	rows = 4;
	written: string[] = [];
	write = (text: string) => this.written.push(text);
}

const update = (terminal: Terminal) => terminal.written.at(-1)!.replace(/^\x1b\[\?2026h|\x1b\[\?2026l$/g, '');
const row = (n: number, text: string) => `\x1b[${n};1H\x1b[0m${text}\x1b[0m\x1b[K`;

describe('ScreenWriter', () => {
	it('draws the first frame in full, then only the lines that changed, without erasing first', () => {
		const terminal = new Terminal();
		const screen = new ScreenWriter(terminal);
		screen.write('one\ntwo\nthree\n');
		expect(update(terminal)).toBe(row(1, 'one') + row(2, 'two') + row(3, 'three') + '\x1b[4;1H\x1b[0m\x1b[J');
		screen.write(`${ansiEscapes.eraseLines(4)}one\nTWO\nthree\n`);
		expect(update(terminal)).toBe(row(2, 'TWO'));
		expect(terminal.written).toHaveLength(2);
	});

	it('blanks the rows a shorter frame no longer uses, and writes nothing for the same frame', () => {
		const terminal = new Terminal();
		const screen = new ScreenWriter(terminal);
		screen.write('a\nb\nc\n');
		screen.write(`${ansiEscapes.clearTerminal}a\n`);
		expect(update(terminal)).toBe(row(2, '') + row(3, ''));
		const count = terminal.written.length;
		screen.write(`${ansiEscapes.eraseLines(2)}a\n`);
		expect(terminal.written).toHaveLength(count);
	});

	it('ignores a write that only erases, and answers write callbacks', () => {
		const terminal = new Terminal();
		const screen = new ScreenWriter(terminal);
		let called = false;
		screen.write(ansiEscapes.eraseLines(3));
		screen.write('', () => (called = true));
		expect(terminal.written).toEqual([]);
		expect(called).toBe(true);
	});

	it('keeps colours in a line and never writes past the last row', () => {
		const terminal = new Terminal();
		const screen = new ScreenWriter(terminal);
		screen.write('\x1b[1mbold\x1b[22m\n2\n3\n4\n5\n');
		expect(update(terminal)).toBe(row(1, '\x1b[1mbold\x1b[22m') + row(2, '2') + row(3, '3') + row(4, '4'));
	});

	it('redraws every row and clears below after the terminal is resized, and passes the resize on', () => {
		const terminal = new Terminal();
		const screen = new ScreenWriter(terminal);
		let resized = 0;
		screen.on('resize', () => resized++);
		screen.write('a\nb\n');
		terminal.rows = 6;
		terminal.emit('resize');
		expect(resized).toBe(1);
		expect(screen.rows).toBe(6);
		screen.write('a\nb\n');
		expect(update(terminal)).toBe(row(1, 'a') + row(2, 'b') + '\x1b[3;1H\x1b[0m\x1b[J');
		screen.detach();
		terminal.emit('resize');
		expect(resized).toBe(1);
	});
});
