import {spawnSync} from 'node:child_process';
import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {briefingDocument, exportHtml, exportMarkdown, markdownText} from '../source/output/export.js';
import {emptyBriefing} from '../source/store/db.js';
import {articleHash, ingestArticle} from '../source/store/merge.js';
import type {Note} from '../source/store/notes.js';
import {buildBeforeAll, cli, cliEnv, root} from './cli-helpers.js';
import {extraction, useTempDir} from './helpers.js';

// `briefing export`: the briefing as a document to send.

const expected = (name: string) => readFileSync(join(root, 'test/fixtures/export', name), 'utf8');

// A briefing whose article text tries to be markup.
function hostile() {
	const raw = 'hostile';
	const spec = extraction({
		title: '<script>alert(1)</script> *Breaking* [news](javascript:alert(1))',
		date: '2025-03-14',
		url: 'javascript:alert(1)',
		actors: [{name: 'Ola Brun', role: 'Mayor <i>of</i> Brenvik'}],
		events: [{text: '1. Ola Brun said <img src=x onerror=alert(1)> & | pipes | $x$ @cite ~sub~ # heading', actors: ['Ola Brun']}],
		quotes: [{text: 'We will **not** pay `rm -rf` <b>anything</b>', speaker: 'Ola Brun'}],
	});
	return ingestArticle(emptyBriefing(), {
		extraction: spec,
		hash: articleHash(raw),
		key: '/h',
		path: '/h',
		ingestedAt: '2025-03-14T00:00:00.000Z',
	}).data;
}

describe('the export document', () => {
	it('escapes in Markdown whatever would render as markup, and leaves only http links', () => {
		const data = hostile();
		const note: Note = {
			id: 'n-1',
			target: {kind: 'event', id: data.events[0]!.id, text: ''},
			text: 'Ask *why* <em>now</em>\u001b[31m',
			created: '2025-03-14T00:00:00.000Z',
			updated: '2025-03-14T00:00:00.000Z',
		};
		const md = exportMarkdown(briefingDocument(data, [note], {actors: [], since: null, until: null}, null));
		expect(md).toContain('- 1\\. Ola Brun said \\<img src=x onerror=alert(1)\\> \\& \\| pipes \\| \\$x\\$ \\@cite \\~sub\\~ \\# heading');
		expect(md).toContain('**Note:** Ask \\*why\\* \\<em\\>now\\</em\\>');
		expect(md).toContain('We will \\*\\*not\\*\\* pay \\`rm -rf\\` \\<b\\>anything\\</b\\>');
		expect(md).not.toContain('javascript:alert(1)>');
		expect(md).not.toContain('\u001b');
		expect(markdownText('- a')).toBe('\\- a');
		expect(markdownText('see https://x.example or www.x.example')).toBe('see https\\://x.example or www\\.x.example');
		expect(markdownText('12) b')).toBe('12\\) b');
	});

	it('escapes every text in HTML, and links only http urls', () => {
		const html = exportHtml(briefingDocument(hostile(), [], {actors: [], since: null, until: null}, null));
		expect(html).not.toMatch(/<(?:script|img|b|i)[\s>]|<em>now/);
		expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; *Breaking*');
		expect(html).toContain('Mayor &lt;i&gt;of&lt;/i&gt; Brenvik');
		expect(html).not.toContain('href="javascript');
		expect(html).toMatch(/<style>[\s\S]*@media print/);
		expect(html).not.toMatch(/<(?:link|script)\b/); // self-contained
	});

	it('keeps to the actors and the period asked for, with their counts in it', () => {
		let data = emptyBriefing();
		for (const [i, day] of ['2025-03-10', '2025-03-14', '2025-03-20'].entries())
			data = ingestArticle(data, {
				extraction: extraction({
					date: day,
					actors: [{name: 'Ola Brun'}, {name: 'Aud Fjell'}],
					events: [
						{text: `Ola Brun met the board, meeting ${i}.`, actors: ['Ola Brun']},
						{text: `Aud Fjell spoke, speech ${i}.`, actors: ['Aud Fjell']},
					],
				}),
				hash: articleHash(day),
				key: `/${day}`,
				path: null,
				ingestedAt: '2025-03-20T00:00:00.000Z',
			}).data;
		const brun = new Set(data.actors.filter((actor) => actor.name === 'Ola Brun').map((actor) => actor.id));
		const doc = briefingDocument(data, [], {actors: ['Ola Brun'], since: '2025-03-12', until: '2025-03-31'}, brun);
		expect(doc.timeline.flatMap((day) => day.events.map((event) => event.text))).toEqual([
			'Ola Brun met the board, meeting 1.',
			'Ola Brun met the board, meeting 2.',
		]);
		expect(doc.actors.map((actor) => [actor.name, actor.events])).toEqual([['Ola Brun', 2]]);
		expect(doc).toMatchObject({
			title: 'Briefing: Ola Brun',
			period: {from: '2025-03-12', to: '2025-03-31'},
			counts: {articles: 2, events: 2, quotes: 0},
		});
	});
});

