import {SCHEMA_VERSION} from './schema.js';

type FieldType = 'string' | 'number' | 'boolean' | 'array';

// The fields the rest of the program relies on, per list. A file that lacks one was not written
// by briefing (or was edited by hand), and is refused rather than half-read.
const REQUIRED: Record<'articles' | 'actors' | 'events' | 'quotes', Record<string, FieldType>> = {
	articles: {id: 'string', key: 'string', hash: 'string', title: 'string', date: 'string', body: 'string'},
	actors: {id: 'string', name: 'string', kind: 'string', aliases: 'array', sources: 'array'},
	events: {id: 'string', article: 'string', text: 'string', date: 'string', start: 'number', actors: 'array'},
	quotes: {id: 'string', article: 'string', text: 'string', date: 'string', start: 'number'},
};

const isRecord = (value: unknown): value is Record<string, unknown> =>
	typeof value === 'object' && value !== null && !Array.isArray(value);

const hasType = (value: unknown, type: FieldType) => (type === 'array' ? Array.isArray(value) : typeof value === type);

// Returns what is wrong with parsed briefing.json, or null when it has the shape of BriefingData.
export function briefingProblem(data: unknown): string | null {
	if (!isRecord(data)) return 'is not a briefing (expected a JSON object)';
	const version = data['schemaVersion'];
	if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
		return 'is not a briefing (schemaVersion is missing or not a positive whole number)';
	}
	if (version > SCHEMA_VERSION) {
		return `was written by a newer briefing (schema ${version}, this one reads ${SCHEMA_VERSION}); upgrade briefing`;
	}
	for (const [list, fields] of Object.entries(REQUIRED)) {
		const items = data[list];
		if (!Array.isArray(items)) return `is not a briefing ("${list}" is not a list)`;
		for (const [index, item] of items.entries()) {
			if (!isRecord(item)) return `is not a briefing (${list}[${index}] is not an object)`;
			for (const [field, type] of Object.entries(fields)) {
				if (!hasType(item[field], type)) return `is not a briefing (${list}[${index}].${field} is not a ${type})`;
			}
		}
	}
	return null;
}
