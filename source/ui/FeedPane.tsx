import {noteKey} from './notes.js';
import {memo, useMemo} from 'react';
import {useBriefing} from './BriefingContext.js';
import {EMPTY_NOTICE} from './format/chrome.js';
import {feedRow, headingRow} from './format/feedRow.js';
import {useListWindow} from './hooks/useListWindow.js';
import {type Box as Size, inner} from './geometry.js';
import {LineView} from './LineView.js';
import {Pane} from './Pane.js';
import {type Line, fitLine, wrap} from './text.js';
import type {FeedView} from './views.js';
import {feedWindow} from './window.js';

// Events in chronological order under their date headings. Only the rows on screen are built.
type Props = {
	size: Size;
	focused: boolean;
	view: FeedView;
	cursor: number;
	filter: readonly string[];
	search: string;
	noted: ReadonlySet<string>;
};

// Memoised: a key that moves another pane's cursor does not rebuild this one.
export const FeedPane = memo(function FeedPane({size, focused, view, cursor, filter, search, noted}: Props) {
	const {index} = useBriefing();
	const {width, height} = inner(size);
	const window = useListWindow((previous) => feedWindow(view, cursor, previous, height));
	const selected = useMemo(() => new Set(filter), [filter]);
	const lines: Line[] = [];
	if (window.sticky !== null) lines.push(headingRow(window.sticky, width));
	for (const r of window.rows) {
		const row = view.row(r)!;
		if (row.kind === 'heading') lines.push(headingRow(row.label, width));
		else {
			const event = index.feed[view.items[row.item]!]!;
			lines.push(
				feedRow(index, event, selected, {cursor: row.item === cursor, focused, noted: noted.has(noteKey('event', event.id))}, width),
			);
		}
	}
	const total = view.count;
	const title = [
		{text: 'Feed', bold: true},
		{text: ` ${total ? `${cursor + 1}/${total}` : '0'}`, dim: true},
		...(search ? [{text: ` /${search}`, bold: true}] : []),
	];
	let empty: string | null = null;
	if (total === 0) {
		if (index.feed.length === 0) empty = index.data.articles.length ? 'The briefing has no events.' : EMPTY_NOTICE;
		else if (search) empty = `No event matches “${search}”.`;
		else empty = 'No event involves the selected actors.';
	}
	return (
		<Pane title={title} size={size} focused={focused}>
			{empty === null
				? lines.map((line, i) => <LineView key={i} line={line} />)
				: wrap([{text: empty, dim: true}], width)
						.slice(0, height)
						.map((line, i) => <LineView key={i} line={fitLine(line, width)} />)}
		</Pane>
	);
});
