// Adds up sets: reads the numbers behind each ratio from score.mjs's output and prints a line in
// its TOTAL format over all of them.

const number = (text, pattern) => {
	const match = pattern.exec(text);
	return match ? Number(match[1]) : 0;
};

// The `counts:` line holds every count but the event actors' hits and total; those come from the
// per-article `actors=` ratios times each gold file's number of event actors, exact since an
// article has far fewer than the hundred event actors at which two decimals would round wrongly.
export function setCounts(output, golds) {
	const lines = output.split('\n');
	const counts = lines.find((line) => line.startsWith('counts: '));
	if (!counts) throw new Error(`the scorer printed no counts line:\n${output}`);
	const [actors, quotes, events] = counts.slice('counts: '.length).split(' | ');
	const s = {labelled: new Set(), actorHits: 0, actorTotal: 0};
	if (!actors.includes('n/a')) {
		s.labelled.add('actors');
		s.tp = number(actors, /tp=(\d+)/);
		s.fp = number(actors, /fp=(\d+)/);
		s.gold = number(actors, /gold=(\d+)/);
		s.kindsRight = number(actors, /kinds=(\d+)/);
	}
	if (!quotes.includes('n/a')) {
		s.labelled.add('quotes');
		s.quotesFound = number(quotes, /found=(\d+)\//);
		s.quotesGold = number(quotes, /found=\d+\/(\d+)/);
		s.speakersRight = number(quotes, /speakers=(\d+)\//);
		s.speakersGold = number(quotes, /speakers=\d+\/(\d+)/);
		s.quoteFalse = number(quotes, /extra=(\d+)/);
	}
	if (!events.includes('n/a')) {
		s.labelled.add('events');
		s.eventsFound = number(events, /found=(\d+) dates/);
		s.datesRight = number(events, /dates=(\d+)/);
		s.eventsGold = number(events, /gold=(\d+)/);
		for (const gold of golds) {
			const line = lines.find((l) => l.startsWith(`${gold.article}: `));
			const total = (gold.events ?? []).reduce((sum, event) => sum + (event.actors ?? []).length, 0);
			const ratio = line ? /date=[\d.]+ actors=([\d.]+)/.exec(line) : null;
			s.actorTotal += total;
			if (ratio) s.actorHits += Math.round(Number(ratio[1]) * total);
		}
	}
	return s;
}

export function addCounts(all) {
	const total = {labelled: new Set()};
	for (const s of all) {
		for (const [key, value] of Object.entries(s)) {
			if (key === 'labelled') for (const field of value) total.labelled.add(field);
			else total[key] = (total[key] ?? 0) + value;
		}
	}
	return total;
}

const ratio = (a = 0, b = 0) => (b === 0 ? 1 : a / b);
const f = (x) => x.toFixed(2);

// score.mjs's line() for a set of counts.
export function totalLine(s) {
	const p = ratio(s.tp, s.tp + s.fp);
	const r = ratio(s.tp, s.gold);
	const f1 = p + r === 0 ? 0 : (2 * p * r) / (p + r);
	const actors = s.labelled.has('actors') ? `actors P=${f(p)} R=${f(r)} F1=${f(f1)} kind=${f(ratio(s.kindsRight, s.tp))}` : 'actors n/a';
	const quotes = s.labelled.has('quotes')
		? `quotes R=${f(ratio(s.quotesFound, s.quotesGold))} speaker=${f(ratio(s.speakersRight, s.speakersGold))} extra=${s.quoteFalse}`
		: 'quotes n/a';
	const events = s.labelled.has('events')
		? `events found=${f(ratio(s.eventsFound, s.eventsGold))} date=${f(ratio(s.datesRight, s.eventsGold))} ` +
			`actors=${s.actorTotal ? f(ratio(s.actorHits, s.actorTotal)) : 'n/a'}`
		: 'events n/a';
	return `${actors} | ${quotes} | ${events}`;
}
