import * as edit from './lineEdit.js';
import type {Env, UIState} from './state.js';

// x in the panes: a one-line prompt for the file that the export of what the filter shows goes
// to. Like the search prompt it takes every key (q, n, d are text in a file name); Enter asks
// App.tsx to write it (store/exportFile.ts), Esc closes it. A file that is there is replaced only
// after y to "overwrite? y/n"; a write that fails leaves the prompt open with its text and the
// error in the status line.

export type ExportMode = {kind: 'export'; text: string; cursor: number; saving: boolean} | {kind: 'overwrite'; file: string}; // above the prompt whose file is there

// `actors`: the selected actor ids, in the order they were selected; `file` as typed.
export type ExportRequest = {op: 'export'; file: string; actors: string[]; overwrite: boolean};

const slug = (name: string) =>
	name
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-|-$/g, '');

// briefing-yoon-suk-yeol.md for a filter, else briefing-2026-12-01.md (today, in local time).
export function defaultExportName(names: readonly string[], now = new Date()): string {
	const filtered = names.map(slug).filter(Boolean).join('-').slice(0, 60).replace(/-$/, '');
	if (filtered) return `briefing-${filtered}.md`;
	const day = (n: number) => String(n).padStart(2, '0');
	return `briefing-${now.getFullYear()}-${day(now.getMonth() + 1)}-${day(now.getDate())}.md`;
}

const top = (state: UIState) => state.modes.at(-1);
const replaceTop = (state: UIState, mode: ExportMode): UIState => ({...state, modes: [...state.modes.slice(0, -1), mode]});

export function openExport(state: UIState, env: Env): UIState {
	const names = state.filter.map((id) => env.index.actorById.get(id)?.actor.name ?? '');
	const text = defaultExportName(names);
	return {...state, status: null, modes: [...state.modes, {kind: 'export', text, cursor: text.length, saving: false}]};
}

// A key of the line editor in the prompt; a file name is one line, so line breaks and controls
// are dropped from what is typed or pasted.
export function editExport(state: UIState, change: (e: edit.Editing) => edit.Editing): UIState {
	const mode = top(state);
	if (mode?.kind !== 'export' || mode.saving) return state;
	const next = change(mode);
	return next.text === mode.text && next.cursor === mode.cursor ? state : replaceTop(state, {...mode, ...next});
}

export const typeExport = (state: UIState, typed: string) => {
	const clean = typed.replace(/[\x00-\x1f\x7f-\x9f]/g, '');
	return clean ? editExport(state, (e) => edit.insert(e, clean)) : state;
};

// Enter in the prompt, or y to "overwrite?": the write asked for.
export function requestExport(state: UIState, overwrite: boolean): UIState {
	const asked = overwrite && top(state)?.kind === 'overwrite' ? {...state, modes: state.modes.slice(0, -1)} : state;
	const mode = top(asked);
	if (mode?.kind !== 'export' || mode.saving || (overwrite && asked === state)) return state;
	if (!mode.text.trim()) return {...state, status: 'type a file name, or Esc'};
	const request: ExportRequest = {op: 'export', file: mode.text.trim(), actors: [...state.filter], overwrite};
	return {...replaceTop(asked, {...mode, saving: true}), request, status: 'writing…'};
}

export function cancelExport(state: UIState): UIState {
	const mode = top(state);
	if (mode?.kind === 'overwrite') return {...state, modes: state.modes.slice(0, -1), status: 'not overwritten: change the name, or Esc'};
	if (mode?.kind !== 'export' || mode.saving) return state;
	return {...state, modes: state.modes.slice(0, -1), status: 'cancelled: nothing was exported'};
}

// What App.tsx does with the write's outcome: written, the prompt closes; the file is there, the
// prompt asks; anything else, the prompt stays with its text and the error.
const saving = (state: UIState) => state.modes.findIndex((mode) => mode.kind === 'export' && mode.saving);

export function exportWritten(state: UIState, status: string): UIState {
	const at = saving(state);
	return {...state, status, modes: at < 0 ? state.modes : state.modes.filter((_, i) => i !== at)};
}

export function exportRefused(state: UIState, message: string, exists: string | null): UIState {
	const at = saving(state);
	const mode = state.modes[at];
	if (mode?.kind !== 'export') return {...state, status: message};
	const modes = [...state.modes];
	modes[at] = {...mode, saving: false};
	// The question only on the prompt it is about, when it is still on top.
	if (exists !== null && at === modes.length - 1) modes.push({kind: 'overwrite', file: exists});
	return {...state, status: exists === null ? message : null, modes};
}
