import {lstat} from 'node:fs/promises';
import {homedir} from 'node:os';
import {resolve} from 'node:path';
import {type ExportFormat, briefingDocument, exportCounts, exportText, formatFor} from '../output/export.js';
import {writeFileDurably} from './durable.js';
import {describeFsError, errorCode} from './errors.js';
import {loadNotes} from './notes.js';
import {actorById} from './queries.js';
import type {BriefingData} from './schema.js';

// The dashboard's x: the briefing filtered to the selected actors, written as `briefing export
// --actor NAME...` writes it (the same document, the same bytes), in a file named in its prompt.

// The file is there and the user has not said to replace it.
export class ExportExistsError extends Error {
	override name = 'ExportExistsError';
	constructor(readonly file: string) {
		super(`${file} exists`);
	}
}

// The file could not be written; `reason` is what describeFsError says, for a prompt that shows
// the file already.
export class ExportWriteError extends Error {
	override name = 'ExportWriteError';
	constructor(
		readonly file: string,
		readonly reason: string,
		options: ErrorOptions,
	) {
		super(`${file}: ${reason}`, options);
	}
}

// A name as typed: ~/ is the home directory, a relative one is in the working directory.
export const exportPath = (typed: string) => resolve(typed.replace(/^~(?=\/|$)/, homedir()));

export type ExportWritten = {file: string; format: ExportFormat; counts: string};

// `actorIds`: the selected actors, in the order they were selected (none: the whole briefing).
// The notes are notes.json's in `notesDir`, as the command reads them (none: notes are off).
// Written atomically (writeFileDurably); an existing file only when `overwrite`. Errors name the
// file and say what is wrong in a line.
export async function writeExport(
	data: BriefingData,
	notesDir: string | null,
	actorIds: readonly string[],
	typed: string,
	overwrite: boolean,
): Promise<ExportWritten> {
	const file = exportPath(typed);
	const format = formatFor(file);
	const actors = actorById(data);
	const names = actorIds.flatMap((id) => {
		const actor = actors.get(id);
		return actor ? [actor.name] : [];
	});
	const notes = notesDir ? (await loadNotes(notesDir)).notes : [];
	const doc = briefingDocument(data, notes, {actors: names, since: null, until: null}, actorIds.length ? new Set(actorIds) : null);
	try {
		if (!overwrite && (await exists(file))) throw new ExportExistsError(file);
		await writeFileDurably(file, exportText(doc, format));
	} catch (error) {
		if (error instanceof ExportExistsError) throw error;
		throw new ExportWriteError(file, describeFsError(error), {cause: error});
	}
	return {file, format, counts: exportCounts(doc)};
}

async function exists(file: string): Promise<boolean> {
	try {
		await lstat(file);
		return true;
	} catch (error) {
		if (errorCode(error) === 'ENOENT') return false;
		throw error;
	}
}
