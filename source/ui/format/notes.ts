import type {Note} from '../../store/notes.js';
import type {BriefingIndex} from '../briefingIndex.js';
import {NOTE_MARK, firstLine, newestFirst, noteTime, targetIn} from '../notes.js';

export const CARET = '▏'; // the note editor's cursor: a character, so it shows without colour
import type {Mode} from '../state.js';
import {type Line, fitLine, wrap} from '../text.js';
import {ACCENT_COLOR, FOCUS_COLOR} from '../theme.js';
import {CURSOR} from './marks.js';

// The Notes view, the note editor and the notes part of the detail view, as lines.

// One line a note, in the order given (newest first, those the view's search matches): "▸ n-3
// 2026-11-25 03:12  event  “target…”  ✎ the note". A note whose item is gone is marked "detached".
export function notesViewLines(index: BriefingIndex, notes: readonly Note[], cursor: number, width: number, search = ''): Line[] {
	if (notes.length === 0)
		return [[{text: search ? `No note matches /${search}.` : 'No notes yet: n on an actor, event or quote adds one.', dim: true}]];
	return notes.map((note, i) => {
		const here = i === cursor;
		const base = {inverse: here || undefined};
		const current = targetIn(index, note.target.kind, note.target.id);
		const targetText = current?.text ?? note.target.text;
		return fitLine(
			[
				{text: `${here ? CURSOR : ' '} `, ...base, bold: true},
				{text: `${note.id.padEnd(5)} `, ...base, bold: true},
				{text: `${noteTime(note.created)}  `, ...base, dim: !here || undefined},
				{text: `${note.target.kind.padEnd(5)} `, ...base, color: ACCENT_COLOR},
				...(current ? [] : [{text: '[detached] ', ...base, bold: true}]),
				{text: `“${fitLine([{text: targetText}], 36)[0]?.text ?? ''}”  `, ...base, dim: !here || undefined},
				{text: `${NOTE_MARK} ${firstLine(note.text)}`, ...base},
			],
			width,
			base,
		);
	});
}

// The editor: what the note is on, then the text with the cursor (a bar) where typing goes.
export function noteEditorLines(mode: Extract<Mode, {kind: 'note'}>, width: number): Line[] {
	const lines: Line[] = [
		...wrap(
			[
				{text: `${mode.noteId ? `Editing ${mode.noteId}` : 'New note'} on ${mode.target.kind} ${mode.target.id}: `, bold: true},
				{text: mode.target.text, dim: true},
			],
			width,
		),
		[],
	];
	const bar = {text: CARET, color: FOCUS_COLOR, bold: true};
	let offset = 0;
	for (const line of mode.text.split('\n')) {
		const at = mode.cursor - offset;
		offset += line.length + 1;
		const here = at >= 0 && at <= line.length;
		const wrapped = wrap(here ? [{text: line.slice(0, at)}, bar, {text: line.slice(at)}] : [{text: line}], Math.max(1, width - 1));
		lines.push(...(wrapped.length ? wrapped : [[]]));
	}
	return lines;
}

// The detail view's notes: each with its id and times, oldest first as written.
export function noteDetailLines(notes: readonly Note[], width: number): Line[] {
	if (notes.length === 0) return [];
	const lines: Line[] = [[], fitLine([{text: `Notes ${NOTE_MARK} ${notes.length}`, bold: true}], width)];
	for (const note of newestFirst(notes)) {
		const edited = note.updated !== note.created ? `, edited ${noteTime(note.updated)}` : '';
		lines.push(
			fitLine(
				[
					{text: note.id, bold: true},
					{text: ` · ${noteTime(note.created)} UTC${edited}`, dim: true},
				],
				width,
			),
		);
		for (const line of note.text.split('\n')) lines.push(...wrap([{text: `  ${line}`}], width));
	}
	return lines;
}
