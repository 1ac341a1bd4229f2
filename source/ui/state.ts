import type {Note, NoteTarget} from '../store/notes.js';
import type {BriefingIndex} from './briefingIndex.js';
import type {ExportMode, ExportRequest} from './exportPrompt.js';
import type {KeyPress, Scope} from './keymap.js';
import type {Cursor, PaneId, ViewQuery, Views} from './views.js';

// The dashboard's whole state: a plain value that only dispatch.ts changes, one key at a time.

// What sits above the panes. The top of the stack gets the keys; Esc closes it.
export type Mode =
	// The search prompt of a pane or of the Notes view. Esc puts back `previous` (the search kept
	// before) and the cursor at `origin`.
	| {kind: 'search'; pane: PaneId | 'notes'; origin: Cursor; previous: string}
	| {kind: 'detail'; pane: 'feed' | 'quotes'; id: string; scroll: number}
	| {kind: 'help'; scroll: number}
	| {kind: 'notes'; cursor: number; search: string} // the Notes view; cursor: the selected note of those shown, newest first
	// Writing a new note (noteId null) or editing one; cursor: where typing goes (lineEdit.ts).
	// While `saving`, the write is under way: on success the editor closes, on failure it stays with
	// the text and the error in the status line.
	| {kind: 'note'; target: NoteTarget; noteId: string | null; text: string; cursor: number; saving: boolean}
	| {kind: 'confirm'; noteId: string; text: string} // "delete note n-3? y/n"
	| ExportMode; // the file name prompt of x, and its "overwrite? y/n" (exportPrompt.ts)

// A change to notes.json the dashboard asked for; App.tsx makes it (the store is async) and puts
// "saved" or the error in the status line when it is done.
export type NoteRequest =
	{op: 'add'; target: NoteTarget; text: string} | {op: 'edit'; id: string; text: string} | {op: 'remove'; id: string};

// What the terminal is asked to do (hooks/useScreen.ts); a new object each time, as a request.
export type TerminalRequest = {op: 'redraw' | 'suspend'};

// What a key asks of the world outside the state: a note written, the note handed to $EDITOR, an
// article opened, text copied. App.tsx does it and reports in the status line.
export type Request =
	| NoteRequest
	| {op: 'external'; target: NoteTarget; noteId: string | null; text: string}
	| {op: 'open'; article: string; what: string} // the article's id; `what`: "event e-3", for the status line
	| {op: 'copy'; text: string; what: string}
	| ExportRequest;

export type UIState = {
	focus: PaneId;
	modes: Mode[];
	filter: string[]; // selected actor ids, in the order they were selected
	undo: string[][]; // the filters before each change, the last one last (z)
	search: Record<PaneId, string>; // each pane's search, kept after Enter
	cursor: Record<PaneId, Cursor>;
	quit: boolean;
	status: string | null; // the status line: "saved", an error, why a key did nothing
	request: Request | null; // the latest request (a new object each time)
	terminal: TerminalRequest | null;
	// A note key pressed before notes.json was first read, and every key after it, in order: they
	// wait for the notes (heldKeys.ts). Null when none wait.
	held: Held | null;
	// Esc dropped the keys that waited: until notes.json is read, a note key is refused, not held.
	heldDropped: boolean;
};

// The keys that wait for notes.json, the note key first; `size`: their characters (a named key
// counts one), at most HELD_MOST (heldKeys.ts); `dropped`: the characters typed past that.
export type Held = {keys: KeyPress[]; size: number; dropped: number};

// What the dispatcher needs to know besides the state: the data, its views, and the sizes on
// screen for paging (they change with the terminal, not with keys).
export type Env = {
	index: BriefingIndex;
	views: (query: ViewQuery) => Views;
	pages: Record<PaneId, number>; // rows a page-down moves in each pane
	overlay: {page: number; lines: number}; // the detail view's or help's visible rows and its length
	notes?: NotesEnv; // none: notes are off (NO_NOTES)
	// While a large briefing is read: the briefing as read so far, or when `whole`, all of it
	// (briefingLoader.ts), which can be ahead of `index` until the next render.
	latest?: (whole: boolean) => Pick<Env, 'index' | 'views'>;
};

// The notes as last read or written, why they cannot be changed (null when they can), and whether
// notes.json is yet to be read for the first time.
export type NotesEnv = {list: readonly Note[]; refusal: string | null; reading: boolean};

export const NO_NOTES: NotesEnv = {list: [], refusal: 'notes are off here', reading: false};

export const initialState = (): UIState => ({
	focus: 'actors',
	modes: [],
	filter: [],
	undo: [],
	search: {actors: '', feed: '', quotes: ''},
	cursor: {actors: {index: 0, id: null}, feed: {index: 0, id: null}, quotes: {index: 0, id: null}},
	quit: false,
	status: null,
	request: null,
	terminal: null,
	held: null,
	heldDropped: false,
});

export const topMode = (state: UIState): Mode | undefined => state.modes[state.modes.length - 1];

// The scopes of the keymap that apply, most specific first.
export function scopesFor(state: UIState): Scope[] {
	if (state.held) return ['held', 'always'];
	const top = topMode(state);
	if (!top) return [state.focus, ...(state.search[state.focus] ? (['searched'] as const) : []), 'lists', 'item', 'global', 'always'];
	if (top.kind === 'search') return ['search', 'always'];
	if (top.kind === 'note' || top.kind === 'confirm' || top.kind === 'export' || top.kind === 'overwrite') return [top.kind, 'always'];
	if (top.kind === 'detail') return ['detail', 'item', 'global', 'always'];
	return [top.kind, 'global', 'always'];
}
