import type {ListedNote} from '../store/notes.js';
import {sanitize} from './sanitize.js';

// `briefing notes`: each note under a line with its id, what it is on and when it was written,
// then the target's text and the note. A detached note (its target is no longer in the briefing)
// says so and shows the copy of the target's text it kept.

const pad = (n: number) => String(n).padStart(2, '0');

// Local time to the minute: when a note was written is for the reader, not for sorting.
export function noteTime(iso: string): string {
	const date = new Date(iso);
	return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

const indent = (text: string) => text.split('\n').map((line) => `  ${line}`.trimEnd());

export function renderNotes(notes: ListedNote[]): string {
	if (notes.length === 0) return 'No notes.\n';
	const out: string[] = [];
	for (const note of notes) {
		const when = note.updated === note.created ? noteTime(note.created) : `${noteTime(note.created)}, edited ${noteTime(note.updated)}`;
		const header = [note.id, `${note.target.kind} ${note.target.id}`, ...(note.detached ? ['detached'] : []), when];
		if (out.length) out.push('');
		out.push(header.join(' · '));
		out.push(...indent(note.detached ? `on (no longer in the briefing): ${note.targetText}` : `on: ${note.targetText}`));
		out.push(...indent(note.text));
	}
	return sanitize(`${out.join('\n')}\n`);
}

// `notes --json`: the note and its target, with the target's current text, or the kept copy when
// it is detached.
export function notesJson(notes: ListedNote[]) {
	return notes.map((note) => ({
		id: note.id,
		text: note.text,
		target: {kind: note.target.kind, id: note.target.id, text: note.targetText},
		detached: note.detached,
		created: note.created,
		updated: note.updated,
	}));
}
