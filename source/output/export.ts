import {actorById, articleById} from '../store/queries.js';
import type {Note} from '../store/notes.js';
import type {BriefingData, StoredArticle, StoredEvent, StoredQuote} from '../store/schema.js';
import {dateLabel, headingText} from './dates.js';
import {plural} from './plural.js';
import {sanitize} from './sanitize.js';
import {articlesOf} from './sources.js';
import {jsonText} from './json.js';

// `briefing export`: the briefing, or the part of it filtered to some actors and a period, as a
// document to send: its period, the actors with their roles and counts, the timeline by date, the
// quotes with their citations, the reader's notes beside what they are on, and the articles cited.
// Made here as a plain document, then written as Markdown, HTML or JSON. Pure and deterministic:
// the same briefing and notes give the same bytes (nothing in it depends on the time of the run).

export type Citation = {title: string; outlet: string | null; byline: string | null; date: string; url: string | null};

// What names a source beside an item: its outlet, else the start of its title.
const sourceName = (source: Citation) =>
	source.outlet ?? (source.title.length <= 60 ? source.title : `${wordsOf(source.title.slice(0, 59))}…`);

// A cut text without its last, cut word (the whole text when it is one word), found from the end:
// the regular expression /\s+\S*$/ would be tried again from every space.
function wordsOf(text: string): string {
	let space = text.length - 1;
	while (space > 0 && !/\s/.test(text[space]!)) space--;
	return space <= 0 ? text : text.slice(0, space).trimEnd();
}

export type ExportFilter = {actors: string[]; since: string | null; until: string | null};

export type BriefingDocument = {
	title: string;
	period: {from: string; to: string} | null;
	filter: {actors: string[]; since: string | null; until: string | null};
	counts: {articles: number; events: number; quotes: number};
	actors: Array<{name: string; kind: string; role: string | null; events: number; quotes: number; notes: string[]}>;
	timeline: Array<{
		heading: string;
		events: Array<{id: string; text: string; actors: string[]; sources: Citation[]; notes: string[]}>;
	}>;
	quotes: Array<{
		id: string;
		text: string;
		speaker: string | null;
		role: string | null;
		date: string;
		sources: Citation[];
		notes: string[];
	}>;
	articles: Citation[];
};

// Text from articles and notes, on one line, without anything a terminal would act on.
const line = (text: string) => sanitize(text).replace(/\s+/g, ' ').trim();

const citation = (article: StoredArticle): Citation => ({
	title: line(article.title),
	outlet: article.source === null ? null : line(article.source),
	byline: article.byline === null ? null : line(article.byline),
	date: article.date,
	url: article.url,
});

