import {makeBriefingDir} from './dir.js';
import {join} from 'node:path';
import type {Low} from 'lowdb';
import {backupFile} from './backup.js';
import {durableLow, removeTempFiles} from './durable.js';
import {StoreError, describeFsError} from './errors.js';
import {describeJsonError, findObjects} from './jsontext.js';
import {withLock} from './lock.js';
import {NOTES_MIGRATIONS, fileVersion, migrate} from './migrations.js';
import type {BriefingData, StoredActor, StoredEvent, StoredQuote} from './schema.js';
import {actorById, eventById, quoteById} from './queries.js';

// The user's notes on events, quotes and actors. They are the one thing in a briefing that cannot
// be derived again, so they live in their own file, notes.json next to briefing.json, written
// durably (see durable.ts) under their own lock, and never rewritten when they cannot be read.
// Ingest never touches them: a note whose target is gone stays, "detached", with a copy of the
// target's text.
//
// Everything here either is pure or re-reads notes.json: the functions that change notes take
// the lock, re-read the file, apply one change and write it, so two processes (two dashboards,
// a dashboard and `briefing note add`) never lose each other's notes. They resolve once the
// change is on the disk, with every note as it now stands there.

export const NOTES_FILE = 'notes.json';
export const NOTES_LOCK_FILE = 'notes.lock';

// Bump when the shape of notes.json changes; a newer file is read (as far as it can be) but not written.
export const NOTES_SCHEMA_VERSION = 1;

// A note is a few lines; this only stops a stray pipe (`cat big.log | briefing note add ... -`).
export const MAX_NOTE_LENGTH = 20_000;

export type NoteTargetKind = 'event' | 'quote' | 'actor';

export const NOTE_TARGET_KINDS: readonly NoteTargetKind[] = ['event', 'quote', 'actor'];

export type NoteTarget = {
	kind: NoteTargetKind;
	id: string; // the event's, quote's or actor's id
	text: string; // a copy of the event's or quote's text or the actor's name, for when it is gone
};

export type Note = {
	id: string; // n-1, n-2, … never reused
	target: NoteTarget;
	text: string;
	created: string; // ISO time
	updated: string; // ISO time; equal to created until the note is edited
};

export type NotesData = {
	schemaVersion: number;
	nextId: number; // the number of the next note's id
	notes: Note[]; // in the order they were added
};

// notes.json as it was found. When `problem` is set the file cannot be written (it is not valid
// JSON, not notes, from a newer briefing, or unreadable); `notes` then holds what could still be
// read of it, and every change is refused with a NotesFileError.
export type NotesState = {
	file: string;
	notes: Note[];
	problem: string | null; // one line naming the file, e.g. "/x/notes.json: is not valid JSON (…)"
};

// What a change resolves with, once it is on the disk.
export type NoteSaved = {
	note: Note; // the note added, edited or removed
	notes: Note[]; // every note now in notes.json, including other processes' ones
	file: string;
	savedAt: string; // ISO time
};

// A note as listed: whether its target is still in the briefing, and the target's text (the
// current one, or the copy kept in the note when it is detached).
export type ListedNote = Note & {detached: boolean; targetText: string};

// notes.json cannot be used (see NotesState.problem); nothing was written.
// `readable` holds what can still be read of the file.
export class NotesFileError extends StoreError {
	override name = 'NotesFileError';
	constructor(
		message: string,
		readonly readable: Note[] = [],
	) {
		super(message);
	}
}

// A change that makes no sense: empty text, an unknown note id. Nothing was written.
export class NoteError extends Error {
	override name = 'NoteError';
}

export const notesFile = (dir: string) => join(dir, NOTES_FILE);

export const emptyNotes = (): NotesData => ({schemaVersion: NOTES_SCHEMA_VERSION, nextId: 1, notes: []});

export const serializeNotes = (data: NotesData) => `${JSON.stringify(data, null, 2)}\n`;

// The sentence a refused change ends with, and the one a reading command warns with.
export const notesWriteRefusal = (problem: string) => `${problem}; it was left as it is and no note was changed (briefing doctor explains)`;
export const notesReadWarning = (problem: string) =>
	`warning: ${problem}; notes are read-only until it is fixed (briefing doctor explains)`;

