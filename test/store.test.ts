import {spawn} from 'node:child_process';
import {existsSync, readFileSync, statSync, utimesSync, writeFileSync} from 'node:fs';
import {hostname} from 'node:os';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {briefingFile, emptyBriefing, readBriefing, readFullBriefing, serializeBriefing, updateBriefing} from '../source/store/db.js';
import {resolveBriefingDir} from '../source/store/dir.js';
import {StoreError} from '../source/store/errors.js';
import {LOCK_FILE} from '../source/store/lock.js';
import {articleHash, ingestArticle} from '../source/store/merge.js';
import type {FullBriefing} from '../source/store/schema.js';
import {extraction, useTempDir} from './helpers.js';

const addArticle = (key: string) => (data: FullBriefing) => {
	const ex = extraction({title: key, actors: [{name: 'Jake Sullivan'}], events: [{text: `${key} happened.`, actors: ['Jake Sullivan']}]});
	return ingestArticle(data, {extraction: ex, hash: articleHash(key), key, path: null, ingestedAt: '2024-11-01T00:00:00.000Z'}).data;
};

describe('briefing.json on disk', () => {
	const tempDir = useTempDir();

	it('round-trips through a directory it creates, with deterministic bytes', async () => {
		const dir = join(tempDir(), 'nested', 'briefing');
		expect(await readBriefing(dir)).toBeNull();
		expect(existsSync(dir)).toBe(false);
		expect(await updateBriefing(dir, addArticle('a'))).toBe(true);
		const data = await readFullBriefing(dir);
		expect(data!.articles.map((a) => a.key)).toEqual(['a']);
		expect(readFileSync(briefingFile(dir), 'utf8')).toBe(serializeBriefing(data!));
		expect(readFileSync(briefingFile(dir), 'utf8').endsWith('}\n')).toBe(true);
		expect(existsSync(join(dir, LOCK_FILE))).toBe(false);
	});

	it("keeps the actors' sources in a section at the end, which readers skip and writers need whole", async () => {
		const dir = tempDir();
		await updateBriefing(dir, addArticle('a'));
		const text = readFileSync(briefingFile(dir), 'utf8');
		expect(text).toMatch(
			/\n"events":\[\n\{.*\}\n\],\n"actorSources":\{\n"p-jake-sullivan":\[\{"article":"a-[0-9a-f]+","name":"Jake Sullivan"/,
		);
		expect(text.startsWith('{"schemaVersion":3,\n"summary":{"events":1,"actorEvents":{"p-jake-sullivan":1}},\n"articles":[')).toBe(true);
		expect((await readBriefing(dir))!.actors).toEqual([
			{id: 'p-jake-sullivan', name: 'Jake Sullivan', kind: 'person', role: null, aliases: ['Jake Sullivan']},
		]);
		expect((await readFullBriefing(dir))!.actors[0]!.sources).toHaveLength(1);
		// A damaged sources section: the readers still open the briefing, a writer refuses it.
		writeFileSync(briefingFile(dir), `${text.slice(0, text.indexOf('"actorSources":') + 20)}\n`);
		expect((await readBriefing(dir))!.events).toHaveLength(1);
		await expect(updateBriefing(dir, addArticle('b'))).rejects.toThrow(/briefing\.json: is not valid JSON/);
	});

	it('does not rewrite the file when nothing changed', async () => {
		const dir = tempDir();
		await updateBriefing(dir, addArticle('a'));
		const old = new Date('2020-01-01T00:00:00Z');
		utimesSync(briefingFile(dir), old, old);
		expect(await updateBriefing(dir, addArticle('a'))).toBe(false);
		expect(statSync(briefingFile(dir)).mtime).toEqual(old);
	});

	it('does not create a briefing when there is nothing to store', async () => {
		const dir = tempDir();
		expect(await updateBriefing(dir, (data) => data)).toBe(false);
		expect(existsSync(briefingFile(dir))).toBe(false);
	});

	it.each([
		[
			'cut short',
			'{"schemaVersion": 1, "articles": [',
			/is not valid JSON: it ends in the middle of a value, at line 1, column 35 \(the file looks cut short\); it was left as it is/,
		],
		['not JSON', '{"schemaVersion": 1,\n "articles": [}', /is not valid JSON: unexpected "}" at line 2, column 15; it was left as it is/],
		['empty', '', /is not valid JSON: the file is empty/],
		['an array', '[]', /is not a briefing/],
		['missing lists', '{"schemaVersion": 1}', /"articles" is not a list/],
		['a malformed event', JSON.stringify({...emptyBriefing(), events: [{id: 'e-1'}]}), /events\[0\]\.article is not a string/],
		['from a newer briefing', JSON.stringify({...emptyBriefing(), schemaVersion: 99}), /newer briefing \(schema 99/],
	])('refuses a file that is %s, naming it, and never overwrites it', async (_what, content, problem) => {
		const dir = tempDir();
		writeFileSync(briefingFile(dir), content);
		await expect(readBriefing(dir)).rejects.toThrow(StoreError);
		await expect(readBriefing(dir)).rejects.toThrow(problem);
		await expect(updateBriefing(dir, addArticle('a'))).rejects.toThrow(briefingFile(dir));
		expect(readFileSync(briefingFile(dir), 'utf8')).toBe(content);
	});

	it('loses no write when updates run concurrently', async () => {
		const dir = tempDir();
		const keys = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'];
		await Promise.all(keys.map((key) => updateBriefing(dir, addArticle(key))));
		const data = await readBriefing(dir);
		expect(data!.articles.map((a) => a.key).sort()).toEqual(keys);
		expect(data!.actors).toHaveLength(1);
	});

	it('takes over a lock left behind by a killed process', async () => {
		const dir = tempDir();
		writeFileSync(join(dir, LOCK_FILE), '12345\n');
		const old = new Date(Date.now() - 60_000);
		utimesSync(join(dir, LOCK_FILE), old, old);
		expect(await updateBriefing(dir, addArticle('a'))).toBe(true);
		expect(existsSync(join(dir, LOCK_FILE))).toBe(false);
	});

	// Where /proc tells when a process started (Linux).
	it.skipIf(!existsSync('/proc/self/stat'))(
		'takes over a lock whose pid now belongs to another live process, not waiting for it',
		async () => {
			const dir = tempDir();
			// A live process that is not the one that took the lock: its start time differs.
			const other = spawn('sleep', ['60'], {stdio: 'ignore'});
			try {
				writeFileSync(join(dir, LOCK_FILE), `${other.pid} ${hostname()} 1\n`);
				expect(await updateBriefing(dir, addArticle('a'))).toBe(true);
				expect(existsSync(join(dir, LOCK_FILE))).toBe(false);
			} finally {
				other.kill();
			}
		},
	);

	it('leaves notes.json alone', async () => {
		const dir = tempDir();
		writeFileSync(join(dir, 'notes.json'), '{"mine": true}');
		await updateBriefing(dir, addArticle('a'));
		expect(readFileSync(join(dir, 'notes.json'), 'utf8')).toBe('{"mine": true}');
	});
});

describe('resolveBriefingDir', () => {
	it('prefers --dir, then $BRIEFING_DIR, then $XDG_DATA_HOME, then ~/.local/share', () => {
		const env = {BRIEFING_DIR: '/env/briefing', XDG_DATA_HOME: '/xdg'};
		expect(resolveBriefingDir('/flag', env, '/home/u')).toBe('/flag');
		expect(resolveBriefingDir(undefined, env, '/home/u')).toBe('/env/briefing');
		expect(resolveBriefingDir(undefined, {XDG_DATA_HOME: '/xdg'}, '/home/u')).toBe('/xdg/briefing');
		expect(resolveBriefingDir(undefined, {XDG_DATA_HOME: 'relative'}, '/home/u')).toBe('/home/u/.local/share/briefing');
		expect(resolveBriefingDir(undefined, {}, '/home/u')).toBe('/home/u/.local/share/briefing');
	});
});
