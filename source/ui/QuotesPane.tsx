import {noteKey} from './notes.js';
import {memo} from 'react';
import {useBriefing} from './BriefingContext.js';
import {EMPTY_NOTICE} from './format/chrome.js';
import {quoteCard, quoteCardHeight} from './format/quoteCard.js';
import {useListWindow} from './hooks/useListWindow.js';
import {type Box as Size, inner} from './geometry.js';
import {LineView} from './LineView.js';
import {Pane} from './Pane.js';
import {type Line, fitLine, wrap} from './text.js';
import {cardsWindow} from './window.js';

// Lines of a quote a card shows before cutting it: more when the pane is tall.
export const cardLines = (height: number) => Math.max(2, Math.min(8, Math.floor(height / 4)));

// Quote cards, chronological. Only the cards on screen are built.
type Props = {size: Size; focused: boolean; positions: readonly number[]; cursor: number; search: string; noted: ReadonlySet<string>};

// Memoised: a key that moves another pane's cursor does not rebuild this one.
export const QuotesPane = memo(function QuotesPane({size, focused, positions, cursor, search, noted}: Props) {
	const {index} = useBriefing();
	const {width, height} = inner(size);
	const maxLines = cardLines(height);
	const quoteAt = (i: number) => index.quotes[positions[i]!]!;
	const {offset} = useListWindow((previous) => ({
		offset: cardsWindow((i) => quoteCardHeight(quoteAt(i), width, maxLines), positions.length, cursor, previous, height),
	}));
	const lines: Line[] = [];
	for (let i = offset; i < positions.length && lines.length < height; i++) {
		lines.push(
			...quoteCard(index, quoteAt(i), {cursor: i === cursor, focused, noted: noted.has(noteKey('quote', quoteAt(i).id))}, width, maxLines),
		);
	}
	const title = [
		{text: 'Quotes', bold: true},
		{text: ` ${positions.length ? `${cursor + 1}/${positions.length}` : '0'}`, dim: true},
		...(search ? [{text: ` /${search}`, bold: true}] : []),
	];
	let empty: string | null = null;
	if (positions.length === 0) {
		if (index.quotes.length === 0) empty = index.data.articles.length ? 'The briefing has no quotes.' : EMPTY_NOTICE;
		else if (search) empty = `No quote matches “${search}”.`;
		else empty = 'No quote is by the selected actors.';
	}
	return (
		<Pane title={title} size={size} focused={focused}>
			{empty === null
				? lines.slice(0, height).map((line, i) => <LineView key={i} line={line} />)
				: wrap([{text: empty, dim: true}], width)
						.slice(0, height)
						.map((line, i) => <LineView key={i} line={fitLine(line, width)} />)}
		</Pane>
	);
});