// --- validation ---------------------------------------------------------------------------------

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

const isTime = (value: unknown) => typeof value === 'string' && !Number.isNaN(Date.parse(value));

function noteProblem(value: unknown): string | null {
	if (!isRecord(value)) return 'is not an object';
	if (typeof value['id'] !== 'string' || !value['id']) return 'has no id';
	const target = value['target'];
	if (!isRecord(target)) return 'has no target';
	if (!NOTE_TARGET_KINDS.includes(target['kind'] as NoteTargetKind)) return 'has a target that is not an event, quote or actor';
	if (typeof target['id'] !== 'string' || typeof target['text'] !== 'string') return 'has no target id or text';
	if (typeof value['text'] !== 'string') return 'has no text';
	if (!isTime(value['created']) || !isTime(value['updated'])) return 'has no created or updated time';
	return null;
}

// The values that have the shape of a Note, each id once.
function wholeNotes(values: unknown[]): Note[] {
	const seen = new Set<string>();
	return values.filter((note): note is Note => {
		if (noteProblem(note) !== null || seen.has((note as Note).id)) return false;
		seen.add((note as Note).id);
		return true;
	});
}

// The notes of parsed JSON that have the shape of a Note, each id once: what can be shown of a
// file that is refused as a whole.
function readableNotes(data: unknown): Note[] {
	if (!isRecord(data) || !Array.isArray(data['notes'])) return [];
	return wholeNotes(data['notes']);
}

