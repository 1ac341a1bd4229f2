import type {BriefingIndex} from '../briefingIndex.js';
import type {StoredEvent} from '../../store/schema.js';
import {headingText} from '../../output/dates.js';
import {type Line, type Segment, fitLine, width as textWidth} from '../text.js';
import {ACCENT_COLOR, KIND_COLOR} from '../theme.js';
import type {RowState} from './actorRow.js';
import {CURSOR, CURSOR_UNFOCUSED} from './marks.js';
import {NOTE_MARK} from '../notes.js';
import {sourcesLabel} from '../../output/sources.js';

export function headingRow(label: string, width: number): Line {
	const text = `── ${headingText(label)} `;
	return fitLine(
		[
			{text, bold: true, color: ACCENT_COLOR},
			{text: '─'.repeat(Math.max(0, width - textWidth(text))), dim: true},
		],
		width,
	);
}

// The width of the actors column of feed rows.
export const actorsColumn = (width: number) => Math.max(8, Math.min(26, Math.floor((width - 2) * 0.3)));

// "▸ Zelenskyy, Yoon +2   Zelenskyy said on Tuesday that he spoke…": the event's actors (short
// names, selected ones in bold, "+n" for those that do not fit) and the start of its sentence.
export function feedRow(index: BriefingIndex, event: StoredEvent, selected: ReadonlySet<string>, row: RowState, width: number): Line {
	const highlight = row.cursor && row.focused;
	const base = {inverse: highlight || undefined};
	const column = actorsColumn(width);
	const names: Segment[] = [];
	let used = 0;
	const actors = [...event.actors].sort((a, b) => Number(selected.has(b)) - Number(selected.has(a)));
	for (let i = 0; i < actors.length; i++) {
		const entry = index.actorById.get(actors[i]!);
		if (!entry) continue;
		const text = `${names.length ? ', ' : ''}${entry.short}`;
		const rest = actors.length - i - 1;
		const reserve = rest ? textWidth(` +${rest}`) : 0;
		if (names.length && used + textWidth(text) + reserve > column) {
			names.push({text: ` +${rest + 1}`, ...base, dim: true});
			break;
		}
		names.push({text, ...base, color: KIND_COLOR[entry.actor.kind], bold: selected.has(entry.actor.id) || undefined});
		used += textWidth(text);
	}
	const mark = row.cursor ? (row.focused ? CURSOR : CURSOR_UNFOCUSED) : ' ';
	// "3 outlets": the event is told by several articles (Enter lists them).
	const told = sourcesLabel(event, index.articleById);
	return fitLine(
		[
			{text: `${mark}${row.noted ? NOTE_MARK : ' '}`, ...base, bold: true},
			...fitLine(names, column, base),
			{text: ' ', ...base},
			...(told ? [{text: `[${told}] `, ...base, color: ACCENT_COLOR}] : []),
			{text: event.text, ...base},
		],
		width,
		base,
	);
}
