import type {ActorEntry} from '../briefingIndex.js';
import {type Line, fitLine, padStart} from '../text.js';
import {KIND_COLOR, KIND_MARK} from '../theme.js';
import {NOTE_MARK} from '../notes.js';
import {CHECKED, CURSOR, CURSOR_UNFOCUSED, UNCHECKED} from './marks.js';

export type RowState = {cursor: boolean; focused: boolean; noted?: boolean}; // noted: the item has notes (✎ after the cursor mark)

// "▸ [x] P Volodymyr Zelenskyy   5": cursor, selection, kind, name, number of events. Exactly
// `width` columns; the name is cut with … when it does not fit.
export function actorRow(entry: ActorEntry, selected: boolean, row: RowState, width: number, countWidth: number): Line {
	const highlight = row.cursor && row.focused;
	const base = {inverse: highlight || undefined};
	const mark = row.cursor ? (row.focused ? CURSOR : CURSOR_UNFOCUSED) : ' ';
	const count = padStart(String(entry.events), countWidth);
	const fixed = 2 + 4 + 2 + 1 + countWidth; // "▸ " "[x] " "P " name " " count
	const name = fitLine([{text: entry.actor.name, ...base, bold: selected || undefined}], Math.max(1, width - fixed), base);
	return fitLine(
		[
			{text: `${mark}${row.noted ? NOTE_MARK : ' '}`, ...base, bold: true},
			{text: `${selected ? CHECKED : UNCHECKED} `, ...base, bold: selected || undefined, color: selected ? 'green' : undefined},
			{text: `${KIND_MARK[entry.actor.kind]} `, ...base, color: KIND_COLOR[entry.actor.kind]},
			...name,
			{text: ` ${count}`, ...base, dim: !highlight || undefined},
		],
		width,
		base,
	);
}