describe('briefing export', () => {
	buildBeforeAll();
	const tempDir = useTempDir();
	const run = (args: string[]) => spawnSync(process.execPath, [cli, ...args], {encoding: 'utf8', env: cliEnv(tempDir())});

	it('gives the sample as the stored Markdown and HTML, byte for byte, every time', () => {
		const dir = tempDir();
		const md = run(['export', '--dir', dir]);
		expect([md.status, md.stderr]).toEqual([0, '']);
		// After a change to the extraction or the sample: node dist/cli.js export --dir EMPTY_DIR [--format html] > test/fixtures/export/sample.md (.html)
		expect(md.stdout, 'test/fixtures/export/sample.md is stale').toBe(expected('sample.md'));
		expect(run(['export', '--dir', dir]).stdout).toBe(md.stdout);
		expect(run(['export', '--format', 'html', '--dir', dir]).stdout, 'test/fixtures/export/sample.html is stale').toBe(
			expected('sample.html'),
		);
	});

	it('writes -o FILE, says where, and chooses the format by its name; JSON has the same document', () => {
		const dir = tempDir();
		const file = join(tempDir(), 'korea.html');
		const result = run(['export', '--actor', 'yoon', '--actor', 'pat ryder', '-o', file, '--dir', dir]);
		expect(result.status).toBe(0);
		expect(result.stderr).toBe(`briefing: wrote ${file} (html, 3 events, 1 quote)\n`);
		expect(readFileSync(file, 'utf8')).toMatch(/^<!DOCTYPE html>[\s\S]*<h1>Briefing: Yoon Suk Yeol, Pat Ryder<\/h1>/);
		const json = JSON.parse(run(['export', '--format', 'json', '--actor', 'yoon', '--dir', dir]).stdout) as {title: string; counts: object};
		expect(json).toMatchObject({title: 'Briefing: Yoon Suk Yeol', counts: {articles: 1, events: 2, quotes: 0}});
	});

	it('refuses a bad format, a bad day and an unknown actor in one line; --actor twice only for export', () => {
		const dir = tempDir();
		expect(run(['export', '--format', 'pdf', '--dir', dir])).toMatchObject({
			status: 1,
			stderr: 'briefing: --format pdf is not one of md, html, json\n',
		});
		expect(run(['export', '--since', '2025-02-30', '--dir', dir])).toMatchObject({
			status: 1,
			stderr: 'briefing: --since 2025-02-30 is not a real day (expected YYYY-MM-DD)\n',
		});
		expect(run(['export', '--actor', 'nobody at all', '--dir', dir]).stderr).toBe(
			'briefing: no actor is called "nobody at all" (briefing actors lists them)\n',
		);
		expect(run(['events', '--actor', 'yoon', '--actor', 'ryder', '--dir', dir])).toMatchObject({
			status: 1,
			stderr: 'briefing: --actor can be given only once to events (see briefing --help)\n',
		});
	});
});
