// Editing text with a cursor, as readline and emacs do it, for the note editor and the search
// prompt: pure functions of (text, cursor) → (text, cursor), so every key is tested without Ink.
// The cursor is a UTF-16 offset that always sits between two graphemes: ← over "é" (e and a
// combining accent) or a flag moves past all of it, and Backspace deletes all of it. Lines are
// separated by "\n"; Home, End, Ctrl-U and Ctrl-K act on the cursor's line.

export type Editing = {text: string; cursor: number};

const graphemes = new Intl.Segmenter(undefined, {granularity: 'grapheme'});
const WORD = /[\p{L}\p{N}_]/u;

const lineStart = (text: string, at: number) => text.lastIndexOf('\n', at - 1) + 1;
function lineEnd(text: string, at: number): number {
	const end = text.indexOf('\n', at);
	return end < 0 ? text.length : end;
}

// The grapheme boundaries of the cursor's line, as offsets in the whole text. A note's lines are
// short; segmenting only the line keeps a key on a long paste from segmenting all of it.
function boundaries(text: string, at: number): number[] {
	const start = lineStart(text, at);
	const out: number[] = [];
	for (const {index} of graphemes.segment(text.slice(start, lineEnd(text, at)))) out.push(start + index);
	out.push(lineEnd(text, at));
	return out;
}

// The boundary before `at` (across a line break, the end of the line above) and after it.
function previous(text: string, at: number): number {
	if (at <= 0) return 0;
	if (text[at - 1] === '\n') return at - 1;
	const list = boundaries(text, at);
	return list.filter((b) => b < at).at(-1) ?? 0;
}

function next(text: string, at: number): number {
	if (at >= text.length) return text.length;
	if (text[at] === '\n') return at + 1;
	return boundaries(text, at).find((b) => b > at) ?? text.length;
}

export const insert = ({text, cursor}: Editing, typed: string): Editing => ({
	text: text.slice(0, cursor) + typed + text.slice(cursor),
	cursor: cursor + typed.length,
});

const remove = ({text}: Editing, from: number, to: number): Editing => ({text: text.slice(0, from) + text.slice(to), cursor: from});

export const left = (e: Editing): Editing => ({...e, cursor: previous(e.text, e.cursor)});
export const right = (e: Editing): Editing => ({...e, cursor: next(e.text, e.cursor)});
export const home = (e: Editing): Editing => ({...e, cursor: lineStart(e.text, e.cursor)});
export const end = (e: Editing): Editing => ({...e, cursor: lineEnd(e.text, e.cursor)});

// Alt-b / Alt-←: to the start of this word or the one before; Alt-f / Alt-→: to the end of this
// word or the next (emacs: what is not a letter, digit or _ is skipped).
function wordStart(text: string, at: number): number {
	let i = at;
	while (i > 0 && !WORD.test(text[i - 1]!)) i = previous(text, i);
	while (i > 0 && WORD.test(text[i - 1]!)) i = previous(text, i);
	return i;
}

function wordEnd(text: string, at: number): number {
	let i = at;
	while (i < text.length && !WORD.test(text[i]!)) i = next(text, i);
	while (i < text.length && WORD.test(text[i]!)) i = next(text, i);
	return i;
}

export const wordLeft = (e: Editing): Editing => ({...e, cursor: wordStart(e.text, e.cursor)});
export const wordRight = (e: Editing): Editing => ({...e, cursor: wordEnd(e.text, e.cursor)});

// ↑ / ↓: the same column (in graphemes) of the line above or below, or its end when shorter; on
// the first or last line, its start or end.
function column(text: string, at: number): number {
	return boundaries(text, at).filter((b) => b < at).length;
}

function atColumn(text: string, start: number, wanted: number): number {
	const list = boundaries(text, start);
	return list[Math.min(wanted, list.length - 1)]!;
}

export function up(e: Editing): Editing {
	const start = lineStart(e.text, e.cursor);
	if (start === 0) return {...e, cursor: 0};
	return {...e, cursor: atColumn(e.text, lineStart(e.text, start - 1), column(e.text, e.cursor))};
}

export function down(e: Editing): Editing {
	const endOfLine = lineEnd(e.text, e.cursor);
	if (endOfLine === e.text.length) return {...e, cursor: e.text.length};
	return {...e, cursor: atColumn(e.text, endOfLine + 1, column(e.text, e.cursor))};
}

export const backspace = (e: Editing): Editing => remove(e, previous(e.text, e.cursor), e.cursor);
export const deleteForward = (e: Editing): Editing => remove(e, e.cursor, next(e.text, e.cursor));

// Ctrl-W: back to the start of the word before the cursor, spaces after it included (readline's
// unix-word-rubout: words are separated by white space).
export function deleteWordBack(e: Editing): Editing {
	let i = e.cursor;
	while (i > 0 && /\s/.test(e.text[i - 1]!)) i--;
	while (i > 0 && !/\s/.test(e.text[i - 1]!)) i--;
	return remove(e, i, e.cursor);
}

// Ctrl-U: from the start of the line to the cursor; Ctrl-K: from the cursor to the end of the
// line, or at its end the line break, joining the next line (emacs).
export const killToStart = (e: Editing): Editing => remove(e, lineStart(e.text, e.cursor), e.cursor);

export function killToEnd(e: Editing): Editing {
	const endOfLine = lineEnd(e.text, e.cursor);
	return remove(e, e.cursor, endOfLine === e.cursor ? Math.min(e.text.length, e.cursor + 1) : endOfLine);
}
