import {type Command, type KeyPress, commandFor, isText, splitInput} from './keymap.js';
import {KIND_OF, PANE_OF, firstLine, newestFirst, notesOnItem, targetIn} from './notes.js';
import {type Env, NO_NOTES, type UIState, scopesFor, topMode} from './state.js';
import {PANES, type PaneId, cursorIndex, idAt, listLength} from './views.js';
import {clampScroll} from './window.js';

// The one dispatcher: every key goes through dispatchKey, which asks the keymap what the key means
// in the current mode (the top of the mode stack) and applies that command. Pure: (state, key) →
// state, so the key handling is tested without Ink, and a letter typed into a search can never
// reach a pane's command because the search scope is the only one asked.

export function dispatchKey(state: UIState, press: KeyPress, env: Env): UIState {
	// No key here uses Alt. Esc and a key read together arrive as Alt and that key ("\x1b3"): a
	// fast Esc, then 3, is what was meant.
	if (press.meta && press.name === null && press.text !== '') {
		const escaped = dispatchKey(state, {name: 'escape', text: '', ctrl: false, shift: false, meta: false}, env);
		return dispatchKey(escaped, {...press, meta: false}, env);
	}
	// A paste into a note goes in whole, its line breaks as new lines (STYLE.md pitfall 9): an
	// Enter inside it does not save the note half pasted.
	if (topMode(state)?.kind === 'note' && press.name === null && !press.ctrl && !press.meta && Array.from(press.text).length > 1) {
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
			if ((kind === 'search' || kind === 'note') && isText(one)) {
				let run = one.text;
				while (i + 1 < presses.length && isText(presses[i + 1]!)) run += presses[++i]!.text;
				next = apply(next, kind === 'search' ? 'searchType' : 'noteType', env, run);
			} else next = dispatchKey(next, one, env);
		}
		return next;
	}
	const command = commandFor(scopesFor(state), press);
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

function moveCursor(state: UIState, env: Env, to: (current: number, length: number, page: number) => number): UIState {
	const pane = state.focus;
	const views = env.views(state);
	const length = listLength(views, pane);
	if (length === 0) return state;
	const current = cursorIndex(env.index, views, pane, state.cursor[pane]);
	const index = clamp(to(current, length, Math.max(1, env.pages[pane])), length - 1);
	return {...state, cursor: {...state.cursor, [pane]: {index, id: idAt(env.index, views, pane, index)}}};
}

function scrollOverlay(state: UIState, env: Env, to: (scroll: number, page: number, max: number) => number): UIState {
	const top = topMode(state);
	if (!top || (top.kind !== 'detail' && top.kind !== 'help')) return state;
	const page = Math.max(1, env.overlay.page);
	const max = clampScroll(Number.MAX_SAFE_INTEGER, env.overlay.lines, page);
	const scroll = clamp(to(clampScroll(top.scroll, env.overlay.lines, page), page, max), max);
	return {...state, modes: [...state.modes.slice(0, -1), {...top, scroll}]};
}

function setSearch(state: UIState, env: Env, pane: PaneId, query: string): UIState {
	return anchor({...state, search: {...state.search, [pane]: query}}, env);
}

const pop = (state: UIState): UIState => ({...state, modes: state.modes.slice(0, -1)});

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

