// JSON text that JSON.parse refused: where it goes wrong, and the whole values that can still be
// read out of it. JSON.parse says neither reliably (Node 20 gives no position for a file that is
// cut short), so a small scanner walks the text the way JSON.parse does, without building values.

export type JsonErrorPlace = {
	offset: number; // in characters from the start of the text
	line: number; // 1-based
	column: number; // 1-based, in characters
	reason: string;
};

class ScanError extends Error {
	constructor(
		readonly offset: number,
		readonly reason: string,
	) {
		super(reason);
	}
}

// Deeper than any briefing or notes file; a deeper text is not one, and recursion must end.
const MAX_DEPTH = 256;

const CUT_SHORT = 'it ends in the middle of a value';
const EMPTY = 'the file is empty';

const WHITESPACE = /[ \t\n\r]*/y;
const STRING_RUN = /[^"\\\u0000-\u001f]*/y;
const NUMBER = /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y;
const HEX4 = /[0-9a-fA-F]{4}/y;

// A character as an error message shows it: printable ones quoted, others by code point.
function showChar(ch: string): string {
	if (ch === '') return 'the end';
	return /^[\x21-\x7e]$/.test(ch) ? `"${ch}"` : `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}

class Scanner {
	pos = 0;
	constructor(readonly text: string) {}

	fail(reason: string, at = this.pos): never {
		throw new ScanError(at, at >= this.text.length ? CUT_SHORT : reason);
	}

	skipWhitespace() {
		WHITESPACE.lastIndex = this.pos;
		WHITESPACE.test(this.text);
		this.pos = WHITESPACE.lastIndex;
	}

	unexpected(): never {
		return this.fail(`unexpected ${showChar(this.text[this.pos] ?? '')}`);
	}

	value(depth: number) {
		if (depth > MAX_DEPTH) this.fail(`nested more than ${MAX_DEPTH} levels deep`);
		this.skipWhitespace();
		const ch = this.text[this.pos];
		if (ch === '{') this.object(depth);
		else if (ch === '[') this.array(depth);
		else if (ch === '"') this.string();
		else if (ch === '-' || (ch !== undefined && ch >= '0' && ch <= '9')) this.number();
		else if (ch === 't') this.literal('true');
		else if (ch === 'f') this.literal('false');
		else if (ch === 'n') this.literal('null');
		else this.unexpected();
	}

	object(depth: number) {
		this.pos++;
		this.skipWhitespace();
		if (this.text[this.pos] === '}') {
			this.pos++;
			return;
		}
		for (;;) {
			this.skipWhitespace();
			if (this.text[this.pos] !== '"') this.fail(`expected a property name in double quotes, found ${showChar(this.text[this.pos] ?? '')}`);
			this.string();
			this.skipWhitespace();
			if (this.text[this.pos] !== ':') this.fail(`expected ":" after a property name, found ${showChar(this.text[this.pos] ?? '')}`);
			this.pos++;
			this.value(depth + 1);
			this.skipWhitespace();
			const next = this.text[this.pos];
			this.pos++;
			if (next === '}') return;
			if (next !== ',') this.fail(`expected "," or "}" in an object, found ${showChar(next ?? '')}`, this.pos - 1);
		}
	}

	array(depth: number) {
		this.pos++;
		this.skipWhitespace();
		if (this.text[this.pos] === ']') {
			this.pos++;
			return;
		}
		for (;;) {
			this.value(depth + 1);
			this.skipWhitespace();
			const next = this.text[this.pos];
			this.pos++;
			if (next === ']') return;
			if (next !== ',') this.fail(`expected "," or "]" in a list, found ${showChar(next ?? '')}`, this.pos - 1);
		}
	}

	string() {
		this.pos++;
		for (;;) {
			STRING_RUN.lastIndex = this.pos;
			STRING_RUN.test(this.text);
			this.pos = STRING_RUN.lastIndex;
			const ch = this.text[this.pos];
			if (ch === '"') {
				this.pos++;
				return;
			}
			if (ch === undefined) this.fail('');
			if (ch !== '\\') this.fail(`a control character (${showChar(ch)}) inside a string`);
			const escape = this.text[this.pos + 1];
			if (escape === undefined) this.fail('', this.pos + 1);
			if ('"\\/bfnrt'.includes(escape)) {
				this.pos += 2;
			} else if (escape === 'u') {
				HEX4.lastIndex = this.pos + 2;
				if (!HEX4.test(this.text))
					this.fail('a \\u escape without four hex digits', this.text.length - this.pos < 6 ? this.text.length : this.pos);
				this.pos += 6;
			} else {
				this.fail(`an unknown escape \\${escape} inside a string`);
			}
		}
	}

	number() {
		NUMBER.lastIndex = this.pos;
		if (!NUMBER.test(this.text)) this.fail('an invalid number');
		this.pos = NUMBER.lastIndex;
	}

	literal(word: string) {
		for (let i = 0; i < word.length; i++) {
			if (this.text[this.pos + i] !== word[i])
				this.fail(`unexpected ${showChar(this.text[this.pos] ?? '')}`, this.pos + i === this.text.length ? this.text.length : this.pos);
		}
		this.pos += word.length;
	}
}

export function lineAndColumn(text: string, offset: number): {line: number; column: number} {
	let line = 1;
	let lineStart = 0;
	for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
		line++;
		lineStart = i + 1;
	}
	return {line, column: offset - lineStart + 1};
}

// Where the text stops being JSON, or null when it is JSON.
export function jsonErrorPlace(text: string): JsonErrorPlace | null {
	const scanner = new Scanner(text);
	try {
		scanner.skipWhitespace();
		if (scanner.pos === text.length) throw new ScanError(0, EMPTY);
		scanner.value(0);
		scanner.skipWhitespace();
		if (scanner.pos < text.length) scanner.fail(`unexpected ${showChar(text[scanner.pos]!)} after the end of the JSON`);
		return null;
	} catch (error) {
		if (!(error instanceof ScanError)) throw error;
		return {offset: error.offset, ...lineAndColumn(text, error.offset), reason: error.reason};
	}
}

// Why JSON.parse refused `text`, with the place: "the text ends … at line 3, column 12". `fallback`
// is JSON.parse's own message, for the (unexpected) case that the scanner finds no error.
export function describeJsonError(text: string, fallback: string): string {
	const place = jsonErrorPlace(text);
	if (!place) return fallback.replace(/\s+/g, ' ');
	if (place.reason === EMPTY) return place.reason;
	if (place.reason === CUT_SHORT)
		return `it ends in the middle of a value, at line ${place.line}, column ${place.column} (the file looks cut short)`;
	return `${place.reason} at line ${place.line}, column ${place.column}`;
}

// The offset just after the JSON value that starts at `start`, or null when it is not whole.
export function valueEnd(text: string, start: number): number | null {
	const scanner = new Scanner(text);
	scanner.pos = start;
	try {
		scanner.value(0);
		return scanner.pos;
	} catch (error) {
		if (error instanceof ScanError) return null;
		throw error;
	}
}

export type FoundObject = {start: number; value: unknown} | {start: number; value: undefined; text: string};

// Every object in `text` that `opening` finds the start of (a global regex matching from its "{"),
// parsed when it is whole. The others come with the text up to the next start, for a caller to
// name what was lost. Inside a JSON string a quote is escaped, so an opening such as
// /\{\s*"id"\s*:\s*"a-/g cannot match in the middle of one.
export function findObjects(text: string, opening: RegExp): FoundObject[] {
	const starts = [...text.matchAll(opening)].map((match) => match.index);
	return starts.map((start, index): FoundObject => {
		const end = valueEnd(text, start);
		if (end !== null) {
			try {
				return {start, value: JSON.parse(text.slice(start, end)) as unknown};
			} catch {
				// The scanner and JSON.parse disagree; treat it as not whole.
			}
		}
		return {start, value: undefined, text: text.slice(start, starts[index + 1] ?? text.length)};
	});
}
