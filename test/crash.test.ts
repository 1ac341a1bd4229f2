import {spawn} from 'node:child_process';
import {readdirSync} from 'node:fs';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {describe, expect, it} from 'vitest';
import {readArticleBody} from '../source/store/bodies.js';
import {readBriefing, readFullBriefing} from '../source/store/db.js';
import {addNote, loadNotes} from '../source/store/notes.js';
import {useBundle, useTempDir} from './helpers.js';

// Crash safety: processes that ingest and add notes to one directory are killed with SIGKILL in
// the middle of a write, many at a time. After every batch both files must parse (briefing.json
// with its actors' sources too), every article in it must have its text in articles/, and every
// note and article a writer was told is saved (it prints them only once the write resolved) must
// be there.
//
// Each writer is killed during one of its first writes, at a random point of it measured from
// its own progress: a random fraction of the time its earlier writes took, from when it said the
// write began. A fixed delay after start would mostly kill a writer on a busy machine before its
// first write, and one on a fast machine after its last. Whether a kill cut a write short is read
// from what the writer printed, so batches go on until enough kills did, within a generous time.
const root = fileURLToPath(new URL('..', import.meta.url));
const writer = join(root, 'test', 'fixtures', 'store-writer.mjs');

const CUTS = 200; // kills inside a write that batches go on until (or BOUND_MS)
const PARALLEL = 5; // writers per batch, all on the same directory
const KILL_IN = [0, 4]; // the write cut: one of the first few, so that some earlier ones are acknowledged
const FIRST_WRITE_MS = 10; // how long a write is taken to last before one was seen
const BOUND_MS = 150_000; // batches stop after this even with fewer cuts (a very slow machine)

type Killed = {notes: Map<string, string>; articles: string[]; cut: boolean};

describe('crashes', () => {
	const tempDir = useTempDir();
	const bundle = useBundle(
		"export {updateBriefing} from './source/store/db.js'; export {articleHash, ingestArticle} from './source/store/merge.js'; export {addNote} from './source/store/notes.js';",
	);

	// Starts a writer, kills it inside one of its first writes, and resolves with what it
	// acknowledged and whether the kill came while a write had begun and was not acknowledged.
	const runAndKill = (dir: string, label: string) =>
		new Promise<Killed>((resolve, reject) => {
			const child = spawn(process.execPath, [writer, bundle(), dir, label], {stdio: ['ignore', 'pipe', 'pipe']});
			const acked: Killed = {notes: new Map(), articles: [], cut: false};
			const cutWrite = KILL_IN[0]! + Math.floor(Math.random() * (KILL_IN[1]! - KILL_IN[0]!));
			let begun = 0;
			let began = 0;
			let took = 0; // the time the acknowledged writes took, from "writing" to their answer
			let done = 0;
			let buffer = '';
			let stderr = '';
			let killing = false;
			const timeout = setTimeout(() => {
				child.kill('SIGKILL');
				reject(new Error(`${label} did not reach write ${cutWrite + 1}: ${stderr}`));
			}, 60_000);
			const answered = () => {
				acked.cut = false;
				took += Date.now() - began;
				done++;
			};
			child.stdout!.on('data', (chunk: Buffer) => {
				buffer += chunk.toString();
				const lines = buffer.split('\n');
				buffer = lines.pop()!;
				for (const line of lines) {
					if (line === 'writing') {
						acked.cut = true;
						began = Date.now();
						if (begun++ === cutWrite && !killing) {
							killing = true;
							const lasts = done ? took / done : FIRST_WRITE_MS;
							setTimeout(() => child.kill('SIGKILL'), Math.random() * lasts);
						}
					} else if (line.startsWith('n ')) {
						const [, id, ...text] = line.split(' ');
						acked.notes.set(id!, text.join(' '));
						answered();
					} else if (line.startsWith('a ')) {
						acked.articles.push(line.slice(2));
						answered();
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

	it(
		`writers killed with SIGKILL in the middle of ${CUTS} writes lose no acknowledged note or article`,
		async () => {
			const dir = tempDir();
			const started = Date.now();
			const notes = new Map<string, string>();
			const articles: string[] = [];
			let kills = 0;
			let cuts = 0;
			let leftovers = 0;
			for (let batch = 0; cuts < CUTS && Date.now() - started < BOUND_MS; batch++) {
				const results = await Promise.all(Array.from({length: PARALLEL}, (_, p) => runAndKill(dir, `w${batch}-${p}`)));
				kills += results.length;
				for (const result of results) {
					for (const [id, text] of result.notes) {
						expect(notes.has(id), `note id ${id} acknowledged twice`).toBe(false);
						notes.set(id, text);
					}
					articles.push(...result.articles);
					if (result.cut) cuts++;
				}
				// What the kills left behind: a lock of a dead process, a temporary file of a write cut short.
				leftovers += readdirSync(dir).filter((name) => name.endsWith('.lock') || name.endsWith('.tmp')).length;

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
				`crash test: ${kills} writers killed with SIGKILL (${PARALLEL} at once), ${cuts} of them in the middle of a write, ` +
					`${leftovers} locks or temporary files left behind; ${notes.size} acknowledged notes checked ` +
					`(${final.length} in notes.json), ${articles.length} acknowledged articles checked (${briefing?.articles.length ?? 0} in briefing.json); ` +
					`lost: ${lost}; ${Date.now() - started} ms`,
			);
			expect(lost).toBe(0);
			// The test exercised something: writes were cut short, and others were acknowledged and checked.
			expect(cuts).toBeGreaterThan(0);
			expect(notes.size).toBeGreaterThan(0);
			expect(articles.length).toBeGreaterThan(0);
			// The next write clears whatever the kills left.
			await addNote(dir, {kind: 'actor', id: 'p-x', text: 'X'}, 'after the kills');
			expect(readdirSync(dir).filter((name) => name.startsWith('.notes.json.') || name === 'notes.lock')).toEqual([]);
		},
		BOUND_MS + 90_000,
	);
});
