import type {Note, NoteTarget} from '../store/notes.js';
import {bestActor} from './actorMatch.js';
import type {BriefingIndex} from './briefingIndex.js';
import {eventCitation, quoteCitation} from './format/citation.js';
import {type Command, type KeyPress, commandFor, isText, splitInput} from './keymap.js';
import {cancelExport, editExport, openExport, requestExport, typeExport} from './exportPrompt.js';
import {NEED_NOTES, dropHeld, hold, holdNoteKey, waitsForNotes} from './heldKeys.js';
import * as edit from './lineEdit.js';
import {KIND_OF, PANE_OF, firstLine, notesOnItem, notesShown, targetIn} from './notes.js';
import {type Env, type Mode, NO_NOTES, type UIState, scopesFor, topMode} from './state.js';
import {PANES, type PaneId, cursorIndex, idAt, listLength} from './views.js';
import {clampScroll} from './window.js';

// The one dispatcher: every key goes through dispatchKey, which asks the keymap what the key means
// in the current mode (the top of the mode stack) and applies that command. Pure: (state, key) →
// state, so the key handling is tested without Ink, and a letter typed into a search can never
// reach a pane's command because the search scope is the only one asked.

export function dispatchKey(state: UIState, press: KeyPress, env: Env): UIState {
	// Behind a note key that waits for notes.json, every key waits too, but Esc, which drops them,
	// and those of the terminal (Ctrl-C, Ctrl-L, Ctrl-Z): the text typed after n is the note's, not
	// commands (heldKeys.ts).
	if (state.held) {
		const command = commandFor(scopesFor(state), press);
		return command ? apply(state, command, env, press.text) : hold(state, state.held, press);
	}
	// Esc and a key read together arrive as Alt and that key ("\x1b3"): unless Alt and that key mean
	// something here (Alt-b in a note), a fast Esc, then 3, is what was meant.
	if (press.meta && press.name === null && press.text !== '' && !commandFor(scopesFor(state), press)) {
		const escaped = dispatchKey(state, {name: 'escape', text: '', ctrl: false, shift: false, meta: false}, env);
		return dispatchKey(escaped, {...press, meta: false}, env);
	}
	// A paste into a note goes in whole, its line breaks as new lines (STYLE.md pitfall 9): an
	// Enter inside it does not save the note half pasted.
	const editor = topMode(state);
	if (editor?.kind === 'note' && !editor.saving && press.name === null && !press.ctrl && !press.meta && Array.from(press.text).length > 1) {
		return apply(state, 'noteType', env, press.text.replace(/\r\n?/g, '\n'));
	}
	// Several keys in one input (typed faster than read, or a paste): handle them one by one, as
	// typed, except that a run of text typed into a search or a note goes in at once.
	if (press.name === null && !press.ctrl && !press.meta && Array.from(press.text).length > 1) {
		const presses = splitInput(press.text);
		let next = state;
		for (let i = 0; i < presses.length; i++) {
			const one = presses[i]!;
			const kind = topMode(next)?.kind;
			if ((kind === 'search' || kind === 'note' || kind === 'export') && isText(one)) {
				let run = one.text;
				while (i + 1 < presses.length && isText(presses[i + 1]!)) run += presses[++i]!.text;
				next = apply(next, kind === 'search' ? 'searchType' : 'noteType', env, run);
			} else next = dispatchKey(next, one, env);
		}
		return next;
	}
	const command = commandFor(scopesFor(state), press);
	if (command && NEED_NOTES.has(command) && waitsForNotes(env)) return holdNoteKey(state, press);
	return command ? apply(state, command, env, press.text) : state;
}

// The commands that need every event of the briefing, not those read so far: the last item, the
// item of a note.
const NEED_WHOLE: ReadonlySet<Command> = new Set(['last', 'notesJump']);

export function needsWhole(state: UIState, press: KeyPress): boolean {
	const presses = press.name === null && Array.from(press.text).length > 1 ? splitInput(press.text) : [press];
	return presses.some((one) => {
		const command = commandFor(scopesFor(state), one);
		return command !== null && NEED_WHOLE.has(command);
	});
}

const clamp = (value: number, max: number) => Math.max(0, Math.min(value, max));

function withFocus(state: UIState, focus: PaneId): UIState {
	return state.focus === focus ? state : {...state, focus};
}

