import {dateLabel, headingText} from '../../output/dates.js';
import type {BodyReader} from '../../store/bodies.js';
import type {StoredArticle, StoredEvent, StoredQuote} from '../../store/schema.js';
import type {BriefingIndex} from '../briefingIndex.js';
import {type Line, type Segment, type Style, fitLine, wrap} from '../text.js';
import {ACCENT_COLOR, KIND_COLOR, KIND_MARK} from '../theme.js';
import type {Note} from '../../store/notes.js';
import {noteDetailLines} from './notes.js';
import {sourceLine} from '../../output/sources.js';

// The detail view of one event or quote: everything the briefing knows about it, as lines for a
// given width. The view scrolls these lines.

export type DetailTarget = {pane: 'feed' | 'quotes'; id: string};

const LABEL = 10;
const CONTEXT = 3000; // characters of the paragraph shown on each side of the sentence, at most // the column of "Date", "Actors", … on the left

type Item = {kind: 'event'; item: StoredEvent} | {kind: 'quote'; item: StoredQuote};

function find(index: BriefingIndex, target: DetailTarget): Item | null {
	if (target.pane === 'feed') {
		const position = index.eventPosition.get(target.id);
		return position === undefined ? null : {kind: 'event', item: index.feed[position]!};
	}
	const position = index.quotePosition.get(target.id);
	return position === undefined ? null : {kind: 'quote', item: index.quotes[position]!};
}

// Why the item sits on its date: the words it came from (dateText) and how they were resolved
// (dateSource).
export function dateExplanation(item: StoredEvent | StoredQuote, article: StoredArticle | undefined): string {
	const articleDate = article ? `${article.date}${article.dateAssumed ? ' (assumed: the article gives no date)' : ''}` : 'unknown';
	const words = item.dateText ? `“${item.dateText}”` : null;
	switch (item.dateSource) {
		case 'explicit':
			return `stated in the sentence${words ? `: ${words}` : ''}`;
		case 'relative':
			return `${words ?? 'a relative date'}, counted from the article's date, ${articleDate}`;
		case 'context':
			return `carried from the dated account the sentence continues${words ? ` (${words})` : ''}`;
		case 'article':
			return `the article's date, ${articleDate}: the sentence gives none`;
	}
}

// The paragraph of the body around [start, end): paragraphs are separated by blank lines.
export function paragraphAround(body: string, start: number, end: number): {start: number; end: number} {
	const separator = /\n[^\S\n]*\n/g;
	let from = 0;
	for (let match = separator.exec(body); match; match = separator.exec(body)) {
		if (match.index >= start) return {start: from, end: Math.max(match.index, end)};
		from = match.index + match[0].length;
	}
	return {start: from, end: body.length};
}

// The paragraph with the item's sentence marked; when the stored offsets do not point at the
// sentence (an article edited by hand), the sentence is looked for in the body, else the
// paragraph is left out.
function paragraph(item: StoredEvent | StoredQuote, body: string | null, color: boolean): Line | null {
	if (body === null) return null;
	let {start, end} = item;
	const fits = (s: number, e: number) => s >= 0 && e <= body.length && s < e && body.slice(s, e).includes(item.text.slice(0, 20));
	if (!fits(start, end)) {
		start = body.indexOf(item.text);
		end = start + item.text.length;
		if (start < 0) return null;
	}
	const around = paragraphAround(body, start, end);
	// A "paragraph" can be a whole file without blank lines: show a few thousand characters around.
	const clipped = {start: Math.max(around.start, start - CONTEXT), end: Math.min(around.end, end + CONTEXT)};
	const before = `${clipped.start > around.start ? '…' : ''}${body.slice(clipped.start, start)}`;
	const after = `${body.slice(end, clipped.end)}${clipped.end < around.end ? '…' : ''}`;
	const mark: Style = {bold: true, underline: true, color: ACCENT_COLOR};
	return [
		{text: before, dim: true},
		...(color ? [] : [{text: '»', bold: true}]),
		{text: body.slice(start, end), ...mark},
		...(color ? [] : [{text: '«', bold: true}]),
		{text: after, dim: true},
	];
}

// "Label     value" with the value wrapped under itself.
function field(label: string, value: Line, width: number): Line[] {
	const lines = wrap(value, Math.max(1, width - LABEL));
	return lines.map((line, i) => fitLine([{text: (i === 0 ? label : '').padEnd(LABEL), bold: true}, ...line], width));
}

function actorLine(index: BriefingIndex, id: string): Line {
	const entry = index.actorById.get(id);
	if (!entry) return [{text: id, dim: true}];
	const {actor} = entry;
	return [
		{text: `${KIND_MARK[actor.kind]} `, color: KIND_COLOR[actor.kind]},
		{text: actor.name, bold: true},
		...(actor.role ? [{text: `, ${actor.role}`}] : []),
	];
}

// `bodyOf` reads an article's text (kept in its own file); `notes`: the notes on the item, shown
// with their ids and times after the paragraph.
export function detailLines(
	index: BriefingIndex,
	bodyOf: BodyReader,
	target: DetailTarget,
	width: number,
	color: boolean,
	notes: readonly Note[] = [],
): Line[] {
	const found = find(index, target);
	if (!found) return [[{text: 'This item is no longer in the briefing.', dim: true}]];
	const {item} = found;
	const article = index.articleById.get(item.article);
	const blank: Line = [];
	const text = found.kind === 'event' ? item.text : `“${item.text}”`;
	const lines: Line[] = [
		...wrap([{text, bold: true}], width),
		blank,
		...field(
			'Date',
			[{text: headingText(dateLabel(item.date, item.datePrecision)), bold: true}, {text: ` — ${dateExplanation(item, article)}`}],
			width,
		),
	];
	if (found.kind === 'event') {
		const actors = found.item.actors;
		if (actors.length === 0) lines.push(...field('Actors', [{text: 'none', dim: true}], width));
		actors.forEach((id, i) => lines.push(...field(i === 0 ? 'Actors' : '', actorLine(index, id), width)));
	} else {
		const speaker = found.item.speaker;
		lines.push(...field('Speaker', speaker === null ? [{text: 'unattributed', dim: true}] : actorLine(index, speaker), width));
	}
	if (article) {
		const meta: Segment[] = [
			{
				text: [
					article.source ?? 'no source',
					`${article.date}${article.dateAssumed ? ' (assumed)' : ''}`,
					article.url ?? article.path ?? '',
				]
					.filter(Boolean)
					.join(' · '),
				dim: true,
			},
		];
		lines.push(...field('Article', [{text: article.title}], width), ...field('', meta, width));
	}
	// Every article that tells it: its outlet, date and url.
	if (item.sources && item.sources.length > 1) {
		item.sources.forEach((source, i) => {
			const told = index.articleById.get(source.article);
			lines.push(...field(i === 0 ? 'Sources' : '', [{text: `${i + 1}. `, bold: true}, {text: sourceLine(told, source.article)}], width));
		});
	}
	const para = paragraph(item, article ? bodyOf(article) : null, color);
	lines.push(...field('Id', [{text: `${found.kind} ${item.id}`, dim: true}], width));
	if (para) lines.push(blank, fitLine([{text: `Paragraph ${item.paragraph + 1}`, bold: true}], width), ...wrap(para, width, true));
	lines.push(...noteDetailLines(notes, width));
	return lines;
}
