import {Box} from 'ink';
import {type ReactNode, useEffect} from 'react';
import {ActorsPane} from './ActorsPane.js';
import {useBriefing} from './BriefingContext.js';
import {FeedPane} from './FeedPane.js';
import {type Layout as LayoutSpec} from './geometry.js';
import {LineView} from './LineView.js';
import {QuotesPane} from './QuotesPane.js';
import type {UIState} from './state.js';
import type {Line} from './text.js';
import {type PaneId, type Views, cursorIndex} from './views.js';

type Props = {
	layout: LayoutSpec;
	state: UIState;
	views: Views;
	header: Line[];
	footer: Line;
	tabBar: Line | null;
	overlay: ReactNode | null; // the detail view or the help, in place of the panes
	noted: ReadonlySet<string>; // noteKey of the items with notes
};

// The frame: header, panes (arranged for the terminal's width) or an overlay, footer. Its height
// is the layout's, one row less than the terminal.
export function Layout({layout, state, views, header, footer, tabBar, overlay, noted}: Props) {
	const {index} = useBriefing();
	// Effects run once the frame is drawn, so search texts and id lookups are prepared after the first
	// one, and after the rest of a large briefing is read.
	useEffect(() => (index.partial ? undefined : index.prepareInIdle()), [index]);
	const pane = (id: PaneId) => {
		const size = layout.panes[id];
		if (!size) return null;
		const common = {
			size,
			focused: state.focus === id && !overlay,
			cursor: cursorIndex(index, views, id, state.cursor[id]),
			search: state.search[id],
			noted,
		};
		if (id === 'actors') return <ActorsPane key={id} {...common} entries={views.actors} filter={state.filter} />;
		if (id === 'feed') return <FeedPane key={id} {...common} view={views.feed} filter={state.filter} />;
		return <QuotesPane key={id} {...common} positions={views.quotes} />;
	};
	let body: ReactNode;
	if (overlay) body = overlay;
	else if (layout.mode === 'wide') body = <Box flexDirection="row">{[pane('actors'), pane('feed'), pane('quotes')]}</Box>;
	else if (layout.mode === 'medium')
		body = (
			<Box flexDirection="row">
				{pane('actors')}
				<Box flexDirection="column">{[pane('feed'), pane('quotes')]}</Box>
			</Box>
		);
	else
		body = (
			<Box flexDirection="column">
				{tabBar && <LineView line={tabBar} />}
				{pane(state.focus)}
			</Box>
		);
	return (
		<Box flexDirection="column" width={layout.columns} height={layout.height}>
			{header.map((line, i) => (
				<LineView key={i} line={line} />
			))}
			<Box flexDirection="column" flexGrow={1} height={layout.height - layout.header - layout.footer}>
				{body}
			</Box>
			<LineView line={footer} />
		</Box>
	);
}
