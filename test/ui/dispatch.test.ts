import {describe, expect, it} from 'vitest';
import {buildIndex} from '../../source/ui/briefingIndex.js';
import {dispatchKey} from '../../source/ui/dispatch.js';
import {HELD_MOST, release} from '../../source/ui/heldKeys.js';
import {type KeyPress} from '../../source/ui/keymap.js';
import {type Env, type UIState, initialState, topMode} from '../../source/ui/state.js';
import {createViews} from '../../source/ui/views.js';
import {sampleBriefing} from './data.js';

// The dispatcher without Ink: keys in, state out, on the sample briefing.

const index = buildIndex(sampleBriefing(), true);
const env: Env = {index, views: createViews(index), pages: {actors: 10, feed: 3, quotes: 1}, overlay: {page: 10, lines: 25}};

const key = (text: string): KeyPress => ({name: null, text, ctrl: false, shift: /^[A-Z]$/.test(text), meta: false});
const named = (name: KeyPress['name']): KeyPress => ({name, text: '', ctrl: false, shift: false, meta: false});
const ENTER = named('return');
const ESC = named('escape');

const press = (state: UIState, ...keys: Array<KeyPress | string>) =>
	keys.reduce((s, k) => dispatchKey(s, typeof k === 'string' ? key(k) : k, env), state);

