import {describe, expect, it} from 'vitest';
import {parseArticle, splitParagraphs} from '../../source/ingest/article.js';
import {extract} from '../../source/ingest/index.js';
import {ArticleTokens, tagSentences, type Token} from '../../source/ingest/nlp.js';

const sentencesOf = (text: string) => {
	const {body} = parseArticle(`date 2024-05-02 ${text}`, '2024-05-02');
	return splitParagraphs(body).flatMap((paragraph) => tagSentences(body, paragraph).map((s) => s.text));
};

describe('sentence ends', () => {
	it('an abbreviated title before a name ends no sentence, after a quotation mark or not in compromise’s list', () => {
		expect(sentencesOf('“Mr. Tovar Quell wants a toll bridge,” she wrote.')).toHaveLength(1);
		expect(sentencesOf('The plan was backed by Del. Ana Brisk of the Harbour Islands.')).toHaveLength(1);
		expect(sentencesOf('Readers asked, “Gov. Ivo Stern, will the ferry run?”')).toHaveLength(1);
	});

	it('"No." before a number ends no sentence', () => {
		expect(sentencesOf('The bakery rose to the No. 3 spot in the county.')).toHaveLength(1);
	});

	it('a sentence ending in an abbreviation still ends where the next one opens with a common word', () => {
		expect(sentencesOf('The talks were held in Dover, Del. The mayor left early.')).toHaveLength(2);
		expect(sentencesOf('Was it a win? No. Two more votes were needed.')).toHaveLength(3);
	});

	it('an event’s sentence runs on past the title', () => {
		const {events} = extract('date 2024-05-02 On Monday the ferry plan was rejected by Del. Ana Brisk and two others.', {
			fallbackDate: '2024-05-02',
		});
		expect(events.map((e) => e.text)).toEqual(['On Monday the ferry plan was rejected by Del. Ana Brisk and two others.']);
	});
});

describe('the tokens of a long article', () => {
	const text = [
		'Ada Vance met Omar Reyes in Lisbon on Monday. “We will sign it,” she said.',
		'The Harbour Board of Tarvik, which runs the ferries, said costs rose 12%.',
		'Shin-Wook Park and Mr. Tovar Quell left for Oslo; talks resume next week.',
	]
		.join('\n\n')
		.repeat(4);
	const {body} = parseArticle(`date 2024-05-02 ${text}`, '2024-05-02');
	const tagged = (article: ArticleTokens) => splitParagraphs(body).flatMap((paragraph) => tagSentences(body, paragraph, article));
	const shape = (sentence: {tokens: readonly Token[]}) =>
		sentence.tokens.map(({text, start, end, pre, post, tags}) => ({text, start, end, pre, post, tags: [...tags]}));

	it('are the same when kept as numbers and made again as when kept whole', () => {
		const whole = tagged(new ArticleTokens(Infinity));
		const packed = tagged(new ArticleTokens(0));
		expect(packed.map((s) => s.text)).toEqual(whole.map((s) => s.text));
		expect(packed.map(shape)).toEqual(whole.map(shape));
		expect(packed.flatMap(shape).map((t) => t.text)).toContain('Shin-Wook');
	});

	it('are the same objects at every reading of a sentence while it and its neighbours are read', () => {
		const [first, ...rest] = tagged(new ArticleTokens(0));
		const tokens = first!.tokens;
		for (const sentence of rest.slice(0, 5)) expect(sentence.tokens).toBe(sentence.tokens);
		expect(first!.tokens).toBe(tokens);
	});
});