// `actorIds`: the actors the filter names (null: everyone). An event is in when one of its actors
// is, a quote when its speaker is; both when their date is in the period.
export function briefingDocument(
	data: BriefingData,
	notes: readonly Note[],
	filter: ExportFilter,
	actorIds: ReadonlySet<string> | null,
): BriefingDocument {
	const inPeriod = (date: string) => (filter.since === null || date >= filter.since) && (filter.until === null || date <= filter.until);
	const events = data.events.filter((event) => inPeriod(event.date) && (!actorIds || event.actors.some((id) => actorIds.has(id))));
	const quotes = data.quotes.filter(
		(quote) => inPeriod(quote.date) && (!actorIds || (quote.speaker !== null && actorIds.has(quote.speaker))),
	);
	const actors = actorById(data);
	const articles = articleById(data);
	const notesOn = new Map<string, string[]>();
	for (const note of notes) {
		const key = `${note.target.kind} ${note.target.id}`;
		notesOn.set(key, [...(notesOn.get(key) ?? []), sanitize(note.text).trim()]);
	}
	const cited = new Set<string>();
	const sources = (item: StoredEvent | StoredQuote): Citation[] =>
		articlesOf(item).flatMap((id) => {
			const article = articles.get(id);
			if (!article) return [];
			cited.add(id);
			return [citation(article)];
		});

	const timeline: BriefingDocument['timeline'] = [];
	for (const event of events) {
		const heading = headingText(dateLabel(event.date, event.datePrecision));
		if (timeline.at(-1)?.heading !== heading) timeline.push({heading, events: []});
		timeline.at(-1)!.events.push({
			id: event.id,
			text: line(event.text),
			actors: event.actors.flatMap((id) => (actors.has(id) ? [line(actors.get(id)!.name)] : [])),
			sources: sources(event),
			notes: notesOn.get(`event ${event.id}`) ?? [],
		});
	}
	const quoteItems = quotes.map((quote) => {
		const speaker = quote.speaker === null ? undefined : actors.get(quote.speaker);
		return {
			id: quote.id,
			text: line(quote.text),
			speaker: speaker ? line(speaker.name) : null,
			role: speaker?.role ? line(speaker.role) : null,
			date: dateLabel(quote.date, quote.datePrecision),
			sources: sources(quote),
			notes: notesOn.get(`quote ${quote.id}`) ?? [],
		};
	});

	// The actors of what is in, with their counts in it: by events, then quotes, then name.
	const counts = new Map<string, {events: number; quotes: number}>();
	const count = (id: string) => counts.get(id) ?? counts.set(id, {events: 0, quotes: 0}).get(id)!;
	for (const event of events) for (const id of new Set(event.actors)) count(id).events++;
	for (const quote of quotes) if (quote.speaker !== null) count(quote.speaker).quotes++;
	const actorItems = [...counts]
		.flatMap(([id, n]) => {
			const actor = actors.get(id);
			return actor
				? [
						{
							name: line(actor.name),
							kind: actor.kind,
							role: actor.role ? line(actor.role) : null,
							...n,
							notes: notesOn.get(`actor ${id}`) ?? [],
						},
					]
				: [];
		})
		.sort((a, b) => b.events - a.events || b.quotes - a.quotes || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));

	const dates = [...events.map((event) => event.date), ...quotes.map((quote) => quote.date)].sort();
	const names = filter.actors.map(line);
	return {
		title: names.length ? `Briefing: ${names.join(', ')}` : 'Briefing',
		period: dates.length ? {from: filter.since ?? dates[0]!, to: filter.until ?? dates.at(-1)!} : null,
		filter: {actors: names, since: filter.since, until: filter.until},
		counts: {articles: cited.size, events: events.length, quotes: quotes.length},
		actors: actorItems,
		timeline,
		quotes: quoteItems,
		articles: data.articles.filter((article) => cited.has(article.id)).map(citation),
	};
}

const summary = (doc: BriefingDocument) =>
	[
		doc.period ? (doc.period.from === doc.period.to ? doc.period.from : `${doc.period.from} to ${doc.period.to}`) : 'no dated items',
		plural(doc.counts.articles, 'article'),
		plural(doc.counts.events, 'event'),
		plural(doc.counts.quotes, 'quote'),
	].join(' · ');

const filterText = (doc: BriefingDocument) =>
	[
		...(doc.filter.actors.length ? [`actors ${doc.filter.actors.join(', ')}`] : []),
		...(doc.filter.since ? [`from ${doc.filter.since}`] : []),
		...(doc.filter.until ? [`until ${doc.filter.until}`] : []),
	].join(' · ');

// --- Markdown ---------------------------------------------------------------------------------

