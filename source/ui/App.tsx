import {Text, useStdout, useWindowSize} from 'ink';
import {type RefObject, useCallback, useEffect, useMemo, useRef, useState} from 'react';
import {notesOn} from '../store/notes.js';
import type {BriefingData} from '../store/schema.js';
import type {BriefingStart} from '../store/start.js';
import {BriefingProvider, type NotesLoad, type NotesReader, useBriefing} from './BriefingContext.js';
import {anchor, followNotes} from './dispatch.js';
import {DetailView} from './DetailView.js';
import {footerLine, headerLines, tabBar} from './format/chrome.js';
import {detailLines} from './format/detail.js';
import {helpLines} from './format/help.js';
import {HelpOverlay} from './HelpOverlay.js';
import {textWidth} from './ScrollView.js';
import {useKeymap} from './hooks/useKeymap.js';
import {type Outside, useRequests} from './hooks/useRequests.js';
import {useScreen} from './hooks/useScreen.js';
import {MIN_COLUMNS, MIN_ROWS, type Layout as LayoutSpec, inner, layoutFor} from './geometry.js';
import {Layout} from './Layout.js';
import {cardLines} from './QuotesPane.js';
import {type Env, type NotesEnv, type UIState, initialState} from './state.js';
import {noteEditorLines, notesViewLines} from './format/notes.js';
import {notedKeys, notesShown} from './notes.js';
import {ScrollView} from './ScrollView.js';
import {fitLine} from './text.js';
import {type Theme, ThemeContext, themeFor, useTheme} from './theme.js';
import type {PaneId} from './views.js';

export type AppProps = {
	data: BriefingData;
	start?: BriefingStart; // data is its first part (store/start.ts)
	sample: boolean; // the embedded sample, shown until something is ingested
	dir?: string | null; // the briefing directory, for the header
	theme?: Theme; // default: from NO_COLOR and the terminal
	readNotes?: NotesReader;
} & Partial<Outside>;

export function App({data, start, sample, dir = null, theme, readNotes, ...outside}: AppProps) {
	const {stdout} = useStdout();
	const resolved = useMemo(() => theme ?? themeFor(stdout), [theme, stdout]);
	return (
		<ThemeContext.Provider value={resolved}>
			<BriefingProvider data={data} start={start} sample={sample} dir={dir} readNotes={readNotes}>
				<Dashboard dir={dir} outside={{terminal: null, ...outside}} />
			</BriefingProvider>
		</ThemeContext.Provider>
	);
}

// How far a page-down moves in each pane: a screenful of rows, or of cards.
function pagesFor(layout: LayoutSpec): Record<PaneId, number> {
	const rows = (pane: PaneId) => inner(layout.panes[pane] ?? layout.body).height;
	return {
		actors: rows('actors'),
		feed: Math.max(1, rows('feed') - 1),
		quotes: Math.max(1, Math.floor(rows('quotes') / (cardLines(rows('quotes')) + 3))),
	};
}

const SAMPLE_REFUSAL = 'notes go on your own briefing, not the sample: ingest articles first (briefing ingest FILE...)';

// What is wrong first: the problem names the file and can be long, and the status line is one line.
// The problem starts with the file's path; the header already shows the directory.
const readOnly = (problem: string) =>
	`notes are read-only until notes.json is fixed (briefing doctor explains): ${problem.replace(/^.*[\\/](notes\.json: )/, '$1')}`;

// Why n, e and d cannot change notes, or null when they can (once notes.json is read: until
// then they wait for it, dispatch.ts).
function refusalFor(sample: boolean, dir: string | null, notes: NotesLoad): string | null {
	if (sample) return SAMPLE_REFUSAL;
	if (!dir) return 'notes are off: there is no briefing directory';
	if (notes.problem) return readOnly(notes.problem);
	return null;
}

// What is wrong with a file on disk (notes.json that cannot be written, briefing.json that could not
// be read again) goes to the status line when it is found, and leaves it when it is gone, unless
// something else has been said since.
function useProblemStatus(problem: string | null, update: RefObject<(change: (state: UIState) => UIState) => void>) {
	const shown = useRef<string | null>(null);
	useEffect(() => {
		const before = shown.current;
		shown.current = problem;
		if (problem) update.current((s) => ({...s, status: problem}));
		else if (before !== null) update.current((s) => (s.status === before ? {...s, status: null} : s));
	}, [problem, update]);
}

