import {MAX_NOTE_LENGTH} from '../store/notes.js';
import {type Command, type KeyPress, KEYMAP, keyLabel} from './keymap.js';
import {type Env, type Held, NO_NOTES, type UIState} from './state.js';

// The keys that wait for notes.json. The note keys act on the notes (e on the newest of the
// item's, d asks about it, n is refused when notes.json cannot be written), so one pressed before
// notes.json is first read waits for it (a reader who types n as the dashboard opens means to write
// a note, not to be told to wait), and the keys typed after it wait behind it: they are the note's
// text, not commands. Once the notes are read they go on in order, as if typed then.
//
// A read can take long or never end (notes.json on a network drive that hangs), so the waiting has
// two ends besides the read: Esc drops the keys that wait, after which the other keys work again
// and a note key is refused, saying why, until the read ends (no timer does it for the reader: a
// slow drive would lose a note being typed); and no more than HELD_MOST characters wait, so that
// a paste of megabytes is not kept for a read that may never come. Past that, as a terminal does
// when its typeahead buffer is full, what is typed is dropped, and the status line says how much.

export const NEED_NOTES: ReadonlySet<Command> = new Set(['noteAdd', 'noteEdit', 'noteDelete', 'noteExternal']);

// As many as a note holds (store/notes.ts): a note pasted whole waits whole, more could not be saved.
export const HELD_MOST = MAX_NOTE_LENGTH;

export const waitsForNotes = (env: Env) => env.notes !== undefined && env.notes.reading && env.notes.refusal === null;

// "n, e, E and d", from the keymap.
const NOTE_KEYS = (() => {
	const labels = KEYMAP.filter((binding) => binding.scope === 'item' && NEED_NOTES.has(binding.command)).map((binding) =>
		keyLabel(binding.keys[0]!),
	);
	return `${labels.slice(0, -1).join(', ')} and ${labels.at(-1)}`;
})();

const count = (n: number) => `${n.toLocaleString('en-US')} key${n === 1 ? '' : 's'}`;

const READING = 'reading the notes…';
const OFF = `${NOTE_KEYS} are off until notes.json is read`;
const STILL_READING = `still reading notes.json: ${NOTE_KEYS} are off until it is read`;

// A note key while notes.json is read: it waits, unless Esc has dropped the keys that waited.
export function holdNoteKey(state: UIState, press: KeyPress): UIState {
	if (state.heldDropped) return {...state, status: STILL_READING};
	return {...state, held: {keys: [press], size: 1, dropped: 0}, status: READING};
}

// A key behind the note key: it waits too, or what of it is past HELD_MOST is dropped (a paste
// cut where the room ends).
export function hold(state: UIState, held: Held, press: KeyPress): UIState {
	const chars = press.name === null ? Array.from(press.text) : [press.text];
	const room = HELD_MOST - held.size;
	if (chars.length <= room) return {...state, held: {...held, keys: [...held.keys, press], size: held.size + chars.length}};
	const kept = press.name === null && room > 0 ? [{...press, text: chars.slice(0, room).join('')}] : [];
	const size = held.size + (kept.length ? room : 0);
	const dropped = held.dropped + chars.length - (size - held.size);
	return {
		...state,
		held: {keys: [...held.keys, ...kept], size, dropped},
		status: `${READING} ${count(dropped)} dropped: no more than ${count(HELD_MOST)} wait for it`,
	};
}

// Esc while keys wait: they are dropped, and the note keys refused until notes.json is read.
export function dropHeld(state: UIState): UIState {
	if (!state.held) return state;
	const first = state.held.keys[0]!;
	const behind = state.held.size - 1 + state.held.dropped;
	const what = `${first.text}${behind ? ` and the ${count(behind)} after it` : ''}`;
	return {...state, held: null, heldDropped: true, status: `dropped ${what}: ${OFF}`};
}

// Once notes.json is read: the keys that waited for it, to be dispatched in order as if typed
// then (and `then`, what the status line says after them when some were dropped); or, when the
// notes cannot be changed after all, the note key's refusal, and the keys after it dropped (typed
// for a prompt that does not open, they would run as commands). After Esc dropped them: that the
// note keys work now. Null while the notes are read, or when nothing waited for them.
export function release(state: UIState, env: Env): {state: UIState; keys: KeyPress[]; then: string | null} | null {
	if (waitsForNotes(env) || (!state.held && !state.heldDropped)) return null;
	const refusal = (env.notes ?? NO_NOTES).refusal;
	const released = {...state, held: null, heldDropped: false};
	if (!state.held) return {state: {...released, status: refusal ?? `notes.json is read: ${NOTE_KEYS} work`}, keys: [], then: null};
	if (refusal !== null) return {state: {...released, status: refusal}, keys: [], then: null};
	const {keys, size, dropped} = state.held;
	const then = dropped
		? `the first ${count(size)} typed while the notes were read went on; ${dropped.toLocaleString('en-US')} more were dropped`
		: null;
	return {state: {...released, status: null}, keys, then};
}