describe('dispatchKey', () => {
	it('toggles actors into the filter with Enter and clears it with Esc', () => {
		let state = press(initialState(), 'j', 'j', ENTER);
		expect(state.filter).toEqual(['p-volodymyr-zelenskyy']);
		state = press(state, 'k', ENTER, 'j', ENTER);
		expect(state.filter).toEqual(['c-ukraine']);
		expect(press(state, ESC).filter).toEqual([]);
	});

	it('sends every letter to the search while one is typed; only Ctrl-C still acts', () => {
		let state = press(initialState(), '2', '/', 'q', '?', 'j', 'G', '1');
		expect(topMode(state)?.kind).toBe('search');
		expect(state.search.feed).toBe('q?jG1');
		expect(state.quit).toBe(false);
		expect(state.focus).toBe('feed');
		state = dispatchKey(state, {...key('c'), ctrl: true}, env);
		expect(state.quit).toBe(true);
	});

	it('asks for a redraw on Ctrl-L and a suspend on Ctrl-Z anywhere, even in a search or a note, leaving the rest as it was', () => {
		const ctrl = (char: string) => ({...key(char), ctrl: true});
		const searching = press(initialState(), '2', '/', 'k', 'o');
		const writing = {
			...initialState(),
			modes: [
				{
					kind: 'note' as const,
					target: {kind: 'actor' as const, id: 'c-ukraine', text: 'Ukraine'},
					noteId: null,
					text: 'draft',
					cursor: 5,
					saving: false,
				},
			],
		};
		for (const state of [initialState(), press(initialState(), 'j', 'j', ENTER, '2', ENTER), searching, writing]) {
			const redrawn = dispatchKey(state, ctrl('l'), env);
			expect(redrawn.terminal).toEqual({op: 'redraw'});
			expect({...redrawn, terminal: state.terminal}).toEqual(state);
			const suspended = dispatchKey(redrawn, ctrl('z'), env);
			expect(suspended.terminal).toEqual({op: 'suspend'});
			// A new request each time, so that the same key twice acts twice.
			expect(dispatchKey(suspended, ctrl('z'), env).terminal).not.toBe(suspended.terminal);
		}
		expect(searching.search.feed).toBe('ko');
	});

	it('handles a paste or fast typing as the keys it holds', () => {
		const state = press(initialState(), 'jj\r');
		expect(state.filter).toEqual(['p-volodymyr-zelenskyy']);
		const typed = press(initialState(), '2/korea troops\r');
		expect(typed.search.feed).toBe('korea troops');
		expect(topMode(typed)).toBeUndefined();
	});

	it('reads Esc and a key that arrive together (Alt and the key) as Esc, then the key', () => {
		let state = press(initialState(), '2', ENTER);
		expect(topMode(state)?.kind).toBe('detail');
		state = dispatchKey(state, {...key('3'), meta: true}, env);
		expect(state.modes).toEqual([]);
		expect(state.focus).toBe('quotes');
	});

	it('stacks modes: Esc closes the top one first', () => {
		let state = press(initialState(), 'j', 'j', ENTER, '2', ENTER, '?');
		expect(state.modes.map((mode) => mode.kind)).toEqual(['detail', 'help']);
		state = press(state, ESC);
		expect(state.modes.map((mode) => mode.kind)).toEqual(['detail']);
		state = press(state, ESC);
		expect(state.modes).toEqual([]);
		expect(state.filter).toEqual(['p-volodymyr-zelenskyy']);
		state = press(state, ESC);
		expect(state.filter).toEqual([]);
	});

	it('opens the event under the cursor, and scrolls the detail view within its text', () => {
		let state = press(initialState(), '2', 'j', ENTER);
		expect(topMode(state)).toEqual({kind: 'detail', pane: 'feed', id: index.feed[1]!.id, scroll: 0});
		state = press(state, 'j', 'j', 'G');
		expect(topMode(state)).toMatchObject({scroll: 15});
		state = press(state, 'k', 'g');
		expect(topMode(state)).toMatchObject({scroll: 0});
		// The cursor in the feed did not move while the detail view scrolled.
		expect(press(state, ESC).cursor.feed.index).toBe(1);
	});

	it('moves within the list and stops at its ends', () => {
		let state = press(initialState(), '2', 'k', 'k');
		expect(state.cursor.feed.index).toBe(0);
		state = press(state, named('pagedown'), named('pagedown'), named('pagedown'), named('pagedown'));
		expect(state.cursor.feed.index).toBe(7);
		state = press(state, named('home'));
		expect(state.cursor.feed).toEqual({index: 0, id: index.feed[0]!.id});
		expect(press(state, '3', 'j', 'j', 'j').cursor.quotes.index).toBe(1);
	});

	it('lands the Actors cursor on what typing found, and Esc while typing puts it back', () => {
		let state = press(initialState(), '/', 'r', 'y', 'd');
		expect(state.search.actors).toBe('ryd');
		expect(state.cursor.actors.id).toBe('p-pat-ryder');
		state = press(state, ENTER);
		expect(state.filter).toEqual(['p-pat-ryder']);
		expect(topMode(state)).toBeUndefined();
		state = press(state, ESC);
		expect(state.search.actors).toBe('');
		expect(state.cursor.actors.id).toBe('p-pat-ryder');
		state = press(state, 'k', '/', 'n', 'a', 't', 'o');
		expect(state.cursor.actors.id).toBe('o-nato');
		state = press(state, ESC);
		expect(state.cursor.actors.id).toBe(index.actors[11]!.actor.id);
		expect(state.filter).toEqual(['p-pat-ryder']);
	});

	it('returns the same state for keys that mean nothing, so nothing re-renders', () => {
		const state = initialState();
		expect(dispatchKey(state, named('left'), env)).toBe(state);
		expect(press(state, '2', 'w').search.feed).toBe('');
		expect(press(state, 'w')).toBe(state);
	});

	describe('notes', () => {
		const note = (id: string, kind: 'event' | 'quote' | 'actor', target: string, created: string) => ({
			id,
			target: {kind, id: target, text: target},
			text: `text of ${id}`,
			created,
			updated: created,
		});
		const firstEvent = index.feed[0]!.id;
		const notes = [note('n-1', 'event', firstEvent, '2024-01-01T00:00:00Z'), note('n-2', 'event', firstEvent, '2024-01-02T00:00:00Z')];
		const writable: Env = {...env, notes: {list: notes, refusal: null, reading: false}};
		const go = (state: UIState, ...keys: Array<KeyPress | string>) =>
			keys.reduce((s, k) => dispatchKey(s, typeof k === 'string' ? key(k) : k, writable), state);

		it('opens the editor, where every key is text, and Enter asks for the note to be added', () => {
			let state = go(initialState(), '2', 'n', 'q', 'j', '?', '1', 'N', 'd');
			expect(topMode(state)).toMatchObject({kind: 'note', noteId: null, text: 'qj?1Nd', target: {kind: 'event', id: firstEvent}});
			expect(state.quit).toBe(false);
			state = go(state, {...ENTER, meta: true}, 'x', {...ENTER, text: '\n'}, 'y', key('pasted\rtext'), ENTER);
			// The editor stays, saving, until the write is done (App.tsx: noteSaved, noteFailed).
			expect(state.modes).toMatchObject([{kind: 'note', saving: true}]);
			expect(state.request).toEqual({
				op: 'add',
				target: {kind: 'event', id: firstEvent, text: index.feed[0]!.text},
				text: 'qj?1Nd\nx\nypasted\ntext',
			});
		});

		it('e and d take the newest note; d asks y/n; an empty note is not saved', () => {
			expect(topMode(go(initialState(), '2', 'e'))).toMatchObject({kind: 'note', noteId: 'n-2', text: 'text of n-2'});
			const asked = go(initialState(), '2', 'd');
			expect(topMode(asked)).toMatchObject({kind: 'confirm', noteId: 'n-2'});
			expect(go(asked, 'q').modes).toEqual(asked.modes); // only y, n, Esc (and Ctrl-C) answer
			expect(go(asked, 'y').request).toEqual({op: 'remove', id: 'n-2'});
			expect(go(asked, 'n')).toMatchObject({modes: [], request: null, status: 'kept n-2'});
			expect(go(initialState(), '2', 'n', ' ', ENTER)).toMatchObject({
				modes: [],
				request: null,
				status: 'the note is empty: nothing was saved',
			});
		});

		it('refuses n, e, d with the reason when notes cannot be written', () => {
			for (const k of ['n', 'e', 'd']) expect(press(initialState(), '2', k)).toMatchObject({modes: [], status: 'notes are off here'});
		});

		it('holds a note key pressed before notes.json is read, and the keys after it, until release gives them back in order', () => {
			const reading: Env = {...env, notes: {list: [], refusal: null, reading: true}};
			const early = (state: UIState, ...keys: Array<KeyPress | string>) =>
				keys.reduce((s, k) => dispatchKey(s, typeof k === 'string' ? key(k) : k, reading), state);
			// 2 acts at once; e waits, and q, j and Enter wait behind it rather than quit, move, open.
			const held = early(initialState(), '2', 'e', 'q', 'j', key('typed at once'), ENTER);
			expect(held).toMatchObject({focus: 'feed', modes: [], quit: false, status: 'reading the notes…'});
			expect(held.held?.keys.map((k) => k.text || k.name)).toEqual(['e', 'q', 'j', 'typed at once', 'return']);
			expect(release(held, reading)).toBeNull();
			// Ctrl-C does not wait.
			expect(early(held, {...key('c'), ctrl: true}).quit).toBe(true);
			// Read: the keys go on as if typed then, e on the newest note of the event it was pressed on.
			const released = release(held, writable)!;
			expect(released.state).toMatchObject({held: null, status: null});
			expect(released.then).toBeNull();
			const after = released.keys.reduce((s, k) => dispatchKey(s, k, writable), released.state);
			expect(after.modes).toMatchObject([{kind: 'note', noteId: 'n-2', text: 'text of n-2qjtyped at once', saving: true}]);
			expect(after.request).toEqual({op: 'edit', id: 'n-2', text: 'text of n-2qjtyped at once'});
			// Read, but damaged: the refusal, and the keys typed for the note dropped.
			const damaged: Env = {...env, notes: {list: [], refusal: 'notes are read-only', reading: false}};
			expect(release(held, damaged)).toEqual({state: {...held, held: null, status: 'notes are read-only'}, keys: [], then: null});
			// The sample: refused at once, nothing held.
			const sample: Env = {...env, notes: {list: [], refusal: 'notes go on your own briefing', reading: true}};
			expect(dispatchKey(initialState(), key('n'), sample)).toMatchObject({held: null, status: 'notes go on your own briefing'});
		});

		it('drops the held keys on Esc; then the other keys act and a note key is refused until notes.json is read', () => {
			const reading: Env = {...env, notes: {list: [], refusal: null, reading: true}};
			const early = (state: UIState, ...keys: Array<KeyPress | string>) =>
				keys.reduce((s, k) => dispatchKey(s, typeof k === 'string' ? key(k) : k, reading), state);
			const dropped = early(initialState(), '2', 'n', 'abc', 'd', ESC);
			expect(dropped).toMatchObject({
				focus: 'feed',
				modes: [],
				held: null,
				status: 'dropped n and the 4 keys after it: n, e, E and d are off until notes.json is read',
			});
			const moved = early(dropped, 'j', 'e');
			expect(moved.cursor.feed.index).toBe(1);
			expect(moved).toMatchObject({held: null, modes: [], status: 'still reading notes.json: n, e, E and d are off until it is read'});
			expect(release(moved, reading)).toBeNull();
			// Read: the note keys work, and the status line says so.
			const read = release(moved, writable)!;
			expect(read).toEqual({state: {...moved, heldDropped: false, status: 'notes.json is read: n, e, E and d work'}, keys: [], then: null});
			const editing = [key('k'), key('e')].reduce((s, k) => dispatchKey(s, k, writable), read.state);
			expect(topMode(editing)).toMatchObject({kind: 'note', noteId: 'n-2'});
		});

		it('holds no more than HELD_MOST characters: a paste is cut where the room ends, what comes after is dropped and counted', () => {
			const reading: Env = {...env, notes: {list: [], refusal: null, reading: true}};
			const early = (state: UIState, ...keys: Array<KeyPress | string>) =>
				keys.reduce((s, k) => dispatchKey(s, typeof k === 'string' ? key(k) : k, reading), state);
			const paste = 'ab'.repeat(HELD_MOST);
			const full = early(initialState(), '2', 'n', paste, ENTER, 'q');
			expect(full.held).toMatchObject({size: HELD_MOST, dropped: HELD_MOST + 3}); // the rest of the paste, Enter, q
			expect(full.held!.keys.map((k) => k.text.length)).toEqual([1, HELD_MOST - 1]);
			expect(full.held!.keys[1]!.text).toBe(paste.slice(0, HELD_MOST - 1));
			expect(full.status).toBe(
				`reading the notes… ${(HELD_MOST + 3).toLocaleString('en-US')} keys dropped: no more than 20,000 keys wait for it`,
			);
			expect(full.quit).toBe(false);
			const released = release(full, writable)!;
			expect(released.then).toBe(
				`the first 20,000 keys typed while the notes were read went on; ${(HELD_MOST + 3).toLocaleString('en-US')} more were dropped`,
			);
			const after = released.keys.reduce((s, k) => dispatchKey(s, k, writable), released.state);
			// The editor is open with what waited, not saved: the Enter was dropped.
			expect(after.modes).toMatchObject([{kind: 'note', noteId: null, text: paste.slice(0, HELD_MOST - 1), saving: false}]);
			// Esc then counts what waited and what was dropped.
			expect(early(full, ESC).status).toMatch(/^dropped n and the 40,002 keys after it: /);
		});
	});
});
