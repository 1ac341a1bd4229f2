import {readFile, readdir, stat} from 'node:fs/promises';
import {basename, dirname} from 'node:path';
import {backupFile, listBackups} from './backup.js';
import {ARTICLES_DIR, articlesWithoutBody, readArticleBody} from './bodies.js';
import {briefingFile, writeBriefingAt} from './db.js';
import {removeTempFiles, writeFileDurably} from './durable.js';
import {describeFsError, errorCode} from './errors.js';
import {describeJsonError, findObjects} from './jsontext.js';
import {withLock} from './lock.js';
import {BRIEFING_MIGRATIONS, NOTES_MIGRATIONS, type Migration} from './migrations.js';
import {
	NOTES_LOCK_FILE,
	NOTES_SCHEMA_VERSION,
	NOTE_TARGET_KINDS,
	checkNotesData,
	idNumber,
	nextNumber,
	notesFile,
	parseNotesText,
	serializeNotes,
	type Note,
	type NoteTargetKind,
	type NotesData,
} from './notes.js';
import {rebuildBriefing, recoverableArticle, type ExtractFunction, type RebuildResult} from './rebuild.js';
import {SCHEMA_VERSION, type ArticleWithBody, type FullBriefing} from './schema.js';
import {checkFullBriefing} from './validate.js';

// `briefing doctor`: what is wrong with briefing.json and notes.json, and the safe repair. Every
// repair runs under the file's lock, looks at the file again there, and copies it to a backup
// (backup.ts) before writing anything. notes.json is never repaired by dropping notes: a damaged
// one is replaced by every note that can be read of it, plus those of its newest whole backup.

// What a reading of a file found. `leftovers`: temporary files of writes that were killed.
type Common = {file: string; leftovers: number};

export type BriefingExam = Common &
	(
		| {kind: 'missing'}
		| {kind: 'ok'; data: FullBriefing}
		| {kind: 'unreadable'; problem: string} // cannot be read at all (permissions, a directory)
		| {kind: 'newer'; problem: string} // only a newer briefing can read it
		| {kind: 'older'; problem: string; data: FullBriefing; from: number; steps: Migration[]}
		// Damaged or inconsistent: `articles` are those that can be extracted again, `lost` the paths
		// (else the keys, their urls) of those that cannot, `lostUnnamed` the number of lost ones
		// without a key.
		// `refused`: whether the other commands refuse it (a damaged file) or read it (an inconsistent one).
		| {kind: 'broken'; problem: string; refused: boolean; articles: ArticleWithBody[]; lost: string[]; lostUnnamed: number}
	);

export type NotesExam = Common &
	(
		| {kind: 'missing'}
		| {kind: 'ok'; data: NotesData}
		| {kind: 'unreadable'; problem: string}
		| {kind: 'newer'; problem: string; readable: Note[]}
		| {kind: 'older'; problem: string; data: NotesData; from: number; steps: Migration[]}
		// `readable`: the notes that can be read of it, `renumber` those among them that need a new id,
		// `mended` what had to be filled in (salvageNotes), `unkept` the ids of notes of which no text
		// can be read; `backup`: its newest backup that is whole.
		| {
				kind: 'broken';
				problem: string;
				readable: Note[];
				renumber: Note[];
				mended: string[];
				unkept: string[];
				nextId: number | null;
				backup: {path: string; modified: Date; data: NotesData} | null;
		  }
	);

async function countLeftovers(file: string): Promise<number> {
	const prefix = `.${basename(file)}.`;
	try {
		return (await readdir(dirname(file))).filter((name) => name.startsWith(prefix) && name.endsWith('.tmp')).length;
	} catch {
		return 0;
	}
}

async function readText(file: string): Promise<{text: string} | {missing: true} | {problem: string}> {
	try {
		return {text: await readFile(file, 'utf8')};
	} catch (error) {
		if (errorCode(error) === 'ENOENT') return {missing: true};
		return {problem: describeFsError(error)};
	}
}

