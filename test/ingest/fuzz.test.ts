import {describe, expect, it} from 'vitest';
import {ArticleError} from '../../source/ingest/errors.js';
import {extract} from '../../source/ingest/index.js';
import {random} from '../random.js';

const PIECES = [
	'President',
	'Anna Berg',
	'said',
	'"',
	'“',
	'”',
	'‘',
	'’',
	"'",
	'on Monday',
	'last week',
	'in 2009',
	'\n\n',
	'\n',
	'> ',
	'## ',
	'NATO',
	'the',
	'North Korean',
	'Kyiv',
	'(',
	')',
	',',
	'.',
	':',
	'—',
	'He',
	'she',
	'according to',
	'Mr.',
	'U.S.',
	'\u202e',
	'\u200d',
	'\x1b[31m',
	'\x1b]0;title\x07',
	'\u0000',
	'🙂',
	'東京',
	'Zoë',
	'-',
	'&',
	'#',
	'---',
	'date 2024-01-01',
	'Ünïcödé',
	'\t',
	'1 – 0',
];

function article(next: () => number): string {
	const kind = Math.floor(next() * 5);
	const parts: string[] = [];
	const length = 1 + Math.floor(next() * 400);
	for (let i = 0; i < length; i++) {
		if (kind === 0)
			parts.push(String.fromCodePoint(Math.floor(next() * 0x2ffff))); // any code point
		else if (kind === 1) parts.push(PIECES[Math.floor(next() * PIECES.length)]!, ' ');
		else if (kind === 2)
			parts.push(`Word${i} Capital${Math.floor(next() * 50)} `); // capitalised words
		else if (kind === 3)
			parts.push(next() < 0.5 ? '"' : '“', 'quoted ', next() < 0.3 ? '"' : ''); // unbalanced and nested quotes
		else parts.push('x'.repeat(Math.floor(next() * 5000)), ' '); // huge tokens on one line
	}
	return parts.join('');
}

describe('extraction on random and mutated articles', () => {
	it('never crashes: it returns an extraction or refuses with an ArticleError (300 cases)', () => {
		let extracted = 0;
		let refused = 0;
		for (let seed = 1; seed <= 300; seed++) {
			const text = article(random(seed));
			try {
				const result = extract(text, {fallbackDate: '2024-01-01'});
				for (const e of result.events) expect(result.article.body.slice(e.start, e.end)).toBe(e.text);
				extracted++;
			} catch (error) {
				if (!(error instanceof ArticleError)) throw new Error(`seed ${seed}: ${(error as Error).stack}`, {cause: error});
				refused++;
			}
		}
		expect(extracted + refused).toBe(300);
		expect(extracted).toBeGreaterThan(200);
	});

	it('handles thousands of capitalised words and a quote that never closes', () => {
		const names = Array.from({length: 3000}, (_, i) => `Name${i} Surname${i}`).join(' and ');
		const result = extract(`date 2024-01-01 ${names} met. "This quote never ends ${'and on '.repeat(2000)}`, {fallbackDate: '2024-01-01'});
		expect(result.actors.length).toBeGreaterThan(100);
		expect(result.quotes.length).toBeLessThanOrEqual(1);
	});
});
