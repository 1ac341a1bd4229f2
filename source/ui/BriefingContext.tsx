import {createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, useSyncExternalStore, type ReactNode} from 'react';
import {type BodyReader, readArticleBody} from '../store/bodies.js';
import {BRIEFING_FILE} from '../store/db.js';
import {type Note, type NotesState, NOTES_FILE, loadNotes} from '../store/notes.js';
import type {BriefingData, StoredArticle} from '../store/schema.js';
import {type BriefingStart, readBriefingStart} from '../store/start.js';
import {watchFiles} from '../store/watch.js';
import {type Loaded, SLICE, briefingLoader} from './briefingLoader.js';
import {errorMessage} from '../output/errorMessage.js';

// The one way the UI reaches the briefing and the notes: read only (notes are changed through the
// store's functions, and what they resolve with comes back here). An article's text is read from
// the briefing directory (`dir`) only when an item is shown in its paragraph.
//
// A large briefing comes in two steps (`start`, from store/start.ts; briefingLoader.ts): the first
// frame is drawn from its first events and its summary's counts, then the rest is read right after
// that frame. A rest that cannot be read throws, as a briefing.json that cannot be read at all
// does: run.tsx restores the terminal and names the file and the problem.
//
// The dashboard follows the directory (store/watch.ts): a briefing.json replaced by an ingest
// elsewhere is read in the background and shown once whole; notes.json is read again when another
// process changed it. A briefing.json that cannot be read then (written half by hand) leaves the
// one shown, says why in `problem`, and is tried again at its next change.
export type Briefing = Loaded & {
	bodyOf: BodyReader;
	latest: (whole: boolean) => Loaded; // what keys work on (briefingLoader.ts)
	problem: string | null; // why briefing.json on disk is not the one shown
	notes: NotesLoad;
	reloadNotes: () => Promise<NotesState | null>; // reads notes.json again; null when notes are off
	notesSaved: (list: Note[]) => void; // every note as a write of this dashboard left them
};

// notes.json as last read or written. `problem`: why it cannot be written (its notes are then what
// was last read whole, or what could be read of it).
export type NotesLoad = {list: Note[]; problem: string | null; loaded: boolean};

const BriefingContext = createContext<Briefing | null>(null);

// A reload reads briefing.json a megabyte at a time (the first load, four): a turn of the event
// loop that reads more keeps a key waiting longer.
const RELOAD_CHUNK = 1 << 20;

// How notes.json is read: the store's loadNotes, or for the tests, one that holds the first read
// (to press keys before it ends).
export type NotesReader = (dir: string) => Promise<NotesState>;

type Props = {
	data: BriefingData;
	start?: BriefingStart | undefined;
	sample: boolean;
	dir: string | null;
	readNotes?: NotesReader | undefined;
	children: ReactNode;
};

export function BriefingProvider({data, start, sample, dir, readNotes = loadNotes, children}: Props) {
	const loader = useMemo(() => briefingLoader(data, start, sample), [data, start, sample]);
	const loaded = useSyncExternalStore(loader.subscribe, loader.current);
	// Effects run once the frame is drawn, so the rest is read after the first one.
	useEffect(() => loader.start(), [loader]);
	const [problem, setProblem] = useState<string | null>(null);
	const shownSample = loaded.index.sample;
	const {notes, reloadNotes, notesSaved} = useNotes(shownSample ? null : dir, readNotes);
	// The watcher outlives a change of the notes' directory (the sample, then an ingested briefing).
	const reloadNotesRef = useRef(reloadNotes);
	useEffect(() => {
		reloadNotesRef.current = reloadNotes;
	}, [reloadNotes]);

	useEffect(() => {
		if (!dir) return;
		const reloadBriefing = () => {
			let next: BriefingStart | null;
			try {
				next = readBriefingStart(dir, SLICE, RELOAD_CHUNK);
			} catch (error) {
				setProblem(notReloaded(error));
				return;
			}
			// Removed: what was shown stays until another one is there.
			if (!next) return setProblem(`${NOT_RELOADED}: it is gone; the briefing is shown as it was`);
			loader.replace(next, (error) => setProblem(error === undefined ? null : notReloaded(error)));
		};
		return watchFiles(dir, [
			{name: BRIEFING_FILE, stamp: start ? start.stamp : sample ? null : undefined, changed: reloadBriefing},
			{name: NOTES_FILE, changed: () => void reloadNotesRef.current()},
		]);
	}, [dir, loader, start, sample]);

	const value = useMemo(
		() => ({
			...loaded,
			latest: loader.latest,
			bodyOf: (article: StoredArticle) => readArticleBody(shownSample ? null : dir, article),
			problem,
			notes,
			reloadNotes,
			notesSaved,
		}),
		[loaded, loader, shownSample, dir, problem, notes, reloadNotes, notesSaved],
	);
	return <BriefingContext.Provider value={value}>{children}</BriefingContext.Provider>;
}

export function useBriefing(): Briefing {
	const briefing = useContext(BriefingContext);
	if (!briefing) throw new Error('useBriefing needs a BriefingProvider');
	return briefing;
}

// What comes first in the status line: the store's message names the file by its path, which the
// header shows already.
const NOT_RELOADED = `${BRIEFING_FILE} not reloaded`;
const notReloaded = (error: unknown) => `${NOT_RELOADED}: ${errorMessage(error).replace(/^.*[\\/]briefing\.json: /, '')}`;

const sameNotes = (a: NotesLoad, b: NotesLoad) =>
	a.loaded === b.loaded && a.problem === b.problem && (a.list === b.list || JSON.stringify(a.list) === JSON.stringify(b.list));

// notes.json in `dir` (null: notes are off), read at once and whenever asked, and replaced by what
// each write of this dashboard resolves with. A read that started before a write was saved is
// dropped (the write's notes are newer), and one that finds the notes as they are changes nothing,
// so that this dashboard's own writes, seen again by the watcher, draw nothing. A read that finds
// notes.json unreadable keeps the notes last read whole, read-only until it is fixed.
function useNotes(dir: string | null, readNotes: NotesReader) {
	const [notes, setNotes] = useState<NotesLoad>({list: [], problem: null, loaded: false});
	const saves = useRef(0);
	const update = useCallback((next: NotesLoad) => setNotes((previous) => (sameNotes(previous, next) ? previous : next)), []);
	const reloadNotes = useCallback(async () => {
		if (!dir) return null;
		const before = saves.current;
		const read = await readNotes(dir);
		if (saves.current === before) {
			setNotes((previous) => {
				const kept = read.problem && previous.loaded && !previous.problem ? previous.list : read.notes;
				const next = {list: kept, problem: read.problem, loaded: true};
				return sameNotes(previous, next) ? previous : next;
			});
		}
		return read;
	}, [dir, readNotes]);
	const notesSaved = useCallback(
		(list: Note[]) => {
			saves.current++;
			update({list, problem: null, loaded: true});
		},
		[update],
	);
	useEffect(() => {
		void reloadNotes();
	}, [reloadNotes]);
	return {notes, reloadNotes, notesSaved};
}
