import {type Note, type NoteTarget, type NoteTargetKind, actorTarget, eventTarget, quoteTarget} from '../store/notes.js';
import {type BriefingIndex, searchTerms, searchable} from './briefingIndex.js';
import type {PaneId} from './views.js';

// Notes as the dashboard shows them: looked up in the briefing index, newest first.

export const NOTE_MARK = '✎'; // an item with notes; a character, so it shows with NO_COLOR

export const PANE_OF: Record<NoteTargetKind, PaneId> = {actor: 'actors', event: 'feed', quote: 'quotes'};
export const KIND_OF: Record<PaneId, NoteTargetKind> = {actors: 'actor', feed: 'event', quotes: 'quote'};

export const noteKey = (kind: NoteTargetKind, id: string) => `${kind} ${id}`;

// "kind id" of every item that has a note.
export function notedKeys(notes: readonly Note[]): ReadonlySet<string> {
	return new Set(notes.map((note) => noteKey(note.target.kind, note.target.id)));
}

// The item `kind` `id` as a note target, or null when the briefing no longer has it.
export function targetIn(index: BriefingIndex, kind: NoteTargetKind, id: string): NoteTarget | null {
	if (kind === 'actor') {
		const entry = index.actorById.get(id);
		return entry ? actorTarget(entry.actor) : null;
	}
	if (kind === 'event') {
		const position = index.eventPosition.get(id);
		return position === undefined ? null : eventTarget(index.feed[position]!);
	}
	const position = index.quotePosition.get(id);
	return position === undefined ? null : quoteTarget(index.quotes[position]!);
}

const idNumber = (id: string) => Number(/^n-(\d+)$/.exec(id)?.[1] ?? 0);

// Newest first: by creation time, then by id (a later id was added later).
export function newestFirst(notes: readonly Note[]): Note[] {
	return [...notes].sort((a, b) => b.created.localeCompare(a.created) || idNumber(b.id) - idNumber(a.id));
}

// The notes on one item, newest first.
export function notesOnItem(notes: readonly Note[], kind: NoteTargetKind, id: string): Note[] {
	return newestFirst(notes.filter((note) => note.target.kind === kind && note.target.id === id));
}

// "2026-11-25 03:12" in UTC, like the ISO times in notes.json.
export const noteTime = (iso: string) => iso.slice(0, 16).replace('T', ' ');

// The first line of a note's text, for one-line lists.
export const firstLine = (text: string) => {
	const lines = text.split('\n');
	return lines.length > 1 ? `${lines[0]} …` : text;
};

// The notes the Notes view lists for its search, newest first: those where every term of the
// search occurs in the note, its id or the text of what it is on.
export function notesShown(index: BriefingIndex, notes: readonly Note[], search: string): Note[] {
	const sorted = newestFirst(notes);
	const terms = searchTerms(search);
	if (terms.length === 0) return sorted;
	return sorted.filter((note) => {
		const on = targetIn(index, note.target.kind, note.target.id)?.text ?? note.target.text;
		const text = searchable(`${note.id} ${note.text} ${on}`);
		return terms.every((term) => text.includes(term));
	});
}
