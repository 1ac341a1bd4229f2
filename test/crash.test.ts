import {spawn} from 'node:child_process';
import {mkdtempSync, readdirSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {build} from 'esbuild';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {readArticleBody} from '../source/store/bodies.js';
import {readBriefing, readFullBriefing} from '../source/store/db.js';
import {addNote, loadNotes} from '../source/store/notes.js';
import {useTempDir} from './helpers.js';

// Crash safety: processes that ingest and add notes to one directory are killed with SIGKILL at
// random moments, many at a time. After every batch both files must parse (briefing.json with its
// actors' sources too), every article in it must have its text in articles/, and every note and
// article a writer was told is saved (it prints them only once the write resolved) must be there.
const root = fileURLToPath(new URL('..', import.meta.url));
const writer = join(root, 'test', 'fixtures', 'store-writer.mjs');

const BATCHES = 50;
const PARALLEL = 5; // writers per batch, all on the same directory
const KILL_AFTER_MS = [5, 60]; // after the writer is loaded and has begun writing

type Killed = {notes: Map<string, string>; articles: string[]};

describe('crashes', () => {
	const tempDir = useTempDir();
	let bundleDir = '';
	let bundle = '';
	beforeAll(async () => {
		bundleDir = mkdtempSync(join(tmpdir(), 'briefing-crash-'));
		bundle = join(bundleDir, 'store.mjs');
		await build({
			stdin: {
				contents:
					"export {updateBriefing} from './source/store/db.js'; export {ingestArticle} from './source/store/merge.js'; export {addNote} from './source/store/notes.js';",
				resolveDir: root,
				loader: 'ts',
			},
			outfile: bundle,
			bundle: true,
			platform: 'node',
			format: 'esm',
			target: 'node20',
			logLevel: 'warning',
		});
	});
	afterAll(() => rmSync(bundleDir, {recursive: true, force: true}));

	// Starts a writer, kills it KILL_AFTER_MS after it is ready, and resolves with what it acknowledged.
	const runAndKill = (dir: string, label: string) =>
		new Promise<Killed>((resolve, reject) => {
			const child = spawn(process.execPath, [writer, bundle, dir, label], {stdio: ['ignore', 'pipe', 'pipe']});
			const acked: Killed = {notes: new Map(), articles: []};
			let buffer = '';
			let stderr = '';
			let killed = false;
			const timeout = setTimeout(() => reject(new Error(`${label} never got ready: ${stderr}`)), 20_000);
			child.stdout!.on('data', (chunk: Buffer) => {
				buffer += chunk.toString();
				const lines = buffer.split('\n');
				buffer = lines.pop()!;
				for (const line of lines) {
					if (line === 'ready' && !killed) {
						killed = true;
						clearTimeout(timeout);
						setTimeout(() => child.kill('SIGKILL'), KILL_AFTER_MS[0]! + Math.random() * (KILL_AFTER_MS[1]! - KILL_AFTER_MS[0]!));
					} else if (line.startsWith('n ')) {
						const [, id, ...text] = line.split(' ');
						acked.notes.set(id!, text.join(' '));
					} else if (line.startsWith('a ')) {
						acked.articles.push(line.slice(2));
					}
				}
			});
			child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk));
			child.on('close', (code, signal) => {
				clearTimeout(timeout);
				// A writer that stopped by itself failed: a write threw (a lock it could not take, say).
				if (signal !== 'SIGKILL') reject(new Error(`${label} exited with ${code}: ${stderr}`));
				else resolve(acked);
			});
		});

	it(`${BATCHES * PARALLEL} writers killed with SIGKILL mid-write lose no acknowledged note or article`, async () => {
		const dir = tempDir();
		const started = Date.now();
		const notes = new Map<string, string>();
		const articles: string[] = [];
		let kills = 0;
		let interrupted = 0;
		for (let batch = 0; batch < BATCHES; batch++) {
			const results = await Promise.all(Array.from({length: PARALLEL}, (_, p) => runAndKill(dir, `w${batch}-${p}`)));
			kills += results.length;
			for (const result of results) {
				for (const [id, text] of result.notes) {
					expect(notes.has(id), `note id ${id} acknowledged twice`).toBe(false);
					notes.set(id, text);
				}
				articles.push(...result.articles);
			}
			// What the kills left behind: a lock of a dead process, a temporary file of a write cut short.
			interrupted += readdirSync(dir).filter((name) => name.endsWith('.lock') || name.endsWith('.tmp')).length;

			const briefing = await readBriefing(dir);
			const state = await loadNotes(dir);
			expect(state.problem).toBeNull();
			const stored = new Map(state.notes.map((note) => [note.id, note.text]));
			for (const [id, text] of notes) expect(stored.get(id), `acknowledged note ${id}`).toBe(text);
			const keys = new Set(briefing?.articles.map((article) => article.key));
			for (const key of articles) expect(keys.has(key), `acknowledged article ${key}`).toBe(true);
			expect((await readFullBriefing(dir))?.articles.length).toBe(briefing?.articles.length);
			for (const article of briefing?.articles ?? []) expect(readArticleBody(dir, article), `text of ${article.key}`).not.toBeNull();
		}
		const {notes: final} = await loadNotes(dir);
		const briefing = await readBriefing(dir);
		const lost = [...notes.keys()].filter((id) => !final.some((note) => note.id === id)).length;
		console.log(
			`crash test: ${kills} writers killed with SIGKILL (${BATCHES} batches of ${PARALLEL} at once, ${KILL_AFTER_MS.join('-')} ms after loading), ` +
				`${interrupted} locks or temporary files left behind by kills mid-write; ${notes.size} acknowledged notes checked ` +
				`(${final.length} in notes.json), ${articles.length} acknowledged articles checked (${briefing?.articles.length ?? 0} in briefing.json); ` +
				`lost: ${lost}; ${Date.now() - started} ms`,
		);
		expect(kills).toBeGreaterThanOrEqual(200);
		expect(lost).toBe(0);
		// Enough writes got through for the check to mean something.
		expect(notes.size).toBeGreaterThan(kills / 5);
		// The next write clears whatever the kills left.
		await addNote(dir, {kind: 'actor', id: 'p-x', text: 'X'}, 'after the kills');
		expect(readdirSync(dir).filter((name) => name.startsWith('.notes.json.') || name === 'notes.lock')).toEqual([]);
	}, 180_000);
});
