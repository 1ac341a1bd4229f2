import {spawnSync} from 'node:child_process';
import {copyFileSync, mkdirSync, symlinkSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {PROGRESS_FROM, progressText, startProgress} from '../source/output/progress.js';
import {articleFilesIn} from '../source/store/files.js';
import {useTempDir} from './helpers.js';
import {buildBeforeAll, cli, cliEnv, root} from './cli-helpers.js';

buildBeforeAll();

const fixture = (name: string) => join(root, 'test/fixtures/web', name);

// A folder as an analyst keeps one: pages, feeds, notes, and things that are not articles.
function newsFolder(dir: string): void {
	mkdirSync(join(dir, 'b-feeds'), {recursive: true});
	mkdirSync(join(dir, 'a-pages'), {recursive: true});
	mkdirSync(join(dir, '.git'), {recursive: true});
	writeFileSync(join(dir, '.git', 'notes.md'), '# Hidden\n\nNot an article at all, in a hidden folder.\n');
	copyFileSync(fixture('gazette.html'), join(dir, 'a-pages', 'gazette.html'));
	copyFileSync(fixture('coastal.html'), join(dir, 'a-pages', 'Coastal.htm'));
	copyFileSync(fixture('desk.atom'), join(dir, 'b-feeds', 'desk.xml'));
	copyFileSync(fixture('notes.json'), join(dir, 'b-feeds', 'energy.json'));
	writeFileSync(join(dir, 'b-feeds', 'package.json'), '{"name": "not-a-feed"}\n');
	writeFileSync(join(dir, 'photo.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0]));
	writeFileSync(
		join(dir, 'memo.md'),
		'---\ndate: 2025-03-18\n---\n# Memo\n\nMayor Ola Brun met the harbour board in Brenvik on Tuesday.\n',
	);
	writeFileSync(join(dir, 'z.txt'), 'Councillor Aud Fjell spoke in Sundmark on Monday about the tariff.\n');
}

describe('ingest DIR', () => {
	const tempDir = useTempDir();

	it('finds the article files under a folder in a stable order, skipping others, hidden ones and links to folders', () => {
		const dir = tempDir();
		newsFolder(dir);
		symlinkSync(join(dir, 'a-pages'), join(dir, 'c-link'));
		expect(articleFilesIn(dir).map((path) => path.slice(dir.length + 1))).toEqual([
			'memo.md',
			'z.txt',
			'a-pages/Coastal.htm',
			'a-pages/gazette.html',
			'b-feeds/desk.xml',
			'b-feeds/energy.json',
		]);
	});

	it('ingests them all with a line per article, and without a terminal no progress line', () => {
		const dir = tempDir();
		const news = tempDir();
		newsFolder(news);
		const result = spawnSync(process.execPath, [cli, 'ingest', news, '--dir', dir], {encoding: 'utf8', env: cliEnv(tempDir())});
		expect([result.status, result.stderr]).toEqual([0, '']);
		const files = result.stdout
			.split('\n')
			.filter(Boolean)
			.map((line) => /^added (\S+):/.exec(line)![1]!.slice(news.length + 1));
		expect(files).toEqual([
			'memo.md',
			'z.txt',
			'a-pages/Coastal.htm',
			'a-pages/gazette.html',
			'b-feeds/desk.xml',
			'b-feeds/desk.xml',
			'b-feeds/energy.json',
			'b-feeds/energy.json',
		]);
	});

	it('names a folder with no article files, and exits 1', () => {
		const empty = tempDir();
		writeFileSync(join(empty, 'photo.png'), Buffer.from([0x89, 0x50]));
		const result = spawnSync(process.execPath, [cli, 'ingest', empty, '--dir', tempDir()], {encoding: 'utf8', env: cliEnv(tempDir())});
		expect(result).toMatchObject({
			status: 1,
			stdout: '',
			stderr: `briefing: ${empty}: has no article files (text, Markdown, web pages or feeds)\n`,
		});
	});
});

describe('the progress line', () => {
	// A terminal that keeps what is written to it.
	const terminal = (isTTY: boolean) => {
		const written: string[] = [];
		return {written, stream: {isTTY, columns: 60, write: (text: string) => written.push(text)} as unknown as NodeJS.WriteStream};
	};

	it('says done/total, the rate and the file, cut at the start to the width', () => {
		expect(progressText(37, 2000, 2, '/news/a.html', 80)).toBe('ingest 37/2000 · 19 articles/s · /news/a.html');
		const long = progressText(3, 10, 1, `/news/${'x'.repeat(100)}/story.html`, 60);
		expect(long).toHaveLength(59);
		expect(long).toMatch(/^ingest 3\/10 · 3\.0 articles\/s · …x+\/story\.html$/);
		expect(progressText(1, 10, 1, 'a\u001b[2Jb.html', 80)).toBe('ingest 1/10 · 1.0 articles/s · ab.html');
	});

	it('is drawn in place on a terminal, with errors above it, and erased at the end', () => {
		const {written, stream} = terminal(true);
		let time = 0;
		const progress = startProgress(PROGRESS_FROM, stream, () => time);
		progress.update(0, 'one.md');
		time = 1000;
		progress.update(1, 'two.md');
		progress.write('briefing: two.md: is empty\n');
		progress.clear();
		expect(written).toEqual([
			'\r\u001b[2Kingest 0/6 · 0.0 articles/s · one.md',
			'\r\u001b[2Kingest 1/6 · 1.0 articles/s · two.md',
			'\r\u001b[2K',
			'briefing: two.md: is empty\n',
			'\r\u001b[2Kingest 1/6 · 1.0 articles/s · two.md',
			'\r\u001b[2K',
		]);
	});

	it('shows nothing without a terminal, or for a handful of files', () => {
		for (const [isTTY, total] of [
			[false, 100],
			[true, PROGRESS_FROM - 1],
		] as const) {
			const {written, stream} = terminal(isTTY);
			const progress = startProgress(total, stream, () => 0);
			progress.update(0, 'a.md');
			progress.write('briefing: a.md: is empty\n');
			progress.clear();
			expect(written).toEqual(['briefing: a.md: is empty\n']);
		}
	});
});