// Each pane's cursor set to where it now is in its list (after the list changed), by index and id.
// A list that became empty keeps the cursor as it was, for when its items come back.
export function anchor(state: UIState, env: Pick<Env, 'index' | 'views'>): UIState {
	const views = env.views(state);
	const cursor = {...state.cursor};
	for (const pane of PANES) {
		const index = cursorIndex(env.index, views, pane, state.cursor[pane]);
		const id = idAt(env.index, views, pane, index);
		if (id !== null) cursor[pane] = {index, id};
	}
	return {...state, cursor};
}

function cursorAt(state: UIState, env: Env, pane: PaneId, index: number): UIState {
	return {...state, cursor: {...state.cursor, [pane]: {index, id: idAt(env.index, env.views(state), pane, index)}}};
}

function moveCursor(state: UIState, env: Env, to: (current: number, length: number, page: number) => number): UIState {
	const pane = state.focus;
	const views = env.views(state);
	const length = listLength(views, pane);
	if (length === 0) return state;
	const current = cursorIndex(env.index, views, pane, state.cursor[pane]);
	return cursorAt(state, env, pane, clamp(to(current, length, Math.max(1, env.pages[pane])), length - 1));
}

function scrollOverlay(state: UIState, env: Env, to: (scroll: number, page: number, max: number) => number): UIState {
	const top = topMode(state);
	if (!top || (top.kind !== 'detail' && top.kind !== 'help')) return state;
	const page = Math.max(1, env.overlay.page);
	const max = clampScroll(Number.MAX_SAFE_INTEGER, env.overlay.lines, page);
	const scroll = clamp(to(clampScroll(top.scroll, env.overlay.lines, page), page, max), max);
	return replaceTop(state, {...top, scroll});
}

const replaceTop = (state: UIState, mode: Mode): UIState => ({...state, modes: [...state.modes.slice(0, -1), mode]});
const pop = (state: UIState): UIState => ({...state, modes: state.modes.slice(0, -1)});

// A change to the actor filter, kept for z.
const UNDO_DEPTH = 100;
function setFilter(state: UIState, env: Env, filter: string[]): UIState {
	return anchor({...state, filter, undo: [...state.undo, state.filter].slice(-UNDO_DEPTH)}, env);
}

const actorNames = (state: UIState, env: Env, filter: readonly string[]) =>
	filter.length ? filter.map((id) => env.index.actorById.get(id)?.actor.name ?? id).join(', ') : 'none';

// The Notes view below the top of the stack (its search prompt is on top), and its notes shown.
function notesMode(state: UIState): {at: number; mode: Extract<Mode, {kind: 'notes'}>} | null {
	for (let at = state.modes.length - 1; at >= 0; at--) {
		const mode = state.modes[at]!;
		if (mode.kind === 'notes') return {at, mode};
	}
	return null;
}

const shownNotes = (env: Env, search: string) => notesShown(env.index, (env.notes ?? NO_NOTES).list, search);

// The Notes view's cursor on the note it was on, after notes.json or the briefing changed under it
// (a note added in the shell comes first, newest first); at the same place when that note is gone.
export function followNotes(
	state: UIState,
	before: {index: BriefingIndex; list: readonly Note[]},
	after: {index: BriefingIndex; list: readonly Note[]},
): UIState {
	const found = notesMode(state);
	if (!found) return state;
	const {at, mode} = found;
	const was = notesShown(before.index, before.list, mode.search)[mode.cursor];
	const now = notesShown(after.index, after.list, mode.search);
	const kept = was ? now.findIndex((note) => note.id === was.id) : -1;
	const cursor = kept >= 0 ? kept : Math.max(0, Math.min(mode.cursor, now.length - 1));
	if (cursor === mode.cursor) return state;
	const modes = [...state.modes];
	modes[at] = {...mode, cursor};
	return {...state, modes};
}

// A search's text changed: the pane narrows to it; in the Actors pane, while the prompt is open,
// the cursor goes to the actor the text most likely names (actorMatch.ts), so Enter selects it.
function setSearch(state: UIState, env: Env, pane: PaneId | 'notes', query: string): UIState {
	if (pane === 'notes') {
		const notes = notesMode(state);
		if (!notes) return state;
		const modes = [...state.modes];
		modes[notes.at] = {...notes.mode, search: query, cursor: 0};
		return {...state, modes};
	}
	const next = anchor({...state, search: {...state.search, [pane]: query}}, env);
	if (pane !== 'actors' || topMode(state)?.kind !== 'search') return next;
	const best = bestActor(env.views(next).actors, query);
	return best < 0 ? next : cursorAt(next, env, 'actors', best);
}

