import {useCallback} from 'react';
import {ExportExistsError, ExportWriteError, writeExport} from '../../store/exportFile.js';
import {type Note, NotesFileError, addNote, editNote, removeNote} from '../../store/notes.js';
import {sanitize} from '../../output/sanitize.js';
import type {BriefingIndex} from '../briefingIndex.js';
import {type ClipboardWriter, copyText, systemClipboard} from '../clipboard.js';
import {noteFailed, noteSaved} from '../dispatch.js';
import {exportRefused, exportWritten} from '../exportPrompt.js';
import {editInEditor} from '../externalEditor.js';
import {type Opener, articleTarget, systemOpener} from '../opener.js';
import type {NoteRequest, Request, UIState} from '../state.js';
import type {Screen} from './useScreen.js';
import {errorMessage} from '../../output/errorMessage.js';

// What the dashboard does outside its state when a key asks (state.request): notes written to
// notes.json, a note handed to $EDITOR, an article opened, a citation copied, an export written.
// Each ends with a line in the status line; a note that could not be written stays in the editor.

export type Outside = {
	// The real terminal, which $EDITOR is given and OSC 52 is written to (an escape that draws nothing,
	// so it goes past Ink's frame); none when rendered into memory.
	terminal: {stdout: {write: (text: string) => unknown}} | null;
	clipboard?: ClipboardWriter;
	opener?: Opener;
	env?: NodeJS.ProcessEnv;
};

type Deps = Outside & {
	notesDir: string | null;
	dir: string | null;
	index: BriefingIndex;
	latest: (whole: boolean) => {index: BriefingIndex}; // the briefing keys work on (briefingLoader.ts)
	handOver: Screen['handOver']; // the terminal lent to the editor (useScreen.ts)
	update: (change: (state: UIState) => UIState) => void;
	saved: (notes: Note[]) => void; // notes.json as the write left it
	reload: () => void; // notes.json read again, after a write found it damaged
};

export function useRequests({
	notesDir,
	dir,
	index,
	latest,
	handOver,
	update,
	saved,
	reload,
	terminal,
	clipboard,
	opener,
	env = process.env,
}: Deps) {
	const writeNote = useCallback(
		(request: NoteRequest, written?: Parameters<typeof noteFailed>[2]) => {
			if (!notesDir) return;
			const done = {add: 'added', edit: 'edited', remove: 'deleted'}[request.op];
			const change =
				request.op === 'add'
					? addNote(notesDir, request.target, request.text)
					: request.op === 'edit'
						? editNote(notesDir, request.id, request.text)
						: removeNote(notesDir, request.id);
			change.then(
				(result) => {
					saved(result.notes);
					update((s) => noteSaved(s, `saved: ${done} ${result.note.id} on ${result.note.target.kind} ${result.note.target.id}`));
				},
				(error: unknown) => {
					update((s) => noteFailed(s, errorMessage(error), written));
					if (error instanceof NotesFileError) reload();
				},
			);
		},
		[notesDir, saved, update, reload],
	);

	return useCallback(
		(request: Request) => {
			switch (request.op) {
				case 'add':
				case 'edit':
				case 'remove':
					writeNote(request);
					return;
				case 'external':
					// The editor has the terminal until it exits; then the dashboard takes it back, drawn whole.
					handOver(() => editInEditor(request.text, env, terminal !== null)).then(
						(outcome) => {
							if ('cancelled' in outcome) update((s) => ({...s, status: outcome.cancelled}));
							else if (outcome.saved === request.text) update((s) => ({...s, status: 'unchanged: nothing was saved'}));
							else {
								const written = {target: request.target, noteId: request.noteId, text: outcome.saved};
								update((s) => ({...s, status: 'saving…'}));
								writeNote(
									request.noteId === null
										? {op: 'add', target: request.target, text: outcome.saved}
										: {op: 'edit', id: request.noteId, text: outcome.saved},
									written,
								);
							}
						},
						(error: unknown) => update((s) => ({...s, status: `could not run the editor: ${errorMessage(error)}`})),
					);
					return;
				case 'open': {
					const article = index.articleById.get(request.article);
					const target = article ? articleTarget(article, dir) : {problem: 'the article is no longer in the briefing'};
					if ('problem' in target) {
						update((s) => ({...s, status: `${request.what}: ${target.problem}`}));
						return;
					}
					(opener ?? systemOpener(env))(target.target).then(
						() => update((s) => ({...s, status: `opened ${target.target}`})),
						(error: unknown) => update((s) => ({...s, status: `could not open ${target.target}: ${errorMessage(error)}`})),
					);
					return;
				}
				case 'copy':
					copyText(request.text, terminal?.stdout ?? null, env, clipboard ?? systemClipboard).then(
						(how) => update((s) => ({...s, status: `copied ${request.what} (${how}): ${request.text}`})),
						(error: unknown) => update((s) => ({...s, status: errorMessage(error)})),
					);
					return;
				case 'export': {
					// The briefing whole: the rest of a large one still being read is read first, as End reads it.
					const whole = index.partial ? latest(true).index : index;
					writeExport(whole.data, notesDir, request.actors, request.file, request.overwrite).then(
						(done) => update((s) => exportWritten(s, sanitize(`wrote ${done.file} (${done.format}, ${done.counts})`))),
						(error: unknown) => {
							const exists = error instanceof ExportExistsError ? sanitize(error.file) : null;
							const why = error instanceof ExportWriteError ? `not written: ${error.reason}` : errorMessage(error);
							update((s) => exportRefused(s, sanitize(why), exists));
						},
					);
				}
			}
		},
		[writeNote, handOver, terminal, env, update, index, latest, dir, notesDir, opener, clipboard],
	);
}
