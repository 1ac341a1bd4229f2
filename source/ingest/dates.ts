import * as chrono from 'chrono-node';
import type {DatePrecision, ResolvedDate} from '../types.js';

const DAY = 86_400_000;

const toDay = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / DAY;
const fromDay = (day: number) => new Date(day * DAY).toISOString().slice(0, 10);
const weekdayOf = (day: number) => new Date(day * DAY).getUTCDay();
const pad = (n: number) => String(n).padStart(2, '0');

// Future tense decides which way a bare weekday or month points: "on Wednesday, he will travel".
const FUTURE =
	/\b(will|would|shall|until|going to|plans? to|planning to|(?:is|are) (?:due |set |scheduled |expected )?to|upcoming|next|tomorrow)\b|'ll\b/i;

export function isFutureTense(sentence: string): boolean {
	return FUTURE.test(sentence);
}

type Candidate = ResolvedDate & {index: number};

const RANK: Record<DatePrecision, number> = {day: 3, week: 2, month: 1, year: 0};
// How much of an ISO day a date of each precision fixes, to compare it with the article date.
const RANK_LENGTH: Record<DatePrecision, number> = {day: 10, week: 10, month: 7, year: 4};

// Month names that are also ordinary words ("may", "march") only count when capitalised.
const AMBIGUOUS_LOWER = /^(may|march|sun|sat|wed|mon)$/;

function fromChrono(result: chrono.ParsedResult, articleDay: number, future: boolean): Candidate | null {
	const {start, text} = result;
	const known = (c: chrono.Component) => start.isCertain(c);
	const words = text.trim().replace(/[,.]$/, '');
	if (AMBIGUOUS_LOWER.test(words)) return null;
	// A bare abbreviation is more often part of a name ("Belo Sun", "Sat Nav") than a date.
	if (/^(mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)$/i.test(words)) return null;
	// Durations are not dates: "for twelve years", "73 seconds after"; nor are offsets within a day.
	if (/^for\b/i.test(words) || /\b(seconds?|minutes?|hours?)\b/i.test(words)) return null;
	if (
		/^(?:an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d+|several|few)\s+(?:years?|months?|weeks?|days?)$/i.test(
			words,
		)
	)
		return null;
	const base = {text: words, index: result.index};
	const articleYear = new Date(articleDay * DAY).getUTCFullYear();
	const chronoDay = toDay(start.date().toISOString().slice(0, 10));

	// "over the last 30 years", "in the past two months": a span reaching up to now, not a date.
	if (/^(?:the )?(?:last|past) (?:\S+ )?(?:years|months|weeks|days|decades)$|^(?:the )?past decade$/i.test(words)) return null;
	// chrono starts "this week" on Sunday, which ISO (and the gold) puts in the week before.
	if (/^this week$/i.test(words)) return {...base, date: fromDay(articleDay), precision: 'week', source: 'relative'};
	if (/\bweekend\b/i.test(words)) {
		const back = (weekdayOf(articleDay) + 1) % 7; // days since the last Saturday
		const saturday = future ? articleDay + ((6 - weekdayOf(articleDay) + 7) % 7) : articleDay - back;
		return {...base, date: fromDay(saturday), precision: 'week', source: 'relative'};
	}
	if (/\bweeks?\b|\bfew days\b/i.test(words)) {
		return {...base, date: fromDay(chronoDay), precision: 'week', source: 'relative'};
	}
	if (known('day') && known('month')) {
		const year = known('year') ? start.get('year')! : articleYear;
		const dayIn = (y: number) => toDay(`${y}-${pad(start.get('month')!)}-${pad(start.get('day')!)}`);
		let day = dayIn(year);
		if (!known('year')) {
			// A day without a year is the nearest one in the direction the tense points.
			if (!future && day > articleDay + 1) day = dayIn(year - 1);
			if (future && day < articleDay - 1) day = dayIn(year + 1);
		}
		const explicit = /\d/.test(words); // "yesterday" has a known year, but the text gave none
		return {...base, date: fromDay(day), precision: 'day', source: explicit ? 'explicit' : 'relative'};
	}
	if (known('weekday')) {
		const target = start.get('weekday')!;
		const current = weekdayOf(articleDay);
		const day = future ? articleDay + ((target - current + 7) % 7) : articleDay - ((current - target + 7) % 7);
		return {...base, date: fromDay(day), precision: 'day', source: 'relative'};
	}
	if (known('month')) {
		const month = start.get('month')!;
		let year = known('year') ? start.get('year')! : articleYear;
		if (!known('year')) {
			const articleMonth = new Date(articleDay * DAY).getUTCMonth() + 1;
			if (!future && month > articleMonth) year--;
			if (future && month < articleMonth) year++;
		}
		return {
			...base,
			date: `${year}-${pad(month)}-01`,
			precision: 'month',
			source: known('year') && /\d{4}/.test(words) ? 'explicit' : 'relative',
		};
	}
	if (known('year')) {
		return {...base, date: `${start.get('year')}-01-01`, precision: 'year', source: /\d{4}/.test(words) ? 'explicit' : 'relative'};
	}
	return null; // a time of day alone ("at 3 pm", or a score such as "1 – 0") says nothing about the date
}

const DECADES = /\b(a|one|two|three|\d+)\s+decades?\s+ago\b/gi;
const COUNT: Record<string, number> = {a: 1, one: 1, two: 2, three: 3};