const MOVES: Partial<Record<Command, (current: number, length: number, page: number) => number>> = {
	down: (i) => i + 1,
	up: (i) => i - 1,
	first: () => 0,
	last: (_, length) => length - 1,
	pageDown: (i, _, page) => i + page,
	pageUp: (i, _, page) => i - page,
};

const SCROLLS: Partial<Record<Command, (scroll: number, page: number, max: number) => number>> = {
	down: (s) => s + 1,
	up: (s) => s - 1,
	first: () => 0,
	last: (_, __, max) => max,
	pageDown: (s, page) => s + page,
	pageUp: (s, page) => s - page,
};

// The note editor's keys, as edits of (text, cursor).
const EDITS: Partial<Record<Command, (e: edit.Editing) => edit.Editing>> = {
	noteLeft: edit.left,
	noteRight: edit.right,
	noteWordLeft: edit.wordLeft,
	noteWordRight: edit.wordRight,
	noteHome: edit.home,
	noteEnd: edit.end,
	noteUp: edit.up,
	noteDown: edit.down,
	noteBackspace: edit.backspace,
	noteDeleteForward: edit.deleteForward,
	noteDeleteWord: edit.deleteWordBack,
	noteKillStart: edit.killToStart,
	noteKillEnd: edit.killToEnd,
	noteNewline: (e) => edit.insert(e, '\n'),
};

export const noteEditor = (target: NoteTarget, noteId: string | null, text: string): Mode => ({
	kind: 'note',
	target,
	noteId,
	text,
	cursor: text.length,
	saving: false,
});