// What every examination starts with: the temporary files left next to the file, then its text,
// unless it is missing or unreadable, which is then the whole answer.
async function openForExam(
	file: string,
): Promise<{answer: Common & ({kind: 'missing'} | {kind: 'unreadable'; problem: string})} | {common: Common; text: string}> {
	const common = {file, leftovers: await countLeftovers(file)};
	const read = await readText(file);
	if ('missing' in read) return {answer: {...common, kind: 'missing'}};
	if ('problem' in read) return {answer: {...common, kind: 'unreadable', problem: read.problem}};
	return {common, text: read.text};
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

const migrationProblem = (from: number, current: number, what: string) =>
	`is ${what} ${from}, from an older briefing; it is read as ${what} ${current}, and written so once it is backed up`;

// --- briefing.json ------------------------------------------------------------------------------

// Events, quotes and actors that point at articles or actors the briefing does not have: what a
// hand edit or a bad merge leaves. Null when there are none.
export function danglingProblem(data: FullBriefing): string | null {
	const articles = new Set(data.articles.map((article) => article.id));
	const actors = new Set(data.actors.map((actor) => actor.id));
	const counts = {
		events: data.events.filter((event) => !articles.has(event.article) || event.actors.some((id) => !actors.has(id))).length,
		quotes: data.quotes.filter((quote) => !articles.has(quote.article) || (quote.speaker !== null && !actors.has(quote.speaker))).length,
		actors: data.actors.filter((actor) => actor.sources.some((source) => !articles.has(source.article))).length,
	};
	const parts = Object.entries(counts)
		.filter(([, n]) => n > 0)
		.map(([list, n]) => `${n} ${n === 1 ? list.slice(0, -1) : list}`);
	return parts.length ? `is inconsistent: ${parts.join(', ')} refer to articles or actors that are not in it` : null;
}

// An article record with its text: inline (schema 1), else from its file in articles/.
function withBody(dir: string, value: unknown): unknown {
	if (!isRecord(value) || value['body'] !== undefined || typeof value['id'] !== 'string' || typeof value['hash'] !== 'string') return value;
	return {...value, body: readArticleBody(dir, {id: value['id'], hash: value['hash']}) ?? undefined};
}

// A field of an article that JSON.parse refuses, with its quoted value.
const QUOTED_FIELD = {key: /"key"\s*:\s*("(?:[^"\\]|\\.)*")/, path: /"path"\s*:\s*("(?:[^"\\]|\\.)*")/};

// The articles of a damaged briefing.json that can be extracted again, and the keys of those that
// cannot. From parsed JSON, its "articles" list; from text that is not JSON, every article object
// in it (written with its "a-…" id first) that is whole.
function salvageArticles(dir: string, parsed: unknown, text: string): {articles: ArticleWithBody[]; lost: string[]; lostUnnamed: number} {
	const values: Array<{value: unknown; text?: string}> =
		isRecord(parsed) && Array.isArray(parsed['articles'])
			? parsed['articles'].map((value) => ({value}))
			: findObjects(text, /\{\s*"id"\s*:\s*"a-/g).map((found) =>
					found.value === undefined && 'text' in found ? {value: undefined, text: found.text} : {value: found.value},
				);
	const articles: ArticleWithBody[] = [];
	const lost: string[] = [];
	let lostUnnamed = 0;
	const keys = new Set<string>();
	for (const {value, text: partial} of values) {
		const article = recoverableArticle(withBody(dir, value));
		if (article) {
			if (!keys.has(article.key)) articles.push(article);
			keys.add(article.key);
			continue;
		}
		// Named by its path, which can be ingested again, else by its key (its url).
		const field = (name: 'key' | 'path'): string | null => {
			if (isRecord(value)) return typeof value[name] === 'string' ? (value[name] as string) : null;
			const quoted = partial === undefined ? null : QUOTED_FIELD[name].exec(partial)?.[1];
			try {
				return quoted ? (JSON.parse(quoted) as string) : null;
			} catch {
				return null; // not a whole string
			}
		};
		const key = field('key');
		if (key === null) lostUnnamed++;
		else if (!keys.has(key)) lost.push(field('path') ?? key);
		if (key !== null) keys.add(key);
	}
	return {articles, lost, lostUnnamed};
}

export async function examineBriefing(dir: string): Promise<BriefingExam> {
	const file = briefingFile(dir);
	const opened = await openForExam(file);
	if ('answer' in opened) return opened.answer;
	const {common, text} = opened;
	let parsed: unknown;
	try {
		parsed = JSON.parse(text);
	} catch (error) {
		return {
			...common,
			kind: 'broken',
			refused: true,
			problem: `is not valid JSON: ${describeJsonError(text, (error as Error).message)}`,
			...salvageArticles(dir, undefined, text),
		};
	}
	const checked = checkFullBriefing(parsed);
	if (checked.problem !== null) {
		if (checked.newer) return {...common, kind: 'newer', problem: checked.problem};
		return {...common, kind: 'broken', refused: true, problem: checked.problem, ...salvageArticles(dir, parsed, text)};
	}
	const dangling = danglingProblem(checked.data);
	if (dangling) return {...common, kind: 'broken', refused: false, problem: dangling, ...salvageArticles(dir, checked.data, text)};
	const textless = (await articlesWithoutBody(dir, checked.data.articles)).length;
	if (textless) {
		const problem = `has ${textless === 1 ? 'an article whose text is' : `${textless} articles whose texts are`} missing from ${ARTICLES_DIR}/`;
		return {...common, kind: 'broken', refused: false, problem, ...salvageArticles(dir, checked.data, text)};
	}
	if (checked.from < SCHEMA_VERSION) {
		const steps = BRIEFING_MIGRATIONS.filter((step) => step.from >= checked.from && step.to <= SCHEMA_VERSION);
		return {
			...common,
			kind: 'older',
			problem: migrationProblem(checked.from, SCHEMA_VERSION, 'schema'),
			data: checked.data,
			from: checked.from,
			steps,
		};
	}
	return {...common, kind: 'ok', data: checked.data};
}

export type BriefingRepair = {
	exam: BriefingExam; // as found under the lock, before the repair
	backup: string | null; // where the file was copied before it was replaced
	rebuilt: RebuildResult | null; // for a damaged file
	written: FullBriefing | null;
	removedLeftovers: number;
};

// Repairs briefing.json as far as that is safe: a damaged one is backed up and rebuilt from the
// articles that can be read of it (loading the extraction only then), an older one backed up and
// written in the current layout. A newer or unreadable one is left alone.
export async function repairBriefing(dir: string, loadExtract: () => Promise<ExtractFunction>): Promise<BriefingRepair> {
	const file = briefingFile(dir);
	return withLock(dir, async () => {
		const exam = await examineBriefing(dir);
		const result: BriefingRepair = {exam, backup: null, rebuilt: null, written: null, removedLeftovers: exam.leftovers};
		await removeTempFiles(file);
		if (exam.kind === 'older') {
			result.backup = await backupFile(file);
			await writeBriefingAt(dir, exam.data);
			result.written = exam.data;
		} else if (exam.kind === 'broken') {
			const extract = await loadExtract();
			result.backup = await backupFile(file);
			result.rebuilt = rebuildBriefing(exam.articles, extract);
			await writeBriefingAt(dir, result.rebuilt.data);
			result.written = result.rebuilt.data;
		}
		return result;
	});
}

// --- notes.json ---------------------------------------------------------------------------------

// The newest backup of notes.json that is whole (an older layout counts, migrated).
async function newestWholeBackup(file: string): Promise<{path: string; modified: Date; data: NotesData} | null> {
	for (const backup of await listBackups(file)) {
		try {
			const {data} = parseNotesText(await readFile(backup.path, 'utf8'), backup.path);
			return {...backup, data};
		} catch {
			// Damaged too, or unreadable: try the next older one.
		}
	}
	return null;
}

export async function examineNotes(dir: string): Promise<NotesExam> {
	const file = notesFile(dir);
	const opened = await openForExam(file);
	if ('answer' in opened) return opened.answer;
	const {common, text} = opened;
	let parsed: unknown;
	let problem: string;
	try {
		parsed = JSON.parse(text);
		const checked = checkNotesData(parsed);
		if (checked.problem === null) {
			if (checked.from < NOTES_SCHEMA_VERSION) {
				const steps = NOTES_MIGRATIONS.filter((step) => step.from >= checked.from && step.to <= NOTES_SCHEMA_VERSION);
				return {
					...common,
					kind: 'older',
					problem: migrationProblem(checked.from, NOTES_SCHEMA_VERSION, 'notes schema'),
					data: checked.data,
					from: checked.from,
					steps,
				};
			}
			return {...common, kind: 'ok', data: checked.data};
		}
		if (checked.newer) return {...common, kind: 'newer', problem: checked.problem, readable: checked.readable};
		problem = checked.problem;
	} catch (error) {
		problem = `is not valid JSON: ${describeJsonError(text, (error as Error).message)}`;
	}
	// The "notes" list, and every whole object in the text that starts with a note id (notes may
	// sit where the shape is wrong, under another name, say, and the text may be cut short).
	const listed = isRecord(parsed) && Array.isArray(parsed['notes']) ? parsed['notes'] : [];
	const objects = findObjects(text, /\{\s*"id"\s*:\s*"n-\d/g);
	const found = objects.map((object, index) => {
		if ('text' in object) return looseNote(object.text);
		if (!isRecord(object.value) || typeof object.value['text'] === 'string') return object.value;
		// Whole, but without a text: a stray brace may have closed it early, before its text.
		return {...looseNote(text.slice(object.start, objects[index + 1]?.start ?? text.length)), ...object.value};
	});
	let modified = new Date();
	try {
		modified = (await stat(file)).mtime;
	} catch {
		// Gone meanwhile: the repair will find that under the lock.
	}
	const nextIdValue = isRecord(parsed) ? parsed['nextId'] : Number(/"nextId"\s*:\s*(\d+)/.exec(text)?.[1]);
	const nextId = typeof nextIdValue === 'number' && Number.isInteger(nextIdValue) && nextIdValue > 0 ? nextIdValue : null;
	return {
		...common,
		kind: 'broken',
		problem,
		...salvageNotes([...listed, ...found], modified.toISOString()),
		nextId,
		backup: await newestWholeBackup(file),
	};
}

// A JSON string's body, between its quotes: linear, since an escape and a plain character cannot
// both match one position.
const STRING_BODY = String.raw`((?:[^"\\\n]|\\.)*)`;
const FIELD = new RegExp(String.raw`"(id|kind|text|created|updated)"\s*:\s*"${STRING_BODY}"`, 'g');
const TARGET = /"target"\s*:\s*\{([^{}]*)\}?/;

function stringFields(text: string): Record<string, string> {
	const fields: Record<string, string> = {};
	for (const [, name, raw] of text.matchAll(FIELD)) {
		if (name! in fields) continue;
		try {
			fields[name!] = JSON.parse(`"${raw}"`) as string;
		} catch {
			// A broken escape: this field is unreadable, the others may not be.
		}
	}
	return fields;
}

// A note object that JSON.parse refuses (a stray or missing comma, a cut-off end) still has its
// fields: each string field is read on its own, the target's apart from the note's.
export function looseNote(text: string): Record<string, unknown> {
	const target = TARGET.exec(text);
	const own = stringFields(target ? text.slice(0, target.index) + text.slice(target.index + target[0].length) : text);
	return target ? {...own, target: stringFields(target[1]!)} : own;
}

const isTime = (value: unknown): value is string => typeof value === 'string' && !Number.isNaN(Date.parse(value));

// Everything that can be kept of the note-like values of a damaged notes.json. A value with a text
// is a note: what else it lacks is filled in and said in `mended` (a time that is not one becomes
// the other time, else `fallbackTime`; a target that is not one becomes an empty actor target, so
// the note is listed as detached). A value that repeats another is dropped; one that shares its id
// with a different note, or has none, is kept to get a new id (`renumber`).
export function salvageNotes(
	values: unknown[],
	fallbackTime: string,
): {readable: Note[]; renumber: Note[]; mended: string[]; unkept: string[]} {
	const readable = new Map<string, Note>();
	const renumber: Note[] = [];
	const mended: string[] = [];
	const seen = new Set<string>();
	const textless = new Set<string>();
	for (const value of values) {
		if (!isRecord(value)) continue;
		if (typeof value['text'] !== 'string' || !value['text'].trim()) {
			if (typeof value['id'] === 'string') textless.add(value['id']);
			continue;
		}
		const key = JSON.stringify(value);
		if (seen.has(key)) continue;
		seen.add(key);
		const id = typeof value['id'] === 'string' && /^n-\d+$/.test(value['id']) ? value['id'] : null;
		const name = id ?? 'a note without an id';
		const fixes: string[] = [];
		const target = isRecord(value['target']) ? value['target'] : {};
		const kind = NOTE_TARGET_KINDS.includes(target['kind'] as NoteTargetKind) ? (target['kind'] as NoteTargetKind) : null;
		const targetId = typeof target['id'] === 'string' ? target['id'] : null;
		const targetText = typeof target['text'] === 'string' ? target['text'] : null;
		if (kind === null || targetId === null || targetText === null) fixes.push('its item was unreadable, so it is detached');
		const created = isTime(value['created']) ? value['created'] : isTime(value['updated']) ? value['updated'] : null;
		const updated = isTime(value['updated']) ? value['updated'] : created;
		const badTimes = ['created', 'updated'].filter((field) => !isTime(value[field]));
		if (badTimes.length === 2) fixes.push(`it had no created or updated time, so both are the file's (${fallbackTime})`);
		else if (badTimes.length === 1)
			fixes.push(`it had no ${badTimes[0]} time, so it is the ${badTimes[0] === 'created' ? 'updated' : 'created'} one`);
		const note: Note = {
			id: id ?? '',
			target: {kind: kind ?? 'actor', id: targetId ?? '', text: targetText ?? ''},
			text: value['text'],
			created: created ?? fallbackTime,
			updated: updated ?? fallbackTime,
		};
		if (fixes.length) mended.push(`${name}: ${fixes.join('; ')}`);
		if (id !== null && !readable.has(id)) readable.set(id, note);
		else renumber.push(note);
	}
	const unkept = [...textless].filter((id) => !readable.has(id));
	return {readable: [...readable.values()], renumber, mended, unkept};
}

// The notes a repaired notes.json holds: every note read of the damaged file, and every note of
// the backup that is not among them, by id number (the order they were added in); then those that
// need a new id, with ids above every id either file gave.
export function mergedNotes(exam: Extract<NotesExam, {kind: 'broken'}>): {data: NotesData; fromBackup: Note[]; renumbered: Note[]} {
	const ids = new Set(exam.readable.map((note) => note.id));
	const fromBackup = (exam.backup?.data.notes ?? []).filter((note) => !ids.has(note.id));
	const notes = [...exam.readable, ...fromBackup].sort((a, b) => idNumber(a.id) - idNumber(b.id) || a.created.localeCompare(b.created));
	let next = nextNumber(Math.max(exam.nextId ?? 1, exam.backup?.data.nextId ?? 1), notes);
	const renumbered = exam.renumber.map((note) => ({...note, id: `n-${next++}`}));
	return {data: {schemaVersion: NOTES_SCHEMA_VERSION, nextId: next, notes: [...notes, ...renumbered]}, fromBackup, renumbered};
}

export type NotesRepair = {
	exam: NotesExam;
	backup: string | null;
	written: NotesData | null;
	fromBackup: Note[]; // notes taken from the backup (exam.backup)
	removedLeftovers: number;
};

// Repairs notes.json: a damaged one is backed up and replaced by mergedNotes, an older one backed up
// and written in the current layout. A newer or unreadable one is left alone.
export async function repairNotes(dir: string): Promise<NotesRepair> {
	const file = notesFile(dir);
	return withLock(
		dir,
		async () => {
			const exam = await examineNotes(dir);
			const result: NotesRepair = {exam, backup: null, written: null, fromBackup: [], removedLeftovers: exam.leftovers};
			await removeTempFiles(file);
			if (exam.kind === 'older' || exam.kind === 'broken') {
				const {data, fromBackup} = exam.kind === 'older' ? {data: exam.data, fromBackup: []} : mergedNotes(exam);
				result.backup = await backupFile(file);
				await writeFileDurably(file, serializeNotes(data));
				result.written = data;
				result.fromBackup = fromBackup;
			}
			return result;
		},
		NOTES_LOCK_FILE,
	);
}
