import type {Key} from 'ink';

// The keymap is data: every binding the dashboard has, with where it applies and what it does.
// The dispatcher (dispatch.ts), the `?` overlay, the footer and the readme's key table are all
// generated from this one table, so they cannot disagree.

export type NamedKey =
	'up' | 'down' | 'left' | 'right' | 'pageup' | 'pagedown' | 'home' | 'end' | 'return' | 'escape' | 'tab' | 'backspace' | 'delete';

export type KeySpec =
	| {name: NamedKey; shift?: boolean; meta?: boolean} // a key with a name; Shift-Tab is {name: 'tab', shift: true}, Alt-Enter {name: 'return', meta: true}
	| {char: string; ctrl?: boolean; meta?: boolean} // one character, or Ctrl or Alt and a letter
	| {text: 'any'}; // any text (a search, a note)

// Where a binding applies. The dispatcher asks the scopes of the current mode in order.
export type Scope =
	| 'actors'
	| 'feed'
	| 'quotes'
	| 'searched'
	| 'lists'
	| 'item'
	| 'search'
	| 'detail'
	| 'notes'
	| 'note'
	| 'confirm'
	| 'export'
	| 'overwrite'
	| 'held'
	| 'help'
	| 'global'
	| 'always';

// Every command a key can give; each has at least one binding with a description (test/ui/keymap.test.ts).
export const COMMANDS = [
	'quit',
	'help',
	'nextPane',
	'prevPane',
	'paneLeft',
	'paneRight',
	'focusActors',
	'focusFeed',
	'focusQuotes',
	'down',
	'up',
	'first',
	'last',
	'pageDown',
	'pageUp',
	'search',
	'nextMatch',
	'prevMatch',
	'back',
	'undoFilter',
	'toggleActor',
	'open',
	'openArticle',
	'copy',
	'searchKeep',
	'searchDrop',
	'searchDelete',
	'searchDeleteWord',
	'searchClear',
	'searchType',
	'close',
	'noteAdd',
	'noteEdit',
	'noteExternal',
	'noteDelete',
	'notesView',
	'notesJump',
	'noteSave',
	'noteCancel',
	'noteNewline',
	'noteLeft',
	'noteRight',
	'noteWordLeft',
	'noteWordRight',
	'noteHome',
	'noteEnd',
	'noteUp',
	'noteDown',
	'noteBackspace',
	'noteDeleteForward',
	'noteDeleteWord',
	'noteKillStart',
	'noteKillEnd',
	'noteType',
	'confirmYes',
	'confirmNo',
	'redraw',
	'suspend',
	'exportOpen',
	'exportWrite',
	'exportCancel',
	'exportOverwrite',
	'dropHeld',
] as const;

export type Command = (typeof COMMANDS)[number];

export type Binding = {
	scope: Scope;
	command: Command;
	keys: KeySpec[];
	description: string; // for the help overlay and the readme
	hint?: string; // for the footer; bindings next to each other with the same hint share it ("j/k move")
};

const down: KeySpec[] = [{char: 'j'}, {name: 'down'}];
const up: KeySpec[] = [{char: 'k'}, {name: 'up'}];
const first: KeySpec[] = [{char: 'g'}, {name: 'home'}];
const last: KeySpec[] = [{char: 'G'}, {name: 'end'}];
const pageDown: KeySpec[] = [{name: 'pagedown'}, {char: 'd', ctrl: true}];
const pageUp: KeySpec[] = [{name: 'pageup'}, {char: 'u', ctrl: true}];
const close: KeySpec[] = [{name: 'escape'}, {char: 'q'}];

// The rules the help states first: what letters do, and how to leave.
export const KEY_RULES = [
	'Letters are commands in the panes, never the start of a name: / opens a search prompt that takes every key as text until Enter or Esc, so typing a name (qatar, nato) runs nothing.',
	'q and Esc close the detail view, the Notes view and the help; q with nothing open quits; Ctrl-C always quits.',
];

