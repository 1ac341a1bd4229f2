import {existsSync, readFileSync, readdirSync, rmSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {beforeAll, describe, expect, it} from 'vitest';
import {extract} from '../source/ingest/index.js';
import {bodyFile} from '../source/store/bodies.js';
import {briefingFile, emptyBriefing, parseFullBriefing, serializeBriefing, writeBriefingAt} from '../source/store/db.js';
import {examineBriefing, examineNotes, repairBriefing, repairNotes, salvageNotes} from '../source/store/doctor.js';
import {articleHash, ingestArticle} from '../source/store/merge.js';
import {emptyNotes, notesFile, serializeNotes, type Note, type NotesData} from '../source/store/notes.js';
import {articleText, rebuildBriefing} from '../source/store/rebuild.js';
import type {ArticleWithBody, BriefingData, FullBriefing} from '../source/store/schema.js';
import {useTempDir} from './helpers.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const sampleFile = join(root, 'data', 'sample-briefing.json');
const sampleBriefing = parseFullBriefing(readFileSync(sampleFile, 'utf8'), sampleFile);

const ARTICLES = [
	{path: '/news/seed.txt', text: readFileSync(join(root, 'data', 'sample-article.txt'), 'utf8'), fallback: '2024-11-01'},
	{
		path: '/news/talks.md',
		text: '---\ntitle: Talks in Washington\nsource: Wire\nurl: https://example.com/talks\n---\n# Talks in Washington\n\n## The meeting\n\nJake Sullivan met Andriy Yermak in Washington on Monday.\n\n"We will keep helping," Sullivan said.\n',
		fallback: '2024-11-01',
	},
	{path: '/news/undated.txt', text: 'The foreign minister of Poland, Radosław Sikorski, visited Kyiv last week.\n', fallback: '2024-11-04'},
];

// A briefing of three articles through the real extraction, as ingest stores it.
function ingested(): FullBriefing {
	return ARTICLES.reduce((data, {path, text, fallback}) => {
		const extraction = extract(text, {fallbackDate: fallback});
		return ingestArticle(data, {
			extraction,
			hash: articleHash(text),
			key: extraction.article.url ?? path,
			path,
			ingestedAt: '2024-11-05T00:00:00.000Z',
		}).data;
	}, emptyBriefing());
}

const backupsOf = (dir: string, name: string) => readdirSync(dir).filter((file) => file.startsWith(`${name}.bak-`));
const load = async () => extract;
const ids = (items: Array<{id: string}>) => items.map((item) => item.id);
// Articles just ingested, and those of the sample file, carry their texts in memory.
const texts = (data: BriefingData) => data.articles as ArticleWithBody[];

describe('rebuilding briefing.json from its articles', () => {
	let data: FullBriefing;
	beforeAll(() => {
		data = ingested();
	});

	it('gives the same briefing, byte for byte, ids and all', () => {
		expect(data.articles.map((article) => article.format)).toEqual(['seed', 'front-matter', 'plain']);
		expect(texts(data)[1]!.body.startsWith('## The meeting')).toBe(true);
		expect(data.articles[2]!.dateAssumed).toBe(true);
		const rebuilt = rebuildBriefing(texts(data), extract);
		expect(rebuilt.failed).toEqual([]);
		expect(serializeBriefing(rebuilt.data)).toBe(serializeBriefing(data));
		expect(serializeBriefing(rebuildBriefing(texts(sampleBriefing), extract).data)).toBe(serializeBriefing(sampleBriefing));
	});

	it('writes an article as front matter that parses back into its header and body', () => {
		const article = texts(data)[1]!;
		expect(articleText(article)).toBe(
			`---\ntitle: "Talks in Washington"\nsource: "Wire"\nurl: "https://example.com/talks"\n---\n# Talks in Washington\n\n${article.body}\n`,
		);
		expect(articleText(texts(data)[2]!)).not.toContain('date:');
	});
});

describe('doctor: briefing.json', () => {
	const tempDir = useTempDir();
	let good: FullBriefing;
	let goodText: string;
	beforeAll(() => {
		good = ingested();
		goodText = serializeBriefing(good);
	});
	// A directory as ingest leaves it (briefing.json and the article texts), then briefing.json
	// replaced by `text`.
	const withFile = async (text: string) => {
		const dir = tempDir();
		await writeBriefingAt(dir, good);
		writeFileSync(briefingFile(dir), text);
		return dir;
	};
	const stored = (data: BriefingData) => data.articles.map(({body, ...article}) => article);

	it('finds nothing wrong with a briefing as ingest writes it, and a repair changes nothing', async () => {
		const dir = await withFile(goodText);
		expect(await examineBriefing(dir)).toMatchObject({kind: 'ok', leftovers: 0});
		const repair = await repairBriefing(dir, load);
		expect(repair).toMatchObject({backup: null, written: null});
		expect(readdirSync(dir)).toEqual(['articles', 'briefing.json']);
		expect(readdirSync(join(dir, 'articles'))).toHaveLength(3);
		expect(await examineBriefing(tempDir())).toMatchObject({kind: 'missing'});
	});

	it('rebuilds a file cut short from the articles before the cut, keeping their ids, after a backup', async () => {
		// Cut in the middle of the third article: the first two can be read.
		const cut = goodText.slice(0, goodText.indexOf('"key":"/news/undated.txt"') + 40);
		const dir = await withFile(cut);
		writeFileSync(join(dir, '.briefing.json.0123456789ab.tmp'), '{"half');
		const exam = await examineBriefing(dir);
		expect(exam).toMatchObject({kind: 'broken', refused: true, lost: ['/news/undated.txt'], lostUnnamed: 0, leftovers: 1});
		expect(exam.kind === 'broken' && exam.problem).toMatch(
			/^is not valid JSON: it ends in the middle of a value, at line \d+, column \d+ \(the file looks cut short\)$/,
		);
		expect(exam.kind === 'broken' && exam.articles.map((article) => article.key)).toEqual(['/news/seed.txt', 'https://example.com/talks']);

		const repair = await repairBriefing(dir, load);
		expect(readFileSync(repair.backup!, 'utf8')).toBe(cut);
		const written = JSON.parse(readFileSync(briefingFile(dir), 'utf8')) as BriefingData;
		expect(readFileSync(briefingFile(dir), 'utf8')).toBe(serializeBriefing(repair.written!));
		const kept = new Set(ids(written.articles));
		expect(ids(written.articles)).toEqual(ids(good.articles).slice(0, 2));
		expect(ids(written.events)).toEqual(ids(good.events.filter((event) => kept.has(event.article))));
		expect(ids(written.quotes)).toEqual(ids(good.quotes.filter((quote) => kept.has(quote.article))));
		expect(written.articles).toEqual(stored(good).slice(0, 2));
		expect(readdirSync(dir).sort()).toEqual(['articles', 'briefing.json', backupsOf(dir, 'briefing.json')[0]]);
		expect(readdirSync(join(dir, 'articles'))).toHaveLength(2);
		expect(await examineBriefing(dir)).toMatchObject({kind: 'ok'});
	});

	it('recovers every article of a file of the wrong shape, and of one whose lists disagree', async () => {
		const wrong = JSON.parse(goodText);
		wrong.events[2].article = 7;
		const dir = await withFile(JSON.stringify(wrong));
		expect(await examineBriefing(dir)).toMatchObject({
			kind: 'broken',
			refused: true,
			problem: 'is not a briefing (events[2].article is not a string)',
			lost: [],
		});
		await repairBriefing(dir, load);
		expect(readFileSync(briefingFile(dir), 'utf8')).toBe(goodText);

		const inconsistent = {...good, actors: good.actors.slice(1)};
		const other = await withFile(serializeBriefing(inconsistent));
		const exam = await examineBriefing(other);
		expect(exam).toMatchObject({kind: 'broken', refused: false});
		const dropped = good.actors[0]!.id;
		const events = good.events.filter((event) => event.actors.includes(dropped)).length;
		expect(events).toBeGreaterThan(1);
		expect(exam.kind === 'broken' && exam.problem).toBe(`is inconsistent: ${events} events refer to articles or actors that are not in it`);
		await repairBriefing(other, load);
		expect(readFileSync(briefingFile(other), 'utf8')).toBe(goodText);
	});

	it('says plainly when no article can be read, and starts an empty briefing after a backup', async () => {
		const dir = await withFile('\u0000\u0001 not a briefing at all');
		expect(await examineBriefing(dir)).toMatchObject({kind: 'broken', articles: [], lost: [], lostUnnamed: 0});
		const repair = await repairBriefing(dir, load);
		expect(readFileSync(repair.backup!, 'utf8')).toBe('\u0000\u0001 not a briefing at all');
		expect(readFileSync(briefingFile(dir), 'utf8')).toBe(serializeBriefing(emptyBriefing()));
	});

	it('leaves a newer briefing.json alone, and does not even load the extraction', async () => {
		const newer = goodText.replace('"schemaVersion":3', '"schemaVersion":4');
		const dir = await withFile(newer);
		expect(await examineBriefing(dir)).toMatchObject({
			kind: 'newer',
			problem: 'was written by a newer briefing (schema 4, this one reads 3); upgrade briefing',
		});
		const repair = await repairBriefing(dir, () => Promise.reject(new Error('not needed')));
		expect(repair.written).toBeNull();
		expect(readFileSync(briefingFile(dir), 'utf8')).toBe(newer);
		expect(readdirSync(dir)).toEqual(['articles', 'briefing.json']);
	});

	it('says which articles lost their text file, and rebuilds from the others after a backup', async () => {
		const dir = await withFile(goodText);
		const talks = good.articles[1]!;
		rmSync(bodyFile(dir, talks));
		const exam = await examineBriefing(dir);
		expect(exam).toMatchObject({
			kind: 'broken',
			refused: false,
			problem: 'has an article whose text is missing from articles/',
			lost: ['/news/talks.md'],
		});
		const repair = await repairBriefing(dir, load);
		expect(repair.backup).not.toBeNull();
		const written = JSON.parse(readFileSync(briefingFile(dir), 'utf8')) as BriefingData;
		expect(ids(written.articles)).toEqual([good.articles[0]!.id, good.articles[2]!.id]);
		expect(written.events.some((event) => event.article === talks.id)).toBe(false);
		expect(await examineBriefing(dir)).toMatchObject({kind: 'ok'});
	});
});

describe('doctor: notes.json', () => {
	const tempDir = useTempDir();
	const note = (n: number, text = `note ${n}`): Note => ({
		id: `n-${n}`,
		target: {kind: 'event', id: `e-${n}`, text: `Event ${n}.`},
		text,
		created: `2024-11-01T00:00:${String(n % 60).padStart(2, '0')}.000Z`,
		updated: `2024-11-01T00:00:${String(n % 60).padStart(2, '0')}.000Z`,
	});
	const notesText = (notes: Note[], nextId = Math.max(0, ...notes.map((n) => Number(n.id.slice(2)))) + 1) =>
		serializeNotes({...emptyNotes(), nextId, notes});
	const withNotes = (text: string) => {
		const dir = tempDir();
		writeFileSync(notesFile(dir), text);
		return dir;
	};
	const written = (dir: string) => JSON.parse(readFileSync(notesFile(dir), 'utf8')) as NotesData;

	it('keeps every note of a file cut anywhere whose text and item are whole, after a backup of the cut file', async () => {
		const notes = Array.from({length: 30}, (_, i) => note(i + 1, `note ${i + 1}${i % 3 ? '' : ' with "quotes", {braces} and\nlines'}`));
		const text = notesText(notes);
		// Where each note's object ends in the file, and where its text (after its item) ends: a cut
		// after the one keeps it whole, a cut after the other keeps its text and item.
		const positions = notes.map((n) => {
			const start = text.indexOf(`"id": "${n.id}"`);
			return {end: text.indexOf('\n    }', start) + 6, text: text.indexOf(JSON.stringify(n.text), start) + JSON.stringify(n.text).length};
		});
		let cuts = 0;
		let partial = 0;
		for (let cut = 40; cut < text.length; cut += 97) {
			const dir = withNotes(text.slice(0, cut));
			const repair = await repairNotes(dir);
			const whole = notes.filter((_, i) => positions[i]!.end <= cut);
			const kept = notes.filter((_, i) => positions[i]!.text <= cut);
			const got = written(dir).notes;
			expect(got.slice(0, whole.length), `cut at ${cut}`).toEqual(whole);
			expect(
				got.map(({id, target, text}) => ({id, target, text})),
				`cut at ${cut}`,
			).toEqual(kept.map(({id, target, text}) => ({id, target, text})));
			partial += kept.length - whole.length;
			expect(written(dir).nextId).toBeGreaterThan(kept.length);
			expect(readFileSync(repair.backup!, 'utf8')).toBe(text.slice(0, cut));
			cuts++;
		}
		expect(cuts).toBeGreaterThan(30);
		expect(partial).toBeGreaterThan(0);
	});

	it('adds the notes of the newest whole backup that the damaged file no longer has', async () => {
		const dir = withNotes(notesText([note(1), note(2), note(3)]).slice(0, -40));
		writeFileSync(join(dir, 'notes.json.bak-2024-10-01T00-00-00.000Z'), notesText([note(1, 'older text'), note(3), note(4)], 9));
		writeFileSync(join(dir, 'notes.json.bak-2024-12-01T00-00-00.000Z'), '{"damaged');
		const exam = await examineNotes(dir);
		expect(exam).toMatchObject({kind: 'broken', backup: {path: join(dir, 'notes.json.bak-2024-10-01T00-00-00.000Z')}});
		// n-3 is cut in its last time, after its text and item: it is kept, with the time it has.
		expect(exam.kind === 'broken' && ids(exam.readable)).toEqual(['n-1', 'n-2', 'n-3']);
		const repair = await repairNotes(dir);
		expect(ids(repair.fromBackup)).toEqual(['n-4']);
		// The damaged file's own version of a note wins over the backup's.
		expect(written(dir)).toEqual({schemaVersion: 1, nextId: 9, notes: [note(1), note(2), note(3), note(4)]});
		expect(backupsOf(dir, 'notes.json')).toHaveLength(3);
	});

	it('mends notes of the wrong shape rather than dropping them, and gives a repeated id a new one', async () => {
		const bad = [
			note(1),
			{...note(2), created: 'yesterday'},
			{...note(3), target: null},
			note(4),
			{...note(4), text: 'same id, other note'},
			note(4),
		];
		const dir = withNotes(JSON.stringify({schemaVersion: 1, nextId: 5, notes: bad}));
		const exam = await examineNotes(dir);
		expect(exam).toMatchObject({kind: 'broken', problem: 'is not a notes file (notes[1] has no created or updated time)'});
		expect(exam.kind === 'broken' && exam.mended).toEqual([
			'n-2: it had no created time, so it is the updated one',
			'n-3: its item was unreadable, so it is detached',
		]);
		await repairNotes(dir);
		const {notes, nextId} = written(dir);
		expect(notes.map((n) => [n.id, n.text])).toEqual([
			['n-1', 'note 1'],
			['n-2', 'note 2'],
			['n-3', 'note 3'],
			['n-4', 'note 4'],
			['n-5', 'same id, other note'],
		]);
		expect(notes[1]!.created).toBe(note(2).updated);
		expect(notes[2]!.target).toEqual({kind: 'actor', id: '', text: ''});
		expect(nextId).toBe(6);
		expect(salvageNotes([{id: 'n-1'}, 'text', {text: ' '}], '2024-01-01T00:00:00.000Z').readable).toEqual([]);
	});

	it('leaves a newer or missing notes.json alone, and a whole one unchanged', async () => {
		const newer = notesText([note(1)]).replace('"schemaVersion": 1', '"schemaVersion": 2');
		const dir = withNotes(newer);
		expect(await examineNotes(dir)).toMatchObject({kind: 'newer', readable: [note(1)]});
		expect((await repairNotes(dir)).written).toBeNull();
		expect(readFileSync(notesFile(dir), 'utf8')).toBe(newer);

		const whole = withNotes(notesText([note(1)]));
		expect((await repairNotes(whole)).written).toBeNull();
		expect(readdirSync(whole)).toEqual(['notes.json']);

		const none = tempDir();
		expect(await examineNotes(none)).toMatchObject({kind: 'missing'});
		expect(existsSync(notesFile(none))).toBe(false);
	});
});
