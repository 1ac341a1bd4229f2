import {BRIEFING_MIGRATIONS, fileVersion, migrate} from './migrations.js';
import {SCHEMA_VERSION, type ActorSource, type BriefingData, type FullBriefing} from './schema.js';

type FieldType = 'string' | 'number' | 'boolean' | 'array';

// The fields the rest of the program relies on, per list. A file that lacks one was not written
// by briefing (or was edited by hand), and is refused rather than half-read.
const REQUIRED: Record<'articles' | 'actors' | 'events' | 'quotes', Record<string, FieldType>> = {
	articles: {id: 'string', key: 'string', hash: 'string', title: 'string', date: 'string'},
	actors: {id: 'string', name: 'string', kind: 'string', aliases: 'array'},
	events: {id: 'string', article: 'string', text: 'string', date: 'string', start: 'number', actors: 'array'},
	quotes: {id: 'string', article: 'string', text: 'string', date: 'string', start: 'number'},
};

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

type List = keyof typeof REQUIRED;
const LISTS = Object.keys(REQUIRED) as List[];

// Returns what is wrong with parsed briefing.json of the current version, or null when it has the
// shape of BriefingData.
export function briefingProblem(data: unknown): string | null {
	if (!isRecord(data)) return 'is not a briefing (expected a JSON object)';
	const version = data['schemaVersion'];
	if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
		return 'is not a briefing (schemaVersion is missing or not a positive whole number)';
	}
	if (version > SCHEMA_VERSION) {
		return `was written by a newer briefing (schema ${version}, this one reads ${SCHEMA_VERSION}); upgrade briefing`;
	}
	for (const list of LISTS) {
		const items = data[list];
		if (!Array.isArray(items)) return `is not a briefing ("${list}" is not a list)`;
		const problem = listProblem(list, items, 0);
		if (problem) return problem;
	}
	return null;
}

// What is wrong with records of one list, `items` being those from position `from` on. The fields
// are walked as an array with plain loops: this check runs on every start over every record
// (100,000 events: 20 ms this way, 80 ms with Object.entries per record).
export function listProblem(list: List, items: readonly unknown[], from: number): string | null {
	const fields = Object.entries(REQUIRED[list]);
	for (let index = 0; index < items.length; index++) {
		const item: unknown = items[index];
		if (!isRecord(item)) return `is not a briefing (${list}[${from + index}] is not an object)`;
		for (const [field, type] of fields) {
			const value = item[field];
			if (type === 'array' ? !Array.isArray(value) : typeof value !== type)
				return `is not a briefing (${list}[${from + index}].${field} is not a ${type})`;
		}
		if (list === 'articles' && 'body' in item && typeof item['body'] !== 'string')
			return `is not a briefing (articles[${from + index}].body is not a string)`;
		if ((list === 'events' || list === 'quotes') && 'sources' in item) {
			const sources = item['sources'];
			// Rare (only items several articles tell), so each source is checked whole.
			const bad =
				!Array.isArray(sources) ||
				sources.some((source) => !isRecord(source) || typeof source['article'] !== 'string' || typeof source['text'] !== 'string');
			if (bad) return `is not a briefing (${list}[${from + index}].sources is not a list of sources)`;
		}
	}
	return null;
}

export type BriefingCheck<T = BriefingData> =
	| {data: T; from: number; problem: null} // `from` < SCHEMA_VERSION: migrated, in memory only
	| {data: null; problem: string; newer: boolean};

// Parsed briefing.json as this briefing reads it: an older layout migrated (in memory), a newer
// one or one of the wrong shape refused with what is wrong.
export function checkBriefingData(parsed: unknown): BriefingCheck {
	if (!isRecord(parsed)) return {data: null, problem: 'is not a briefing (expected a JSON object)', newer: false};
	const version = fileVersion(parsed);
	if (version === null) return {data: null, problem: 'is not a briefing (schemaVersion is not a whole number from 0 up)', newer: false};
	if (version > SCHEMA_VERSION) {
		return {
			data: null,
			problem: `was written by a newer briefing (schema ${version}, this one reads ${SCHEMA_VERSION}); upgrade briefing`,
			newer: true,
		};
	}
	const migrated = migrate(parsed, BRIEFING_MIGRATIONS, SCHEMA_VERSION);
	if (!migrated) return {data: null, problem: `is schema ${version}, which this briefing cannot read`, newer: false};
	const problem = briefingProblem(migrated.data);
	if (problem) return {data: null, problem: version < SCHEMA_VERSION ? `${problem} (it is schema ${version})` : problem, newer: false};
	// The summary is derived (db.ts), for the dashboard's first frame; the data is what it sums up.
	const {summary, ...data} = migrated.data;
	return {data: data as BriefingData, from: version, problem: null};
}

// The same, with each actor's sources: from the "actorSources" section (schema 2), or kept on the
// actors themselves (schema 1). The section itself is not kept on the data.
export function checkFullBriefing(parsed: unknown): BriefingCheck<FullBriefing> {
	const checked = checkBriefingData(parsed);
	if (checked.problem !== null) return checked;
	const {actorSources, ...data} = checked.data as BriefingData & {actorSources?: unknown};
	const section = isRecord(actorSources) ? actorSources : null;
	if (actorSources !== undefined && section === null)
		return {data: null, problem: 'is not a briefing ("actorSources" is not an object)', newer: false};
	const actors = [];
	for (const [index, actor] of data.actors.entries()) {
		const sources = section ? (section[actor.id] ?? []) : (actor as {sources?: unknown}).sources;
		if (!Array.isArray(sources))
			return {data: null, problem: `is not a briefing (the sources of actors[${index}] are not a list)`, newer: false};
		actors.push({...actor, sources: sources as ActorSource[]});
	}
	return {data: {...data, actors}, from: checked.from, problem: null};
}
