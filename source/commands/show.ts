import {actorsJson, eventsJson, jsonArrayText, jsonText, quotesJson} from '../output/json.js';
import {SAMPLE_NOTICE, actorsText, eventsText, quotesText, renderSummary} from '../output/text.js';
import {writeChunked} from '../output/write.js';
import {readArticleBody} from '../store/bodies.js';
import {readBriefing, readFullBriefing} from '../store/db.js';
import {eventsOf, findActors, quotesOf} from '../store/queries.js';
import type {BriefingData, FullBriefing, StoredEvent, StoredQuote} from '../store/schema.js';
import {readSampleBriefing} from '../store/sample.js';
import {warnAboutNotes} from './notes.js';

export type View = 'briefing' | 'actors' | 'events' | 'quotes';

export type ShowOptions = {
	dir: string;
	dataDir: URL;
	actor: string | undefined; // events and quotes only
	json: boolean;
};

// Prints the stored briefing, or the embedded sample when nothing has been ingested yet. The
// actors' sources are read only for the JSON that shows them (each actor's articles, the whole
// briefing), and the articles' texts only for the whole briefing.
export async function show(view: View, options: ShowOptions): Promise<number> {
	const full = options.json && (view === 'actors' || view === 'briefing');
	const stored = full ? await readFullBriefing(options.dir) : await readBriefing(options.dir);
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

	const output = options.json
		? jsonPieces(view, data, events, quotes, options.dir)
		: textPieces(view, data, events, quotes, stored === null);
	await writeChunked(output);
	return 0;
}

function jsonPieces(view: View, data: BriefingData, events: StoredEvent[], quotes: StoredQuote[], dir: string): Iterable<string> {
	// show read the briefing with the actors' sources for this view.
	if (view === 'actors') return jsonArrayText(actorsJson(data, (data as FullBriefing).actors));
	if (view === 'events') return jsonArrayText(eventsJson(data, events));
	if (view === 'quotes') return jsonArrayText(quotesJson(data, quotes));
	const articles = data.articles.map((article) => ({...article, body: readArticleBody(dir, article)}));
	return [jsonText({...data, articles})];
}

function* textPieces(view: View, data: BriefingData, events: StoredEvent[], quotes: StoredQuote[], sample: boolean): Generator<string> {
	if (sample) yield `${SAMPLE_NOTICE}\n\n`;
	if (view === 'briefing') yield `${renderSummary(data)}\n`;
	if (view === 'actors') yield* actorsText(data, data.actors);
	else if (view === 'quotes') yield* quotesText(data, quotes);
	else yield* eventsText(data, events);
}