export const KEYMAP: readonly Binding[] = [
	// The focused pane's own keys.
	{
		scope: 'actors',
		command: 'toggleActor',
		keys: [{name: 'return'}, {char: ' '}],
		description: 'Select or unselect the actor: the feed and quotes show what involves any selected actor',
		hint: 'select',
	},
	{
		scope: 'feed',
		command: 'open',
		keys: [{name: 'return'}],
		description: 'Open the event: whole sentence, how its date was found, actors, article, paragraph',
		hint: 'open',
	},
	{
		scope: 'quotes',
		command: 'open',
		keys: [{name: 'return'}],
		description: 'Open the quote: whole quote, speaker, date, article, paragraph',
		hint: 'open',
	},
	// A pane whose search is kept (after Enter in its prompt): n and N walk its matches.
	{
		scope: 'searched',
		command: 'nextMatch',
		keys: [{char: 'n'}],
		description: 'Next match of the search (from the last, the first)',
		hint: 'match',
	},
	{scope: 'searched', command: 'prevMatch', keys: [{char: 'N'}], description: 'Previous match of the search', hint: 'match'},
	// Any pane.
	{scope: 'lists', command: 'down', keys: down, description: 'Next item', hint: 'move'},
	{scope: 'lists', command: 'up', keys: up, description: 'Previous item', hint: 'move'},
	{scope: 'lists', command: 'first', keys: first, description: 'First item'},
	{scope: 'lists', command: 'last', keys: last, description: 'Last item'},
	{scope: 'lists', command: 'pageDown', keys: pageDown, description: 'One screen down'},
	{scope: 'lists', command: 'pageUp', keys: pageUp, description: 'One screen up'},
	{
		scope: 'lists',
		command: 'search',
		keys: [{char: '/'}],
		description: 'Search the pane: a prompt opens and narrows the pane as you type; on a kept search, a new one',
		hint: 'search',
	},
	{scope: 'lists', command: 'nextPane', keys: [{name: 'tab'}], description: 'Next pane', hint: 'pane'},
	{scope: 'lists', command: 'prevPane', keys: [{name: 'tab', shift: true}], description: 'Previous pane'},
	{scope: 'lists', command: 'paneLeft', keys: [{char: 'h'}, {name: 'left'}], description: 'The pane to the left'},
	{scope: 'lists', command: 'paneRight', keys: [{char: 'l'}, {name: 'right'}], description: 'The pane to the right'},
	{scope: 'lists', command: 'focusActors', keys: [{char: '1'}], description: 'Actors pane'},
	{scope: 'lists', command: 'focusFeed', keys: [{char: '2'}], description: 'Feed pane'},
	{scope: 'lists', command: 'focusQuotes', keys: [{char: '3'}], description: 'Quotes pane'},
	{scope: 'lists', command: 'back', keys: [{name: 'escape'}], description: "Clear the pane's search, else the actor filter", hint: 'clear'},
	{
		scope: 'lists',
		command: 'undoFilter',
		keys: [{char: 'z'}],
		description: 'Undo the last change to the actor filter (again: the one before)',
		hint: 'undo',
	},
	{
		scope: 'lists',
		command: 'exportOpen',
		keys: [{char: 'x'}],
		description:
			'Export what the actor filter shows, as `briefing export --actor` does: asks for the file (.md, .html or .json), says where it wrote',
		hint: 'export',
	},
	// The selected actor, event or quote (in a pane or its detail view).
	{
		scope: 'item',
		command: 'noteAdd',
		keys: [{char: 'n'}, {char: 'a'}],
		description: 'Add a note to the selected actor, event or quote (a too: after a search n is the next match)',
		hint: 'note',
	},
	{scope: 'item', command: 'noteEdit', keys: [{char: 'e'}], description: "Edit the selected item's newest note"},
	{
		scope: 'item',
		command: 'noteExternal',
		keys: [{char: 'E'}],
		description:
			"Write the selected item's newest note, or a new one, in $VISUAL or $EDITOR: what it saves is saved, an empty file cancels",
	},
	{scope: 'item', command: 'noteDelete', keys: [{char: 'd'}], description: "Delete the selected item's newest note (asks y/n)"},
	{scope: 'item', command: 'notesView', keys: [{char: 'N'}], description: 'The Notes view: every note, newest first', hint: 'notes'},
	{
		scope: 'item',
		command: 'openArticle',
		keys: [{char: 'o'}],
		description: "Open the selected event's or quote's article: its url, else its file, with the system's opener",
	},
	{
		scope: 'item',
		command: 'copy',
		keys: [{char: 'y'}],
		description: 'Copy the selected quote or event with its citation: “text” — speaker, role · outlet · date · url',
	},
	// The search prompt: every key that is text is typed into it, never a command.
	{
		scope: 'search',
		command: 'searchKeep',
		keys: [{name: 'return'}],
		description: 'Close the prompt and keep the search; in the Actors pane also select the actor under the cursor',
		hint: 'keep',
	},
	{
		scope: 'search',
		command: 'searchDrop',
		keys: [{name: 'escape'}],
		description: 'Close the prompt and put back the search and the cursor from before',
		hint: 'cancel',
	},
	{scope: 'search', command: 'down', keys: [{name: 'down'}], description: 'Next match', hint: 'move'},
	{scope: 'search', command: 'up', keys: [{name: 'up'}], description: 'Previous match', hint: 'move'},
	{scope: 'search', command: 'searchDelete', keys: [{name: 'backspace'}, {name: 'delete'}], description: 'Delete the last character'},
	{scope: 'search', command: 'searchDeleteWord', keys: [{char: 'w', ctrl: true}], description: 'Delete the last word'},
	{scope: 'search', command: 'searchClear', keys: [{char: 'u', ctrl: true}], description: 'Delete the whole search'},
	{scope: 'search', command: 'searchType', keys: [{text: 'any'}], description: 'Type into the search (q, n, j, digits are text here)'},
	// The detail view and the help overlay scroll.
	{scope: 'detail', command: 'close', keys: close, description: 'Close the detail view', hint: 'close'},
	{scope: 'detail', command: 'down', keys: down, description: 'Scroll down', hint: 'scroll'},
	{scope: 'detail', command: 'up', keys: up, description: 'Scroll up', hint: 'scroll'},
	{scope: 'detail', command: 'pageDown', keys: pageDown, description: 'One screen down'},
	{scope: 'detail', command: 'pageUp', keys: pageUp, description: 'One screen up'},
	{scope: 'detail', command: 'first', keys: first, description: 'Top'},
	{scope: 'detail', command: 'last', keys: last, description: 'Bottom'},
	// The Notes view.
	{
		scope: 'notes',
		command: 'notesJump',
		keys: [{name: 'return'}],
		description: "Go to the note's item: select it in its pane, clearing filters that hide it",
		hint: 'go to',
	},
	{scope: 'notes', command: 'close', keys: [...close, {char: 'N'}], description: 'Close the Notes view', hint: 'close'},
	{scope: 'notes', command: 'down', keys: down, description: 'Next note', hint: 'move'},
	{scope: 'notes', command: 'up', keys: up, description: 'Previous note', hint: 'move'},
	{scope: 'notes', command: 'first', keys: first, description: 'First (newest) note'},
	{scope: 'notes', command: 'last', keys: last, description: 'Last (oldest) note'},
	{scope: 'notes', command: 'noteEdit', keys: [{char: 'e'}], description: 'Edit the selected note', hint: 'edit'},
	{scope: 'notes', command: 'noteExternal', keys: [{char: 'E'}], description: 'Edit the selected note in $VISUAL or $EDITOR'},
	{scope: 'notes', command: 'noteDelete', keys: [{char: 'd'}], description: 'Delete the selected note (asks y/n)', hint: 'delete'},
	{
		scope: 'notes',
		command: 'search',
		keys: [{char: '/'}],
		description: 'Search the notes: their text and what they are on',
		hint: 'search',
	},
	// While writing a note: every other key is text.
	{
		scope: 'note',
		command: 'noteNewline',
		keys: [
			{name: 'return', meta: true},
			{char: 'j', ctrl: true},
		],
		description: 'New line in the note',
		hint: 'new line',
	},
	{scope: 'note', command: 'noteSave', keys: [{name: 'return'}], description: 'Save the note', hint: 'save'},
	{scope: 'note', command: 'noteCancel', keys: [{name: 'escape'}], description: 'Cancel: nothing is saved', hint: 'cancel'},
	{scope: 'note', command: 'noteLeft', keys: [{name: 'left'}, {char: 'b', ctrl: true}], description: 'Cursor one character left'},
	{scope: 'note', command: 'noteRight', keys: [{name: 'right'}, {char: 'f', ctrl: true}], description: 'Cursor one character right'},
	{
		scope: 'note',
		command: 'noteWordLeft',
		keys: [
			{name: 'left', meta: true},
			{char: 'b', meta: true},
		],
		description: 'Cursor to the start of the word',
	},
	{
		scope: 'note',
		command: 'noteWordRight',
		keys: [
			{name: 'right', meta: true},
			{char: 'f', meta: true},
		],
		description: 'Cursor to the end of the word',
	},
	{scope: 'note', command: 'noteHome', keys: [{name: 'home'}, {char: 'a', ctrl: true}], description: 'Cursor to the start of the line'},
	{scope: 'note', command: 'noteEnd', keys: [{name: 'end'}, {char: 'e', ctrl: true}], description: 'Cursor to the end of the line'},
	{scope: 'note', command: 'noteUp', keys: [{name: 'up'}], description: 'Cursor to the line above'},
	{scope: 'note', command: 'noteDown', keys: [{name: 'down'}], description: 'Cursor to the line below'},
	{
		scope: 'note',
		command: 'noteBackspace',
		keys: [{name: 'backspace'}, {name: 'delete'}],
		description: 'Delete the character before the cursor',
	},
	{scope: 'note', command: 'noteDeleteForward', keys: [{char: 'd', ctrl: true}], description: 'Delete the character under the cursor'},
	{scope: 'note', command: 'noteDeleteWord', keys: [{char: 'w', ctrl: true}], description: 'Delete the word before the cursor'},
	{
		scope: 'note',
		command: 'noteKillStart',
		keys: [{char: 'u', ctrl: true}],
		description: 'Delete from the start of the line to the cursor',
	},
	{scope: 'note', command: 'noteKillEnd', keys: [{char: 'k', ctrl: true}], description: 'Delete from the cursor to the end of the line'},
	{
		scope: 'note',
		command: 'noteType',
		keys: [{text: 'any'}],
		description: 'Type at the cursor (q, j, ?, digits are text here; a paste goes in whole)',
	},
	// Asked before a note is deleted.
	{scope: 'confirm', command: 'confirmYes', keys: [{char: 'y'}], description: 'Delete the note', hint: 'delete'},
	{scope: 'confirm', command: 'confirmNo', keys: [{char: 'n'}, {name: 'escape'}], description: 'Keep the note', hint: 'keep'},
	// The file name prompt of x: every key that is text is typed into it, never a command.
	{scope: 'export', command: 'exportWrite', keys: [{name: 'return'}], description: 'Write the export to the file', hint: 'write'},
	{scope: 'export', command: 'exportCancel', keys: [{name: 'escape'}], description: 'Cancel: nothing is written', hint: 'cancel'},
	{scope: 'export', command: 'noteLeft', keys: [{name: 'left'}, {char: 'b', ctrl: true}], description: 'Cursor one character left'},
	{scope: 'export', command: 'noteRight', keys: [{name: 'right'}, {char: 'f', ctrl: true}], description: 'Cursor one character right'},
	{scope: 'export', command: 'noteHome', keys: [{name: 'home'}, {char: 'a', ctrl: true}], description: 'Cursor to the start'},
	{scope: 'export', command: 'noteEnd', keys: [{name: 'end'}, {char: 'e', ctrl: true}], description: 'Cursor to the end'},
	{
		scope: 'export',
		command: 'noteBackspace',
		keys: [{name: 'backspace'}, {name: 'delete'}],
		description: 'Delete the character before the cursor',
	},
	{scope: 'export', command: 'noteDeleteWord', keys: [{char: 'w', ctrl: true}], description: 'Delete the word before the cursor'},
	{scope: 'export', command: 'noteKillStart', keys: [{char: 'u', ctrl: true}], description: 'Delete from the start to the cursor'},
	{scope: 'export', command: 'noteKillEnd', keys: [{char: 'k', ctrl: true}], description: 'Delete from the cursor to the end'},
	{scope: 'export', command: 'noteType', keys: [{text: 'any'}], description: 'Type at the cursor (q, n, d, digits are text here)'},
	// Asked when the export's file is there.
	{scope: 'overwrite', command: 'exportOverwrite', keys: [{char: 'y'}], description: 'Replace the file with the export', hint: 'overwrite'},
	{
		scope: 'overwrite',
		command: 'exportCancel',
		keys: [{char: 'n'}, {name: 'escape'}],
		description: 'Keep the file: back to the prompt',
		hint: 'keep',
	},
	// A note key pressed before notes.json is read waits for it, and every key after it waits too,
	// but these and those of the terminal (Ctrl-C, Ctrl-L, Ctrl-Z).
	{
		scope: 'held',
		command: 'dropHeld',
		keys: [{name: 'escape'}],
		description:
			'Drop the note key that waits for notes.json to be read and the keys typed after it: the other keys work again, and n, e, E, d are off until the read ends',
		hint: 'drop the waiting keys',
	},
	{scope: 'help', command: 'close', keys: [...close, {char: '?'}], description: 'Close the help', hint: 'close'},
	{scope: 'help', command: 'down', keys: down, description: 'Scroll down', hint: 'scroll'},
	{scope: 'help', command: 'up', keys: up, description: 'Scroll up', hint: 'scroll'},
	{scope: 'help', command: 'pageDown', keys: pageDown, description: 'One screen down'},
	{scope: 'help', command: 'pageUp', keys: pageUp, description: 'One screen up'},
	{scope: 'help', command: 'first', keys: first, description: 'Top'},
	{scope: 'help', command: 'last', keys: last, description: 'Bottom'},
	// Everywhere but a search or a note being written.
	{scope: 'global', command: 'help', keys: [{char: '?'}], description: 'Show the keys', hint: 'help'},
	{scope: 'global', command: 'quit', keys: [{char: 'q'}], description: 'Quit (in a view, q closes it first)', hint: 'quit'},
	// Everywhere.
	{scope: 'always', command: 'quit', keys: [{char: 'c', ctrl: true}], description: 'Quit'},
	{scope: 'always', command: 'redraw', keys: [{char: 'l', ctrl: true}], description: 'Redraw the screen'},
	{
		scope: 'always',
		command: 'suspend',
		keys: [{char: 'z', ctrl: true}],
		description: 'Suspend to the shell; its fg brings the dashboard back',
	},
];

