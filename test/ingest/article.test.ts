import {describe, expect, it} from 'vitest';
import {parseArticle, splitParagraphs} from '../../source/ingest/article.js';
import {decodeArticle} from '../../source/ingest/decode.js';
import {ArticleError} from '../../source/ingest/errors.js';

describe('parseArticle', () => {
	it('reads the seed format: leading space, "date YYYY-MM-DD", then the text on the same line', () => {
		const a = parseArticle('  date 2022-03-01 The port reopened. Ships arrived.', '2000-01-01');
		expect(a).toMatchObject({date: '2022-03-01', dateAssumed: false, format: 'seed', title: 'The port reopened.'});
		expect(a.body).toBe('The port reopened. Ships arrived.');
	});

	it('cuts a long first sentence standing in for the title at the last whole word', () => {
		const words = 'The harbour board met on Monday and agreed after a long night of talks that the port reopens';
		const a = parseArticle(`date 2022-03-01 ${words}   tomorrow at dawn.`, '2000-01-01');
		expect(a.title).toBe(`${words}…`);
		expect(parseArticle(`date 2022-03-01 ${'x'.repeat(120)}.`, '2000-01-01').title).toBe(`${'x'.repeat(100)}…`);
	});

	it('reads YAML front matter', () => {
		const a = parseArticle(
			'---\ntitle: "Port reopens"\ndate: 2022-03-01\nsource: Example\nurl: https://example.org/a\n---\n\nThe port reopened.\n',
			'2000-01-01',
		);
		expect(a).toMatchObject({
			title: 'Port reopens',
			date: '2022-03-01',
			source: 'Example',
			url: 'https://example.org/a',
			format: 'front-matter',
		});
		expect(a.body).toBe('The port reopened.');
	});

	it('dates plain text with the fallback and says the date was assumed; a heading is the title', () => {
		const a = parseArticle('# Port reopens\n\nThe port reopened on Monday.', '2022-03-04');
		expect(a).toMatchObject({title: 'Port reopens', date: '2022-03-04', dateAssumed: true, format: 'plain'});
	});

	it('refuses bad front matter, impossible dates and empty text with a clear message', () => {
		expect(() => parseArticle('---\ntitle: [unclosed\n---\nText.', '2022-01-01')).toThrow(/front matter is not valid YAML/);
		const keys = Array.from({length: 30_000}, (_, i) => `field${i}: value`).join('\n');
		expect(() => parseArticle(`---\ntitle: Keys\n${keys}\n---\nText.`, '2022-01-01')).toThrow(
			'front matter is 517 KB long; it is limited to 256 KB',
		);
		expect(() => parseArticle('date 2024-02-30 Text.', '2022-01-01')).toThrow(/"2024-02-30" is not a real day/);
		expect(() => parseArticle(' \n\t\n', '2022-01-01')).toThrow(ArticleError);
	});
});

describe('decodeArticle', () => {
	it('strips a BOM and turns CRLF into LF', () => {
		const bytes = new TextEncoder().encode('\uFEFFdate 2022-03-01 One.\r\n\r\nTwo.');
		expect(decodeArticle(bytes)).toBe('date 2022-03-01 One.\n\nTwo.');
	});

	it('refuses binary data and invalid UTF-8', () => {
		expect(() => decodeArticle(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00]))).toThrow(/binary/);
		expect(() => decodeArticle(new Uint8Array([0x61, 0xff, 0xfe, 0x62]))).toThrow(/UTF-8/);
	});
});

describe('splitParagraphs', () => {
	it('marks short unpunctuated lines as sub-headings', () => {
		const body = 'The talks began.\n\nA turn in the talks\n\n## Second day\n\nThe talks ended.';
		expect(splitParagraphs(body).map((p) => p.heading)).toEqual([false, true, true, false]);
	});

	it('takes a run of lines with text as one paragraph; a line of spaces or tabs separates them', () => {
		const body = '\n  The fair opened on Monday.\nIt rained.\r\n \t \nThe mayor came.\n\n\n   \nTickets sold out.\n';
		const texts = splitParagraphs(body).map((p) => body.slice(p.start, p.end));
		expect(texts).toEqual(['  The fair opened on Monday.\nIt rained.\r', 'The mayor came.', 'Tickets sold out.']);
		expect(splitParagraphs(' '.repeat(50_000))).toEqual([]);
	});

	it('does not take a short saying with its dash byline for a sub-heading', () => {
		const body = 'Readers wrote in.\n\n“The mayor should resign.” ― Tomas Berg\n\n“We will rebuild” — the new slogan';
		expect(splitParagraphs(body).map((p) => p.heading)).toEqual([false, false, true]);
	});
});

