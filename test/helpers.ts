import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {build} from 'esbuild';
import {afterAll, afterEach, beforeAll} from 'vitest';
import {articleHash, ingestArticle} from '../source/store/merge.js';
import type {FullBriefing} from '../source/store/schema.js';
import type {ActorKind, DatePrecision, ExtractedActor, Extraction} from '../source/types.js';

// A fresh directory per test, removed afterwards. Call at the top of a describe block.
export function useTempDir(): () => string {
	const dirs: string[] = [];
	afterEach(() => {
		for (const dir of dirs.splice(0)) rmSync(dir, {recursive: true, force: true});
	});
	return () => {
		const dir = mkdtempSync(join(tmpdir(), 'briefing-test-'));
		dirs.push(dir);
		return dir;
	};
}

// Source modules bundled on their own (esbuild), as dist/cli.js bundles them, for a second process
// to load: `exports` is the bundle's text, e.g. "export {addNote} from './source/store/notes.ts';".
// Returns the bundle's path, there from beforeAll on. Call at the top of a describe block.
export function useBundle(exports: string): () => string {
	let dir = '';
	beforeAll(async () => {
		dir = mkdtempSync(join(tmpdir(), 'briefing-bundle-'));
		await build({
			stdin: {contents: exports, resolveDir: fileURLToPath(new URL('..', import.meta.url)), loader: 'ts'},
			outfile: join(dir, 'bundle.mjs'),
			bundle: true,
			platform: 'node',
			format: 'esm',
			target: 'node22',
			logLevel: 'warning',
		});
	});
	afterAll(() => rmSync(dir, {recursive: true, force: true}));
	return () => join(dir, 'bundle.mjs');
}

type ActorSpec = {name: string; kind?: ActorKind; aliases?: string[]; role?: string};
type EventSpec = {text: string; actors?: string[]; date?: string; precision?: DatePrecision};
type QuoteSpec = {text: string; speaker?: string};

// A hand-written Extraction, so that merge tests do not depend on the NLP. Actors are referred to
// by name; events and quotes are laid out one per paragraph.
export function extraction(spec: {
	title?: string;
	date?: string;
	url?: string;
	actors?: ActorSpec[];
	events?: EventSpec[];
	quotes?: QuoteSpec[];
}): Extraction {
	const date = spec.date ?? '2024-10-29';
	const actors: ExtractedActor[] = (spec.actors ?? []).map((actor) => ({
		key: actor.name,
		name: actor.name,
		kind: actor.kind ?? 'person',
		role: actor.role ?? null,
		aliases: actor.aliases ?? [],
		mentions: [{paragraph: 0, start: 0, end: actor.name.length, text: actor.name}],
	}));
	const events = (spec.events ?? []).map((event, index) => ({
		paragraph: index,
		start: index * 100,
		end: index * 100 + event.text.length,
		text: event.text,
		actors: event.actors ?? [],
		date: {date: event.date ?? date, precision: event.precision ?? 'day', text: null, source: 'article' as const},
	}));
	const quotes = (spec.quotes ?? []).map((quote, index) => ({
		paragraph: index,
		start: index * 100 + 1,
		end: index * 100 + 1 + quote.text.length,
		text: quote.text,
		speaker: quote.speaker ?? null,
		date: {date, precision: 'day' as const, text: null, source: 'article' as const},
	}));
	const body = [...events.map((event) => event.text), ...quotes.map((quote) => `"${quote.text}"`)].join('\n\n');
	return {
		article: {
			title: spec.title ?? 'An article',
			date,
			dateAssumed: false,
			source: null,
			url: spec.url ?? null,
			byline: null,
			format: 'plain',
			body,
			removedControls: 0,
		},
		paragraphs: [],
		actors,
		events,
		quotes,
	};
}

// A change that ingests article `n` as ingest stores it: Jake Sullivan and Andriy Yermak, `events`
// (each naming one or both of them) and one quote. For briefings of many articles on disk.
export const addTwoActorArticle =
	(n: number, events: EventSpec[], ingestedAt: string) =>
	(data: FullBriefing): FullBriefing =>
		ingestArticle(data, {
			extraction: extraction({
				title: `Article ${n}`,
				date: `2024-11-0${n}`,
				actors: [{name: 'Jake Sullivan'}, {name: 'Andriy Yermak'}],
				events,
				quotes: [{text: `Quote ${n}`, speaker: 'Jake Sullivan'}],
			}),
			hash: articleHash(`article ${n}`),
			key: `/news/${n}.md`,
			path: `/news/${n}.md`,
			ingestedAt,
		}).data;

// Two articles of our own for ingesting with the real extraction while a dashboard runs: Lena
// Okafor and Goran Dahl in Oslo (3 events, 1 quote); then Ivan Petrov in Bergen, who comes in more
// events than Goran Dahl, on dates before the first article's (3 events, one with Dahl).
export const OSLO_ARTICLE = `date 2024-03-05 Finance Minister Lena Okafor met Prime Minister Goran Dahl in Oslo on Monday to discuss the harbour budget.

Okafor said on Tuesday that the harbour plan would cost less than expected.

"We will open the new quay before winter," Okafor told reporters.
`;

export const BERGEN_ARTICLE = `date 2024-03-01 Mayor Ivan Petrov opened the northern bridge in Bergen on Friday.

Petrov said on Saturday that Lena Okafor had promised money for a second bridge.

Petrov met Goran Dahl on Sunday to plan the tolls.
`;