function Dashboard({dir, outside}: {dir: string | null; outside: Outside}) {
	// The notes come from the briefing's context, which reads notes.json again when it changes.
	const {index, views: viewsFor, bodyOf, latest, problem, notes, reloadNotes, notesSaved} = useBriefing();
	const notesDir = index.sample ? null : dir;
	const updateRef = useRef<(change: (state: UIState) => UIState) => void>(() => {});
	useProblemStatus(notes.problem && readOnly(notes.problem), updateRef);
	useProblemStatus(problem, updateRef);
	const update = useCallback((change: (state: UIState) => UIState) => updateRef.current(change), []);
	const reloadLater = useCallback(() => void reloadNotes(), [reloadNotes]);
	const screen = useScreen();
	const onRequest = useRequests({
		...outside,
		notesDir,
		dir,
		index,
		latest,
		handOver: screen.handOver,
		update,
		saved: notesSaved,
		reload: reloadLater,
	});
	const noted = useMemo(() => notedKeys(notes.list), [notes.list]);
	const {color} = useTheme();
	const {columns, rows} = useWindowSize();
	// Each cursor on its item by id from the start, so that a briefing read again keeps it there.
	const [state, setState] = useState<UIState>(() => anchor(initialState(), {index, views: viewsFor}));
	// The Notes view's cursor follows its note when the notes or the briefing change under it, in this
	// render, so that no frame shows it on another note.
	const [notesSeen, setNotesSeen] = useState({index, list: notes.list});
	if (notesSeen.index !== index || notesSeen.list !== notes.list) {
		setNotesSeen({index, list: notes.list});
		const next = followNotes(state, notesSeen, {index, list: notes.list});
		if (next !== state) setState(next);
	}
	const views = viewsFor(state);
	const header = headerLines(index, state, views, dir, columns);
	// Memoised so the panes, memoised too, see the same sizes until the terminal or the focus changes.
	const layout = useMemo(() => layoutFor(columns, rows, state.focus, header.length), [columns, rows, state.focus, header.length]);
	// What is drawn over the panes: the top mode, but the delete question and the Notes view's search
	// prompt are in the footer, over whatever is under them.
	const top = state.modes.filter((mode) => mode.kind !== 'confirm' && !(mode.kind === 'search' && mode.pane === 'notes')).at(-1);
	const notesOpen = top?.kind === 'notes';
	// Read again on opening too, for a directory whose changes are not seen (a network file system).
	useEffect(() => {
		if (notesOpen) void reloadNotes();
	}, [notesOpen, reloadNotes]);
	const notesSearch = top?.kind === 'notes' ? top.search : null;
	const shownNotes = useMemo(
		() => (notesSearch === null ? null : notesShown(index, notes.list, notesSearch)),
		[index, notes.list, notesSearch],
	);
	const overlaySize = {width: columns, height: layout.height - layout.header - layout.footer};
	const overlayWidth = textWidth(overlaySize);
	// The overlay's lines depend on what is open and the width, not on its scroll position.
	const overlayKey =
		top?.kind === 'detail'
			? `detail ${top.pane} ${top.id}`
			: top?.kind === 'help'
				? `help ${state.focus} ${state.modes.length}`
				: top?.kind === 'notes'
					? `notes ${top.cursor} ${top.search}`
					: top?.kind === 'note'
						? `note ${top.cursor} ${top.text}`
						: '';
	const overlayLines = useMemo(() => {
		if (top?.kind === 'detail')
			return detailLines(index, bodyOf, top, overlayWidth, color, notesOn(notes.list, top.pane === 'feed' ? 'event' : 'quote', top.id));
		if (top?.kind === 'help') return helpLines(state, overlayWidth);
		if (top?.kind === 'notes') return notesViewLines(index, shownNotes ?? [], top.cursor, overlayWidth, top.search);
		if (top?.kind === 'note') return noteEditorLines(top, overlayWidth);
		return null;
	}, [index, overlayKey, overlayWidth, color, notes.list]); // eslint-disable-line react-hooks/exhaustive-deps
	const notesEnv: NotesEnv = useMemo(
		() => ({list: notes.list, refusal: refusalFor(index.sample, dir, notes), reading: !notes.loaded}),
		[notes, index.sample, dir],
	);

	const env: Env = {
		index,
		views: viewsFor,
		pages: pagesFor(layout),
		overlay: {page: inner(overlaySize).height, lines: overlayLines?.length ?? 0},
		notes: notesEnv,
		latest,
	};
	updateRef.current = useKeymap(state, setState, env, screen, onRequest);

	if (layout.mode === 'tiny') {
		return (
			<Text wrap="truncate-end">
				{fitLine([{text: `Enlarge window to ${MIN_COLUMNS}×${MIN_ROWS} (is ${columns}×${rows})`}], columns)[0]?.text}
			</Text>
		);
	}
	let overlay = null;
	if (top?.kind === 'detail' && overlayLines)
		overlay = <DetailView pane={top.pane} lines={overlayLines} size={overlaySize} scroll={top.scroll} />;
	if (top?.kind === 'help' && overlayLines) overlay = <HelpOverlay lines={overlayLines} size={overlaySize} scroll={top.scroll} />;
	const page = inner(overlaySize).height;
	if (top?.kind === 'notes' && overlayLines) {
		const title = [
			{text: 'Notes', bold: true},
			{
				text: top.search ? ` ${shownNotes?.length ?? 0}/${notes.list.length} · /${top.search}` : ` ${notes.list.length} · newest first`,
				dim: true,
			},
		];
		overlay = <ScrollView title={title} lines={overlayLines} size={overlaySize} scroll={Math.max(0, top.cursor - page + 1)} />;
	}
	if (top?.kind === 'note' && overlayLines)
		overlay = (
			<ScrollView
				title={[{text: 'Note', bold: true}]}
				lines={overlayLines}
				size={overlaySize}
				scroll={Math.max(0, overlayLines.length - page)}
			/>
		);
	return (
		<Layout
			layout={layout}
			state={state}
			views={views}
			header={header}
			footer={footerLine(state, columns)}
			tabBar={layout.tabBar ? tabBar(state.focus, views, columns) : null}
			overlay={overlay}
			noted={noted}
		/>
	);
}