export function apply(state: UIState, command: Command, env: Env, text = ''): UIState {
	const top = topMode(state);
	// A note being saved takes no key: what comes back decides whether the editor closes.
	if (top?.kind === 'note' && top.saving && command !== 'quit') return state;
	const move = MOVES[command];
	if (move) {
		const scroll = SCROLLS[command];
		if (top?.kind === 'notes' || (top?.kind === 'search' && top.pane === 'notes')) {
			const notes = notesMode(state)!;
			const length = shownNotes(env, notes.mode.search).length;
			if (length === 0) return state;
			const cursor = clamp(move(clamp(notes.mode.cursor, length - 1), length, Math.max(1, env.overlay.page)), length - 1);
			if (cursor === notes.mode.cursor) return state;
			const modes = [...state.modes];
			modes[notes.at] = {...notes.mode, cursor};
			return {...state, modes};
		}
		return top && (top.kind === 'detail' || top.kind === 'help') && scroll
			? scrollOverlay(state, env, scroll)
			: moveCursor(state, env, move);
	}
	const noteEdit = EDITS[command];
	if (noteEdit) {
		if (top?.kind === 'export') return editExport(state, noteEdit);
		if (top?.kind !== 'note') return state;
		const next = noteEdit(top);
		return next.text === top.text && next.cursor === top.cursor ? state : replaceTop(state, {...top, ...next});
	}
	const searched = top?.kind === 'search' ? top.pane : state.focus;
	const query = searched === 'notes' ? (notesMode(state)?.mode.search ?? '') : state.search[searched];
	switch (command) {
		case 'quit':
			return {...state, quit: true};
		case 'redraw':
		case 'suspend':
			return {...state, terminal: {op: command}};
		case 'help':
			return {...state, modes: [...state.modes, {kind: 'help', scroll: 0}]};
		case 'close':
			return pop(state);
		case 'nextPane':
		case 'prevPane': {
			const step = command === 'nextPane' ? 1 : PANES.length - 1;
			return withFocus(state, PANES[(PANES.indexOf(state.focus) + step) % PANES.length]!);
		}
		case 'paneLeft':
		case 'paneRight': {
			const at = PANES.indexOf(state.focus) + (command === 'paneRight' ? 1 : -1);
			return withFocus(state, PANES[clamp(at, PANES.length - 1)]!);
		}
		case 'focusActors':
			return withFocus(state, 'actors');
		case 'focusFeed':
			return withFocus(state, 'feed');
		case 'focusQuotes':
			return withFocus(state, 'quotes');
		case 'search': {
			// A new prompt starts empty, also on a kept search; Esc puts the kept one back.
			if (top?.kind === 'notes') {
				const opened = {
					...state,
					modes: [
						...state.modes,
						{kind: 'search' as const, pane: 'notes' as const, origin: {index: top.cursor, id: null}, previous: top.search},
					],
				};
				return setSearch(opened, env, 'notes', '');
			}
			const pane = state.focus;
			const opened = {
				...state,
				status: null,
				modes: [...state.modes, {kind: 'search' as const, pane, origin: state.cursor[pane], previous: state.search[pane]}],
			};
			return setSearch(opened, env, pane, '');
		}
		case 'searchType':
			return setSearch(state, env, searched, query + text);
		case 'searchDelete':
			return setSearch(state, env, searched, edit.backspace({text: query, cursor: query.length}).text);
		case 'searchDeleteWord':
			return setSearch(state, env, searched, edit.deleteWordBack({text: query, cursor: query.length}).text);
		case 'searchClear':
			return setSearch(state, env, searched, '');
		case 'searchKeep':
			return top?.kind === 'search' ? keepSearch(state, env, top) : state;
		case 'searchDrop': {
			if (top?.kind !== 'search') return state;
			const dropped = pop(setSearch(state, env, top.pane, top.previous));
			if (top.pane === 'notes') {
				const notes = notesMode(dropped);
				if (!notes) return dropped;
				const modes = [...dropped.modes];
				modes[notes.at] = {...notes.mode, cursor: top.origin.index};
				return {...dropped, modes};
			}
			return {...dropped, cursor: {...dropped.cursor, [top.pane]: top.origin}};
		}
		case 'nextMatch':
		case 'prevMatch':
			return nextMatch(state, env, command === 'nextMatch' ? 1 : -1);
		case 'back':
			if (state.search[state.focus]) return setSearch(state, env, state.focus, '');
			if (state.filter.length) return {...setFilter(state, env, []), status: 'filter cleared: z brings it back'};
			return state;
		case 'undoFilter': {
			const previous = state.undo.at(-1);
			if (!previous) return {...state, status: 'nothing to undo: the filter has not changed'};
			const undone = anchor({...state, filter: previous, undo: state.undo.slice(0, -1)}, env);
			return {...undone, status: `undone: the filter is ${actorNames(state, env, previous)}`};
		}
		case 'toggleActor': {
			const id = selectedId(state, env, 'actors');
			if (id === null) return state;
			return setFilter(state, env, state.filter.includes(id) ? state.filter.filter((other) => other !== id) : [...state.filter, id]);
		}
		case 'open': {
			if (state.focus === 'actors') return state;
			const id = selectedId(state, env, state.focus);
			if (id === null) return state;
			return {...state, modes: [...state.modes, {kind: 'detail', pane: state.focus, id, scroll: 0}]};
		}
		case 'openArticle':
		case 'copy':
			return itemRequest(state, env, command);
		case 'noteAdd':
		case 'noteEdit':
		case 'noteDelete':
		case 'noteExternal':
			return top?.kind === 'notes' && command !== 'noteAdd' ? notesViewCommand(state, command, env) : noteCommand(state, command, env);
		case 'notesView':
			return {...state, modes: [...state.modes, {kind: 'notes', cursor: 0, search: ''}]};
		case 'notesJump':
			return jump(state, env);
		case 'noteType': {
			if (top?.kind === 'export') return typeExport(state, text);
			if (top?.kind !== 'note') return state;
			const clean = text.replace(/[\x00-\x09\x0b-\x1f\x7f-\x9f]/g, '');
			return clean ? replaceTop(state, {...top, ...edit.insert(top, clean)}) : state;
		}
		case 'noteSave': {
			if (top?.kind !== 'note') return state;
			if (!top.text.trim()) return {...pop(state), status: 'the note is empty: nothing was saved'};
			const request =
				top.noteId === null
					? {op: 'add' as const, target: top.target, text: top.text}
					: {op: 'edit' as const, id: top.noteId, text: top.text};
			return {...replaceTop(state, {...top, saving: true}), request, status: 'saving…'};
		}
		case 'noteCancel':
			return top?.kind === 'note' ? {...pop(state), status: 'cancelled: nothing was saved'} : state;
		case 'confirmYes':
			return top?.kind === 'confirm' ? {...pop(state), request: {op: 'remove', id: top.noteId}, status: 'deleting…'} : state;
		case 'confirmNo':
			return top?.kind === 'confirm' ? {...pop(state), status: `kept ${top.noteId}`} : state;
		case 'exportOpen':
			return openExport(state, env);
		case 'exportWrite':
		case 'exportOverwrite':
			return requestExport(state, command === 'exportOverwrite');
		case 'exportCancel':
			return cancelExport(state);
		case 'dropHeld':
			return dropHeld(state);
		default:
			return state;
	}
}

