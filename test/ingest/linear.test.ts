import nlp from 'compromise';
import {parseHTML} from 'linkedom';
import {afterEach, describe, expect, it, vi} from 'vitest';
import {parseArticle, splitParagraphs} from '../../source/ingest/article.js';
import {extract} from '../../source/ingest/index.js';
import {tagSentences} from '../../source/ingest/nlp.js';
import {findQuoteSpans} from '../../source/ingest/quotes.js';
import {emptyBriefing} from '../../source/store/db.js';
import {articleHash, ingestArticle} from '../../source/store/merge.js';

// Text is untrusted: no shape of it may make the tagger's work grow faster than the text. The
// tagger's cost grows faster than linearly in the length of what it is given at once, so what is
// counted here is the work handed to it: the pieces, and the characters in them.

const patterns: Record<string, (size: number) => string> = {
	prose: (size) => 'Ada Vance met Omar Reyes in Lisbon on Monday, and they talked. '.repeat(size / 64),
	dots: (size) => `A${'.'.repeat(size)}`,
	'double quotes': (size) => `A${'"'.repeat(size)}`,
	'one long sentence': (size) => `The ${'cat and the dog '.repeat(size / 16)}slept.`,
	'hard-wrapped lines': (size) => 'the line goes on\n'.repeat(size / 17),
	'no spaces at all': (size) => 'x'.repeat(size),
};

function taggerWork(text: string): {pieces: number; longest: number; characters: number} {
	const spy = vi.spyOn(nlp, 'tokenize');
	const {body} = parseArticle(`date 2024-01-01 ${text}`, '2024-01-01');
	for (const paragraph of splitParagraphs(body)) tagSentences(body, paragraph);
	const inputs = spy.mock.calls.map(([input]) => String(input));
	spy.mockRestore();
	return {pieces: inputs.length, longest: Math.max(0, ...inputs.map((input) => input.length)), characters: inputs.join('').length};
}

describe('the work given to the tagger', () => {
	afterEach(() => vi.restoreAllMocks());

	for (const [name, make] of Object.entries(patterns)) {
		it(`grows with the text, in pieces of bounded size: ${name}`, () => {
			const small = taggerWork(make(20_000));
			const large = taggerWork(make(80_000));
			expect(large.longest).toBeLessThanOrEqual(2000);
			// Four times the text (give or take a repeat of the pattern): about four times the pieces
			// and characters.
			expect(large.pieces).toBeLessThanOrEqual(small.pieces * 4.1 + 1);
			expect(large.characters).toBeLessThanOrEqual(small.characters * 4.1);
		});
	}

	it('masks a run of one mark so the tagger sees one, keeping every offset', () => {
		const {body} = parseArticle('date 2024-01-01 Ada Vance waited!!!!!!!! Then Omar Reyes came.', '2024-01-01');
		const sentences = splitParagraphs(body).flatMap((paragraph) => tagSentences(body, paragraph));
		for (const sentence of sentences) for (const token of sentence.tokens) expect(body.slice(token.start, token.end)).toBe(token.text);
		expect(sentences.flatMap((sentence) => sentence.tokens.map((token) => token.text))).toContain('Reyes');
	});

	it('masks a run of millions of one mark, or of a mark outside the BMP, without running out of stack', () => {
		const {body} = parseArticle(
			`date 2024-01-01 Ada Vance waited${'.'.repeat(6_000_000)} Omar Reyes came ${'🙂'.repeat(6)} late.`,
			'2024-01-01',
		);
		const sentences = splitParagraphs(body).flatMap((paragraph) => tagSentences(body, paragraph));
		const words = sentences.flatMap((sentence) => sentence.tokens.map((token) => token.text));
		expect(words).toEqual(expect.arrayContaining(['Vance', 'Reyes', 'late']));
		for (const sentence of sentences) for (const token of sentence.tokens) expect(body.slice(token.start, token.end)).toBe(token.text);
	});
});

