import {SAMPLE_NOTICE} from '../../output/text.js';
import type {BriefingIndex} from '../briefingIndex.js';
import {type Scope, hints} from '../keymap.js';
import {type UIState, topMode} from '../state.js';
import {type Line, type Segment, fitLine, lineWidth, width as textWidth} from '../text.js';
import {ACCENT_COLOR, FOCUS_COLOR} from '../theme.js';
import type {PaneId, Views} from '../views.js';
import {CURSOR} from './marks.js';
import {plural} from '../../output/plural.js';

// The header (what is loaded, what is filtered), the footer (the keys that matter now) and the
// tab bar of narrow terminals.

export const EMPTY_NOTICE = 'Nothing ingested yet — add articles with: briefing ingest FILE...';

export const PANE_TITLES: Record<PaneId, string> = {actors: 'Actors', feed: 'Feed', quotes: 'Quotes'};

// Two lines: what is loaded (the sample notice or the directory, and the counts), then the actor
// filter and the searches. Three when the counts do not fit after the notice: they get a line.
export function headerLines(index: BriefingIndex, state: UIState, views: Views, dir: string | null, width: number): Line[] {
	const {data} = index;
	const title: Segment[] = index.sample
		? [{text: SAMPLE_NOTICE, bold: true, color: ACCENT_COLOR}]
		: data.articles.length === 0
			? [{text: EMPTY_NOTICE, bold: true, color: ACCENT_COLOR}]
			: [{text: 'Briefing', bold: true}, ...(dir ? [{text: ` · ${dir}`, dim: true}] : [])];
	const counts: Segment = {
		text: [
			plural(data.articles.length, 'article'),
			plural(data.actors.length, 'actor'),
			plural(index.eventCount, 'event'),
			plural(data.quotes.length, 'quote'),
		].join(' · '),
	};
	const separator: Segment = {text: '  │  ', dim: true};
	const filter: Segment[] = [{text: 'Filter: ', bold: true}];
	if (state.filter.length === 0) filter.push({text: 'none', dim: true});
	else {
		const names = state.filter.map((id) => index.actorById.get(id)?.actor.name ?? id).join(', ');
		filter.push(
			{text: names, bold: true, color: ACCENT_COLOR},
			{text: ` → ${views.feed.count}/${index.eventCount} events, ${views.quotes.length}/${data.quotes.length} quotes`},
		);
	}
	for (const pane of Object.keys(state.search) as PaneId[]) {
		if (state.search[pane])
			filter.push(separator, {text: `/${state.search[pane]}`, bold: true}, {text: ` in ${PANE_TITLES[pane]}`, dim: true});
	}
	const oneLine = [...title, separator, counts];
	if (lineWidth(oneLine) <= width) return [fitLine(oneLine, width), fitLine(filter, width)];
	return [fitLine(title, width), fitLine([counts], width), fitLine(filter, width)];
}

// The text of a search: a pane's, or the Notes view's (kept in its mode).
function searchText(state: UIState, pane: PaneId | 'notes'): string {
	if (pane !== 'notes') return state.search[pane];
	const notes = state.modes.filter((mode) => mode.kind === 'notes').at(-1);
	return notes?.kind === 'notes' ? notes.search : '';
}

export function footerScopes(state: UIState): Scope[] {
	if (state.held) return ['held'];
	const top = topMode(state);
	if (!top) return [state.focus, ...(state.search[state.focus] ? (['searched'] as const) : []), 'lists', 'item', 'global'];
	if (top.kind === 'search' || top.kind === 'note' || top.kind === 'confirm' || top.kind === 'export' || top.kind === 'overwrite')
		return [top.kind];
	if (top.kind === 'detail') return ['detail', 'item', 'global'];
	return [top.kind, 'global'];
}