function selectedId(state: UIState, env: Env, pane: PaneId): string | null {
	const views = env.views(state);
	return idAt(env.index, views, pane, cursorIndex(env.index, views, pane, state.cursor[pane]));
}

// Enter in a prompt: the prompt closes and the search stays. In the Actors pane the actor under
// the cursor is selected too (added to the filter), so `/ yoon Enter` filters by Yoon.
function keepSearch(state: UIState, env: Env, prompt: Extract<Mode, {kind: 'search'}>): UIState {
	const closed = pop(state);
	if (prompt.pane !== 'actors' || !state.search.actors) return closed;
	const id = selectedId(closed, env, 'actors');
	if (id === null) return {...closed, status: `no actor matches /${state.search.actors}`};
	const name = env.index.actorById.get(id)?.actor.name ?? id;
	if (closed.filter.includes(id)) return {...closed, status: `${name} is already selected`};
	return {...setFilter(closed, env, [...closed.filter, id]), status: null};
}

// n and N on a kept search: the next or previous match, round from the last to the first.
function nextMatch(state: UIState, env: Env, step: 1 | -1): UIState {
	const pane = state.focus;
	const views = env.views(state);
	const length = listLength(views, pane);
	if (length === 0) return {...state, status: `nothing matches /${state.search[pane]}`};
	const current = cursorIndex(env.index, views, pane, state.cursor[pane]);
	const index = (current + step + length) % length;
	const wrapped = step === 1 ? index < current : index > current;
	const status = `match ${index + 1}/${length} of /${state.search[pane]}${wrapped ? (step === 1 ? ', from the top' : ', from the bottom') : ''}`;
	return {...cursorAt(state, env, pane, index), status};
}

// The item n, e, d, o and y act on: the detail view's, else the focused pane's selected one.
function selectedItem(state: UIState, env: Env): {kind: 'actor' | 'event' | 'quote'; id: string} | null {
	const top = topMode(state);
	if (top?.kind === 'detail') return {kind: KIND_OF[top.pane], id: top.id};
	const id = selectedId(state, env, state.focus);
	return id === null ? null : {kind: KIND_OF[state.focus], id};
}

// o and y: the article of the selected event or quote opened, or the item copied with its
// citation; App.tsx does it.
function itemRequest(state: UIState, env: Env, command: 'openArticle' | 'copy'): UIState {
	const item = selectedItem(state, env);
	const verb = command === 'openArticle' ? 'o opens the article of' : 'y copies';
	if (!item || item.kind === 'actor') return {...state, status: `${verb} an event or a quote: select one in the Feed or Quotes`};
	const what = `${item.kind} ${item.id}`;
	if (command === 'copy') {
		const text = item.kind === 'quote' ? quoteCitation(env.index, item.id) : eventCitation(env.index, item.id);
		return text === null
			? {...state, status: `this ${item.kind} is no longer in the briefing`}
			: {...state, request: {op: 'copy', text, what}};
	}
	const position = (item.kind === 'quote' ? env.index.quotePosition : env.index.eventPosition).get(item.id);
	if (position === undefined) return {...state, status: `this ${item.kind} is no longer in the briefing`};
	const article = (item.kind === 'quote' ? env.index.quotes : env.index.feed)[position]!.article;
	return {...state, request: {op: 'open', article, what}};
}

const confirmDelete = (note: Note): Mode => ({
	kind: 'confirm',
	noteId: note.id,
	text: Array.from(firstLine(note.text)).slice(0, 40).join(''),
});

