// Synthetic briefing directories for the benchmark: realistic text lengths, a fixed seed, written
// through the store's own writer so they are exactly what briefing reads; or, with `legacy`, in
// schema 1 (one indented briefing.json with the article texts inline), to measure builds before it.
import {mkdirSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {writeBriefingAt} from '../../source/store/db.js';
import type {Note, NotesData} from '../../source/store/notes.js';
import {
	SCHEMA_VERSION,
	type ActorWithSources,
	type FullBriefing,
	type StoredArticle,
	type StoredEvent,
	type StoredQuote,
} from '../../source/store/schema.js';
import type {ActorKind, DatePrecision} from '../../source/types.js';
import {random} from '../../test/random.js';

export type Size = {events: number; actors: number; quotes: number; notes: number};

const FIRST = [
	'Anna',
	'Boris',
	'Chen',
	'Dalia',
	'Emeka',
	'Fatima',
	'Goran',
	'Hana',
	'Ivan',
	'Jana',
	'Kofi',
	'Lena',
	'Mateo',
	'Nadia',
	'Omar',
	'Priya',
];
const LAST = [
	'Berg',
	'Costa',
	'Dahl',
	'Ekwueme',
	'Fischer',
	'Garcia',
	'Haddad',
	'Ivanova',
	'Jensen',
	'Kowalski',
	'Lund',
	'Moreau',
	'Novak',
	'Okafor',
	'Petrov',
	'Quist',
];
const ORGS = ['Ministry', 'Council', 'Agency', 'Union', 'Bank', 'Institute', 'Commission', 'Party'];
const WORDS =
	'the government said on Tuesday that talks with officials would resume after a week of strikes across the region while negotiators warned of delays in the deal and analysts expected markets to react'.split(
		' ',
	);

const pick = <T>(next: () => number, list: readonly T[]) => list[Math.floor(next() * list.length)]!;

// A sentence of news length (20 to 45 words) naming the given actors.
function sentence(next: () => number, names: string[]): string {
	const words = Array.from({length: 20 + Math.floor(next() * 25)}, () => pick(next, WORDS));
	names.forEach((name, i) => words.splice(Math.min(words.length, 1 + i * 6), 0, name));
	const text = words.join(' ');
	return `${text[0]!.toUpperCase()}${text.slice(1)}.`;
}

const day = (n: number) => new Date(Date.UTC(2023, 0, 1) + n * 86_400_000).toISOString().slice(0, 10);
const hex = (n: number, width = 10) => n.toString(16).padStart(width, '0');

export function generate(size: Size, seed = 42): {briefing: FullBriefing; notes: NotesData} {
	const next = random(seed);
	const kinds: ActorKind[] = ['person', 'person', 'person', 'country', 'organization', 'place'];
	const actors: ActorWithSources[] = Array.from({length: size.actors}, (_, i) => {
		const kind = pick(next, kinds);
		const name =
			kind === 'person'
				? `${pick(next, FIRST)} ${pick(next, LAST)} ${i}`
				: kind === 'organization'
					? `${pick(next, LAST)} ${pick(next, ORGS)} ${i}`
					: `Region ${i}`;
		return {
			id: `x-${hex(i)}`,
			name,
			kind,
			role: kind === 'person' ? 'Minister' : null,
			aliases: [name.split(' ').slice(1).join(' ')],
			sources: [],
		};
	});
	const perArticle = 25;
	const articleCount = Math.ceil(size.events / perArticle);
	const articles: StoredArticle[] = [];
	const events: StoredEvent[] = [];
	for (let a = 0; a < articleCount; a++) {
		const id = `a-${hex(a)}`;
		const date = day(Math.floor((a / articleCount) * 700));
		const sentences: string[] = [];
		for (let k = 0; k < perArticle && events.length < size.events; k++) {
			const involved = Array.from({length: 1 + Math.floor(next() * 3)}, () => pick(next, actors));
			const text = sentence(
				next,
				involved.map((x) => x.name),
			);
			const start = sentences.join('\n\n').length + (sentences.length > 0 ? 2 : 0);
			sentences.push(text);
			const precision: DatePrecision = next() < 0.9 ? 'day' : pick(next, ['week', 'month', 'year'] as const);
			events.push({
				id: `e-${hex(events.length)}`,
				article: id,
				paragraph: k,
				start,
				end: start + text.length,
				text,
				actors: [...new Set(involved.map((x) => x.id))],
				date,
				datePrecision: precision,
				dateText: null,
				dateSource: 'article',
			});
		}
		articles.push({
			id,
			key: `bench:${a}`,
			path: null,
			hash: hex(a, 64),
			body: sentences.join('\n\n'),
			ingestedAt: `${date}T00:00:00.000Z`,
			title: `Synthetic article ${a}`,
			date,
			dateAssumed: false,
			source: 'bench',
			url: null,
			byline: null,
			format: 'plain',
		});
	}
	// What each article says about each actor it names, as ingest stores it (merge.ts): one source
	// per article, with the places it is mentioned.
	const mentioned = new Map<string, Map<string, Array<{paragraph: number; start: number; end: number}>>>();
	for (const event of events) {
		for (const actor of event.actors) {
			let byArticle = mentioned.get(actor);
			if (!byArticle) mentioned.set(actor, (byArticle = new Map()));
			let mentions = byArticle.get(event.article);
			if (!mentions) byArticle.set(event.article, (mentions = []));
			mentions.push({paragraph: event.paragraph, start: event.start, end: event.end});
		}
	}
	// An actor no event names is one an article mentions in passing.
	actors.forEach((actor, i) => {
		const byArticle =
			mentioned.get(actor.id) ?? new Map([[articles[i % articles.length]!.id, [{paragraph: 0, start: 0, end: actor.name.length}]]]);
		actor.sources = [...byArticle].map(([article, mentions]) => ({
			article,
			name: actor.name,
			role: actor.role,
			aliases: actor.aliases,
			mentions,
		}));
	});
	const quotes: StoredQuote[] = Array.from({length: size.quotes}, (_, i) => {
		const event = events[Math.floor(next() * events.length)]!;
		return {
			id: `q-${hex(i)}`,
			article: event.article,
			paragraph: event.paragraph,
			start: event.start,
			end: event.end,
			text: sentence(next, []).slice(0, 60 + Math.floor(next() * 200)),
			speaker: event.actors[0] ?? null,
			date: event.date,
			datePrecision: event.datePrecision,
			dateText: null,
			dateSource: 'article',
		};
	});
	events.sort((x, y) => x.date.localeCompare(y.date) || x.article.localeCompare(y.article) || x.start - y.start);
	const notes: Note[] = Array.from({length: size.notes}, (_, i) => {
		const event = events[Math.floor(next() * events.length)]!;
		const time = `${event.date}T12:00:00.000Z`;
		return {
			id: `n-${i + 1}`,
			target: {kind: 'event', id: event.id, text: event.text},
			text: sentence(next, []),
			created: time,
			updated: time,
		};
	});
	return {
		briefing: {schemaVersion: SCHEMA_VERSION, articles, actors, events, quotes},
		notes: {schemaVersion: 1, nextId: size.notes + 1, notes},
	};
}

export async function writeBriefingDir(dir: string, size: Size, {legacy = false, seed = 42} = {}): Promise<void> {
	const {briefing, notes} = generate(size, seed);
	mkdirSync(dir, {recursive: true});
	if (legacy) writeFileSync(join(dir, 'briefing.json'), `${JSON.stringify({...briefing, schemaVersion: 1}, null, 2)}\n`);
	else await writeBriefingAt(dir, briefing);
	writeFileSync(join(dir, 'notes.json'), `${JSON.stringify(notes, null, 2)}\n`);
}

// The briefing of writeBriefingDir with one more article (its last one's events again, under new
// ids, on the same day, so that the events stay in order), written to `dir`, as one more ingest
// leaves it. Returns the number of articles before.
export async function writeBriefingDirWithOneMore(dir: string, size: Size, seed = 42): Promise<number> {
	const {briefing} = generate(size, seed);
	const last = briefing.articles.at(-1)!;
	const article = {...last, id: 'a-one-more', key: 'bench:one-more', hash: 'f'.repeat(64), title: 'One more article'};
	const events = briefing.events
		.filter((event) => event.article === last.id)
		.map((event, i) => ({...event, id: `e-one-more-${i}`, article: article.id}));
	mkdirSync(dir, {recursive: true});
	await writeBriefingAt(dir, {...briefing, articles: [...briefing.articles, article], events: [...briefing.events, ...events]});
	return briefing.articles.length;
}