// The export's file name prompt (x) with its cursor, and what went wrong with the last try; or
// the question about the file that is there.
function exportPromptLine(state: UIState): Segment[] {
	const top = topMode(state);
	if (top?.kind === 'overwrite') return [{text: `${top.file} exists: overwrite? y/n`, bold: true, color: ACCENT_COLOR}, {text: '  '}];
	if (top?.kind !== 'export') return [];
	return [
		{text: 'Export to: ', dim: true},
		{text: top.text.slice(0, top.cursor), bold: true},
		{text: '▏', color: FOCUS_COLOR},
		{text: top.text.slice(top.cursor), bold: true},
		...(state.status
			? [
					{text: '  │  ', dim: true},
					{text: state.status, bold: true, color: ACCENT_COLOR},
				]
			: []),
		{text: '  '},
	];
}

// The keys that matter where the user is, most specific first. When they do not all fit, whole
// hints are left out from the end of the focused pane's, so the global ones (? help, q quit) stay.
export function footerLine(state: UIState, width: number): Line {
	const top = topMode(state);
	const prompt: Segment[] =
		top?.kind === 'search'
			? [{text: `/${searchText(state, top.pane)}`, bold: true}, {text: '▏', color: FOCUS_COLOR}, {text: '  '}]
			: top?.kind === 'confirm'
				? [{text: `Delete note ${top.noteId} “${top.text}”? y/n`, bold: true, color: ACCENT_COLOR}, {text: '  '}]
				: top?.kind === 'export' || top?.kind === 'overwrite'
					? exportPromptLine(state)
					: state.status
						? [
								{text: state.status, bold: true, color: ACCENT_COLOR},
								{text: '  │  ', dim: true},
							]
						: [];
	const scopes = footerScopes(state);
	const global = new Set(hints(['global']).map(({hint}) => hint));
	const all = hints(scopes);
	const segments = (list: typeof all): Segment[] =>
		list.flatMap(({keys, hint}, i) => [...(i ? [{text: '  '}] : []), {text: keys, bold: true, color: FOCUS_COLOR}, {text: ` ${hint}`}]);
	let shown = all;
	while (shown.length && lineWidth([...prompt, ...segments(shown)]) > width) {
		const local = shown.map(({hint}, i) => (global.has(hint) ? -1 : i)).filter((i) => i >= 0);
		const drop = local.length ? local[local.length - 1]! : shown.length - 1;
		shown = shown.filter((_, i) => i !== drop);
	}
	return fitLine([...prompt, ...segments(shown)], width);
}

export function tabBar(focus: PaneId, views: Views, width: number): Line {
	const counts: Record<PaneId, number> = {actors: views.actors.length, feed: views.feed.count, quotes: views.quotes.length};
	const segments: Segment[] = [];
	(['actors', 'feed', 'quotes'] as const).forEach((pane, i) => {
		const focused = pane === focus;
		if (i) segments.push({text: ' │ ', dim: true});
		segments.push({
			text: `${focused ? CURSOR : ' '}${i + 1} ${PANE_TITLES[pane]} ${counts[pane]} `,
			bold: focused || undefined,
			inverse: focused || undefined,
			color: focused ? FOCUS_COLOR : undefined,
		});
	});
	return fitLine(segments, width);
}

// A pane's top border with its title in it: "┏━ ▸ Feed 3/8 ━━━━┓" when focused (heavy lines),
// "╭─ Quotes 2 ─────╮" otherwise, so the focus shows without colour.
export function paneTop(title: Segment[], width: number, focused: boolean): Line {
	const [left, line, right] = focused ? ['┏', '━', '┓'] : ['╭', '─', '╮'];
	const border = {color: focused ? FOCUS_COLOR : undefined, dim: !focused || undefined};
	const head = fitLine(
		[
			{text: `${left}${line} `, ...border},
			...(focused ? [{text: `${CURSOR} `, bold: true, color: FOCUS_COLOR}] : []),
			...title,
			{text: ' '},
		],
		Math.max(0, width - 2),
	);
	const used = head.reduce((sum, segment) => sum + textWidth(segment.text), 0);
	return [...head, {text: `${line.repeat(Math.max(0, width - 1 - used))}${right}`, ...border}];
}