export const SCOPE_TITLES: Record<Scope, string> = {
	actors: 'Actors pane',
	feed: 'Feed pane',
	quotes: 'Quotes pane',
	searched: 'A pane with a kept search',
	lists: 'Any pane',
	item: 'Any pane, the detail view',
	notes: 'Notes view',
	note: 'Writing a note',
	confirm: 'Deleting a note',
	export: 'Typing the file of an export',
	overwrite: 'The export file is there',
	held: 'Keys waiting for notes.json',
	search: 'Typing a search',
	detail: 'Detail view',
	help: 'Help',
	global: 'Everywhere but a search or a note',
	always: 'Everywhere',
};

// A key as the dispatcher sees it, made from what Ink's useInput reports.
export type KeyPress = {
	name: NamedKey | null;
	text: string; // the character(s) typed, '' for a named key
	ctrl: boolean;
	shift: boolean;
	meta: boolean;
};

const NAMED: Array<[keyof Key, NamedKey]> = [
	['upArrow', 'up'],
	['downArrow', 'down'],
	['leftArrow', 'left'],
	['rightArrow', 'right'],
	['pageUp', 'pageup'],
	['pageDown', 'pagedown'],
	['home', 'home'],
	['end', 'end'],
	['return', 'return'],
	['escape', 'escape'],
	['tab', 'tab'],
	['backspace', 'backspace'],
	['delete', 'delete'],
];