// The whole notes in text that is not JSON (cut short, say): every object that starts with a
// note id and parses, each id once. Notes are written with their id first.
export function notesInText(text: string): Note[] {
	return wholeNotes(findObjects(text, /\{\s*"id"\s*:\s*"n-\d/g).map((found) => found.value));
}

// What is wrong with parsed notes.json of the current version, or null when it is NotesData this
// briefing can write.
export function notesProblem(data: unknown): string | null {
	if (!isRecord(data)) return 'is not a notes file (expected a JSON object)';
	const version = data['schemaVersion'];
	if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
		return 'is not a notes file (schemaVersion is missing or not a positive whole number)';
	}
	if (version > NOTES_SCHEMA_VERSION) return newerNotes(version);
	const nextId = data['nextId'];
	if (typeof nextId !== 'number' || !Number.isInteger(nextId) || nextId < 1)
		return 'is not a notes file (nextId is missing or not a positive whole number)';
	const notes = data['notes'];
	if (!Array.isArray(notes)) return 'is not a notes file ("notes" is not a list)';
	const seen = new Set<string>();
	for (const [index, note] of notes.entries()) {
		const problem = noteProblem(note);
		if (problem) return `is not a notes file (notes[${index}] ${problem})`;
		const id = (note as Note).id;
		if (seen.has(id)) return `is not a notes file (two notes have the id ${id})`;
		seen.add(id);
	}
	return null;
}

const newerNotes = (version: number) =>
	`was written by a newer briefing (notes schema ${version}, this one reads ${NOTES_SCHEMA_VERSION}); upgrade briefing`;

export type NotesCheck =
	| {data: NotesData; from: number; problem: null} // `from` < NOTES_SCHEMA_VERSION: migrated, in memory only
	| {data: null; problem: string; newer: boolean; readable: Note[]};

// Parsed notes.json as this briefing reads it: an older layout migrated (in memory), a newer one
// or one of the wrong shape refused, with the notes that can still be read of it.
export function checkNotesData(parsed: unknown): NotesCheck {
	const refused = (problem: string, newer = false) => ({data: null, problem, newer, readable: readableNotes(parsed)});
	if (!isRecord(parsed)) return refused('is not a notes file (expected a JSON object)');
	const version = fileVersion(parsed);
	if (version === null) return refused('is not a notes file (schemaVersion is not a whole number from 0 up)');
	if (version > NOTES_SCHEMA_VERSION) return refused(newerNotes(version), true);
	const migrated = migrate(parsed, NOTES_MIGRATIONS, NOTES_SCHEMA_VERSION);
	if (!migrated) return refused(`is notes schema ${version}, which this briefing cannot read`);
	const problem = notesProblem(migrated.data);
	if (problem) return refused(version < NOTES_SCHEMA_VERSION ? `${problem} (it is notes schema ${version})` : problem);
	return {data: migrated.data as NotesData, from: version, problem: null};
}

export type ParsedNotes = {data: NotesData; from: number};

// Parses notes.json, migrating an older layout in memory. Throws NotesFileError, carrying what can
// still be read, when it is refused; for text that is not JSON, the message says where it stops
// being JSON.
export function parseNotesText(text: string, file: string): ParsedNotes {
	let parsed: unknown;
	try {
		parsed = JSON.parse(text);
	} catch (error) {
		throw new NotesFileError(`${file}: is not valid JSON: ${describeJsonError(text, (error as Error).message)}`, notesInText(text));
	}
	const checked = checkNotesData(parsed);
	if (checked.problem !== null) throw new NotesFileError(`${file}: ${checked.problem}`, checked.readable);
	return {data: checked.data, from: checked.from};
}

export function parseNotes(text: string, file: string): NotesData {
	return parseNotesText(text, file).data;
}

// --- reading and writing ------------------------------------------------------------------------

function open(dir: string): Low<ParsedNotes | null> {
	const file = notesFile(dir);
	return durableLow(
		file,
		(text) => parseNotesText(text, file),
		(parsed) => serializeNotes(parsed.data),
	);
}

// Every note in notes.json. Never throws: a file that cannot be used is reported in `problem`.
export async function loadNotes(dir: string): Promise<NotesState> {
	const file = notesFile(dir);
	const db = open(dir);
	try {
		await db.read();
	} catch (error) {
		if (error instanceof NotesFileError) return {file, notes: error.readable, problem: error.message};
		return {file, notes: [], problem: `${file}: ${describeFsError(error)}`};
	}
	return {file, notes: db.data?.data.notes ?? [], problem: null};
}

// Under the notes lock: re-reads notes.json, applies `change` and writes the result durably.
async function changeNotes(
	dir: string,
	change: (data: NotesData, now: string) => {data: NotesData; note: Note},
	now: Date,
): Promise<NoteSaved> {
	const file = notesFile(dir);
	makeBriefingDir(dir);
	return withLock(
		dir,
		async () => {
			const db = open(dir);
			try {
				await db.read();
			} catch (error) {
				if (error instanceof NotesFileError) throw new NotesFileError(notesWriteRefusal(error.message));
				throw new StoreError(`${file}: ${describeFsError(error)}`);
			}
			const before = db.data?.data ?? emptyNotes();
			const from = db.data?.from ?? NOTES_SCHEMA_VERSION;
			const savedAt = now.toISOString();
			const result = change(before, savedAt);
			db.data = {data: result.data, from: NOTES_SCHEMA_VERSION};
			try {
				await removeTempFiles(file);
				// An older layout is kept as it was before it is written in the current one.
				if (from < NOTES_SCHEMA_VERSION) await backupFile(file);
				await db.write();
			} catch (error) {
				throw new StoreError(`${file}: ${describeFsError(error)}; the notes were not changed`);
			}
			return {note: result.note, notes: result.data.notes, file, savedAt};
		},
		NOTES_LOCK_FILE,
	);
}

// Trimmed note text, or a NoteError when there is none or too much.
export function checkNoteText(text: string): string {
	const trimmed = text.trim();
	if (!trimmed) throw new NoteError('the note is empty');
	if (trimmed.length > MAX_NOTE_LENGTH)
		throw new NoteError(`the note is ${trimmed.length} characters long; notes are limited to ${MAX_NOTE_LENGTH}`);
	return trimmed;
}

export const idNumber = (id: string) => (/^n-(\d+)$/.exec(id) ? Number(id.slice(2)) : 0);

// A loop, not Math.max(...notes): a spread of a few hundred thousand arguments overflows the stack.
export function nextNumber(from: number, notes: readonly Note[]): number {
	let next = from;
	for (const note of notes) next = Math.max(next, idNumber(note.id) + 1);
	return next;
}

function findNote(data: NotesData, id: string): Note {
	const note = data.notes.find((candidate) => candidate.id === id);
	if (!note) throw new NoteError(`there is no note ${id} (briefing notes lists them)`);
	return note;
}

// Adds a note on `target` (make it with eventTarget, quoteTarget, actorTarget or resolveTarget).
export async function addNote(dir: string, target: NoteTarget, text: string, now = new Date()): Promise<NoteSaved> {
	const clean = checkNoteText(text);
	return changeNotes(
		dir,
		(data, time) => {
			const number = nextNumber(data.nextId, data.notes);
			const note: Note = {
				id: `n-${number}`,
				target: {kind: target.kind, id: target.id, text: target.text},
				text: clean,
				created: time,
				updated: time,
			};
			return {data: {...data, nextId: number + 1, notes: [...data.notes, note]}, note};
		},
		now,
	);
}

// Replaces a note's text. A note that another process removed meanwhile is a NoteError.
export async function editNote(dir: string, id: string, text: string, now = new Date()): Promise<NoteSaved> {
	const clean = checkNoteText(text);
	return changeNotes(
		dir,
		(data, time) => {
			const old = findNote(data, id);
			const note = {...old, text: clean, updated: time};
			return {data: {...data, notes: data.notes.map((n) => (n === old ? note : n))}, note};
		},
		now,
	);
}

// Removes a note; resolves with the removed note. Its id is never given to another note.
export async function removeNote(dir: string, id: string, now = new Date()): Promise<NoteSaved> {
	return changeNotes(
		dir,
		(data) => {
			const note = findNote(data, id);
			return {data: {...data, nextId: nextNumber(data.nextId, data.notes), notes: data.notes.filter((n) => n !== note)}, note};
		},
		now,
	);
}

// --- targets and listing (pure) -----------------------------------------------------------------

export const eventTarget = (event: StoredEvent): NoteTarget => ({kind: 'event', id: event.id, text: event.text});
export const quoteTarget = (quote: StoredQuote): NoteTarget => ({kind: 'quote', id: quote.id, text: quote.text});
export const actorTarget = (actor: StoredActor): NoteTarget => ({kind: 'actor', id: actor.id, text: actor.name});

// The target `kind` `id` in the briefing, or null when it has none.
export function resolveTarget(data: BriefingData, kind: NoteTargetKind, id: string): NoteTarget | null {
	if (kind === 'event') {
		const event = data.events.find((item) => item.id === id);
		return event ? eventTarget(event) : null;
	}
	if (kind === 'quote') {
		const quote = data.quotes.find((item) => item.id === id);
		return quote ? quoteTarget(quote) : null;
	}
	const actor = data.actors.find((item) => item.id === id);
	return actor ? actorTarget(actor) : null;
}

// The notes on one event, quote or actor, oldest first.
export function notesOn(notes: Note[], kind: NoteTargetKind, id: string): Note[] {
	return notes.filter((note) => note.target.kind === kind && note.target.id === id);
}

// Notes with their targets looked up in the briefing, oldest first. With `actorIds`, only the
// notes on those actors, on events they take part in and on quotes they said. The targets are
// looked up in maps built once, not by a scan of the briefing per note.
export function listNotes(notes: Note[], data: BriefingData, options: {actorIds?: Set<string>} = {}): ListedNote[] {
	const events = eventById(data);
	const quotes = quoteById(data);
	const actors = actorById(data);
	const current = (kind: NoteTargetKind, id: string): NoteTarget | null => {
		if (kind === 'event') {
			const event = events.get(id);
			return event ? eventTarget(event) : null;
		}
		if (kind === 'quote') {
			const quote = quotes.get(id);
			return quote ? quoteTarget(quote) : null;
		}
		const actor = actors.get(id);
		return actor ? actorTarget(actor) : null;
	};
	const listed = notes.map((note): ListedNote => {
		const target = current(note.target.kind, note.target.id);
		return {...note, detached: target === null, targetText: target?.text ?? note.target.text};
	});
	const {actorIds} = options;
	if (!actorIds) return listed;
	return listed.filter(({target}) => {
		if (target.kind === 'actor') return actorIds.has(target.id);
		if (target.kind === 'event') return events.get(target.id)?.actors.some((id) => actorIds.has(id)) ?? false;
		const speaker = quotes.get(target.id)?.speaker;
		return speaker != null && actorIds.has(speaker);
	});
}