// n, e, d, E: open the note editor, the delete question or $EDITOR, or say in the status line why
// not. An item with several notes: e, d and E take the newest (the detail view lists them all).
function noteCommand(state: UIState, command: 'noteAdd' | 'noteEdit' | 'noteDelete' | 'noteExternal', env: Env): UIState {
	const notes = env.notes ?? NO_NOTES;
	if (notes.refusal) return {...state, status: notes.refusal};
	const item = selectedItem(state, env);
	if (!item) return {...state, status: 'nothing is selected'};
	const target = targetIn(env.index, item.kind, item.id);
	if (!target) return {...state, status: `this ${item.kind} is no longer in the briefing`};
	if (command === 'noteAdd') return {...state, status: null, modes: [...state.modes, noteEditor(target, null, '')]};
	const newest = notesOnItem(notes.list, item.kind, item.id)[0];
	if (command === 'noteExternal')
		return {...state, status: null, request: {op: 'external', target, noteId: newest?.id ?? null, text: newest?.text ?? ''}};
	if (!newest) return {...state, status: `this ${item.kind} has no note to ${command === 'noteEdit' ? 'edit' : 'delete'} (n adds one)`};
	if (command === 'noteEdit') return {...state, status: null, modes: [...state.modes, noteEditor(target, newest.id, newest.text)]};
	return {...state, status: null, modes: [...state.modes, confirmDelete(newest)]};
}

// e, E, d in the Notes view: on the selected note, also one whose item is gone (detached).
function notesViewCommand(state: UIState, command: 'noteEdit' | 'noteDelete' | 'noteExternal', env: Env): UIState {
	const notes = env.notes ?? NO_NOTES;
	if (notes.refusal) return {...state, status: notes.refusal};
	const view = notesMode(state);
	const note = view ? shownNotes(env, view.mode.search)[view.mode.cursor] : undefined;
	if (!note) return {...state, status: 'no note is selected'};
	const target = targetIn(env.index, note.target.kind, note.target.id) ?? note.target;
	if (command === 'noteEdit') return {...state, status: null, modes: [...state.modes, noteEditor(target, note.id, note.text)]};
	if (command === 'noteExternal') return {...state, status: null, request: {op: 'external', target, noteId: note.id, text: note.text}};
	return {...state, status: null, modes: [...state.modes, confirmDelete(note)]};
}

// What App.tsx does with a write's outcome: a saved note closes the editor that was saving it; a
// failed one leaves the editor open with its text (or, after $EDITOR, opens it with what the
// editor saved) and the error in the status line, so nothing typed is lost.
export function noteSaved(state: UIState, status: string): UIState {
	return {...state, status, modes: state.modes.filter((mode) => mode.kind !== 'note' || !mode.saving)};
}

export function noteFailed(state: UIState, message: string, written?: {target: NoteTarget; noteId: string | null; text: string}): UIState {
	const at = state.modes.findIndex((mode) => mode.kind === 'note' && mode.saving);
	const modes = [...state.modes];
	const mode = modes[at];
	if (mode?.kind === 'note') modes[at] = {...mode, saving: false};
	else if (written) modes.push(noteEditor(written.target, written.noteId, written.text));
	return {...state, status: message, modes};
}

// Enter in the Notes view: the note's item selected in its pane, the filter and the pane's
// search cleared when they hide it.
function jump(state: UIState, env: Env): UIState {
	const top = topMode(state);
	if (top?.kind !== 'notes') return state;
	const note = shownNotes(env, top.search)[top.cursor];
	if (!note) return state;
	const {kind, id} = note.target;
	if (!targetIn(env.index, kind, id)) return {...state, status: `${note.id} is detached: its ${kind} is no longer in the briefing`};
	const pane = PANE_OF[kind];
	const shown = (s: UIState) => {
		const views = env.views(s);
		return idAt(env.index, views, pane, cursorIndex(env.index, views, pane, {index: 0, id})) === id;
	};
	let next: UIState = {...state, modes: [], focus: pane, status: null};
	if (!shown(next)) next = {...next, search: {...next.search, [pane]: ''}};
	if (!shown(next) && pane !== 'actors') next = setFilter(next, env, []);
	return anchor({...next, cursor: {...next.cursor, [pane]: {index: 0, id}}}, env);
}