export function keyPress(input: string, key: Key): KeyPress {
	const named = NAMED.find(([flag]) => key[flag] === true)?.[1] ?? (input === '\n' ? 'return' : null);
	// A line feed (Ctrl-J) is Enter everywhere but in a note, where it is a new line: its text stays '\n'.
	return {
		name: named,
		text: named ? (input === '\n' ? '\n' : '') : input,
		ctrl: key.ctrl === true,
		shift: key.shift === true,
		meta: key.meta === true && named !== 'escape',
	};
}

// The keys in an input that holds several: typed faster than read, or pasted ("jj\r"). Ink splits
// escape sequences off, so what is left are characters and C0 controls.
export function splitInput(text: string): KeyPress[] {
	const plain = {ctrl: false, shift: false, meta: false};
	return Array.from(text, (char): KeyPress => {
		if (char === '\r' || char === '\n') return {...plain, name: 'return', text: char === '\n' ? '\n' : ''};
		if (char === '\t') return {...plain, name: 'tab', text: ''};
		if (char === '\x7f') return {...plain, name: 'delete', text: ''};
		if (char === '\b') return {...plain, name: 'backspace', text: ''};
		const code = char.codePointAt(0)!;
		if (code >= 1 && code <= 26) return {...plain, name: null, text: String.fromCharCode(code + 96), ctrl: true};
		return {...plain, name: null, text: char, shift: /\p{Lu}/u.test(char)};
	});
}

