import {resolve} from 'node:path';
import {parseIsoDay} from '../ingest/isoDay.js';
import {EXPORT_FORMATS, type ExportFormat, briefingDocument, exportCounts, exportText, formatFor} from '../output/export.js';
import {sanitize} from '../output/sanitize.js';
import {readBriefing} from '../store/db.js';
import {writeFileDurably} from '../store/durable.js';
import {describeFsError} from '../store/errors.js';
import {loadNotes} from '../store/notes.js';
import {findActors} from '../store/queries.js';
import {readSampleBriefing} from '../store/sample.js';
import {warnAboutNotes} from './notes.js';

export type ExportOptions = {
	dir: string;
	dataDir: URL;
	actors: string[];
	since: string | undefined;
	until: string | undefined;
	format: string | undefined;
	output: string | undefined;
};

const day = (value: string | undefined, flag: string) => {
	if (value === undefined) return null;
	const parsed = parseIsoDay(value);
	if (!parsed) throw new Error(`${flag} ${value} is not a real day (expected YYYY-MM-DD)`);
	return parsed;
};

// `briefing export`: the briefing (or the embedded sample, until something is ingested) as a
// document, on stdout or in -o FILE, which is said on stderr once it is on the disk.
export async function exportCommand(args: string[], options: ExportOptions): Promise<number> {
	if (args.length > 0) throw new Error('export takes no FILE; the document goes to stdout, or to -o FILE (see briefing --help)');
	const format = (options.format ?? formatFor(options.output ?? '')) as ExportFormat;
	if (!EXPORT_FORMATS.includes(format)) throw new Error(`--format ${options.format} is not one of ${EXPORT_FORMATS.join(', ')}`);
	const since = day(options.since, '--since');
	const until = day(options.until, '--until');
	if (since && until && since > until) throw new Error(`--since ${since} is after --until ${until}`);
	const data = (await readBriefing(options.dir)) ?? readSampleBriefing(options.dataDir);
	// The actors in the order they were asked for, each name standing for those it finds.
	let actorIds: Set<string> | null = null;
	const names: string[] = [];
	if (options.actors.length) {
		actorIds = new Set();
		for (const name of options.actors) {
			const found = findActors(data, name);
			if (found.length === 0) throw new Error(`no actor is called "${name}" (briefing actors lists them)`);
			for (const actor of found) {
				if (actorIds.has(actor.id)) continue;
				actorIds.add(actor.id);
				names.push(actor.name);
			}
		}
	}
	await warnAboutNotes(options.dir);
	const {notes} = await loadNotes(options.dir);
	const doc = briefingDocument(data, notes, {actors: names, since, until}, actorIds);
	const text = exportText(doc, format);
	if (options.output === undefined || options.output === '-') {
		process.stdout.write(text);
		return 0;
	}
	const file = resolve(options.output);
	try {
		await writeFileDurably(file, text);
	} catch (error) {
		throw new Error(`${options.output}: ${describeFsError(error)}`, {cause: error});
	}
	process.stderr.write(sanitize(`briefing: wrote ${file} (${format}, ${exportCounts(doc)})\n`));
	return 0;
}
