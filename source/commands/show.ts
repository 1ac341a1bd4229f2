import {actorsJson, eventsJson, jsonArrayText, jsonText, quotesJson} from '../output/json.js';
import {SAMPLE_NOTICE, actorsText, eventsText, quotesText, renderSummary} from '../output/text.js';
import {writeChunked} from '../output/write.js';
import {readBriefing} from '../store/db.js';
import {eventsOf, findActors, quotesOf} from '../store/queries.js';
import type {BriefingData, StoredEvent, StoredQuote} from '../store/schema.js';
import {readSampleBriefing} from '../store/sample.js';
import {warnAboutNotes} from './notes.js';

export type View = 'briefing' | 'actors' | 'events' | 'quotes';

export type ShowOptions = {
	dir: string;
	dataDir: URL;
	actor: string | undefined; // events and quotes only
	json: boolean;
};

// Prints the stored briefing, or the embedded sample when nothing has been ingested yet.
export async function show(view: View, options: ShowOptions): Promise<number> {
	const stored = await readBriefing(options.dir);
	const data = stored ?? readSampleBriefing(options.dataDir);
	await warnAboutNotes(options.dir);
	let actorIds: Set<string> | null = null;
	if (options.actor !== undefined) {
		const actors = findActors(data, options.actor);
		if (actors.length === 0) throw new Error(`no actor is called "${options.actor}" (briefing actors lists them)`);
		actorIds = new Set(actors.map((actor) => actor.id));
	}
	const events = actorIds ? eventsOf(data, actorIds) : data.events;
	const quotes = actorIds ? quotesOf(data, actorIds) : data.quotes;

	const output = options.json ? jsonPieces(view, data, events, quotes) : textPieces(view, data, events, quotes, stored === null);
	await writeChunked(output);
	return 0;
}

function jsonPieces(view: View, data: BriefingData, events: StoredEvent[], quotes: StoredQuote[]): Iterable<string> {
	if (view === 'actors') return jsonArrayText(actorsJson(data, data.actors));
	if (view === 'events') return jsonArrayText(eventsJson(data, events));
	if (view === 'quotes') return jsonArrayText(quotesJson(data, quotes));
	return [jsonText(data)];
}

function* textPieces(view: View, data: BriefingData, events: StoredEvent[], quotes: StoredQuote[], sample: boolean): Generator<string> {
	if (sample) yield `${SAMPLE_NOTICE}\n\n`;
	if (view === 'briefing') yield `${renderSummary(data)}\n`;
	if (view === 'actors') yield* actorsText(data, data.actors);
	else if (view === 'quotes') yield* quotesText(data, quotes);
	else yield* eventsText(data, events);
}