// "nearly a decade ago": a year, which chrono leaves alone.
function decadesAgo(text: string, articleYear: number): Candidate[] {
	return [...text.matchAll(DECADES)].map((m) => {
		const n = COUNT[m[1]!.toLowerCase()] ?? Number(m[1]);
		return {date: `${articleYear - 10 * n}-01-01`, precision: 'year' as const, text: m[0], source: 'relative' as const, index: m.index};
	});
}

// Bare years ("in 2009", "from 2004 to 2009", "since 1958"), which chrono leaves alone.
const YEAR = /(?<![\d,.\-–/])(1[89]\d\d|20\d\d)(?![\d\-–/]|,\d)/g;

function bareYears(text: string, articleYear: number, taken: Array<[number, number]>): Candidate[] {
	const found: Candidate[] = [];
	for (const m of text.matchAll(YEAR)) {
		const year = Number(m[1]);
		const at = m.index;
		if (year > articleYear + 10 || taken.some(([s, e]) => at >= s && at < e)) continue;
		found.push({date: `${year}-01-01`, precision: 'year', text: m[1]!, source: 'explicit', index: at});
	}
	return found;
}

// Words around a date that make it something other than when the event happened: a starting point
// ("since 1958", "not seen since last May"), a deadline ("profitable by 2008"), or a year naming a
// thing ("the 2008 crisis", "its 2005 model", "fiscal 2010", "below 1990 levels").
function isModifier(text: string, c: Candidate, future: boolean): boolean {
	const words = c.text ?? '';
	const before = text.slice(Math.max(0, c.index - 12), c.index);
	if (/\bsince\s+(?:last\s+|early\s+|late\s+)?$/i.test(before)) return true;
	// In the past tense "by Thursday night" is when it had happened; ahead, it is a deadline.
	if (future && /\bby\s+(?:early\s+|late\s+)?$/i.test(before)) return true;
	if (!/^\d{4}$/.test(words)) return false;
	const after = text.slice(c.index + words.length, c.index + words.length + 8);
	return /\b(?:the|its|their|his|her|our|a|an|fiscal|FY)\s+$/i.test(before) || /^\s+levels?\b/i.test(after);
}

// A clause set off by commas that describes something in passing — ", begun two years ago,", ", which
// opened in 1990," — dates that thing; the main clause's own date, when it has one, dates the report.
// Without one the aside's date is all there is ("Lee, born on May 2, 1950, has built ...").
const INTERRUPTION = /,\s+(?:which|who|whose|\w+ed|begun|built|born|held|made|known|sold|taken|written|seen|given)\b[^,;]*,/gi;

function interruptions(text: string): Array<[number, number]> {
	return [...text.matchAll(INTERRUPTION)].map((m): [number, number] => [m.index, m.index + m[0].length]);
}

// A date right after a past speech verb dates the saying, whatever the tense of what was said:
// "said on Monday that it will open a plant".
const SAID_BEFORE = /\b(?:said|announced|told|stated|confirmed|revealed|reported|warned|added|claimed|declared)\s+(?:on\s+|last\s+)?$/i;

// The date a sentence is about: the most precise date expression in it, the first of equals.
// Relative expressions resolve against the article date with the rules of news writing: a bare
// weekday is the most recent such day (the next one in future tense), "last week" is the week before.
export function resolveSentenceDate(sentence: string, articleDate: string, future = isFutureTense(sentence)): ResolvedDate | null {
	const articleDay = toDay(articleDate);
	// "[Ten] years ago": editorial brackets hide the words from chrono.
	const text = sentence.replace(/[[\]]/g, ' ');
	const results = chrono.parse(text, {instant: new Date(articleDay * DAY + DAY / 2), timezone: 0}, {forwardDate: false});
	const said = (r: chrono.ParsedResult) => SAID_BEFORE.test(text.slice(Math.max(0, r.index - 20), r.index));
	const candidates = results.map((r) => fromChrono(r, articleDay, future && !said(r))).filter((c): c is Candidate => c !== null);
	const taken = results.map((r): [number, number] => [r.index, r.index + r.text.length]);
	const articleYear = new Date(articleDay * DAY).getUTCFullYear();
	candidates.push(...bareYears(text, articleYear, taken), ...decadesAgo(text, articleYear));
	candidates.splice(0, candidates.length, ...candidates.filter((c) => !isModifier(text, c, future)));
	const aside = interruptions(text);
	const main = candidates.filter((c) => !aside.some(([s, e]) => c.index > s && c.index < e));
	if (main.length > 0) candidates.splice(0, candidates.length, ...main);
	// "today" and "now" only repeat the article date; any other date in the sentence says more.
	const informative = candidates.filter((c) => !/^(today|now|tonight|this (morning|afternoon|evening))$/i.test(c.text ?? ''));
	if (informative.length > 0) candidates.splice(0, candidates.length, ...informative);
	// Outside the future tense a later date is a goal or deadline ("promised to end it by 2030"),
	// not when the event happened.
	const happened = future
		? candidates
		: candidates.filter((c) => c.date.slice(0, RANK_LENGTH[c.precision]) <= articleDate.slice(0, RANK_LENGTH[c.precision]));
	candidates.splice(0, candidates.length, ...happened);
	if (candidates.length === 0) return null;
	candidates.sort((a, b) => RANK[b.precision] - RANK[a.precision] || a.index - b.index);
	const {index, ...best} = candidates[0]!;
	return {...best, text: best.text && sentence.slice(index, index + best.text.length)};
}
