import {readSampleBriefing} from '../../source/store/sample.js';
import type {BriefingData} from '../../source/store/schema.js';

// Briefings for the UI tests, read through the store code: the embedded sample, and the sample
// scaled up for measuring.

export const dataDir = new URL('../../data/', import.meta.url);

// The embedded sample (data/sample-briefing.json), read the way the CLI reads it.
export const sampleBriefing = (): BriefingData => readSampleBriefing(dataDir);

// The sample briefing scaled up: its events and quotes repeated `events` and `quotes` times over
// successive days (a new day every 8 events), with fresh ids. Real sentences, actors and article;
// only the volume is made up, to measure the dashboard on 100,000 events.
export function scaledBriefing(events: number, quotes = Math.ceil(events / 10)): BriefingData {
	const sample = sampleBriefing();
	const day = (i: number) => new Date(Date.UTC(1990, 0, 1) + Math.floor(i / 8) * 86_400_000).toISOString().slice(0, 10);
	return {
		...sample,
		events: Array.from({length: events}, (_, i) => {
			const event = sample.events[i % sample.events.length]!;
			return {...event, id: `${event.id}-${i}`, date: day(i), datePrecision: 'day' as const};
		}),
		quotes: Array.from({length: quotes}, (_, i) => {
			const quote = sample.quotes[i % sample.quotes.length]!;
			return {...quote, id: `${quote.id}-${i}`, date: day(i * 10)};
		}),
	};
}
