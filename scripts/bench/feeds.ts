// Which feed parser (source/ingest/feed.ts): feedsmith, which maps each format's fields itself,
// against fast-xml-parser's parse alone (what it would take before a mapping of our own), on an
// RSS feed of 500 items and an Atom feed of 500 entries made from the test's own feeds.
import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import {XMLParser} from 'fast-xml-parser';
import {parseFeedItems} from '../../source/ingest/feed.js';
import {median, timeRuns, type Figure} from './measure.js';

function grown(file: string, tag: string, count: number): string {
	const text = readFileSync(file, 'utf8');
	const first = text.indexOf(`<${tag}>`);
	const last = text.lastIndexOf(`</${tag}>`) + tag.length + 3;
	const items = text.slice(first, last);
	const many = Array.from({length: Math.ceil(count / 3)}, (_, i) => items.replace(/(<(?:guid|id)[^>]*>)/g, `$1${i}-`)).join('\n');
	return text.slice(0, first) + many + text.slice(last);
}

export async function feedFigures(root: string): Promise<Figure[]> {
	const dir = join(root, 'test/fixtures/web');
	const feeds = {RSS: grown(join(dir, 'wire.rss'), 'item', 500), Atom: grown(join(dir, 'desk.atom'), 'entry', 500)};
	const xml = new XMLParser({ignoreAttributes: false, processEntities: true});
	const figures: Figure[] = [];
	for (const [name, text] of Object.entries(feeds)) {
		parseFeedItems(text);
		xml.parse(text);
		const reference = median(await timeRuns(10, () => xml.parse(text)));
		const measured = median(await timeRuns(10, () => parseFeedItems(text)));
		figures.push({
			name: `${name} feed of 500 items to articles with feedsmith`,
			value: measured,
			unit: 'ms',
			reference,
			ratio: measured / reference,
			target: 'reference: fast-xml-parser parsing alone',
		});
	}
	return figures;
}
