import {actorById, articleById, countsByActor} from '../store/queries.js';
import type {IngestOutcome} from '../store/merge.js';
import type {BriefingData, StoredActor, StoredEvent, StoredQuote} from '../store/schema.js';
import type {ActorKind} from '../types.js';
import {dateLabel} from './dates.js';
import {sanitize} from './sanitize.js';

// Plain text for a terminal or a pipe. Everything returned passes through sanitize, because
// names, titles and sentences come from the articles.

export const SAMPLE_NOTICE = 'Sample briefing — ingest your own with: briefing ingest FILE...';

const KIND_HEADINGS: Array<[ActorKind, string]> = [
	['person', 'People'],
	['country', 'Countries'],
	['organization', 'Organizations'],
	['place', 'Places'],
];

const count = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;

const lines = (parts: string[]) => sanitize(`${parts.join('\n')}\n`);

export function renderActors(data: BriefingData, actors: StoredActor[]): string {
	if (actors.length === 0) return 'No actors.\n';
	const counts = countsByActor(data);
	const out: string[] = [];
	for (const [kind, heading] of KIND_HEADINGS) {
		const ofKind = actors.filter((actor) => actor.kind === kind).sort((a, b) => a.name.localeCompare(b.name));
		if (ofKind.length === 0) continue;
		if (out.length) out.push('');
		out.push(heading);
		for (const actor of ofKind) {
			const aliases = actor.aliases.filter((alias) => alias !== actor.name);
			const events = counts.events.get(actor.id) ?? 0;
			const quotes = counts.quotes.get(actor.id) ?? 0;
			const parts = [actor.role ? `${actor.name}, ${actor.role}` : actor.name];
			if (aliases.length) parts.push(`also ${aliases.join(', ')}`);
			parts.push(quotes ? `${count(events, 'event')}, ${count(quotes, 'quote')}` : count(events, 'event'));
			out.push(`  ${parts.join(' · ')}`);
		}
	}
	return lines(out);
}

// Events under date headings, in the order given (the store keeps them chronological).
export function renderEvents(data: BriefingData, events: StoredEvent[]): string {
	if (events.length === 0) return 'No events.\n';
	const actors = actorById(data);
	const articles = articleById(data);
	const out: string[] = [];
	let heading = '';
	for (const event of events) {
		const label = dateLabel(event.date, event.datePrecision);
		if (label !== heading) {
			if (out.length) out.push('');
			out.push(label);
			heading = label;
		}
		const names = event.actors.map((id) => actors.get(id)?.name ?? id);
		// With one article, repeating its title under every event says nothing.
		const title = data.articles.length > 1 ? [articles.get(event.article)?.title ?? event.article] : [];
		const source = [...names, ...title].join(' · ');
		out.push(`  - ${event.text}`, ...(source ? [`    ${source}`] : []));
	}
	return lines(out);
}

export function renderQuotes(data: BriefingData, quotes: StoredQuote[]): string {
	if (quotes.length === 0) return 'No quotes.\n';
	const actors = actorById(data);
	const articles = articleById(data);
	const out: string[] = [];
	for (const quote of quotes) {
		const speaker = quote.speaker === null ? 'unattributed' : (actors.get(quote.speaker)?.name ?? quote.speaker);
		const title = articles.get(quote.article)?.title ?? quote.article;
		if (out.length) out.push('');
		out.push(`“${quote.text}”`, `  — ${speaker}, ${dateLabel(quote.date, quote.datePrecision)} · ${title}`);
	}
	return lines(out);
}

export function renderSummary(data: BriefingData): string {
	const {articles, actors, events, quotes} = data;
	return `Briefing: ${[count(articles.length, 'article'), count(actors.length, 'actor'), count(events.length, 'event'), count(quotes.length, 'quote')].join(', ')}\n`;
}

// What `extract` shows: one article's header, then everything ingest would store from it.
export function renderArticle(data: BriefingData): string {
	const header = data.articles.map((article) => {
		const date = article.dateAssumed ? `${article.date} (assumed: the article gives no date)` : article.date;
		return lines([article.title, `${date} · ${article.format}${article.url ? ` · ${article.url}` : ''}`]);
	});
	return [
		...header,
		renderSummary(data),
		renderActors(data, data.actors),
		renderEvents(data, data.events),
		renderQuotes(data, data.quotes),
	].join('\n');
}

// `ingest`'s line per file: what happened to it and what the article now holds.
export function renderIngestOutcome(file: string, {status, article, actors, events, quotes}: IngestOutcome): string {
	const counts = [count(actors, 'actor'), count(events, 'event'), count(quotes, 'quote')].join(', ');
	const date = article.dateAssumed ? `${article.date}, assumed` : article.date;
	return lines([`${status} ${file}: ${counts} · "${article.title}" (${date})`]);
}