// Loops of the rules themselves: what is counted is the elements and characters that array and
// string searches go through (`some`, `filter`, `find`, `includes`) and that `splice` moves, and
// the characters of the words looked up in maps (a lookup reads its whole key), over the whole
// extraction (or the storing of it), for an article and one four times as long.
function searchWork(run: () => void): number {
	let work = 0;
	type Methods = Record<string, (...args: unknown[]) => unknown>;
	const counted = (target: Methods, name: string, cost: (self: unknown, args: unknown[]) => number) => {
		const original = target[name]!;
		target[name] = function (this: unknown, ...args: unknown[]) {
			work += cost(this, args);
			return original.apply(this, args);
		};
		return () => (target[name] = original);
	};
	const arrays = Array.prototype as unknown as Methods;
	const strings = String.prototype as unknown as Methods;
	const maps = Map.prototype as unknown as Methods;
	const length = (self: unknown) => (self as {length: number}).length;
	const keyLength = (_: unknown, [key]: unknown[]) => (typeof key === 'string' ? key.length : 1);
	const restore = [
		...['some', 'filter', 'find', 'indexOf', 'splice'].map((name) => counted(arrays, name, length)),
		counted(strings, 'includes', length),
		...['get', 'has', 'set'].map((name) => counted(maps, name, keyLength)),
	];
	try {
		run();
	} finally {
		for (const undo of restore) undo();
	}
	return work;
}

const extractionWork = (text: string) => searchWork(() => extract(`date 2024-01-01 ${text}`, {fallbackDate: '2024-01-01'}));

// Storing an extraction into an empty briefing; the extraction itself is not counted.
function storingWork(text: string): number {
	const raw = `date 2024-01-01 ${text}`;
	const extraction = extract(raw, {fallbackDate: '2024-01-01'});
	return searchWork(() =>
		ingestArticle(emptyBriefing(), {
			extraction,
			hash: articleHash(raw),
			key: '/long.txt',
			path: '/long.txt',
			ingestedAt: '2024-01-02T00:00:00.000Z',
		}),
	);
}

// Finding elements in a page: what is counted is the elements under each one searched in.
function pageWork(html: string): number {
	let work = 0;
	type Searches = Record<string, (this: unknown, selectors: string) => unknown>;
	// The prototype that elements of the parser (linkedom) take their searches from.
	let found = parseHTML('<p></p>').document.body as unknown as Searches;
	while (!Object.hasOwn(found, 'querySelectorAll')) found = Object.getPrototypeOf(found) as Searches;
	const owner = found;
	const all = owner['querySelectorAll']!;
	const counted = (name: string) => {
		const original = owner[name]!;
		owner[name] = function (this: unknown, selectors: string) {
			work += (all.call(this, '*') as unknown[]).length;
			return original.call(this, selectors);
		};
		return () => (owner[name] = original);
	};
	const restore = [counted('querySelector'), counted('querySelectorAll')];
	try {
		extract('', {fallbackDate: '2024-01-01', item: {title: 'Harbour', date: '2024-01-01', outlet: null, url: null, byline: null, html}});
	} finally {
		for (const undo of restore) undo();
	}
	return work;
}

// Names made of syllables, all different: ones no lexicon knows.
const SYLLABLES = ['ka', 'lo', 'mi', 'ren', 'to', 'va', 'sel', 'dor', 'an', 'bri', 'ces', 'ul', 'po', 'zan', 'ter', 'fy'];
const madeName = (n: number) => {
	const word = [0, 1, 2, 3].map((k) => SYLLABLES[Math.floor(n / 16 ** k) % 16]).join('');
	return word[0]!.toUpperCase() + word.slice(1);
};

const shapes: Record<string, (count: number) => string> = {
	// A pull quote is looked for among the quotations before it.
	'block quotations': (count) => Array.from({length: count}, (_, i) => `> Harbour notice ${i} for ferries`).join('\n\n'),
	// Single-quoted speech is kept apart from the double quotations around it.
	'single quotes among double ones': (count) =>
		Array.from({length: count}, (_, i) => `The pilot said "wait ${i}" and the crew said 'we sail at noon' again.`).join(' '),
	// A name is looked for among the actors that share a word with it.
	'many organisations that share words': (count) =>
		Array.from({length: count}, (_, i) => `The ${madeName(i * 7 + 3)} Council of ${madeName(i * 13 + 5)} said so.`).join(' '),
};

