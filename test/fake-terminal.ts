import {EventEmitter} from 'node:events';

// A terminal for Ink to draw on and read keys from, in this process: what Ink 8 uses of a TTY's
// stdin and stdout, and nothing more. The dashboard's tests render on it (test/ui/render.tsx,
// test/ui/terminal.test.tsx), and the render bench times keys on it (scripts/bench/render-child.tsx).

// The screen: a size, and writes that call back (Ink waits for that to exit); `written` sees each.
export class FakeStdout extends EventEmitter {
	constructor(
		public columns: number,
		public rows: number,
	) {
		super();
	}
	write = (text: string, encoding?: BufferEncoding | (() => void), callback?: () => void) => {
		this.written(text);
		(typeof encoding === 'function' ? encoding : callback)?.();
		return true;
	};
	protected written(_text: string): void {}
}

// The keyboard: `write` is what the terminal sends for a key (or a paste, at once); `rawMode`, each
// raw mode Ink set, in order.
export class FakeStdin extends EventEmitter {
	readonly isTTY = true;
	readonly rawMode: boolean[] = [];
	private data: string | null = null;
	write = (data: string) => {
		this.data = data;
		this.emit('readable');
	};
	read = () => {
		const {data} = this;
		this.data = null;
		return data;
	};
	setEncoding() {}
	setRawMode(mode: boolean) {
		this.rawMode.push(mode);
	}
	resume() {}
	pause() {}
	ref() {}
	unref() {}
}
