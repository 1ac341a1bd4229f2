import {Text, useStdout} from 'ink';
import {useMemo, useState} from 'react';
import type {BriefingData} from '../store/schema.js';
import {BriefingProvider, useBriefing} from './BriefingContext.js';
import {DetailView} from './DetailView.js';
import {footerLine, headerLines, tabBar} from './format/chrome.js';
import {detailLines} from './format/detail.js';
import {helpLines} from './format/help.js';
import {HelpOverlay} from './HelpOverlay.js';
import {textWidth} from './ScrollView.js';
import {useKeymap} from './hooks/useKeymap.js';
import {useTerminalSize} from './hooks/useTerminalSize.js';
import {MIN_COLUMNS, MIN_ROWS, type Layout as LayoutSpec, inner, layoutFor} from './geometry.js';
import {Layout} from './Layout.js';
import {cardLines} from './QuotesPane.js';
import {type Env, type UIState, initialState, topMode} from './state.js';
import {fitLine} from './text.js';
import {type Theme, ThemeContext, themeFor, useTheme} from './theme.js';
import type {PaneId} from './views.js';

export type AppProps = {
	data: BriefingData;
	sample: boolean; // the embedded sample, shown until something is ingested
	dir?: string | null; // the briefing directory, for the header
	theme?: Theme; // default: from NO_COLOR and the terminal
};

export function App({data, sample, dir = null, theme}: AppProps) {
	const {stdout} = useStdout();
	const resolved = useMemo(() => theme ?? themeFor(stdout), [theme, stdout]);
	return (
		<ThemeContext.Provider value={resolved}>
			<BriefingProvider data={data} sample={sample}>
				<Dashboard dir={dir} />
			</BriefingProvider>
		</ThemeContext.Provider>
	);
}

// How far a page-down moves in each pane: a screenful of rows, or of cards.
function pagesFor(layout: LayoutSpec): Record<PaneId, number> {
	const rows = (pane: PaneId) => inner(layout.panes[pane] ?? layout.body).height;
	return {actors: rows('actors'), feed: Math.max(1, rows('feed') - 1), quotes: Math.max(1, Math.floor(rows('quotes') / (cardLines(rows('quotes')) + 3)))};
}

function Dashboard({dir}: {dir: string | null}) {
	const {index, views: viewsFor} = useBriefing();
	const {color} = useTheme();
	const {columns, rows} = useTerminalSize();
	const [state, setState] = useState<UIState>(initialState);
	const views = viewsFor(state);
	const header = headerLines(index, state, views, dir, columns);
	// Memoised so the panes, memoised too, see the same sizes until the terminal or the focus changes.
	const layout = useMemo(() => layoutFor(columns, rows, state.focus, header.length), [columns, rows, state.focus, header.length]);
	const top = topMode(state);
	const overlaySize = {width: columns, height: layout.height - layout.header - layout.footer};
	const overlayWidth = textWidth(overlaySize);
	// The overlay's lines depend on what is open and the width, not on its scroll position.
	const overlayKey = top?.kind === 'detail' ? `detail ${top.pane} ${top.id}` : top?.kind === 'help' ? `help ${state.focus} ${state.modes.length}` : '';
	const overlayLines = useMemo(() => {
		if (top?.kind === 'detail') return detailLines(index, top, overlayWidth, color);
		if (top?.kind === 'help') return helpLines(state, overlayWidth);
		return null;
	}, [index, overlayKey, overlayWidth, color]); // eslint-disable-line react-hooks/exhaustive-deps

	const env: Env = {
		index,
		views: viewsFor,
		pages: pagesFor(layout),
		overlay: {page: inner(overlaySize).height, lines: overlayLines?.length ?? 0},
	};
	useKeymap(state, setState, env);

	if (layout.mode === 'tiny') {
		return <Text wrap="truncate-end">{fitLine([{text: `Enlarge window to ${MIN_COLUMNS}×${MIN_ROWS} (is ${columns}×${rows})`}], columns)[0]?.text}</Text>;
	}
	let overlay = null;
	if (top?.kind === 'detail' && overlayLines) overlay = <DetailView pane={top.pane} lines={overlayLines} size={overlaySize} scroll={top.scroll} />;
	if (top?.kind === 'help' && overlayLines) overlay = <HelpOverlay lines={overlayLines} size={overlaySize} scroll={top.scroll} />;
	return (
		<Layout
			layout={layout}
			state={state}
			views={views}
			header={header}
			footer={footerLine(state, columns)}
			tabBar={layout.tabBar ? tabBar(state.focus, views, columns) : null}
			overlay={overlay}
		/>
	);
}
