import {describe, expect, it} from 'vitest';
import * as edit from '../../source/ui/lineEdit.js';

// The note editor's text editing, without Ink: "|" marks the cursor in these texts.

const at = (marked: string): edit.Editing => ({text: marked.replace('|', ''), cursor: marked.indexOf('|')});
const show = ({text, cursor}: edit.Editing) => `${text.slice(0, cursor)}|${text.slice(cursor)}`;
const run = (marked: string, ...steps: Array<(e: edit.Editing) => edit.Editing>) => show(steps.reduce((e, step) => step(e), at(marked)));

describe('line editing', () => {
	it('inserts where the cursor is, a paste as a whole', () => {
		expect(run('ab|cd', (e) => edit.insert(e, 'X'))).toBe('abX|cd');
		expect(run('|', (e) => edit.insert(e, 'two\nlines'))).toBe('two\nlines|');
	});

	it('moves by character over whole graphemes: an accent, a flag, an emoji with a skin tone', () => {
		const text = 'e\u0301🇺🇦👍🏽x';
		expect(run(`${text}|`, edit.left)).toBe('e\u0301🇺🇦👍🏽|x');
		expect(run(`${text}|`, edit.left, edit.left)).toBe('e\u0301🇺🇦|👍🏽x');
		expect(run(`${text}|`, edit.left, edit.left, edit.left)).toBe('e\u0301|🇺🇦👍🏽x');
		expect(run(`|${text}`, edit.right)).toBe('e\u0301|🇺🇦👍🏽x');
		expect(run(`${text}|`, edit.left, edit.backspace)).toBe('e\u0301🇺🇦|x');
		expect(run(`|${text}`, edit.deleteForward)).toBe('|🇺🇦👍🏽x');
		// At the ends nothing moves or goes.
		expect(run('|ab', edit.left, edit.backspace)).toBe('|ab');
		expect(run('ab|', edit.right, edit.deleteForward)).toBe('ab|');
	});

	it('crosses line breaks, and Home / End stay on the line', () => {
		expect(run('ab\n|cd', edit.left)).toBe('ab|\ncd');
		expect(run('ab|\ncd', edit.right)).toBe('ab\n|cd');
		expect(run('ab\nc|d\nef', edit.home)).toBe('ab\n|cd\nef');
		expect(run('ab\nc|d\nef', edit.end)).toBe('ab\ncd|\nef');
		expect(run('ab\n|cd', edit.backspace)).toBe('ab|cd');
	});

	it('moves by word like emacs: Alt-b to the start of a word, Alt-f to its end', () => {
		expect(run('the quick, brown fox|', edit.wordLeft)).toBe('the quick, brown |fox');
		expect(run('the quick, brown fox|', edit.wordLeft, edit.wordLeft)).toBe('the quick, |brown fox');
		expect(run('the quick, brown fox|', edit.wordLeft, edit.wordLeft, edit.wordLeft)).toBe('the |quick, brown fox');
		expect(run('|the quick, brown', edit.wordRight)).toBe('the| quick, brown');
		expect(run('|the quick, brown', edit.wordRight, edit.wordRight)).toBe('the quick|, brown');
		expect(run('|the quick, brown', edit.wordRight, edit.wordRight, edit.wordRight, edit.wordRight)).toBe('the quick, brown|');
		expect(run('Zelenskyy’s |visit', edit.wordLeft)).toBe('Zelenskyy’|s visit');
		expect(run('Ёлка |мир', edit.wordLeft, edit.wordLeft)).toBe('|Ёлка мир');
	});

	it('moves up and down a line at the same column, or to the end of a shorter line', () => {
		expect(run('abcd\nef|gh', edit.up)).toBe('ab|cd\nefgh');
		expect(run('ab|cd\nefgh', edit.down)).toBe('abcd\nef|gh');
		expect(run('abcd|\nef', edit.down)).toBe('abcd\nef|');
		expect(run('ab|c', edit.up)).toBe('|abc');
		expect(run('ab|c', edit.down)).toBe('abc|');
	});

	it('deletes a word back (Ctrl-W), to the line start (Ctrl-U) and to the line end (Ctrl-K)', () => {
		expect(run('one two  |', edit.deleteWordBack)).toBe('one |');
		expect(run('one two|x', edit.deleteWordBack)).toBe('one |x');
		expect(run('ab\ncd|ef', edit.killToStart)).toBe('ab\n|ef');
		expect(run('ab\ncd|ef', edit.killToEnd)).toBe('ab\ncd|');
		expect(run('ab|\ncd', edit.killToEnd)).toBe('ab|cd');
	});
});