// Text that can go into a search: no control characters, not a modified key.
export const isText = (press: KeyPress) =>
	press.name === null && !press.ctrl && !press.meta && press.text !== '' && !/[\x00-\x1f\x7f-\x9f]/.test(press.text);

export function matches(spec: KeySpec, press: KeyPress): boolean {
	if ('name' in spec)
		return (
			press.name === spec.name && (spec.name !== 'tab' || press.shift === (spec.shift ?? false)) && press.meta === (spec.meta ?? false)
		);
	if ('char' in spec) {
		// Ctrl-J arrives as a line feed, which is also an Enter.
		if (spec.ctrl && spec.char === 'j' && press.name === 'return' && press.text === '\n') return true;
		if (press.name !== null || press.meta !== (spec.meta ?? false)) return false;
		return spec.ctrl ? press.ctrl && press.text.toLowerCase() === spec.char : !press.ctrl && press.text === spec.char;
	}
	return isText(press);
}

// The command for a key in the given scopes, asked in order. Specific keys win over the catch-all
// "any text" binding in every scope, so that Ctrl-C quits from a search.
export function commandFor(scopes: readonly Scope[], press: KeyPress): Command | null {
	for (const catchAll of [false, true]) {
		for (const scope of scopes) {
			for (const binding of KEYMAP) {
				if (binding.scope !== scope) continue;
				if (binding.keys.some((spec) => 'text' in spec === catchAll && matches(spec, press))) return binding.command;
			}
		}
	}
	return null;
}

