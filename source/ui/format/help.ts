import {KEY_RULES, type Scope, SCOPE_TITLES, bindingsIn, keysLabel} from '../keymap.js';
import type {UIState} from '../state.js';
import {type Line, fitLine, wrap} from '../text.js';
import {ACCENT_COLOR, KIND_COLOR, KIND_MARK, KIND_NAME} from '../theme.js';

// The `?` overlay: the rules (letters are commands, how views close), the keys of what was in
// front when it opened first (the focused pane, or the detail view), then the rest, all from the
// keymap, then what the markers mean.

export function helpScopes(state: UIState): Scope[] {
	const under = state.modes.filter((mode) => mode.kind !== 'help').at(-1);
	const first: Scope[] =
		under?.kind === 'detail' ? ['detail', 'item'] : under?.kind === 'notes' ? ['notes'] : [state.focus, 'lists', 'item'];
	const all: Scope[] = [
		'actors',
		'feed',
		'quotes',
		'searched',
		'lists',
		'item',
		'search',
		'detail',
		'notes',
		'note',
		'confirm',
		'export',
		'overwrite',
		'held',
		'help',
		'global',
		'always',
	];
	return [...first, ...all.filter((scope) => !first.includes(scope))];
}

export function helpLines(state: UIState, width: number): Line[] {
	const keysWidth = Math.min(24, Math.max(12, Math.floor(width * 0.3)));
	const lines: Line[] = [fitLine([{text: 'Rules', bold: true, color: ACCENT_COLOR}], width)];
	for (const rule of KEY_RULES) lines.push(...wrap([{text: `  ${rule}`}], width));
	for (const scope of helpScopes(state)) {
		const bindings = bindingsIn(scope);
		if (bindings.length === 0) continue;
		if (lines.length) lines.push([]);
		lines.push(fitLine([{text: SCOPE_TITLES[scope], bold: true, color: ACCENT_COLOR}], width));
		for (const binding of bindings) {
			const description = wrap([{text: binding.description}], Math.max(1, width - keysWidth));
			description.forEach((line, i) => {
				const keys = i === 0 ? keysLabel(binding) : '';
				lines.push(fitLine([...fitLine([{text: `  ${keys}`, bold: true}], keysWidth - 1, {}), {text: ' '}, ...line], width));
			});
		}
	}
	lines.push([], fitLine([{text: 'Markers', bold: true, color: ACCENT_COLOR}], width));
	const kinds = (Object.keys(KIND_MARK) as Array<keyof typeof KIND_MARK>).flatMap((kind, i) => [
		...(i ? [{text: ' · '}] : []),
		{text: KIND_MARK[kind], color: KIND_COLOR[kind], bold: true},
		{text: ` ${KIND_NAME[kind]}`},
	]);
	lines.push(
		fitLine([{text: '  '}, ...kinds], width),
		...wrap(
			[
				{
					text: '▸ the cursor in the focused pane (› in the others) · [x] a selected actor · ✎ an item with notes · ┃ the quote under the cursor · a heavy border: the focused pane',
				},
			],
			width,
		).map((line) => fitLine([{text: '  '}, ...line], width)),
	);
	return lines;
}
