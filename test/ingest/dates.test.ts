import {describe, expect, it} from 'vitest';
import {resolveSentenceDate} from '../../source/ingest/dates.js';
import {parseIsoDay} from '../../source/ingest/isoDay.js';

// 2023-05-10 is a Wednesday.
const on = (sentence: string) => resolveSentenceDate(sentence, '2023-05-10');

describe('resolveSentenceDate', () => {
	it('puts a bare weekday on the most recent such day in past tense, the next one in future tense', () => {
		expect(on('The mayor resigned on Monday.')).toMatchObject({date: '2023-05-08', precision: 'day', source: 'relative'});
		expect(on('The council met on Wednesday.')).toMatchObject({date: '2023-05-10'});
		expect(on('The minister will visit on Friday.')).toMatchObject({date: '2023-05-12'});
	});

	it('resolves yesterday, last week, last month and years ago with their precision', () => {
		expect(on('Yesterday the union voted.')).toMatchObject({date: '2023-05-09', precision: 'day'});
		expect(on('The bank raised rates last week.')).toMatchObject({date: '2023-05-03', precision: 'week', text: 'last week'});
		expect(on('Prices rose last month.')).toMatchObject({date: '2023-04-01', precision: 'month'});
		expect(on('The firm was founded five years ago.')).toMatchObject({date: '2018-01-01', precision: 'year'});
	});

	it('reads a month without a year as the most recent one in past tense', () => {
		expect(on('The law passed in September.')).toMatchObject({date: '2022-09-01', precision: 'month'});
		expect(on('The law was signed on September 3.')).toMatchObject({date: '2022-09-03', precision: 'day', source: 'explicit'});
	});

	it('takes bare years and keeps the start of a range', () => {
		expect(on('The plant closed in 2009.')).toMatchObject({date: '2009-01-01', precision: 'year', text: '2009'});
		expect(on('Taxes owed from 2004 to 2009 were paid.')).toMatchObject({date: '2004-01-01'});
	});

	it('prefers the most precise expression in a sentence', () => {
		expect(on('In 2019 the club was sold, and on Tuesday it was sold again.')).toMatchObject({date: '2023-05-09', precision: 'day'});
	});

	it('reads decades ago, and lets "today" give way to a date that says more', () => {
		expect(on('The mill shut nearly a decade ago.')).toMatchObject({date: '2013-01-01', precision: 'year'});
		expect(on('Sales peaked in 2015; they are lower today.')).toMatchObject({date: '2015-01-01', precision: 'year'});
	});

	it('takes no date from durations or from offsets within a day', () => {
		expect(on('He was held for twelve years.')).toBeNull();
		expect(on('The rocket broke up 40 seconds after launch on March 3, 2001.')).toMatchObject({date: '2001-03-03', precision: 'day'});
	});

	it('takes no date from a span reaching up to now', () => {
		expect(on('Wages rose over the last 20 years.')).toBeNull();
		expect(on('The lake shrank over the past decade.')).toBeNull();
		expect(on('Rents rose last year.')).toMatchObject({date: '2022-01-01', precision: 'year'});
	});

	it('puts "this week" in the ISO week of the article, which starts on Monday', () => {
		expect(on('The ferry resumed service this week.')).toMatchObject({date: '2023-05-10', precision: 'week'});
	});

	it('takes no date from a starting point, a future deadline or a year naming a thing', () => {
		expect(on('The bakery has been open since 1961.')).toBeNull();
		expect(on('Output reached a level not seen since last June.')).toBeNull();
		expect(on('The mill plans to cut waste by 2027.')).toBeNull();
		expect(on('The petition had 5,000 names by Monday night.')).toMatchObject({date: '2023-05-08'});
		expect(on('The 2019 flood ruined the harvest.')).toBeNull();
		expect(on('Its 2021 tractor sold poorly.')).toBeNull();
		expect(on('Profit in fiscal 2022 doubled.')).toBeNull();
		expect(on('Emissions are 15% below 2005 levels.')).toBeNull();
		expect(on('In 2020 the ferry stopped.')).toMatchObject({date: '2020-01-01'});
	});

	it('dates reported speech by the saying, whatever the tense of what was said', () => {
		expect(on('The mill said on Monday that it will hire 200 workers in 2024.')).toMatchObject({date: '2023-05-08', precision: 'day'});
		expect(on('The mill will hire workers on Monday.')).toMatchObject({date: '2023-05-15'});
	});

	it("prefers the main clause's date to one in an aside set off by commas, but keeps the aside's when it is all there is", () => {
		expect(on('The depot, which opened in 1988, closed in 2020.')).toMatchObject({date: '2020-01-01'});
		expect(on('Ada Lind, born on June 2, 1950, has led the choir for decades.')).toMatchObject({date: '1950-06-02'});
	});

	it('ignores scores, times, amounts and the modal "may"', () => {
		expect(on('The hosts won 2 – 1 at 3 pm.')).toBeNull();
		expect(on('Officials may resign over the 1,200 euros.')).toBeNull();
		expect(on('Belo Sun said it had no comment.')).toBeNull();
	});
});

describe('parseIsoDay', () => {
	it('accepts real days only', () => {
		expect(parseIsoDay('2024-02-29')).toBe('2024-02-29');
		expect(parseIsoDay('2024-02-30')).toBeNull();
		expect(parseIsoDay('29/02/2024')).toBeNull();
	});
});
