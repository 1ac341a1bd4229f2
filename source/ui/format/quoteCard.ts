import {dateLabel} from '../../output/dates.js';
import type {StoredQuote} from '../../store/schema.js';
import type {BriefingIndex} from '../briefingIndex.js';
import {type Line, clampLines, fitLine, wrap} from '../text.js';
import {ACCENT_COLOR, FOCUS_COLOR, KIND_COLOR} from '../theme.js';
import {sourcesLabel} from '../../output/sources.js';
import type {RowState} from './actorRow.js';
import {CARD_BAR, CURSOR_UNFOCUSED} from './marks.js';
import {NOTE_MARK} from '../notes.js';

// A quote as a card: the quote wrapped (at most `maxLines` lines, … when cut; Enter shows it
// whole), the speaker's name and role, then the date and the article's title. The card under the
// cursor has a bar in its gutter. A blank line separates cards.
export function quoteCard(index: BriefingIndex, quote: StoredQuote, row: RowState, width: number, maxLines: number): Line[] {
	const textWidth = Math.max(1, width - 2);
	const speaker = quote.speaker === null ? undefined : index.actorById.get(quote.speaker);
	const title = index.articleById.get(quote.article)?.title ?? quote.article;
	const body = clampLines(
		wrap([{text: `“${quote.text}”`, bold: (row.cursor && row.focused) || undefined}], textWidth),
		maxLines,
		textWidth,
	);
	const who: Line = speaker
		? [
				{text: '— '},
				{text: speaker.actor.name, color: KIND_COLOR[speaker.actor.kind], bold: true},
				...(speaker.actor.role ? [{text: `, ${speaker.actor.role}`}] : []),
			]
		: [{text: '— unattributed', dim: true}];
	// The number of outlets comes before the title, which a narrow card cuts.
	const told = sourcesLabel(quote, index.articleById);
	const lines: Line[] = [
		...body,
		who,
		[
			{text: `${dateLabel(quote.date, quote.datePrecision)} · `, dim: true},
			...(told ? [{text: `${told} · `, color: ACCENT_COLOR}] : []),
			{text: title, dim: true},
		],
	];
	// The gutter: a bar down the card under the cursor in the focused pane, › on its first line in another.
	const gutter = (i: number) => (row.cursor ? (row.focused ? CARD_BAR : i === 0 ? CURSOR_UNFOCUSED : ' ') : ' ');
	const bar = (i: number) => ({
		text: `${gutter(i)}${i === 0 && row.noted ? NOTE_MARK : ' '}`,
		bold: true,
		color: row.focused && row.cursor ? FOCUS_COLOR : undefined,
	});
	return [...lines.map((line, i) => fitLine([bar(i), ...fitLine(line, textWidth)], width, {})), fitLine([], width, {})];
}

// A card's height without building it: the wrapped quote's lines plus three. The quotes pane asks
// for every card's height when its list changes (5,000 quotes when an actor filter is cleared), so
// each quote's line count is kept for the last width it was wrapped to.
const wrappedLines = new WeakMap<StoredQuote, {width: number; lines: number}>();

export function quoteCardHeight(quote: StoredQuote, width: number, maxLines: number): number {
	const textWidth = Math.max(1, width - 2);
	let kept = wrappedLines.get(quote);
	if (kept?.width !== textWidth) {
		kept = {width: textWidth, lines: wrap([{text: `“${quote.text}”`}], textWidth).length};
		wrappedLines.set(quote, kept);
	}
	return Math.min(maxLines, kept.lines) + 3;
}
