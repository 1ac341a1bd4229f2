// Every error of one article's `extract --json` against its gold file, matched the way
// ../shared/eval/score.mjs matches (same normalisation, token F1 >= 0.8 for quotes, gold actors
// by name then alias, events by anchor), so each listed error is one the scorer counts.

const norm = (s) =>
	String(s ?? '')
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.replace(/[\u2018\u2019\u02bc]/g, "'")
		.toLowerCase()
		.replace(/'s\b/g, '')
		.replace(/[^a-z0-9 ]+/g, ' ')
		.replace(/\s+/g, ' ')
		.trim()
		.replace(/^the /, '');

const tokens = (s) => norm(s).split(' ').filter(Boolean);

function tokenF1(a, b) {
	const ta = tokens(a);
	const tb = tokens(b);
	if (ta.length === 0 || tb.length === 0) return 0;
	const counts = new Map();
	for (const t of tb) counts.set(t, (counts.get(t) ?? 0) + 1);
	let common = 0;
	for (const t of ta) {
		const n = counts.get(t) ?? 0;
		if (n > 0) {
			common++;
			counts.set(t, n - 1);
		}
	}
	if (common === 0) return 0;
	const p = common / ta.length;
	const r = common / tb.length;
	return (2 * p * r) / (p + r);
}

function resolver(gold) {
	const index = (gold.actors ?? []).map((a) => ({...a, keys: new Set([a.name, ...(a.aliases ?? [])].map(norm))}));
	return (names) => {
		const keys = names.map(norm).filter(Boolean);
		for (const k of keys) {
			const hit = index.find((g) => norm(g.name) === k);
			if (hit) return hit;
		}
		for (const k of keys) {
			const hit = index.find((g) => g.keys.has(k));
			if (hit) return hit;
		}
		return undefined;
	};
}

const list = (x) => (Array.isArray(x) ? x : []);
const quoted = (text) => JSON.stringify(text.length > 160 ? `${text.slice(0, 157)}...` : text);

// The dating rule and the words it read, from the extra fields `extract --json` gives events.
const dateOrigin = (event) => `${event.dateSource ?? '?'}${event.dateText ? ` "${event.dateText}"` : ''}`;

function dayNumber(iso) {
	const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(String(iso ?? ''));
	return m ? Date.UTC(+m[1], +m[2] - 1, +m[3]) / 86_400_000 : NaN;
}

function isoWeek(day) {
	const d = new Date(day * 86_400_000);
	const thursday = day - ((d.getUTCDay() + 6) % 7) + 3;
	const year = new Date(thursday * 86_400_000).getUTCFullYear();
	const firstThursday = Date.UTC(year, 0, 4) / 86_400_000;
	const week = 1 + Math.round((thursday - (firstThursday - ((new Date(Date.UTC(year, 0, 4)).getUTCDay() + 6) % 7) + 3)) / 7);
	return `${year}-W${String(week).padStart(2, '0')}`;
}

function dateMatches(goldEvent, predicted) {
	const pred = String(predicted ?? '');
	if (!/^\d{4}(-\d{2}(-\d{2})?|-W\d{2})?($|T|\s)/.test(pred)) return false;
	const p = dayNumber(pred);
	const gold = String(goldEvent.date);
	const goldWeek = /^\d{4}-W\d{2}$/.test(gold) ? gold : goldEvent.date_precision === 'week' ? isoWeek(dayNumber(gold)) : null;
	if (goldWeek) return Number.isNaN(p) ? pred === goldWeek : isoWeek(p) === goldWeek;
	return /^\d{4}-W/.test(pred) ? false : pred.startsWith(gold);
}

// Errors by kind: each kind a list of lines.
export function articleErrors(gold, out) {
	const labelled = new Set(Array.isArray(gold.labelled) ? gold.labelled : ['actors', 'quotes', 'events']);
	const resolve = resolver(gold);
	const errors = {};
	const add = (kind, line) => (errors[kind] ??= []).push(line);

	if (labelled.has('actors')) {
		const matched = new Set();
		for (const a of list(out.actors)) {
			const g = resolve([a.name, ...list(a.aliases)]);
			if ((g && !g.required) || (!g && gold.exhaustive === false)) continue;
			if (g && !matched.has(g.name)) {
				matched.add(g.name);
				if (a.kind !== g.kind) add('wrong kinds', `${a.name}: ${a.kind ?? 'no kind'}, gold ${g.kind}`);
			} else add('extra actors', `${a.name} (${a.kind})${g ? ` duplicate of ${g.name}` : ''}`);
		}
		for (const g of list(gold.actors)) if (g.required !== false && !matched.has(g.name)) add('missed actors', `${g.name} (${g.kind})`);
	}

	if (labelled.has('quotes')) {
		const predicted = list(out.quotes);
		const used = new Set();
		for (const q of list(gold.quotes)) {
			let best = -1;
			let bestScore = 0;
			predicted.forEach((p, i) => {
				const score = used.has(i) ? 0 : tokenF1(p.text, q.text);
				if (score > bestScore) [best, bestScore] = [i, score];
			});
			if (best < 0 || bestScore < 0.8) {
				add('quotes missed', `${quoted(q.text)} (gold speaker ${q.speaker})`);
				continue;
			}
			used.add(best);
			const speaker = resolve([predicted[best].speaker])?.name;
			if (q.speaker && speaker !== q.speaker)
				add('wrong speakers', `${quoted(q.text)}: predicted ${predicted[best].speaker}, gold ${q.speaker}`);
		}
		predicted.forEach((p, i) => used.has(i) || add('quotes extra', `${quoted(p.text)} (speaker ${p.speaker})`));
	}

	if (labelled.has('events')) {
		const predicted = list(out.events);
		for (const e of list(gold.events)) {
			const anchor = norm(e.anchor);
			const candidates = predicted.filter((p) => norm(p.text).includes(anchor));
			if (candidates.length === 0) {
				add('events missed', `${quoted(e.anchor)} (${e.date})`);
				continue;
			}
			if (!candidates.some((p) => dateMatches(e, p.date))) {
				const dates = candidates.map((p) => `${p.date} by ${dateOrigin(p)}`).join('; ');
				add('wrong dates', `${quoted(candidates[0].text)}: predicted ${dates}, gold ${e.date}`);
			}
			// The scorer credits the candidate sentence that names the most gold actors.
			let best = null;
			for (const p of candidates) {
				const names = new Set(list(p.actors).map((n) => resolve([n])?.name));
				const missing = list(e.actors).filter((n) => !names.has(n));
				if (!best || missing.length < best.missing.length) best = {missing, actors: list(p.actors)};
			}
			if (best.missing.length)
				add('event actors missed', `${quoted(e.anchor)}: missed ${best.missing.join(', ')}; predicted ${best.actors.join(', ')}`);
		}
	}
	return errors;
}
