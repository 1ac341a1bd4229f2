import {actorById, articleById, countsByActor} from '../store/queries.js';
import type {IngestOutcome} from '../store/merge.js';
import type {BriefingData, StoredActor, StoredArticle, StoredEvent, StoredQuote} from '../store/schema.js';
import type {ActorKind} from '../types.js';
import {dateLabel} from './dates.js';
import {sanitize} from './sanitize.js';
import {plural} from './plural.js';
import {sourcesLabel} from './sources.js';

// Plain text for a terminal or a pipe. Everything returned passes through sanitize, because
// names, titles and sentences come from the articles.

export const SAMPLE_NOTICE = 'Sample briefing — ingest your own with: briefing ingest FILE...';

const KIND_HEADINGS: Array<[ActorKind, string]> = [
	['person', 'People'],
	['country', 'Countries'],
	['organization', 'Organizations'],
	['place', 'Places'],
];

const lines = (parts: string[]) => sanitize(`${parts.join('\n')}\n`);

// The listings come as pieces, one item's lines at a time, so that a command can write them as
// they come (output/write.ts). Each piece is sanitized on its own, which also keeps an escape
// sequence left open in one item from swallowing the items after it.

export function* actorsText(data: BriefingData, actors: StoredActor[]): Generator<string> {
	if (actors.length === 0) {
		yield 'No actors.\n';
		return;
	}
	const counts = countsByActor(data);
	let first = true;
	for (const [kind, heading] of KIND_HEADINGS) {
		const ofKind = actors.filter((actor) => actor.kind === kind).sort((a, b) => a.name.localeCompare(b.name));
		if (ofKind.length === 0) continue;
		yield lines(first ? [heading] : ['', heading]);
		first = false;
		for (const actor of ofKind) {
			const aliases = actor.aliases.filter((alias) => alias !== actor.name);
			const events = counts.events.get(actor.id) ?? 0;
			const quotes = counts.quotes.get(actor.id) ?? 0;
			const parts = [actor.role ? `${actor.name}, ${actor.role}` : actor.name];
			if (aliases.length) parts.push(`also ${aliases.join(', ')}`);
			parts.push(quotes ? `${plural(events, 'event')}, ${plural(quotes, 'quote')}` : plural(events, 'event'));
			yield lines([`  ${parts.join(' · ')}`]);
		}
	}
}

// Events under date headings, in the order given (the store keeps them chronological).
export function* eventsText(data: BriefingData, events: StoredEvent[]): Generator<string> {
	if (events.length === 0) {
		yield 'No events.\n';
		return;
	}
	const actors = actorById(data);
	const articles = articleById(data);
	let heading = '';
	for (const [i, event] of events.entries()) {
		const out: string[] = [];
		const label = dateLabel(event.date, event.datePrecision);
		if (label !== heading) {
			if (i > 0) out.push('');
			out.push(label);
			heading = label;
		}
		const names = event.actors.map((id) => actors.get(id)?.name ?? id);
		// With one article, repeating its title under every event says nothing; its outlet and url
		// go with each event all the same, so that a line cut from the listing can be cited.
		const article = articles.get(event.article);
		const title = data.articles.length > 1 ? [article?.title ?? event.article] : [];
		const told = sourcesLabel(event, articles);
		const source = [...names, ...title, ...citable(article), ...(told ? [told] : [])].join(' · ');
		out.push(`  - ${event.text}`, ...(source ? [`    ${source}`] : []));
		yield lines(out);
	}
}

// The article's outlet and url, those it has.
const citable = (article: StoredArticle | undefined) => [article?.source, article?.url].filter((part): part is string => Boolean(part));

export function* quotesText(data: BriefingData, quotes: StoredQuote[]): Generator<string> {
	if (quotes.length === 0) {
		yield 'No quotes.\n';
		return;
	}
	const actors = actorById(data);
	const articles = articleById(data);
	for (const [i, quote] of quotes.entries()) {
		const speaker = quote.speaker === null ? 'unattributed' : (actors.get(quote.speaker)?.name ?? quote.speaker);
		const article = articles.get(quote.article);
		const told = sourcesLabel(quote, articles);
		const from = [article?.title ?? quote.article, ...citable(article), ...(told ? [told] : [])].join(' · ');
		yield lines([...(i > 0 ? [''] : []), `“${quote.text}”`, `  — ${speaker}, ${dateLabel(quote.date, quote.datePrecision)} · ${from}`]);
	}
}

export function renderSummary(data: BriefingData): string {
	const {articles, actors, events, quotes} = data;
	return `Briefing: ${[plural(articles.length, 'article'), plural(actors.length, 'actor'), plural(events.length, 'event'), plural(quotes.length, 'quote')].join(', ')}\n`;
}

// What `extract` shows: one article's header, then everything ingest would store from it.
export function* articleText(data: BriefingData): Generator<string> {
	const sections = [
		...data.articles.map((article) => {
			const date = article.dateAssumed ? `${article.date} (assumed: the article gives no date)` : article.date;
			return [lines([article.title, `${date} · ${article.format}${article.url ? ` · ${article.url}` : ''}`])];
		}),
		[renderSummary(data)],
		actorsText(data, data.actors),
		eventsText(data, data.events),
		quotesText(data, data.quotes),
	];
	for (const [i, section] of sections.entries()) {
		if (i > 0) yield '\n';
		yield* section;
	}
}

// `ingest`'s line per file: what happened to it and what the article now holds.
// A title in a one-line report: a file whose first "sentence" runs for megabytes would otherwise
// print all of it. Cut by code points, so no surrogate pair is split.
const MAX_TITLE = 120;
function clipTitle(title: string): string {
	const start = Array.from(title.slice(0, 2 * MAX_TITLE));
	return start.length <= MAX_TITLE && title.length <= 2 * MAX_TITLE
		? title
		: `${start
				.slice(0, MAX_TITLE - 1)
				.join('')
				.trimEnd()}…`;
}

export function renderIngestOutcome(file: string, {status, article, actors, events, quotes}: IngestOutcome): string {
	const counts = [plural(actors, 'actor'), plural(events, 'event'), plural(quotes, 'quote')].join(', ');
	const date = article.dateAssumed ? `${article.date}, assumed` : article.date;
	return lines([`${status} ${file}: ${counts} · "${clipTitle(article.title)}" (${date})`]);
}