const NAMED_LABELS: Record<NamedKey, string> = {
	up: '↑',
	down: '↓',
	left: '←',
	right: '→',
	pageup: 'PgUp',
	pagedown: 'PgDn',
	home: 'Home',
	end: 'End',
	return: 'Enter',
	escape: 'Esc',
	tab: 'Tab',
	backspace: 'Backspace',
	delete: 'Delete',
};

export function keyLabel(spec: KeySpec): string {
	if ('name' in spec) return `${spec.shift ? 'Shift-' : ''}${spec.meta ? 'Alt-' : ''}${NAMED_LABELS[spec.name]}`;
	if ('char' in spec)
		return spec.ctrl ? `Ctrl-${spec.char.toUpperCase()}` : spec.meta ? `Alt-${spec.char}` : spec.char === ' ' ? 'Space' : spec.char;
	return 'text';
}

export const keysLabel = (binding: Binding) => binding.keys.map(keyLabel).join(' / ');

export const bindingsIn = (scope: Scope) => KEYMAP.filter((binding) => binding.scope === scope);

// The footer's hints for the scopes in order: the first key of each hinted binding that no scope
// before it takes (after a search, n is the next match, so the note hint shows a), with the keys
// of neighbours that share a hint joined ("j/k move").
export function hints(scopes: readonly Scope[]): Array<{keys: string; hint: string}> {
	const out: Array<{keys: string; hint: string}> = [];
	const seen = new Set<string>();
	const taken = new Set<string>();
	for (const scope of scopes) {
		let previous: {keys: string; hint: string} | undefined;
		const bindings = bindingsIn(scope);
		for (const binding of bindings) {
			const spec = binding.keys.find((key) => !taken.has(keyLabel(key)));
			if (!binding.hint || !spec) {
				previous = undefined;
				continue;
			}
			const key = keyLabel(spec);
			if (previous && previous.hint === binding.hint) previous.keys += `/${key}`;
			else if (!seen.has(binding.hint)) {
				previous = {keys: key, hint: binding.hint};
				out.push(previous);
				seen.add(binding.hint);
			} else previous = undefined;
		}
		for (const binding of bindings) for (const key of binding.keys) taken.add(keyLabel(key));
	}
	return out;
}

const cell = (text: string) => text.replace(/\|/g, '\\|');
const code = (label: string) => (label === 'text' ? label : `\`${label}\``);

// The readme's key table, generated from the keymap (test/ui/readme.test.ts keeps the readme equal to it).
export function keyTableMarkdown(): string {
	const rows = KEYMAP.map(
		(binding) =>
			`| ${binding.keys.map((spec) => code(cell(keyLabel(spec)))).join(' ')} | ${SCOPE_TITLES[binding.scope]} | ${cell(binding.description)} |`,
	);
	return [...KEY_RULES.map((rule) => `- ${rule}`), '', '| Keys | Where | What |', '| --- | --- | --- |', ...rows].join('\n');
}
