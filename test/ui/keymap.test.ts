import {describe, expect, it} from 'vitest';
import type {Key} from 'ink';
import {type KeyPress, type Scope, COMMANDS, KEYMAP, commandFor, hints, keyLabel, keyPress, splitInput} from '../../source/ui/keymap.js';
import {scopesFor, initialState} from '../../source/ui/state.js';

const char = (text: string, ctrl = false): KeyPress => ({name: null, text, ctrl, shift: /[A-Z]/.test(text), meta: false});
const named = (name: KeyPress['name'], shift = false): KeyPress => ({name, text: '', ctrl: false, shift, meta: false});

describe('keymap', () => {
	it('describes every binding, and no key means two things in the scopes one mode asks', () => {
		for (const binding of KEYMAP) expect(binding.description.length, binding.command).toBeGreaterThan(0);
		// Every command has a key, so the help and the readme show it.
		for (const command of COMMANDS)
			expect(
				KEYMAP.some((binding) => binding.command === command),
				command,
			).toBe(true);
		// The scope chains the dispatcher uses (state.ts scopesFor).
		const chains: Scope[][] = [
			['actors', 'lists', 'item', 'global', 'always'],
			['actors', 'searched', 'lists', 'item', 'global', 'always'],
			['feed', 'searched', 'lists', 'item', 'global', 'always'],
			['feed', 'lists', 'item', 'global', 'always'],
			['quotes', 'lists', 'item', 'global', 'always'],
			['search', 'always'],
			['detail', 'item', 'global', 'always'],
			['notes', 'global', 'always'],
			['note', 'always'],
			['confirm', 'always'],
			['help', 'global', 'always'],
			['held', 'always'],
		];
		for (const chain of chains) {
			const seen = new Map<string, string>();
			for (const binding of KEYMAP.filter((b) => chain.includes(b.scope))) {
				for (const spec of binding.keys) {
					const label = keyLabel(spec);
					const other = seen.get(label);
					// The same key in a more specific scope overrides a general one on purpose (Esc, ? in help).
					if (other && other.split(':')[0] === binding.scope) throw new Error(`${label} is bound twice in ${binding.scope}`);
					if (!other) seen.set(label, `${binding.scope}:${binding.command}`);
				}
			}
		}
	});

	it('resolves keys by mode: letters are commands in panes, text in a search', () => {
		const panes: Scope[] = ['actors', 'lists', 'item', 'global', 'always'];
		expect(commandFor(panes, char('j'))).toBe('down');
		expect(commandFor(panes, named('down'))).toBe('down');
		expect(commandFor(panes, char('G'))).toBe('last');
		expect(commandFor(panes, char('z'))).toBe('undoFilter');
		expect(commandFor(panes, char('w'))).toBeNull(); // a letter that is no key does nothing: / finds
		expect(commandFor(panes, char('x'))).toBe('exportOpen');
		expect(commandFor(panes, named('return'))).toBe('toggleActor');
		expect(commandFor(panes, named('tab', true))).toBe('prevPane');
		expect(commandFor(panes, char('q'))).toBe('quit');
		expect(commandFor(['feed', 'lists', 'global', 'always'], char('w'))).toBeNull();
		expect(commandFor(['feed', 'lists', 'global', 'always'], named('return'))).toBe('open');
		const search: Scope[] = ['search', 'always'];
		for (const text of ['q', 'j', '?', '/', 'G', '1', 'é']) expect(commandFor(search, char(text))).toBe('searchType');
		expect(commandFor(search, char('c', true))).toBe('quit');
		expect(commandFor(search, char('u', true))).toBe('searchClear');
		expect(commandFor(search, named('escape'))).toBe('searchDrop');
		expect(commandFor(['help', 'global', 'always'], char('?'))).toBe('close');
		expect(scopesFor(initialState())).toEqual(panes);
		// Notes: n, e, d, N in the panes (so they no longer start a find in Actors; / does); every key
		// but Enter, Esc, Backspace, Alt-Enter / Ctrl-J and Ctrl-C is text while a note is written.
		for (const [key, command] of [
			['n', 'noteAdd'],
			['e', 'noteEdit'],
			['d', 'noteDelete'],
			['N', 'notesView'],
		] as const)
			expect(commandFor(panes, char(key))).toBe(command);
		const note: Scope[] = ['note', 'always'];
		for (const text of ['q', 'j', '?', '/', 'G', '1', 'n', 'N', 'e', 'd', 'é', ' ']) expect(commandFor(note, char(text))).toBe('noteType');
		expect(commandFor(note, named('return'))).toBe('noteSave');
		expect(commandFor(note, {...named('return'), meta: true})).toBe('noteNewline');
		expect(commandFor(note, keyPress('\n', {} as Key))).toBe('noteNewline');
		expect(commandFor(panes, keyPress('\n', {} as Key))).toBe('toggleActor');
		expect(commandFor(note, named('escape'))).toBe('noteCancel');
		expect(commandFor(note, char('c', true))).toBe('quit');
		expect(commandFor(['confirm', 'always'], char('y'))).toBe('confirmYes');
		expect(commandFor(['confirm', 'always'], char('q'))).toBeNull();
	});

	it('splits an input holding several keys into keys', () => {
		expect(splitInput('jj\r\t\x7f\x03é')).toEqual([
			char('j'),
			char('j'),
			named('return'),
			named('tab'),
			named('delete'),
			char('c', true),
			char('é'),
		]);
	});

	it('makes the footer hints from the keymap', () => {
		expect(hints(['actors', 'lists', 'global']).map(({keys, hint}) => `${keys} ${hint}`)).toEqual([
			'Enter select',
			'j/k move',
			'/ search',
			'Tab pane',
			'Esc clear',
			'z undo',
			'x export',
			'? help',
			'q quit',
		]);
	});
});
