import {readFileSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {
	briefingFile,
	emptyBriefing,
	parseFullBriefing,
	readFullBriefing,
	serializeBriefing,
	updateBriefing,
	writeBriefingAt,
} from '../source/store/db.js';
import {writeFileDurably} from '../source/store/durable.js';
import {articleHash, ingestArticle} from '../source/store/merge.js';
import {fileLines, parseRecordLines} from '../source/store/records.js';
import type {FullBriefing} from '../source/store/schema.js';
import {extraction, useTempDir} from './helpers.js';

const sampleFile = join(import.meta.dirname, '../data/sample-briefing.json');
const sample = parseFullBriefing(readFileSync(sampleFile, 'utf8'), sampleFile);

const addArticle = (key: string) => (data: FullBriefing) => {
	const ex = extraction({
		title: key,
		actors: [{name: 'Jake Sullivan'}, {name: 'Kyiv', kind: 'place'}],
		events: [{text: `${key} happened.`, actors: ['Jake Sullivan']}],
	});
	return ingestArticle(data, {extraction: ex, hash: articleHash(key), key, path: null, ingestedAt: '2024-11-01T00:00:00.000Z'}).data;
};

const lines = (text: string) => text.split('\n');

describe('briefing.json read a line at a time', () => {
	const tempDir = useTempDir();

	it('gives what JSON.parse gives for the whole text', () => {
		const withSpecialId = {...sample, actors: [...sample.actors, {...sample.actors[0]!, id: '__proto__'}]};
		for (const data of [sample, emptyBriefing(), withSpecialId]) {
			for (const text of [serializeBriefing(data), serializeBriefing(data, {withBodies: true})]) {
				const parsed = parseRecordLines(lines(text));
				expect(parsed).toEqual(JSON.parse(text));
				expect(Object.getPrototypeOf(parsed!['actorSources'])).toBe(Object.prototype);
			}
		}
	});

	it('leaves text laid out otherwise to be parsed whole', () => {
		const text = serializeBriefing(sample);
		const otherwise = [
			JSON.stringify(JSON.parse(text), null, 2), // edited by hand
			text.replace('{"schemaVersion":3,', '{"schemaVersion":2,'), // an older schema, to migrate
			text.slice(0, text.length / 2), // cut short
			text.slice(0, -1), // without its final newline
			`${text}\n`, // with more after it
			text.replace('\n]', '\n],'), // a list that does not close as written
			text.replace('"events":[\n{', '"events":[\n{{'), // a record that is not JSON
			text.replace(/\n\{"id":"e-/, '\n{"id":"e-"x,'), // the same, in the middle of a list
			text.replace('\n}}\n', '\n}\n'), // a sources section that does not close the briefing
		];
		for (const other of otherwise) expect(parseRecordLines(lines(other))).toBeNull();
	});

	it('reads a file in blocks, with lines and characters cut by their ends', () => {
		const file = join(tempDir(), 'lines.txt');
		const text = ['', 'é'.repeat(100_000), 'a€b'.repeat(30_000), 'plain', '', '😀'.repeat(70_000), ''].join('\n');
		writeFileSync(file, text);
		expect([...fileLines(file)]).toEqual(lines(text));
	});

	it('keeps every other record of the briefing byte for byte when an article is ingested', async () => {
		const dir = tempDir();
		await writeBriefingAt(dir, sample);
		const before = readFileSync(briefingFile(dir), 'utf8');
		expect(await updateBriefing(dir, addArticle('new'))).toBe(true);
		const after = readFileSync(briefingFile(dir), 'utf8');
		expect(after).toBe(serializeBriefing(addArticle('new')(parseFullBriefing(before, briefingFile(dir)))));
		const afterLines = new Set(lines(after).map((line) => line.replace(/,$/, '')));
		const records = lines(before).filter((line) => line.startsWith('{"id":"e-') || line.startsWith('{"id":"q-'));
		expect(records.length).toBeGreaterThan(0);
		for (const line of records) expect(afterLines).toContain(line.replace(/,$/, ''));
		expect(await readFullBriefing(dir)).toEqual(parseFullBriefing(after, briefingFile(dir)));
	});
});

describe('writeFileDurably in pieces', () => {
	const tempDir = useTempDir();

	it('writes pieces smaller and larger than its buffer, in order', async () => {
		const file = join(tempDir(), 'pieces.txt');
		const pieces = ['start ', 'é'.repeat(700_000), '€', 'x'.repeat(3_000_000), ...Array.from({length: 5000}, (_, i) => `${i} 😀,`), ''];
		await writeFileDurably(file, pieces);
		expect(readFileSync(file, 'utf8')).toBe(pieces.join(''));
	});
});
