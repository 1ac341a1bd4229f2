import {spawn, spawnSync} from 'node:child_process';
import {chmodSync, existsSync, mkdirSync, readFileSync, readdirSync, truncateSync, writeFileSync} from 'node:fs';
import {once} from 'node:events';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {useTempDir} from './helpers.js';
import {buildBeforeAll, cli, cliEnv, root, seed} from './cli-helpers.js';

// End to end through the built bundle, as a user runs it.
const sharedDir = join(root, '..', 'shared');

buildBeforeAll();

const PLAIN_ARTICLE = 'Jake Sullivan met Andriy Yermak in Washington on Monday.\n\nThe talks covered air defence for Ukraine.\n';

describe('briefing CLI', () => {
	const tempDir = useTempDir();
	let home = '';
	const run = (args: string[]) => {
		home ||= tempDir();
		const result = spawnSync(process.execPath, [cli, ...args], {encoding: 'utf8', env: cliEnv(home)});
		return {status: result.status, stdout: result.stdout, stderr: result.stderr};
	};
	const article = (dir: string, name: string, content: string | Buffer) => {
		const file = join(dir, name);
		writeFileSync(file, content);
		return file;
	};
	const oneLine = (text: string) => text.split('\n').filter(Boolean);

	it('ingests the seed article and leaves briefing.json byte-identical when it is ingested again', () => {
		const dir = tempDir();
		const first = run(['ingest', seed, '--dir', dir]);
		expect(first.stderr).toBe('');
		expect(first.status).toBe(0);
		expect(first.stdout).toMatch(/^added .*sample-article\.txt: \d+ actors, \d+ events, \d+ quotes/);
		const bytes = readFileSync(join(dir, 'briefing.json'));
		const second = run(['ingest', seed, '--dir', dir]);
		expect(second.status).toBe(0);
		expect(second.stdout).toMatch(/^unchanged /);
		expect(readFileSync(join(dir, 'briefing.json')).equals(bytes)).toBe(true);
		expect(readdirSync(dir)).toEqual(['articles', 'briefing.json']);
	});

	describe('errors: one line on stderr, exit 1, briefing.json untouched', () => {
		const cases: Array<[string, (dir: string) => string[], RegExp]> = [
			['a missing file', (dir) => ['ingest', join(dir, 'missing.txt')], /missing\.txt: no such file or directory$/],
			['an empty file', (dir) => ['ingest', article(dir, 'empty.txt', '')], /empty\.txt: is empty$/],
			[
				'a binary file',
				(dir) => ['ingest', article(dir, 'image.png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 1, 2]))],
				/image\.png: looks like binary data, not text$/,
			],
			['a whitespace-only file', (dir) => ['ingest', article(dir, 'blank.txt', ' \n\t\n  \n')], /blank\.txt: is empty$/],
			[
				'invalid UTF-8',
				(dir) => ['ingest', article(dir, 'latin1.txt', Buffer.from('Caf\xe9 talks in Gen\xe8ve on Monday.\n', 'latin1'))],
				/latin1\.txt: is not valid UTF-8 text \(convert it first, e\.g\. with iconv -t utf-8\)$/,
			],
			[
				'a file over the size limit',
				(dir) => {
					const file = article(dir, 'huge.txt', 'x');
					truncateSync(file, 10 * 1024 * 1024 + 1); // sparse: no 10 MB written
					return ['ingest', file];
				},
				/huge\.txt: is 10\.0 MB; articles are limited to 10 MB$/,
			],
			[
				'front matter that is not YAML',
				(dir) => [
					'ingest',
					article(dir, 'bad-yaml.md', '---\ntitle: [unclosed\ndate: 2024-10-29\n---\nJake Sullivan met Andriy Yermak.\n'),
				],
				/bad-yaml\.md: front matter is not valid YAML \(line \d+, column \d+\): [^:]+$/,
			],
			[
				'a front-matter date that does not exist',
				(dir) => ['ingest', article(dir, 'feb30.md', '---\ndate: 2024-02-30\n---\nJake Sullivan met Andriy Yermak.\n')],
				/feb30\.md: front matter date "2024-02-30" is not a real day \(expected YYYY-MM-DD\)$/,
			],
			[
				'a seed date that does not exist',
				(dir) => ['ingest', article(dir, 'feb30.txt', 'date 2024-02-30\nJake Sullivan met Andriy Yermak.\n')],
				/feb30\.txt: date "2024-02-30" is not a real day \(expected YYYY-MM-DD\)$/,
			],
			[
				'extract of a file that is not text',
				(dir) => ['extract', article(dir, 'data.bin', Buffer.alloc(64))],
				/data\.bin: looks like binary data, not text$/,
			],
			[
				'a directory without article files',
				(dir) => {
					mkdirSync(join(dir, 'folder'));
					return ['ingest', join(dir, 'folder')];
				},
				/folder: has no article files \(text, Markdown, web pages or feeds\)$/,
			],
			['a bad --date', () => ['ingest', '--date', '2024-02-30', seed], /--date 2024-02-30 is not a real day/],
			['an unknown command', () => ['frobnicate'], /unknown command "frobnicate"/],
			['help on an unknown command', () => ['help', 'nosuch'], /^briefing: unknown command "nosuch" \(see briefing --help\)$/],
			['a short flag other than -h and -v', () => ['events', '-j'], /^briefing: unknown option -j \(see briefing --help\)$/],
			['an unknown flag', () => ['events', '--frobnicate'], /unknown option --frobnicate/],
			['a flag for another command', () => ['actors', '--actor', 'x'], /--actor does not apply to the actors command/],
			['extract without a file', () => ['extract'], /extract takes exactly one FILE/],
		];
		it.each(cases)('%s', (_what, argsFor, message) => {
			const dir = tempDir();
			expect(run(['ingest', seed, '--dir', dir]).status).toBe(0);
			const before = readFileSync(join(dir, 'briefing.json'));
			const result = run([...argsFor(dir), '--dir', dir]);
			expect(result.status).toBe(1);
			expect(result.stdout).toBe('');
			expect(oneLine(result.stderr)).toHaveLength(1);
			expect(result.stderr).toMatch(/^briefing: /);
			expect(result.stderr.trimEnd()).toMatch(message);
			expect(readFileSync(join(dir, 'briefing.json')).equals(before)).toBe(true);
		});

		// Root reads any file whatever its mode, so the refusal cannot be seen when the tests run as root.
		const asRoot = process.getuid?.() === 0;
		it.skipIf(asRoot)(`a file without read permission${asRoot ? ' (skipped: running as root, which reads any file)' : ''}`, () => {
			const dir = tempDir();
			expect(run(['ingest', seed, '--dir', dir]).status).toBe(0);
			const before = readFileSync(join(dir, 'briefing.json'));
			const file = article(dir, 'secret.txt', PLAIN_ARTICLE);
			chmodSync(file, 0o000);
			const result = run(['ingest', file, '--dir', dir]);
			expect([result.status, result.stdout, result.stderr]).toEqual([1, '', `briefing: ${file}: permission denied\n`]);
			expect(readFileSync(join(dir, 'briefing.json')).equals(before)).toBe(true);
		});

		it('a damaged briefing.json, which is named and not overwritten', () => {
			const dir = tempDir();
			writeFileSync(join(dir, 'briefing.json'), '{"schemaVersion": 1, "arti');
			const result = run(['ingest', seed, '--dir', dir]);
			expect(result.status).toBe(1);
			expect(oneLine(result.stderr)).toEqual([
				`briefing: ${join(dir, 'briefing.json')}: is not valid JSON: it ends in the middle of a value, at line 1, column 27 (the file looks cut short); it was left as it is (briefing doctor explains)`,
			]);
			expect(readFileSync(join(dir, 'briefing.json'), 'utf8')).toBe('{"schemaVersion": 1, "arti');
		});
	});

	it('ingests the good files when one of them is bad, and exits 1', () => {
		const dir = tempDir();
		const plain = article(dir, 'plain.txt', PLAIN_ARTICLE);
		const result = run(['ingest', seed, join(dir, 'missing.txt'), plain, '--date', '2024-11-04', '--dir', dir]);
		expect(result.status).toBe(1);
		expect(oneLine(result.stderr)).toEqual([`briefing: ${join(dir, 'missing.txt')}: no such file or directory`]);
		expect(oneLine(result.stdout).map((line) => line.split(' ')[0])).toEqual(['added', 'added']);
		const stored = JSON.parse(readFileSync(join(dir, 'briefing.json'), 'utf8'));
		expect(stored.articles.map((a: {path: string; date: string}) => [a.path, a.date])).toEqual([
			[seed, '2024-10-29'],
			[plain, '2024-11-04'],
		]);
	});

	it('keeps every article when several ingests run at once', async () => {
		const dir = tempDir();
		const files = ['one', 'two', 'three'].map((name) => article(dir, `${name}.txt`, `${PLAIN_ARTICLE}\nArticle ${name}.\n`));
		const codes = await Promise.all(
			files.map(
				(file) =>
					new Promise<number | null>((resolve) => {
						spawn(process.execPath, [cli, 'ingest', file, '--date', '2024-11-04', '--dir', dir], {env: cliEnv(dir), stdio: 'ignore'}).on(
							'close',
							resolve,
						);
					}),
			),
		);
		expect(codes).toEqual([0, 0, 0]);
		const stored = JSON.parse(readFileSync(join(dir, 'briefing.json'), 'utf8'));
		expect(stored.articles.map((a: {path: string}) => a.path).sort()).toEqual([...files].sort());
	});

	it('says how many control sequences it took out of an article, and ingests the rest of it', () => {
		const dir = tempDir();
		const file = join(dir, 'tampered.txt');
		writeFileSync(
			file,
			'date 2024-11-04 \x1b]0;Ada Vance met Omar Reyes in Lisbon on Monday.\n\n\x1b[31mThey signed a trade deal.\x1b[0m\n',
		);
		const result = run(['ingest', file, '--dir', dir]);
		expect(result.status).toBe(0);
		expect(result.stderr).toBe(`briefing: ${file}: removed 3 control sequences\n`);
		expect(run(['events', '--dir', dir]).stdout).toMatch(/Ada Vance met Omar Reyes[^]*They signed a trade deal\./);
	});

	it('names the file that could not be written when a write is over the size a process may write', () => {
		const dir = tempDir();
		const file = join(dir, 'long.txt');
		writeFileSync(file, `date 2024-11-04 Ada Vance spoke in Lisbon. ${'x'.repeat(3000)}\n`);
		// ulimit -f counts blocks of 512 bytes: the article's text, kept in articles/, is larger.
		const result = spawnSync('sh', ['-c', 'ulimit -f 2 && exec "$@"', 'sh', process.execPath, cli, 'ingest', file, '--dir', dir], {
			encoding: 'utf8',
			env: cliEnv(dir),
		});
		expect(result.status).toBe(1);
		expect(result.stderr).toMatch(
			new RegExp(`^briefing: ${join(dir, 'articles')}/a-[\\w-]+\\.txt: would be larger than this process may write \\(ulimit -f\\)\\n$`),
		);
		expect(existsSync(join(dir, 'briefing.json'))).toBe(false);
	});

	it('refuses an article over the memory budget in one line, and ingests the others', () => {
		const dir = tempDir();
		const big = join(dir, 'big.txt');
		const prose = 'Ada Vance met Omar Reyes in Lisbon on Monday. "We will sign it," Vance said, and the talks went on. ';
		writeFileSync(big, `date 2024-11-04 ${prose.repeat(30_000)}`);
		const result = run(['ingest', big, seed, '--memory-limit', '64', '--dir', dir]);
		expect(result.status).toBe(1);
		expect(result.stderr).toBe(`briefing: ${big}: needed more than 64 MB to extract (the limit; --memory-limit MB changes it)\n`);
		expect(result.stdout).toMatch(/^added .*sample-article\.txt: /);
		expect((JSON.parse(run(['--json', '--dir', dir]).stdout) as {articles: unknown[]}).articles).toHaveLength(1);
		expect(run(['ingest', seed, '--time-limit', '0', '--dir', dir])).toMatchObject({
			status: 1,
			stderr: 'briefing: --time-limit 0 is not a number of seconds above 0\n',
		});
		expect(run(['events', '--memory-limit', '64', '--dir', dir])).toMatchObject({
			status: 1,
			stderr: expect.stringContaining('--memory-limit does not apply to the events command'),
		});
	});

	it('finds events by an actor alias in any case', () => {
		const dir = tempDir();
		run(['ingest', seed, '--dir', dir]);
		const lower = run(['events', '--actor', 'zelenskyy', '--dir', dir]);
		expect(lower.status).toBe(0);
		expect(lower.stdout).toContain('Zelenskyy said on Tuesday');
		expect(run(['events', '--actor', 'ZELENSKYY', '--dir', dir]).stdout).toBe(lower.stdout);
		const events = JSON.parse(run(['events', '--actor', 'zelenskyy', '--json', '--dir', dir]).stdout);
		expect(events.length).toBeGreaterThan(0);
		for (const event of events) expect(event.actors.map((a: {name: string}) => a.name)).toContain('Volodymyr Zelenskyy');
		expect(run(['events', '--actor', 'nobody at all', '--dir', dir]).status).toBe(1);
	});

	it("quotes and events, as text and --json, carry the article's outlet and url", () => {
		const dir = tempDir();
		const article = join(dir, 'talks.md');
		writeFileSync(
			article,
			'---\ntitle: Harbour talks\ndate: 2024-11-05\nsource: Example Wire\nurl: https://news.example.org/harbour\n---\n\n' +
				'Ada Vance met Omar Reyes in Lisbon on Monday.\n\n"We will sign it," said Ada Vance, the trade minister.\n',
		);
		expect(run(['ingest', article, '--dir', dir]).status).toBe(0);
		const from = {title: 'Harbour talks', source: 'Example Wire', url: 'https://news.example.org/harbour'};
		const quotes = JSON.parse(run(['quotes', '--json', '--dir', dir]).stdout) as Array<{article: object}>;
		expect(quotes.length).toBeGreaterThan(0);
		for (const quote of quotes) expect(quote.article).toEqual({id: expect.any(String), ...from});
		const events = JSON.parse(run(['events', '--json', '--dir', dir]).stdout) as Array<{article: object}>;
		expect(events.length).toBeGreaterThan(0);
		for (const event of events) expect(event.article).toEqual({id: expect.any(String), ...from});
		expect(run(['quotes', '--dir', dir]).stdout).toContain(
			'“We will sign it”\n  — Ada Vance, 2024-11-05 · Harbour talks · Example Wire · https://news.example.org/harbour\n',
		);
		expect(run(['events', '--dir', dir]).stdout).toMatch(
			/- Ada Vance met Omar Reyes in Lisbon on Monday\.\n {4}.*Ada Vance.* · Example Wire · https:\/\/news\.example\.org\/harbour\n/,
		);
	});

	it('extract --json prints the contract shape and writes nothing', () => {
		const dir = tempDir();
		const result = run(['extract', '--json', seed, '--dir', dir]);
		expect(result.status).toBe(0);
		const json = JSON.parse(result.stdout);
		expect(json.article).toMatchObject({title: expect.any(String), date: '2024-10-29'});
		expect(json.actors.length).toBeGreaterThan(0);
		for (const actor of json.actors)
			expect(actor).toMatchObject({
				name: expect.any(String),
				kind: expect.stringMatching(/^(person|country|organization|place)$/),
				aliases: expect.any(Array),
			});
		for (const event of json.events) {
			expect(event).toMatchObject({
				date: expect.stringMatching(/^\d{4}(-\d{2}(-\d{2})?)?$/),
				text: expect.any(String),
				actors: expect.any(Array),
			});
			for (const name of event.actors) expect(json.actors.map((a: {name: string}) => a.name)).toContain(name);
		}
		for (const quote of json.quotes)
			expect(quote).toMatchObject({text: expect.any(String), speaker: expect.toSatisfy((s) => s === null || typeof s === 'string')});
		expect(readdirSync(dir)).toEqual([]);
	});

	// The output is written by a thread of its own: all of it reaches a reader that takes its time,
	// and a reader that stops early ends the command quietly.
	it('extract writes a long article whole to a slow pipe, and stops quietly when the reader goes', async () => {
		const dir = tempDir();
		const days = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'];
		const paragraphs = Array.from(
			{length: 600},
			(_, i) => `Ada Vance met Omar Reyes in Lisbon on ${days[i % 5]}. "Talk ${i} went well," Vance said.`,
		);
		const file = article(dir, 'long.txt', `date 2024-11-04\n\n${paragraphs.join('\n\n')}\n`);
		for (const json of [true, false]) {
			const args = ['extract', file, ...(json ? ['--json'] : [])];
			const whole = run(args);
			expect(whole.status).toBe(0);
			expect(whole.stdout.length).toBeGreaterThan(128 * 1024);
			const slow = spawn(process.execPath, [cli, ...args], {env: cliEnv(dir)});
			let read = '';
			slow.stdout.setEncoding('utf8');
			// A chunk at a time, the next only once this one has been taken in.
			slow.stdout.on('data', (chunk: string) => {
				read += chunk;
				slow.stdout.pause();
				setImmediate(() => slow.stdout.resume());
			});
			const [code] = (await once(slow, 'close')) as [number];
			expect(code).toBe(0);
			expect(read).toBe(whole.stdout);
			const early = spawn(process.execPath, [cli, ...args], {env: cliEnv(dir)});
			let stderr = '';
			early.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
			early.stdout.once('data', () => early.stdout.destroy());
			const [earlyCode] = (await once(early, 'close')) as [number];
			expect({code: earlyCode, stderr}).toEqual({code: 0, stderr: ''});
		}
	});

	it('strips terminal escapes that an article carries', () => {
		const dir = tempDir();
		const file = article(dir, 'hostile.txt', 'Jake Sullivan met \x1b]0;pwned\x07Andriy Yermak in Washington on Monday.\u202e\n');
		const result = run(['extract', file, '--date', '2024-11-04']);
		expect(result.status).toBe(0);
		expect(result.stdout).toContain('Andriy Yermak');
		expect(result.stdout).not.toMatch(/[\x1b\x07\u202e]/);
	});

	it('shows the embedded sample, without writing it, until something is ingested', () => {
		const dir = join(tempDir(), 'not-yet');
		const result = run(['--dir', dir]);
		expect(result.status).toBe(0);
		expect(result.stdout).toMatch(/^Sample briefing — ingest your own with: briefing ingest FILE\.\.\.\n\nBriefing: 1 article, /);
		expect(run(['actors', '--dir', dir]).stdout).toContain('Volodymyr Zelenskyy');
		expect(existsSync(dir)).toBe(false);
	});

	it('has help and a version', () => {
		const help = run(['--help']);
		expect(help.status).toBe(0);
		expect(help.stdout).toContain('Usage');
		const version = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version;
		expect(run(['--version']).stdout.trim()).toBe(version);
	});

	it('has -h and -v, and help for each command: briefing COMMAND --help or briefing help COMMAND', () => {
		const general = run(['--help']);
		expect(run(['-h'])).toEqual(general);
		expect(run(['help'])).toEqual(general);
		expect(general.stdout).toMatch(/^\n {2}Turn news articles into a briefing/);
		expect(general.stdout).toMatch(/\n {4}help \[COMMAND\] +Print this help/);
		expect(general.stdout).toMatch(/\n {4}-h, --help +Print this help\n/);
		expect(general.stdout).toMatch(/\n {4}-v, --version +Print the version\n/);
		expect(general.stdout.endsWith('\n\n')).toBe(true);

		const version = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version;
		expect(run(['-v'])).toEqual({status: 0, stdout: `${version}\n`, stderr: ''});

		const ingest = run(['ingest', '--help']);
		expect([ingest.status, ingest.stderr]).toEqual([0, '']);
		expect(ingest.stdout).toMatch(/^\n {2}Extract articles \(text, Markdown, saved web pages, RSS\/Atom\/JSON feeds/);
		expect(ingest.stdout).toContain('\n  Usage\n    $ briefing ingest FILE|DIR|URL... [options]\n');
		expect(ingest.stdout).toMatch(/\n {4}--date YYYY-MM-DD +The date of articles that give none/);
		expect(ingest.stdout).toContain('\n  Examples\n    $ briefing ingest articles/*.md\n');
		expect(ingest.stdout).not.toContain('--json');
		expect(ingest.stdout).not.toContain('Commands');
		expect(run(['help', 'ingest'])).toEqual(ingest);
		expect(run(['ingest', '-h'])).toEqual(ingest);

		const notes = run(['help', 'notes']);
		expect([notes.status, notes.stderr]).toEqual([0, '']);
		expect(notes.stdout).toContain('$ briefing notes [options]');
		expect(notes.stdout).toMatch(/\n {4}--actor NAME +Only those of actors with this name or alias/);
		expect(notes.stdout).toMatch(/\n {4}--json +Print JSON instead of text/);
		expect(notes.stdout).toContain('$ briefing notes --actor zelenskyy');
		expect(run(['notes', '--help'])).toEqual(notes);

		for (const command of ['extract', 'actors', 'events', 'quotes', 'note', 'doctor']) {
			const own = run(['help', command]);
			expect([own.status, own.stderr], command).toEqual([0, '']);
			expect(own.stdout, command).toContain(`$ briefing ${command} `);
			expect(own.stdout, command).not.toBe(general.stdout);
			expect(run([command, '--help']), command).toEqual(own);
		}
	});

	it('data/sample-briefing.json is up to date (if not: npm run sample)', () => {
		const out = join(tempDir(), 'sample-briefing.json');
		expect(run(['sample-rebuild', out]).status).toBe(0);
		// A boolean, not a diff of two 20 kB files: the fix is the same whatever changed.
		const same = readFileSync(out).equals(readFileSync(join(root, 'data', 'sample-briefing.json')));
		expect(same, 'data/sample-briefing.json is stale: run `npm run sample` and commit it').toBe(true);
	});

	describe.skipIf(!existsSync(sharedDir))(`with ../shared${existsSync(sharedDir) ? '' : ' (skipped: ../shared is absent)'}`, () => {
		it('data/sample-article.txt is the seed article', () => {
			expect(readFileSync(seed, 'utf8')).toBe(readFileSync(join(sharedDir, 'articles', '000_4e24442fa892cfb7.txt'), 'utf8'));
		});

		it('extract --json follows the contract on every dev article', () => {
			const articles = join(sharedDir, 'eval', 'dev', 'articles');
			for (const name of readdirSync(articles)) {
				const result = run(['extract', '--json', join(articles, name)]);
				expect(result.stderr, name).toBe('');
				const json = JSON.parse(result.stdout);
				expect(json.article.date, name).toMatch(/^\d{4}-\d{2}-\d{2}$/);
				expect(Array.isArray(json.actors) && Array.isArray(json.events) && Array.isArray(json.quotes), name).toBe(true);
			}
		});
	});
});