// Text as Markdown that shows it as it is on GitHub and in pandoc: every character that could
// start markup is escaped with a backslash (CommonMark and pandoc both take an escaped ASCII
// punctuation character as itself), what would open a block at the start of a line, and what
// GitHub would make a link of by itself ("https://…", "www.…").
export function markdownText(text: string): string {
	return line(text)
		.replace(/[\\`*_{}[\]<>|~^$@&!#]/g, '\\$&')
		.replace(/\b(https?|ftp):/gi, '$1\\:')
		.replace(/\b(www)\./gi, '$1\\.')
		.replace(/^([-+=])/, '\\$1')
		.replace(/^(\d+)([.)])/, '$1\\$2');
}

// A url as a link only when it is one: http(s), nothing in it that would end the link.
const safeUrl = (url: string | null) => (url !== null && /^https?:\/\/[^\s<>"'`\\]+$/.test(url) ? url : null);

function markdownCitation(source: Citation): string {
	const url = safeUrl(source.url);
	return [markdownText(sourceName(source)), source.date, ...(url ? [`<${url}>`] : [])].join(', ');
}

const markdownNotes = (notes: string[], indent: string) => notes.map((note) => `${indent}- **Note:** ${markdownText(note)}`);

export function exportMarkdown(doc: BriefingDocument): string {
	const out: string[] = [`# ${markdownText(doc.title)}`, '', summary(doc)];
	const filter = filterText(doc);
	if (filter) out.push('', `Filtered to ${markdownText(filter)}.`);
	out.push('', '## Actors', '');
	if (doc.actors.length === 0) out.push('None.');
	else {
		out.push('| Actor | Kind | Role | Events | Quotes |', '| --- | --- | --- | ---: | ---: |');
		for (const actor of doc.actors)
			out.push(
				`| ${markdownText(actor.name)} | ${actor.kind} | ${actor.role ? markdownText(actor.role) : ''} | ${actor.events} | ${actor.quotes} |`,
			);
		const noted = doc.actors.filter((actor) => actor.notes.length);
		if (noted.length) {
			out.push('', 'Notes on actors:', '');
			for (const actor of noted) for (const note of actor.notes) out.push(`- **${markdownText(actor.name)}:** ${markdownText(note)}`);
		}
	}
	out.push('', '## Timeline');
	if (doc.timeline.length === 0) out.push('', 'No events.');
	for (const day of doc.timeline) {
		out.push('', `### ${markdownText(day.heading)}`, '');
		for (const event of day.events) {
			const who = event.actors.length ? `*${event.actors.map(markdownText).join(', ')}* · ` : '';
			out.push(
				`- ${markdownText(event.text)}  `,
				`  ${who}${event.sources.map(markdownCitation).join('; ')}`,
				...markdownNotes(event.notes, '  '),
			);
		}
	}
	out.push('', '## Quotes');
	if (doc.quotes.length === 0) out.push('', 'No quotes.');
	for (const quote of doc.quotes) {
		const speaker = quote.speaker
			? `**${markdownText(quote.speaker)}**${quote.role ? `, ${markdownText(quote.role)}` : ''}`
			: 'unattributed';
		out.push(
			'',
			`> “${markdownText(quote.text)}”`,
			'>',
			`> — ${speaker}, ${quote.date} · ${quote.sources.map(markdownCitation).join('; ')}`,
		);
		for (const note of quote.notes) out.push('>', `> **Note:** ${markdownText(note)}`);
	}
	out.push('', '## Sources', '');
	if (doc.articles.length === 0) out.push('None.');
	doc.articles.forEach((article, i) => {
		const url = safeUrl(article.url);
		const parts = [
			`*${markdownText(article.title)}*`,
			...(article.outlet ? [markdownText(article.outlet)] : []),
			...(article.byline ? [`by ${markdownText(article.byline)}`] : []),
			article.date,
			...(url ? [`<${url}>`] : []),
		];
		out.push(`${i + 1}. ${parts.join(', ')}`);
	});
	return `${out.join('\n')}\n`;
}

// --- HTML -------------------------------------------------------------------------------------

export const escapeHtml = (text: string) =>
	line(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

const STYLE = `body{font:16px/1.5 Georgia,"Times New Roman",serif;color:#111;max-width:46rem;margin:2rem auto;padding:0 1rem}
h1{font-size:1.8rem;margin-bottom:.2rem}h2{border-bottom:1px solid #ccc;margin-top:2rem}h3{font-size:1.05rem;margin-bottom:.3rem}
.summary,.filter,.sources,.cite{color:#555;font-size:.9rem}table{border-collapse:collapse;width:100%}
th,td{border-bottom:1px solid #ddd;padding:.25rem .5rem;text-align:left}td.n,th.n{text-align:right}
ul.events{padding-left:1.2rem}ul.events li{margin-bottom:.6rem}blockquote{margin:1rem 0;padding-left:1rem;border-left:3px solid #999}
.note{background:#fff7d6;border-left:3px solid #e0b400;padding:.2rem .5rem;margin:.3rem 0;font-size:.9rem}a{color:#0645ad}
@media print{body{margin:0;max-width:none;font-size:11pt}h2{break-after:avoid}li,blockquote,tr{break-inside:avoid}
a{color:inherit;text-decoration:none}a[href]::after{content:" (" attr(href) ")";font-size:.8em;color:#555}.note{background:none;border-left:2px solid #000}}`;

function htmlCitation(source: Citation): string {
	const url = safeUrl(source.url);
	const name = escapeHtml(sourceName(source));
	return `${url ? `<a href="${escapeHtml(url)}">${name}</a>` : name}, ${source.date}`;
}

const htmlNotes = (notes: string[]) => notes.map((note) => `<div class="note"><strong>Note:</strong> ${escapeHtml(note)}</div>`).join('');

export function exportHtml(doc: BriefingDocument): string {
	const out: string[] = [
		'<!DOCTYPE html>',
		'<html lang="en">',
		'<head>',
		'<meta charset="utf-8">',
		'<meta name="viewport" content="width=device-width, initial-scale=1">',
		`<title>${escapeHtml(doc.title)}</title>`,
		`<style>\n${STYLE}\n</style>`,
		'</head>',
		'<body>',
		`<h1>${escapeHtml(doc.title)}</h1>`,
		`<p class="summary">${escapeHtml(summary(doc))}</p>`,
	];
	const filter = filterText(doc);
	if (filter) out.push(`<p class="filter">Filtered to ${escapeHtml(filter)}.</p>`);
	out.push('<h2>Actors</h2>');
	if (doc.actors.length === 0) out.push('<p>None.</p>');
	else {
		out.push(
			'<table>',
			'<thead><tr><th>Actor</th><th>Kind</th><th>Role</th><th class="n">Events</th><th class="n">Quotes</th></tr></thead>',
			'<tbody>',
		);
		for (const actor of doc.actors)
			out.push(
				`<tr><td>${escapeHtml(actor.name)}${htmlNotes(actor.notes)}</td><td>${actor.kind}</td><td>${escapeHtml(actor.role ?? '')}</td><td class="n">${actor.events}</td><td class="n">${actor.quotes}</td></tr>`,
			);
		out.push('</tbody>', '</table>');
	}
	out.push('<h2>Timeline</h2>');
	if (doc.timeline.length === 0) out.push('<p>No events.</p>');
	for (const day of doc.timeline) {
		out.push(`<h3>${escapeHtml(day.heading)}</h3>`, '<ul class="events">');
		for (const event of day.events) {
			const who = event.actors.length ? `<em>${event.actors.map(escapeHtml).join(', ')}</em> · ` : '';
			out.push(
				`<li>${escapeHtml(event.text)}<br><span class="cite">${who}${event.sources.map(htmlCitation).join('; ')}</span>${htmlNotes(event.notes)}</li>`,
			);
		}
		out.push('</ul>');
	}
	out.push('<h2>Quotes</h2>');
	if (doc.quotes.length === 0) out.push('<p>No quotes.</p>');
	for (const quote of doc.quotes) {
		const speaker = quote.speaker
			? `<strong>${escapeHtml(quote.speaker)}</strong>${quote.role ? `, ${escapeHtml(quote.role)}` : ''}`
			: 'unattributed';
		out.push(
			`<blockquote><p>“${escapeHtml(quote.text)}”</p><p class="cite">— ${speaker}, ${quote.date} · ${quote.sources.map(htmlCitation).join('; ')}</p>${htmlNotes(quote.notes)}</blockquote>`,
		);
	}
	out.push('<h2>Sources</h2>');
	if (doc.articles.length === 0) out.push('<p>None.</p>');
	else {
		out.push('<ol class="sources">');
		for (const article of doc.articles) {
			const url = safeUrl(article.url);
			const title = url ? `<a href="${escapeHtml(url)}">${escapeHtml(article.title)}</a>` : escapeHtml(article.title);
			const rest = [
				...(article.outlet ? [escapeHtml(article.outlet)] : []),
				...(article.byline ? [`by ${escapeHtml(article.byline)}`] : []),
				article.date,
			];
			out.push(`<li><cite>${title}</cite>, ${rest.join(', ')}</li>`);
		}
		out.push('</ol>');
	}
	out.push('</body>', '</html>');
	return `${out.join('\n')}\n`;
}

export const EXPORT_FORMATS = ['md', 'html', 'json'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

// The format a file's name asks for: .html (.htm), .json, else Markdown.
export const formatFor = (file: string): ExportFormat => (/\.html?$/i.test(file) ? 'html' : /\.json$/i.test(file) ? 'json' : 'md');

// The document as the bytes `briefing export` and the dashboard's x write.
export const exportText = (doc: BriefingDocument, format: ExportFormat) =>
	format === 'html' ? exportHtml(doc) : format === 'json' ? jsonText(doc) : exportMarkdown(doc);

// "3 events, 1 quote": what a written export holds, for the line that says where it went.
export const exportCounts = (doc: BriefingDocument) => `${plural(doc.counts.events, 'event')}, ${plural(doc.counts.quotes, 'quote')}`;