describe('the work of finding quotations and names', () => {
	for (const [name, make] of Object.entries(shapes)) {
		it(`grows with the text: ${name}`, () => {
			const small = extractionWork(make(2000));
			const large = extractionWork(make(8000));
			expect(large).toBeLessThanOrEqual(small * 4.5);
		});
	}

	// Each actor of the article is looked for among the actors stored before it.
	it('grows with the text: storing many people, organisations and places', () => {
		const make = (count: number) =>
			Array.from(
				{length: count},
				(_, i) => `${madeName(i * 7 + 3)} ${madeName(i * 11 + 1)} of the ${madeName(i * 5 + 2)} Trust flew to ${madeName(i * 3 + 9)}ville.`,
			).join(' ');
		const small = storingWork(make(300));
		const large = storingWork(make(1200));
		expect(large).toBeLessThanOrEqual(small * 4.5);
	});

	// A full name is compared with the persons whose surname it may have: many who share one are
	// not each compared with the next.
	it('grows with the text: storing many people who share a surname', () => {
		const make = (count: number) =>
			Array.from({length: count}, (_, i) => `${madeName(i * 7 + 3)} Varga spoke to the council.`).join(' ') + ' Then Varga left.';
		const small = storingWork(make(300));
		const large = storingWork(make(1200));
		expect(large).toBeLessThanOrEqual(small * 4.5);
	});

	// Full names known first by a shorter first name ("Alexanderkalo Varga", then "Alexanderkaloia
	// Varga"): each is renamed in the index of first names, among all the others.
	it('grows with the text: storing many people who share a surname, named again later with longer first names', () => {
		const make = (count: number) => {
			const firsts = Array.from({length: count}, (_, i) => `Alexander${madeName(i * 7 + 3).toLowerCase()}`);
			return [...firsts.map((first) => `${first} Varga spoke.`), ...firsts.map((first) => `${first}ia Varga left.`)].join(' ');
		};
		const small = storingWork(make(300));
		const large = storingWork(make(1200));
		expect(large).toBeLessThanOrEqual(small * 4.5);
	});

	// A word of text can be far longer than any name's, and a name of such words is looked up by the
	// slips it may have (swapped letters), both in the article and among the persons stored.
	describe('names with words four times as long', () => {
		const word = (n: number, letters: number) => {
			let made = '';
			for (let k = 0; made.length < letters; k++) made += madeName(n * 131 + k).toLowerCase();
			return `K${made.slice(0, letters - 1)}`;
		};
		const make = (letters: number) =>
			Array.from({length: 20}, (_, i) => `${word(i, letters)} Varga met Ann ${word(i + 50, letters)} on Monday.`).join(' ');
		it('grows with the text: extracting them', () => {
			const small = extractionWork(make(300));
			const large = extractionWork(make(1200));
			expect(large).toBeLessThanOrEqual(small * 4.5);
		});
		it('grows with the text: storing them', () => {
			const small = storingWork(make(300));
			const large = storingWork(make(1200));
			expect(large).toBeLessThanOrEqual(small * 4.5);
		});
	});

	// A box's heading is one of a box of links when the box holds links and no paragraph.
	it('grows with the page: a box with many headings that may be those of a box of links', () => {
		const make = (count: number) =>
			`<div>${Array.from({length: count}, (_, i) => `<h2>Related</h2><p>The ferry ${i} sailed at noon from the harbour.</p>`).join('')}</div>`;
		const small = pageWork(make(500));
		const large = pageWork(make(2000));
		expect(large).toBeLessThanOrEqual(small * 4.5);
	});

	it('takes marks with no word between them for no quotation, so that a run of them is held as nothing', () => {
		const {body} = parseArticle(`date 2024-01-01 Ada Vance waited ${'"" '.repeat(50)}and said "we sail at noon".`, '2024-01-01');
		expect(findQuoteSpans(body, splitParagraphs(body)).map((span) => span.text)).toEqual(['we sail at noon']);
	});
});
