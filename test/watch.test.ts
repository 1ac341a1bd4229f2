import {spawn} from 'node:child_process';
import {once} from 'node:events';
import {mkdirSync, symlinkSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {pathToFileURL} from 'node:url';
import {describe, expect, it} from 'vitest';
import {updateBriefing} from '../source/store/db.js';
import {addNote, loadNotes} from '../source/store/notes.js';
import {watchFiles} from '../source/store/watch.js';
import {addTwoActorArticle, useBundle, useTempDir} from './helpers.js';
import {waitFor} from './ui/render.js';

// store/watch.ts on real directories: what the store writes (a rename over the file) is reported,
// for the file that changed only; a directory made after watching began, and a notes.json that is
// a link into another folder, are followed; and a watcher never keeps its process alive.

const actor = {kind: 'actor' as const, id: 'p-jake-sullivan', text: 'Jake Sullivan'};
const article = addTwoActorArticle(1, [{text: 'Jake Sullivan met Andriy Yermak.'}], '2024-11-09T00:00:00.000Z');

function watching(dir: string) {
	const seen = {briefing: 0, notes: 0};
	const close = watchFiles(dir, [
		{name: 'briefing.json', changed: () => seen.briefing++},
		{name: 'notes.json', changed: () => seen.notes++},
	]);
	return {seen, close};
}

describe('watching the briefing directory', () => {
	const tempDir = useTempDir();
	const bundle = useBundle("export {watchFiles} from './source/store/watch.ts';");

	it('reports an ingest and a note, each as the file that changed', async () => {
		const dir = tempDir();
		const {seen, close} = watching(dir);
		try {
			await updateBriefing(dir, article);
			await waitFor('the ingest', () => seen.briefing === 1);
			expect(seen.notes).toBe(0);
			await addNote(dir, actor, 'one');
			// Both files are looked at together: the briefing was looked at again and had not changed.
			await waitFor('the note', () => seen.notes === 1);
			expect(seen.briefing).toBe(1);
		} finally {
			close();
		}
	});

	it('follows a directory made after it began, several folders deep', async () => {
		const dir = join(tempDir(), 'not', 'yet');
		const {seen, close} = watching(dir);
		try {
			mkdirSync(join(dir, '..'));
			await updateBriefing(dir, article);
			await waitFor('the first briefing', () => seen.briefing === 1);
			// Made after the watcher looked (that look reported the briefing): only a watch on the new
			// directory sees it.
			await addNote(dir, actor, 'one');
			await waitFor('the note', () => seen.notes === 1);
		} finally {
			close();
		}
	});

	it('follows a notes.json that is a link into another folder, written through the link', async () => {
		const dir = tempDir();
		const synced = tempDir();
		await addNote(synced, actor, 'kept in a synced folder');
		symlinkSync(join(synced, 'notes.json'), join(dir, 'notes.json'));
		const {seen, close} = watching(dir);
		try {
			// Once the briefing is reported, the watcher has looked at what was there when it began.
			await updateBriefing(dir, article);
			await waitFor('the briefing', () => seen.briefing === 1);
			expect(seen.notes).toBe(0);
			await addNote(dir, actor, 'added through the link');
			await waitFor('the note', () => seen.notes === 1);
			expect((await loadNotes(synced)).notes.map((note) => note.text)).toEqual(['kept in a synced folder', 'added through the link']);
		} finally {
			close();
		}
	});

	it('does not keep a process alive', async () => {
		const dir = tempDir();
		writeFileSync(join(dir, 'notes.json'), '{}');
		const script = `const {watchFiles} = await import(${JSON.stringify(pathToFileURL(bundle()).href)});
watchFiles(${JSON.stringify(dir)}, [{name: 'notes.json', changed: () => {}}]);
console.log('watching');`;
		const child = spawn(process.execPath, ['--input-type=module', '-e', script], {stdio: ['ignore', 'pipe', 'inherit']});
		let out = '';
		child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
		const timer = setTimeout(() => child.kill(), 60_000);
		const [code] = (await once(child, 'exit')) as [number | null];
		clearTimeout(timer);
		expect(out).toBe('watching\n');
		expect(code).toBe(0);
	});
});