describe('untrusted text', () => {
	it('removes escape sequences whole, makes other controls visible, and removes bidi overrides and zero-width spoofing', () => {
		const a = parseArticle(
			'date 2024-01-01 Ana\u200bBerg said \x1b]52;c;ZXZpbA==\x07 and \x1b[2J it \x1b[31mobviously\x1b[0m\u202e!\u202c\x07 \x01.\x9b',
			'2000-01-01',
		);
		expect(a.body).toBe('AnaBerg said  and  it obviously!␇ ␁.\ufffd');
		expect(a.body).not.toMatch(/[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/);
	});

	it('counts what it removed, and an open string sequence removes only itself, not the text after it', () => {
		const paragraphs = [
			'Mia Holt opened the fair on Monday.',
			'She said "it will grow" in her speech.',
			'The mayor agreed.',
			'Tickets sold out.',
		];
		for (const opener of ['\x1b]0;', '\x1bP1;', '\x1b_', '\x1b^']) {
			const a = parseArticle(`date 2024-01-01 ${opener}${paragraphs.join('\n\n')}`, '2000-01-01');
			expect(a.body, JSON.stringify(opener)).toBe(paragraphs.join('\n\n'));
			expect(a.removedControls).toBe(1);
		}
		// Closed on its line, a title-setting sequence goes with its text.
		expect(parseArticle('date 2024-01-01 A \x1b]2;fake title\x07B and \x1b[1mC\x1b[0m.', '2000-01-01')).toMatchObject({
			body: 'A B and C.',
			removedControls: 3,
		});
	});

	it('cleans front-matter strings too, where YAML escapes make controls the file did not hold', () => {
		const a = parseArticle(
			'---\ntitle: "Pay \\u202Eorcim\\u202C now\\x1b[2J"\nsource: "Daily \\x85Post"\ndate: 2024-01-01\n---\nText here.\n',
			'2000-01-01',
		);
		expect(a.title).toBe('Pay orcim now');
		expect(a.source).toBe('Daily \ufffdPost');
		expect(a.removedControls).toBe(3);
	});

	it('refuses a date given as a list, and front-matter fields given twice; reads an unknown tag as text, silently', async () => {
		expect(() => parseArticle('---\ndate: [2024-10-29]\n---\nText.\n', '2000-01-01')).toThrow(
			'front matter date is a YAML list, not a day (expected YYYY-MM-DD)',
		);
		expect(() => parseArticle('---\ntitle: One\nurl: https://example.org/a\ntitle: Two\n---\nText.\n', '2000-01-01')).toThrow(
			'front matter has the field "title" twice (line 4)',
		);
		const warnings: string[] = [];
		const onWarning = (warning: Error) => warnings.push(warning.message);
		process.on('warning', onWarning);
		try {
			expect(parseArticle('---\ntitle: !!js/function "function () {}"\n---\nText.\n', '2000-01-01').title).toBe('function () {}');
			// Node emits a warning on a later tick.
			await new Promise((resolve) => setImmediate(resolve));
		} finally {
			process.off('warning', onWarning);
		}
		expect(warnings).toEqual([]);
	});

	it('reads a heading of any length in one pass', () => {
		// The regex this replaced took minutes on a heading of ten thousand spaces.
		const a = parseArticle(`# a${' '.repeat(200_000)}b\n\nText.`, '2000-01-01');
		expect(a.title).toBe(`a${' '.repeat(200_000)}b`);
		expect(parseArticle('## Closing words ##\n\nText.', '2000-01-01').title).toBe('Closing words');
	});

	it('keeps the joiners that emoji and other scripts need', () => {
		const a = parseArticle('date 2024-01-01 The family 👨\u200d👩\u200d👧 met in ‌می‌خواهم style.', '2000-01-01');
		expect(a.body).toContain('👨\u200d👩\u200d👧');
	});
});
