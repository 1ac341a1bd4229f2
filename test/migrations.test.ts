import {readFileSync, readdirSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {readArticleBody} from '../source/store/bodies.js';
import {briefingFile, parseFullBriefing, readBriefing, serializeBriefing, updateBriefing} from '../source/store/db.js';
import {articleHash, ingestArticle} from '../source/store/merge.js';
import {BRIEFING_MIGRATIONS, NOTES_MIGRATIONS, fileVersion, migrate, type Migration} from '../source/store/migrations.js';
import {NOTES_SCHEMA_VERSION, addNote, loadNotes, notesFile} from '../source/store/notes.js';
import {SCHEMA_VERSION, type FullBriefing} from '../source/store/schema.js';
import {checkBriefingData} from '../source/store/validate.js';
import {extraction, useTempDir} from './helpers.js';

// A briefing.json of version 0: no schemaVersion, events and quotes with only a date, articles
// without dateAssumed and format.
function versionZero(): Record<string, unknown> {
	const current = ingestArticle(
		{schemaVersion: 1, articles: [], actors: [], events: [], quotes: []},
		{
			extraction: extraction({
				actors: [{name: 'Jake Sullivan'}],
				events: [{text: 'Sullivan flew to Kyiv.', actors: ['Jake Sullivan']}],
				quotes: [{text: 'We are here', speaker: 'Jake Sullivan'}],
			}),
			hash: articleHash('Sullivan flew to Kyiv.'),
			key: '/news/a.md',
			path: '/news/a.md',
			ingestedAt: '2024-11-01T00:00:00.000Z',
		},
	).data;
	const strip = <T extends object>(item: T, fields: string[]) =>
		Object.fromEntries(Object.entries(item).filter(([key]) => !fields.includes(key)));
	return {
		articles: current.articles.map((article) => strip(article, ['dateAssumed', 'format'])),
		actors: current.actors,
		events: current.events.map((event) => strip(event, ['datePrecision', 'dateText', 'dateSource'])),
		quotes: current.quotes.map((quote) => strip(quote, ['datePrecision', 'dateText', 'dateSource', 'speaker'])),
	};
}

const backups = (dir: string, name: string) => readdirSync(dir).filter((file) => file.startsWith(`${name}.bak-`));

describe('migrations', () => {
	const tempDir = useTempDir();

	it('a file without schemaVersion is version 0; a bad schemaVersion is none', () => {
		expect(fileVersion({})).toBe(0);
		expect(fileVersion({schemaVersion: 0})).toBe(0);
		expect(fileVersion({schemaVersion: 3})).toBe(3);
		expect(fileVersion({schemaVersion: '1'})).toBeNull();
		expect(fileVersion({schemaVersion: -1})).toBeNull();
	});

	it('each table leads from version 0 to the current version, one step at a time', () => {
		for (const [table, current] of [
			[BRIEFING_MIGRATIONS, SCHEMA_VERSION],
			[NOTES_MIGRATIONS, NOTES_SCHEMA_VERSION],
		] as const) {
			expect(table.map((step) => [step.from, step.to])).toEqual(Array.from({length: current}, (_, i) => [i, i + 1]));
			for (const step of table) expect(step.what).toMatch(/^[a-z].*[^.]$/);
		}
	});

	it('runs a chain of migrations and refuses what it cannot reach', () => {
		const table: Migration[] = [
			{from: 0, to: 1, what: 'one', migrate: (data) => ({...data, one: true})},
			{from: 1, to: 2, what: 'two', migrate: (data) => ({...data, two: true})},
		];
		expect(migrate({}, table, 2)).toEqual({data: {one: true, two: true, schemaVersion: 2}, from: 0, steps: table});
		expect(migrate({schemaVersion: 1}, table, 2)!.steps).toEqual([table[1]]);
		expect(migrate({schemaVersion: 2}, table, 2)).toEqual({data: {schemaVersion: 2}, from: 2, steps: []});
		expect(migrate({schemaVersion: 3}, table, 2)).toBeNull();
		expect(migrate({}, table.slice(1), 2)).toBeNull();
	});

	it('migrates a version-0 briefing.json: read as is, written only after a backup of the old file', async () => {
		const dir = tempDir();
		const old = `${JSON.stringify(versionZero(), null, 2)}\n`;
		writeFileSync(briefingFile(dir), old);

		const checked = checkBriefingData(JSON.parse(old));
		expect(checked.problem).toBeNull();
		expect(checked).toMatchObject({from: 0});
		const read = (await readBriefing(dir))!;
		expect(read.schemaVersion).toBe(3);
		expect(read.events[0]).toMatchObject({datePrecision: 'day', dateText: null, dateSource: 'explicit'});
		expect(read.quotes[0]).toMatchObject({speaker: null, datePrecision: 'day'});
		expect(read.articles[0]).toMatchObject({dateAssumed: false, format: 'plain', byline: null});
		// Reading changes nothing on the disk.
		expect(readFileSync(briefingFile(dir), 'utf8')).toBe(old);
		expect(backups(dir, 'briefing.json')).toEqual([]);

		const reported: Array<[string, number]> = [];
		const add = (data: FullBriefing) =>
			ingestArticle(data, {
				extraction: extraction({events: [{text: 'Another thing happened.'}]}),
				hash: articleHash('b'),
				key: '/news/b.md',
				path: '/news/b.md',
				ingestedAt: '2024-11-02T00:00:00.000Z',
			}).data;
		expect(await updateBriefing(dir, add, {onBackup: (backup, from) => reported.push([backup, from])})).toBe(true);

		const [backup] = backups(dir, 'briefing.json');
		expect(backup).toMatch(/^briefing\.json\.bak-\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}\.\d{3}Z$/);
		expect(readFileSync(join(dir, backup!), 'utf8')).toBe(old);
		expect(reported).toEqual([[join(dir, backup!), 0]]);
		const written = parseFullBriefing(readFileSync(briefingFile(dir), 'utf8'), briefingFile(dir));
		expect(written.schemaVersion).toBe(3);
		expect(written.articles.map((article) => article.key)).toEqual(['/news/a.md', '/news/b.md']);
		expect(readFileSync(briefingFile(dir), 'utf8')).toBe(serializeBriefing(written));
		// Schema 2: the texts, inline in the old file, are in articles/ and no longer in briefing.json.
		expect(written.articles.every((article) => !('body' in article))).toBe(true);
		expect(readdirSync(join(dir, 'articles'))).toHaveLength(2);
		expect(readArticleBody(dir, written.articles[0]!)).toBe(read.articles[0]!.body);

		// Once it is the current version, no more backups.
		await updateBriefing(
			dir,
			(data) =>
				ingestArticle(data, {
					extraction: extraction({}),
					hash: articleHash('c'),
					key: 'c',
					path: null,
					ingestedAt: '2024-11-03T00:00:00.000Z',
				}).data,
		);
		expect(backups(dir, 'briefing.json')).toHaveLength(1);
	});

	it('migrates a version-0 notes.json when a note is added, after a backup, giving no id twice', async () => {
		const dir = tempDir();
		const note = (id: string) => ({
			id,
			target: {kind: 'actor', id: 'p-x', text: 'X'},
			text: `note ${id}`,
			created: '2024-11-01T00:00:00.000Z',
			updated: '2024-11-01T00:00:00.000Z',
		});
		const old = JSON.stringify({notes: [note('n-1'), note('n-4')]});
		writeFileSync(notesFile(dir), old);
		expect(await loadNotes(dir)).toMatchObject({problem: null, notes: [{id: 'n-1'}, {id: 'n-4'}]});
		expect(backups(dir, 'notes.json')).toEqual([]);

		const saved = await addNote(dir, {kind: 'actor', id: 'p-x', text: 'X'}, 'new');
		expect(saved.note.id).toBe('n-5');
		const [backup] = backups(dir, 'notes.json');
		expect(readFileSync(join(dir, backup!), 'utf8')).toBe(old);
		expect(JSON.parse(readFileSync(notesFile(dir), 'utf8'))).toMatchObject({schemaVersion: 1, nextId: 6});
	});

	it('refuses a version-0 file that is not a briefing once migrated, naming the version', () => {
		expect(checkBriefingData({articles: 'none'})).toMatchObject({problem: 'is not a briefing ("articles" is not a list) (it is schema 0)'});
		expect(checkBriefingData({schemaVersion: 1.5})).toMatchObject({
			problem: expect.stringContaining('schemaVersion is not a whole number'),
		});
	});
});

describe('schema 2 to 3', () => {
	it('gives the articles of a schema-2 briefing no byline, and keeps one an article has', () => {
		const [step] = BRIEFING_MIGRATIONS.filter((migration) => migration.from === 2);
		const migrated = step!.migrate({
			schemaVersion: 2,
			articles: [
				{id: 'a-1', title: 'T'},
				{id: 'a-2', byline: 'Ada'},
			],
			events: [],
		});
		expect(migrated['articles']).toEqual([
			{id: 'a-1', title: 'T', byline: null},
			{id: 'a-2', byline: 'Ada'},
		]);
	});
});
