import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {extract} from '../../source/ingest/index.js';
import {emptyBriefing} from '../../source/store/db.js';
import {articleHash, ingestArticle} from '../../source/store/merge.js';
import {root} from '../cli-helpers.js';
import {KEYS, renderDashboard} from './render.js';

// Two outlets' copies of one story in the dashboard: one row per event, with its number of outlets,
// and the detail view listing each source.
function twoOutlets() {
	return ['gazette.html', 'coastal.html'].reduce((data, name) => {
		const raw = readFileSync(join(root, 'test/fixtures/web', name), 'utf8');
		const extraction = extract(raw, {fallbackDate: '2025-01-01'});
		return ingestArticle(data, {
			extraction,
			hash: articleHash(raw),
			key: extraction.article.url!,
			path: null,
			ingestedAt: '2025-03-14T00:00:00.000Z',
		}).data;
	}, emptyBriefing());
}

describe('one story from two outlets', () => {
	it('shows "2 outlets" on the rows and cards told by both, and lists each source in the detail view', async () => {
		const data = twoOutlets();
		const ui = await renderDashboard(data);
		const frame = ui.frame();
		expect(frame).toMatch(/› Tarvik +\[2 outlets\] The port authority in/);
		// Told by one outlet only: no count.
		expect(frame).toMatch(/Red Cross +Hotels in the town opened/);
		expect(frame).toMatch(/2025-03-14 · 2 outlets · Tarvik/);
		await ui.press('2', KEYS.enter);
		expect(ui.lines()[2]).toMatch(/┏━ ▸ Event/);
		const detail = ui.frame();
		expect(detail).toMatch(/Sources +1\. Harbour Gazette · 2025-03-14 · https:\/\/harbour-gazette\.example\/2025\/03\/tarvik-ferries/);
		expect(detail).toMatch(/ +2\. The Coastal Post · 2025-03-14 · https:\/\/coastalpost\.example\/news\/storm-tarvik-ferries/);
	});
});
