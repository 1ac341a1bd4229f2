import {actorsJson, eventsJson, jsonText, quotesJson} from '../output/json.js';
import {SAMPLE_NOTICE, renderActors, renderEvents, renderQuotes, renderSummary} from '../output/text.js';
import {readBriefing} from '../store/db.js';
import {eventsOf, findActors, quotesOf} from '../store/queries.js';
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

	if (options.json) {
		const json = {actors: () => actorsJson(data, data.actors), events: () => eventsJson(data, events), quotes: () => quotesJson(data, quotes), briefing: () => data};
		process.stdout.write(jsonText(json[view]()));
		return 0;
	}
	const text = {
		actors: () => renderActors(data, data.actors),
		events: () => renderEvents(data, events),
		quotes: () => renderQuotes(data, quotes),
		briefing: () => `${renderSummary(data)}\n${renderEvents(data, events)}`,
	};
	process.stdout.write(`${stored ? '' : `${SAMPLE_NOTICE}\n\n`}${text[view]()}`);
	return 0;
}
