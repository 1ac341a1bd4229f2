import {jsonText} from '../output/json.js';
import {notesJson, renderNotes} from '../output/notes.js';
import {sanitize} from '../output/sanitize.js';
import {emptyBriefing, readBriefing} from '../store/db.js';
import {
	addNote,
	checkNoteText,
	editNote,
	listNotes,
	loadNotes,
	notesReadWarning,
	removeNote,
	resolveTarget,
	type NoteTarget,
	type NoteTargetKind,
} from '../store/notes.js';
import {findActors} from '../store/queries.js';
import type {BriefingData, StoredActor} from '../store/schema.js';

export type NoteOptions = {
	dir: string;
	event: string | undefined;
	quote: string | undefined;
	actor: string | undefined;
};

// Reading commands go on when notes.json cannot be used, after saying so on stderr.
export async function warnAboutNotes(dir: string): Promise<void> {
	const {problem} = await loadNotes(dir);
	if (problem) process.stderr.write(sanitize(`briefing: ${notesReadWarning(problem)}\n`));
}

// The actor NAME means: an actor with that id, else the actors findActors gives (like
// `events --actor`). A note goes on one actor, so several are refused, naming them.
function findOneActor(data: BriefingData, name: string): StoredActor {
	const byId = data.actors.find((actor) => actor.id === name);
	if (byId) return byId;
	const actors = findActors(data, name);
	if (actors.length === 0) throw new Error(`no actor is called "${name}" (briefing actors lists them)`);
	if (actors.length > 1) {
		const names = actors.map((actor) => `${actor.name} (${actor.id})`).join(', ');
		throw new Error(`"${name}" could be ${actors.length} actors: ${names}; give the full name or the id`);
	}
	return actors[0]!;
}

const KIND_OF_PREFIX: Record<string, NoteTargetKind> = {'e-': 'event', 'q-': 'quote'};

function findTarget(data: BriefingData, options: NoteOptions): NoteTarget {
	const given = [
		options.event !== undefined && '--event',
		options.quote !== undefined && '--quote',
		options.actor !== undefined && '--actor',
	].filter(Boolean);
	if (given.length !== 1)
		throw new Error(
			`note add needs exactly one of --event ID, --quote ID or --actor NAME${given.length ? `, not ${given.join(' and ')}` : ''}`,
		);
	if (options.actor !== undefined) {
		const actor = findOneActor(data, options.actor);
		return {kind: 'actor', id: actor.id, text: actor.name};
	}
	const kind: NoteTargetKind = options.event !== undefined ? 'event' : 'quote';
	const id = (options.event ?? options.quote)!;
	const target = resolveTarget(data, kind, id);
	if (target) return target;
	const other = KIND_OF_PREFIX[id.slice(0, 2)];
	const hint =
		other && other !== kind && resolveTarget(data, other, id)
			? `; ${id} is a ${other}: use --${other}`
			: ` (briefing ${kind}s --json lists the ids)`;
	throw new Error(`there is no ${kind} ${id}${hint}`);
}

async function readStdin(): Promise<string> {
	const chunks: Buffer[] = [];
	for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
	return Buffer.concat(chunks).toString('utf8');
}

// The note's text: the words after the command, or stdin when they are a single "-".
async function noteText(words: string[], usage: string): Promise<string> {
	if (words.length === 0) throw new Error(`${usage} needs the note's text, or - to read it from stdin`);
	const text = words.length === 1 && words[0] === '-' ? await readStdin() : words.join(' ');
	return checkNoteText(text);
}

function refuseTargetFlags(sub: string, options: NoteOptions) {
	for (const flag of ['event', 'quote', 'actor'] as const) {
		if (options[flag] !== undefined) throw new Error(`--${flag} does not apply to note ${sub} (see briefing --help)`);
	}
}

// `briefing note add|edit|rm ...`. Prints one line saying what was saved.
export async function noteCommand(args: string[], options: NoteOptions): Promise<number> {
	const [sub, ...rest] = args;
	switch (sub) {
		case 'add': {
			const text = await noteText(rest, 'note add');
			const data = await readBriefing(options.dir);
			if (data === null) throw new Error('nothing has been ingested yet, and notes go on your own briefing (briefing ingest FILE...)');
			const target = findTarget(data, options);
			const {note} = await addNote(options.dir, target, text);
			process.stdout.write(sanitize(`added note ${note.id} on ${target.kind} ${target.id}\n`));
			return 0;
		}
		case 'edit': {
			refuseTargetFlags(sub, options);
			const [id, ...words] = rest;
			if (id === undefined) throw new Error('note edit needs a note ID and the new text (briefing notes lists the ids)');
			const {note} = await editNote(options.dir, id, await noteText(words, 'note edit'));
			process.stdout.write(sanitize(`edited note ${note.id}\n`));
			return 0;
		}
		case 'rm': {
			refuseTargetFlags(sub, options);
			if (rest.length !== 1) throw new Error('note rm needs one note ID (briefing notes lists the ids)');
			const {note} = await removeNote(options.dir, rest[0]!);
			process.stdout.write(sanitize(`removed note ${note.id}\n`));
			return 0;
		}
		case undefined:
			throw new Error('note needs add, edit or rm (see briefing --help)');
		default:
			throw new Error(`unknown note command "${sub}"; use note add, note edit or note rm (see briefing --help)`);
	}
}

// `briefing notes [--actor NAME] [--json]`: every note, marking those whose target is gone.
export async function notesCommand(args: string[], options: {dir: string; actor: string | undefined; json: boolean}): Promise<number> {
	if (args.length > 0) throw new Error('notes takes no arguments; to add one: briefing note add (see briefing --help)');
	const data = (await readBriefing(options.dir)) ?? emptyBriefing();
	let actorIds: Set<string> | undefined;
	if (options.actor !== undefined) {
		// Like `events --actor`: every actor the name finds (--actor korea: North and South Korea), or the one with that id.
		const byId = data.actors.filter((actor) => actor.id === options.actor);
		const actors = byId.length ? byId : findActors(data, options.actor);
		if (actors.length === 0) throw new Error(`no actor is called "${options.actor}" (briefing actors lists them)`);
		actorIds = new Set(actors.map((actor) => actor.id));
	}
	const state = await loadNotes(options.dir);
	if (state.problem) process.stderr.write(sanitize(`briefing: ${notesReadWarning(state.problem)}\n`));
	const notes = listNotes(state.notes, data, {actorIds});
	process.stdout.write(options.json ? jsonText(notesJson(notes)) : renderNotes(notes));
	return 0;
}
