import stringWidth from 'string-width';
import {describe, expect, it} from 'vitest';
import {clampLines, fitLine, lineWidth, truncate, wrap} from '../../source/ui/text.js';

const plain = (lines: Array<Array<{text: string}>>) => lines.map((line) => line.map((segment) => segment.text).join(''));

describe('truncate and fitLine', () => {
	it('leave text that fits alone and cut the rest with an ellipsis', () => {
		expect(truncate('Volodymyr Zelenskyy', 19)).toBe('Volodymyr Zelenskyy');
		expect(truncate('Volodymyr Zelenskyy', 12)).toBe('Volodymyr Z…');
		expect(truncate('Volodymyr Zelenskyy', 11)).toBe('Volodymyr…');
		expect(truncate('Volodymyr Zelenskyy', 1)).toBe('…');
		expect(truncate('Volodymyr Zelenskyy', 0)).toBe('');
	});

	it('measure the characters they count without string-width exactly as string-width does', () => {
		const ranges = [
			[0x20, 0x7e],
			[0xa0, 0x2ff],
			[0x2010, 0x2027],
			[0x2039, 0x203a],
			[0x2500, 0x259f],
			[0x25b8, 0x25b8],
			[0x270e, 0x270e],
		];
		for (const [from, to] of ranges) {
			for (let code = from!; code <= to!; code++) {
				const character = String.fromCharCode(code);
				expect(lineWidth([{text: character}]), `U+${code.toString(16)}`).toBe(stringWidth(character));
			}
		}
		expect(lineWidth([{text: '› ▸ ✎ — “Quoted” · │ café'}])).toBe(stringWidth('› ▸ ✎ — “Quoted” · │ café'));
	});

	it('count wide characters as two columns and never split one', () => {
		expect(truncate('習近平主席が訪問', 8)).toBe('習近平…');
		expect(stringWidth(truncate('習近平主席が訪問', 8))).toBe(7);
		expect(truncate('🇺🇦 Kyiv 👨‍👩‍👧 family', 9)).toBe('🇺🇦 Kyiv…');
		const cut = fitLine([{text: '北朝鮮'}, {text: ' troops'}], 5, {});
		expect(plain([cut])).toEqual(['北朝…']);
		expect(plain([fitLine([{text: '北朝鮮'}], 4, {})])).toEqual(['北… ']);
		expect(lineWidth(cut)).toBe(5);
	});

	it('pads to the exact width when asked, and cuts across segments keeping their styles', () => {
		const line = fitLine(
			[
				{text: 'ab', bold: true},
				{text: 'cdef', dim: true},
			],
			4,
			{},
		);
		expect(line).toEqual([
			{text: 'ab', bold: true},
			{text: 'c…', dim: true},
		]);
		expect(plain([fitLine([{text: 'ab'}], 5, {})])).toEqual(['ab   ']);
		expect(lineWidth(fitLine([{text: 'ab'}, {text: '漢'}], 3))).toBe(3);
	});

	it('strip terminal control sequences and make newlines spaces, so a row stays one row', () => {
		const line = fitLine([{text: 'Kim\x1b]0;pwned\x07 met\nPutin\u202e \x1b[31mred'}], 40);
		expect(plain([line])).toEqual(['Kim met Putin red']);
	});
});

describe('wrap', () => {
	it('wraps words to the width', () => {
		const lines = plain(wrap([{text: 'There is only one conclusion — this war is internationalised'}], 20));
		expect(lines).toEqual(['There is only one', 'conclusion — this', 'war is', 'internationalised']);
	});

	it('breaks a word longer than a line, and CJK text without spaces, between graphemes', () => {
		expect(plain(wrap([{text: 'https://example.com/a/very/long/path'}], 10))).toEqual(['https://ex', 'ample.com/', 'a/very/lon', 'g/path']);
		const cjk = plain(wrap([{text: '北朝鮮の兵士がロシアに到着した'}], 9));
		for (const line of cjk) expect(stringWidth(line)).toBeLessThanOrEqual(9);
		expect(cjk.join('')).toBe('北朝鮮の兵士がロシアに到着した');
	});

	it('keeps styles across lines and paragraph line breaks when asked', () => {
		const lines = wrap([{text: 'before '}, {text: 'the marked sentence', bold: true}, {text: ' after'}], 12);
		expect(plain(lines)).toEqual(['before the', 'marked', 'sentence', 'after']);
		expect(lines[0]).toEqual([{text: 'before '}, {text: 'the', bold: true}]);
		expect(plain(wrap([{text: 'one\ntwo'}], 20, true))).toEqual(['one', 'two']);
		expect(plain(wrap([{text: 'one\ntwo'}], 20))).toEqual(['one two']);
	});

	it('clampLines keeps at most n lines and marks the cut', () => {
		const lines = wrap([{text: 'a b c d e f g h'}], 3);
		expect(plain(clampLines(lines, 2, 3))).toEqual(['a b', 'c…']);
		expect(plain(clampLines(lines, 2, 5))).toEqual(['a b', 'c d…']);
		expect(clampLines(lines, 10, 3)).toBe(lines);
	});
});

describe('quoteCardHeight', () => {
	it('keeps a quote’s wrapped line count per width, giving what wrapping again gives', async () => {
		const {quoteCardHeight} = await import('../../source/ui/format/quoteCard.js');
		const quote = {text: 'We will not give up an inch of our land, whatever it costs us and however long it takes.'} as Parameters<
			typeof quoteCardHeight
		>[0];
		const fresh = (width: number, max: number) => Math.min(max, wrap([{text: `“${quote.text}”`}], Math.max(1, width - 2)).length) + 3;
		for (const [width, max] of [
			[30, 8],
			[30, 2],
			[80, 8],
			[12, 8],
			[30, 8],
		] as const) {
			expect(quoteCardHeight(quote, width, max)).toBe(fresh(width, max));
		}
	});
});
