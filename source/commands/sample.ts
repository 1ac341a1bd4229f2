import {emptyBriefing} from '../store/db.js';
import {ingestArticle} from '../store/merge.js';
import {SAMPLE_KEY, sampleArticlePath, sampleBriefingPath, writeBriefingFile} from '../store/sample.js';
import {readInput} from './extracted.js';
import {startExtractor} from './extractor.js';

// The sample article is dated; this only keeps the rebuild deterministic if an edit removes the date.
const SAMPLE_FALLBACK_DATE = '2024-10-29';

// `briefing sample-rebuild [OUT]` (npm run sample): derives data/sample-briefing.json from
// data/sample-article.txt. Nothing in it depends on the machine or the time of the run, so the
// file only changes when the article or the extraction does.
export async function rebuildSample(dataDir: URL, out: string | undefined): Promise<number> {
	const [article] = await startExtractor(SAMPLE_FALLBACK_DATE).extractFile(sampleArticlePath(dataDir));
	if (!article || 'failed' in article) throw new Error(`${sampleArticlePath(dataDir)}: ${article?.failed ?? 'is empty'}`);
	const extracted = readInput(article.article);
	const input = {...extracted, key: SAMPLE_KEY, path: null, ingestedAt: `${extracted.extraction.article.date}T00:00:00.000Z`};
	const file = out ?? sampleBriefingPath(dataDir);
	writeBriefingFile(file, ingestArticle(emptyBriefing(), input).data);
	process.stdout.write(`wrote ${file}\n`);
	return 0;
}
