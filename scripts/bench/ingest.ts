// Ingest throughput: the whole extraction against chrono-node and the tokenizer alone on the same
// text, in one process, warm, so the ratio says what briefing's own rules cost.
import * as chrono from 'chrono-node';
import nlp from 'compromise';
import {extract} from '../../source/ingest/index.js';
import {median, timeRuns, type Figure} from './measure.js';

export async function ingestFigures(texts: string[], rounds = 5): Promise<Figure[]> {
	const all = Array.from({length: rounds}, () => texts).flat();
	const baseline = () => {
		for (const text of all) {
			const doc = nlp.tokenize(text);
			doc.compute(['lexicon', 'preTagger']);
			for (const s of doc.json() as Array<{text: string}>) chrono.parse(s.text, new Date());
		}
	};
	const full = () => {
		for (const text of all) extract(text, {fallbackDate: '2024-01-01'});
	};
	baseline();
	full();
	const reference = median(await timeRuns(5, baseline));
	const measured = median(await timeRuns(5, full));
	const perSecond = (ms: number) => all.length / (ms / 1000);
	return [
		{
			name: 'ingest throughput (extract, one core)',
			value: perSecond(measured),
			unit: 'articles/s',
			reference: perSecond(reference),
			ratio: measured / reference,
			target: '>= 50 articles/s',
		},
	];
}