export function apply(state: UIState, command: Command, env: Env, text = ''): UIState {
	const top = topMode(state);
	const move = MOVES[command];
	if (move) {
		const scroll = SCROLLS[command];
		if (top?.kind === 'notes') {
			const length = (env.notes ?? NO_NOTES).list.length;
			if (length === 0) return state;
			const cursor = clamp(move(clamp(top.cursor, length - 1), length, Math.max(1, env.overlay.page)), length - 1);
			return cursor === top.cursor ? state : {...state, modes: [...state.modes.slice(0, -1), {...top, cursor}]};
		}
		return top && (top.kind === 'detail' || top.kind === 'help') && scroll
			? scrollOverlay(state, env, scroll)
			: moveCursor(state, env, move);
	}
	const searched = top?.kind === 'search' ? top.pane : state.focus;
	switch (command) {
		case 'quit':
			return {...state, quit: true};
		case 'help':
			return {...state, modes: [...state.modes, {kind: 'help', scroll: 0}]};
		case 'close':
			return pop(state);
		case 'nextPane':
		case 'prevPane': {
			const step = command === 'nextPane' ? 1 : PANES.length - 1;
			return withFocus(state, PANES[(PANES.indexOf(state.focus) + step) % PANES.length]!);
		}
		case 'focusActors':
			return withFocus(state, 'actors');
		case 'focusFeed':
			return withFocus(state, 'feed');
		case 'focusQuotes':
			return withFocus(state, 'quotes');
		case 'search':
			return {...state, modes: [...state.modes, {kind: 'search', pane: state.focus, origin: state.cursor[state.focus]}]};
		case 'findActor':
			return setSearch(
				{...state, modes: [...state.modes, {kind: 'search', pane: 'actors', origin: state.cursor.actors}]},
				env,
				'actors',
				text,
			);
		case 'searchType':
			return setSearch(state, env, searched, state.search[searched] + text);
		case 'searchDelete':
			return setSearch(state, env, searched, Array.from(state.search[searched]).slice(0, -1).join(''));
		case 'searchClear':
			return setSearch(state, env, searched, '');
		case 'searchKeep':
			return pop(state);
		case 'searchDrop': {
			// Like Esc in vim's search: the search is gone and the cursor is back where it was.
			const dropped = pop(setSearch(state, env, searched, ''));
			return top?.kind === 'search' ? {...dropped, cursor: {...dropped.cursor, [searched]: top.origin}} : dropped;
		}
		case 'back':
			if (state.search[state.focus]) return setSearch(state, env, state.focus, '');
			if (state.filter.length) return anchor({...state, filter: []}, env);
			return state;
		case 'toggleActor': {
			const views = env.views(state);
			const id = idAt(env.index, views, 'actors', cursorIndex(env.index, views, 'actors', state.cursor.actors));
			if (id === null) return state;
			const filter = state.filter.includes(id) ? state.filter.filter((other) => other !== id) : [...state.filter, id];
			return anchor({...state, filter}, env);
		}
		case 'open': {
			if (state.focus === 'actors') return state;
			const views = env.views(state);
			const id = idAt(env.index, views, state.focus, cursorIndex(env.index, views, state.focus, state.cursor[state.focus]));
			if (id === null) return state;
			return {...state, modes: [...state.modes, {kind: 'detail', pane: state.focus, id, scroll: 0}]};
		}
		case 'noteAdd':
		case 'noteEdit':
		case 'noteDelete':
			return noteCommand(state, command, env);
		case 'notesView':
			return {...state, modes: [...state.modes, {kind: 'notes', cursor: 0}]};
		case 'notesJump':
			return jump(state, env);
		case 'noteType':
		case 'noteNewline':
		case 'noteBackspace':
		case 'noteClear': {
			if (top?.kind !== 'note') return state;
			const clean = text.replace(/[\x00-\x09\x0b-\x1f\x7f-\x9f]/g, '');
			const next =
				command === 'noteType'
					? top.text + clean
					: command === 'noteNewline'
						? `${top.text}\n`
						: command === 'noteClear'
							? ''
							: Array.from(top.text).slice(0, -1).join('');
			return next === top.text ? state : {...state, modes: [...state.modes.slice(0, -1), {...top, text: next}]};
		}
		case 'noteSave': {
			if (top?.kind !== 'note') return state;
			if (!top.text.trim()) return {...pop(state), status: 'the note is empty: nothing was saved'};
			const request =
				top.noteId === null
					? {op: 'add' as const, target: top.target, text: top.text}
					: {op: 'edit' as const, id: top.noteId, text: top.text};
			return {...pop(state), request, status: 'saving…'};
		}
		case 'noteCancel':
			return top?.kind === 'note' ? {...pop(state), status: 'cancelled: nothing was saved'} : state;
		case 'confirmYes':
			return top?.kind === 'confirm' ? {...pop(state), request: {op: 'remove', id: top.noteId}, status: 'deleting…'} : state;
		case 'confirmNo':
			return top?.kind === 'confirm' ? {...pop(state), status: `kept ${top.noteId}`} : state;
		default:
			return state;
	}
}

// The item n, e and d act on: the detail view's, else the focused pane's selected one.
function selectedItem(state: UIState, env: Env): {kind: 'actor' | 'event' | 'quote'; id: string} | null {
	const top = topMode(state);
	if (top?.kind === 'detail') return {kind: KIND_OF[top.pane], id: top.id};
	const views = env.views(state);
	const id = idAt(env.index, views, state.focus, cursorIndex(env.index, views, state.focus, state.cursor[state.focus]));
	return id === null ? null : {kind: KIND_OF[state.focus], id};
}

// n, e, d: open the note editor or the delete question, or say in the status line why not. An
// item with several notes: e and d take the newest (the detail view lists them all).
function noteCommand(state: UIState, command: 'noteAdd' | 'noteEdit' | 'noteDelete', env: Env): UIState {
	const notes = env.notes ?? NO_NOTES;
	if (notes.refusal) return {...state, status: notes.refusal};
	const item = selectedItem(state, env);
	if (!item) return {...state, status: 'nothing is selected'};
	const target = targetIn(env.index, item.kind, item.id);
	if (!target) return {...state, status: `this ${item.kind} is no longer in the briefing`};
	if (command === 'noteAdd') return {...state, status: null, modes: [...state.modes, {kind: 'note', target, noteId: null, text: ''}]};
	const newest = notesOnItem(notes.list, item.kind, item.id)[0];
	if (!newest) return {...state, status: `this ${item.kind} has no note to ${command === 'noteEdit' ? 'edit' : 'delete'} (n adds one)`};
	if (command === 'noteEdit')
		return {...state, status: null, modes: [...state.modes, {kind: 'note', target, noteId: newest.id, text: newest.text}]};
	return {
		...state,
		status: null,
		modes: [...state.modes, {kind: 'confirm', noteId: newest.id, text: Array.from(firstLine(newest.text)).slice(0, 40).join('')}],
	};
}

// Enter in the Notes view: the note's item selected in its pane, the filter and the pane's
// search cleared when they hide it.
function jump(state: UIState, env: Env): UIState {
	const top = topMode(state);
	if (top?.kind !== 'notes') return state;
	const note = newestFirst((env.notes ?? NO_NOTES).list)[top.cursor];
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
	if (!shown(next) && pane !== 'actors') next = {...next, filter: []};
	return anchor({...next, cursor: {...next.cursor, [pane]: {index: 0, id}}}, env);
}
