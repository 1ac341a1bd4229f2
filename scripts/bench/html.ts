// Which DOM Readability runs on (source/ingest/html.ts): linkedom against jsdom, on the test's own
// saved pages (test/fixtures/web/) and a long page made from them (a story of 200 paragraphs in a
// page of 600 links of navigation and related stories). Each DOM in a child process of its own, so
// that its peak RSS is its own. `npm run bench -- --only html`.
import {spawnSync} from 'node:child_process';
import {readdirSync, readFileSync} from 'node:fs';
import {join} from 'node:path';
import {Readability} from '@mozilla/readability';
import {JSDOM} from 'jsdom';
import {parseHTML} from 'linkedom';
import {median, type Figure} from './measure.js';

const DOMS: Record<string, (html: string) => Document> = {
	linkedom: (html) => parseHTML(html).document as unknown as Document,
	jsdom: (html) => new JSDOM(html).window.document,
};

function pages(root: string): string[] {
	const dir = join(root, 'test/fixtures/web');
	const saved = readdirSync(dir)
		.filter((name) => name.endsWith('.html') && name !== 'index-page.html')
		.map((name) => readFileSync(join(dir, name), 'utf8'));
	const story = saved[0]!;
	const paragraph = /<p>[^<]*<\/p>/.exec(story)![0];
	const links = Array.from({length: 600}, (_, i) => `<li><a href="/s/${i}">Story number ${i} of the day</a></li>`).join('');
	const long = story
		.replace('<div class="story-body">', `<div class="story-body">${paragraph.repeat(200)}`)
		.replace('<ul><li>', `<ul>${links}<li>`);
	return [...saved, long];
}

// In the child: parse every page and run Readability on it, `rounds` times; print the median
// time per round and the peak RSS.
export function htmlChild(root: string, dom: string, rounds: number): void {
	const all = pages(root);
	const parse = DOMS[dom]!;
	const times: number[] = [];
	for (let round = 0; round < rounds; round++) {
		const start = performance.now();
		for (const html of all) new Readability(parse(html)).parse();
		times.push(performance.now() - start);
	}
	process.stdout.write(`${JSON.stringify({ms: median(times), pages: all.length, rss: process.resourceUsage().maxRSS / 1024})}\n`);
}

export function htmlFigures(bundle: string, root: string, rounds = 20): Figure[] {
	const measured = Object.keys(DOMS).map((dom) => {
		const child = spawnSync(process.execPath, [bundle, '--html-child', dom, String(rounds)], {cwd: root, encoding: 'utf8'});
		if (child.status !== 0) throw new Error(`html bench (${dom}): ${child.stderr}`);
		return {dom, ...(JSON.parse(child.stdout) as {ms: number; pages: number; rss: number})};
	});
	const [linkedom, jsdom] = measured;
	return [
		{
			name: `HTML page to article, Readability on linkedom (${linkedom!.pages} pages)`,
			value: linkedom!.ms,
			unit: 'ms',
			reference: jsdom!.ms,
			ratio: linkedom!.ms / jsdom!.ms,
			target: 'below jsdom (the reference)',
		},
		{
			name: 'HTML page to article, peak RSS with linkedom',
			value: linkedom!.rss,
			unit: 'MB',
			reference: jsdom!.rss,
			ratio: linkedom!.rss / jsdom!.rss,
			target: 'below jsdom (the reference)',
		},
	];
}
