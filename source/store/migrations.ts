// Older layouts of briefing.json and notes.json, brought up to the current one. A migration is a
// pure function from the parsed data of one version to the next; `migrate` runs them in turn. The
// store validates only what comes out, and writes it only after a backup of the old file (see
// db.ts, notes.ts and doctor.ts), so a migration that goes wrong loses nothing.
//
// To change a layout: bump SCHEMA_VERSION (schema.ts) or NOTES_SCHEMA_VERSION (notes.ts), add an
// entry here from the old version to the new one, and a test that migrates a file of the old one.

type Json = Record<string, unknown>;

export type Migration = {
	from: number;
	to: number;
	what: string; // one line, for doctor
	migrate: (data: Json) => Json;
};

const isRecord = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

// A file's version: its schemaVersion, or 0 when it has none (the layout before the field).
// Null when schemaVersion is there but is not a whole number from 0 up.
export function fileVersion(data: Json): number | null {
	const version = data['schemaVersion'];
	if (version === undefined) return 0;
	return typeof version === 'number' && Number.isInteger(version) && version >= 0 ? version : null;
}

const records = (value: unknown): Json[] => (Array.isArray(value) ? value.filter(isRecord) : []);

// Adds the fields of `defaults` that an item lacks, after its own; an item that has them keeps its values.
const withDefaults = (value: unknown, defaults: Json) =>
	Array.isArray(value)
		? value.map((item) =>
				isRecord(item) ? {...item, ...Object.fromEntries(Object.entries(defaults).filter(([field]) => !(field in item)))} : item,
			)
		: value;

// briefing.json, version 0: the layout before schemaVersion. No released briefing wrote it; it is
// the worked example of a migration, and reads files made by hand or by pre-release builds: the
// same lists, with articles that may lack dateAssumed, format, source, url and path, events and
// quotes that may lack datePrecision, dateText and dateSource (every date was a day the text gave),
// and quotes that may lack a speaker.
export const BRIEFING_MIGRATIONS: Migration[] = [
	{
		from: 0,
		to: 1,
		what: 'adds schemaVersion, and the date precision and source of events and quotes',
		migrate: (data) => {
			const dated = {datePrecision: 'day', dateText: null, dateSource: 'explicit'};
			return {
				schemaVersion: 1,
				...data,
				articles: withDefaults(data['articles'], {dateAssumed: false, format: 'plain', source: null, url: null, path: null}),
				events: withDefaults(data['events'], dated),
				quotes: withDefaults(data['quotes'], {...dated, speaker: null}),
			};
		},
	},
	{
		// The texts stay on the articles in memory; writing the briefing moves them (db.ts, bodies.ts).
		from: 1,
		to: 2,
		what: "moves the article texts out of briefing.json into articles/, one file each, and the actors' sources to a section of their own at its end",
		migrate: (data) => data,
	},
	{
		from: 2,
		to: 3,
		what: 'adds the byline of articles (none for those ingested before)',
		migrate: (data) => ({...data, articles: withDefaults(data['articles'], {byline: null})}),
	},
];

// notes.json, version 0: notes without schemaVersion and nextId (the same example as above). The
// next id is the one after the highest note id, so no id is given twice.
export const NOTES_MIGRATIONS: Migration[] = [
	{
		from: 0,
		to: 1,
		what: 'adds schemaVersion and nextId',
		migrate: (data) => {
			// A loop rather than a spread into Math.max, which overflows the stack on a long list.
			let nextId = 1;
			for (const note of records(data['notes'])) nextId = Math.max(nextId, Number(/^n-(\d+)$/.exec(String(note['id']))?.[1] ?? 0) + 1);
			return {schemaVersion: 1, nextId, ...data};
		},
	},
];

// Runs the migrations from `data`'s version up to `target`. Returns the data unchanged (and
// `from` = its version) when there is nothing to do, and null when no chain of migrations leads
// from its version to the target (a newer file, or a version with no migration).
export function migrate(data: Json, migrations: Migration[], target: number): {data: Json; from: number; steps: Migration[]} | null {
	const from = fileVersion(data);
	if (from === null || from > target) return null;
	let current = data;
	let version = from;
	const steps: Migration[] = [];
	while (version < target) {
		const step = migrations.find((migration) => migration.from === version);
		if (!step) return null;
		current = step.migrate(current);
		current = {...current, schemaVersion: step.to};
		steps.push(step);
		version = step.to;
	}
	return {data: current, from, steps};
}
