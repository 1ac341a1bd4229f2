import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {extract} from '../../source/ingest/index.js';
import {looksLikeHtml, parsePage} from '../../source/ingest/html.js';
import {root} from '../cli-helpers.js';

const page = (name: string) => readFileSync(join(root, 'test/fixtures/web', name), 'utf8');

// A page with just enough around one paragraph of story for Readability to find it.
const minimal = (head: string, body = '') =>
	`<!DOCTYPE html><html><head>${head}</head><body>${body}<article><p>The council in Brenvik approved the new harbour budget on Monday after a long debate about fees.</p></article></body></html>`;

describe('HTML pages', () => {
	it("takes a saved page's metadata: title, published day, outlet, canonical url and byline", () => {
		const article = parsePage(page('gazette.html'));
		expect(article).toMatchObject({
			title: 'Tarvik port halts ferries as storm closes the strait',
			date: '2025-03-14', // article:published_time as written, before JSON-LD's 2025-03-13T22:00Z and <time>
			outlet: 'Harbour Gazette', // og:site_name before the JSON-LD publisher
			url: 'https://harbour-gazette.example/2025/03/tarvik-ferries',
			byline: 'Ingrid Solvang',
		});
	});

	it('keeps the paragraphs of the story and nothing around it', () => {
		const {body} = parsePage(page('gazette.html'));
		const paragraphs = body.split('\n\n');
		expect(paragraphs[0]).toMatch(/^The port authority in Tarvik suspended every ferry crossing on Thursday/);
		expect(paragraphs).toContain('## Roads closed too');
		expect(paragraphs.at(-1)).toMatch(/^Forecasters at the Meteorological Institute/);
		// Navigation, scripts, styles, captions, related stories, ads, newsletter, most read, footer.
		for (const outside of [
			'World',
			'dataLayer',
			'font-family',
			'Oskar Brenne',
			'Related stories',
			'Kessvik bridge',
			'Advertisement',
			'Morning Briefing',
			'Halvard Tusk',
			'All rights reserved',
			'Accept all',
			'Share on',
		])
			expect(body, outside).not.toContain(outside);
		expect(body).not.toMatch(/[<>]/);
	});

	it('takes the date from JSON-LD inside @graph before <time>, and the outlet from its publisher', () => {
		const article = parsePage(page('coastal.html'));
		expect(article).toMatchObject({
			date: '2025-03-14',
			outlet: 'The Coastal Post',
			url: 'https://coastalpost.example/news/storm-tarvik-ferries',
		});
		expect(article.body).not.toContain('Lise Ahlgren'); // the caption
		expect(article.body).not.toContain('Vesta Lines'); // "More on this story"
		expect(article.body).not.toContain('Gunnar'); // the comments
	});

	it('falls back to <time datetime> and og:url', () => {
		expect(parsePage(page('blog.html'))).toMatchObject({date: '2025-02-20', outlet: null, url: 'https://notes.example/posts/grid-tariffs'});
	});

	it('resolves a relative canonical link against og:url, and leaves out urls that are not http', () => {
		expect(parsePage(minimal('<link rel="canonical" href="/a/b"><meta property="og:url" content="https://x.example/c">')).url).toBe(
			'https://x.example/a/b',
		);
		expect(parsePage(minimal('<link rel="canonical" href="javascript:alert(1)">')).url).toBeNull();
	});

	it('reads no date from a page that gives none, and survives broken JSON-LD', () => {
		const article = parsePage(minimal('<script type="application/ld+json">{"datePublished": "2024-</script>'));
		expect(article.date).toBeNull();
		expect(article.body).toMatch(/^The council in Brenvik/);
	});

	it('refuses a page with no story on it', () => {
		expect(() => parsePage(page('index-page.html'))).toThrow('is an HTML page with no article text');
		expect(() => parsePage('<html><body></body></html>')).toThrow('is an HTML page with no article text');
	});

	it('reads a page nested as deep as browsers nest, and refuses one nested deeper without overflowing the stack', () => {
		const nested = (levels: number) =>
			minimal('', `${'<div>'.repeat(levels)}<p>Inside the boxes, the ferry left Brenvik at noon on Monday.</p>${'</div>'.repeat(levels)}`);
		expect(parsePage(nested(400)).body).toContain('Inside the boxes, the ferry left Brenvik');
		expect(() => parsePage(nested(5000))).toThrow('is an HTML page with elements nested more than 512 deep');
	});

	it('is found by content, and extracted with no markup in any name', () => {
		expect(looksLikeHtml(page('blog.html'))).toBe(true);
		expect(looksLikeHtml('<!-- saved -->\n<!doctype html><p>x</p>')).toBe(true);
		expect(looksLikeHtml('The <b>council</b> met.')).toBe(false);
		const extraction = extract(page('gazette.html'), {fallbackDate: '2020-01-01'});
		expect(extraction.article).toMatchObject({format: 'html', date: '2025-03-14', dateAssumed: false, source: 'Harbour Gazette'});
		const names = extraction.actors.map((actor) => actor.name);
		expect(names).toContain('Maren Lunde');
		for (const name of names) expect(name).not.toMatch(/[<>/]|DOCTYPE|Gazette/);
		expect(extraction.quotes.map((quote) => quote.text)).toContain(
			'We will not send a single boat out until the wind drops below gale force',
		);
	});

	it('cleans control characters that entities make out of untrusted text', () => {
		const extraction = extract(
			minimal('<title>Bad &#27;[31mtitle</title>', '<p>Mayor Ola Brun spoke &#27;[2J in Brenvik on Monday about the harbour plan.</p>'),
			{fallbackDate: '2024-01-01'},
		);
		expect(JSON.stringify(extraction.article)).not.toContain('\u001b');
		expect(extraction.article.removedControls).toBeGreaterThanOrEqual(2);
	});
});
