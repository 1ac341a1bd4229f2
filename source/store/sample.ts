import {readFileSync, writeFileSync} from 'node:fs';
import {fileURLToPath} from 'node:url';
import {parseFullBriefing, serializeBriefing} from './db.js';
import {StoreError, describeFsError} from './errors.js';
import type {FullBriefing} from './schema.js';

// The sample article is stored under this key instead of its absolute path, so the sample
// briefing is the same on every machine.
export const SAMPLE_KEY = 'sample:sample-article.txt';

// `dataDir` is the package's data/ folder; the CLI resolves it next to the bundle.
export const sampleArticlePath = (dataDir: URL) => fileURLToPath(new URL('sample-article.txt', dataDir));
export const sampleBriefingPath = (dataDir: URL) => fileURLToPath(new URL('sample-briefing.json', dataDir));

// Shown, never copied, when the user has not ingested anything yet. Small enough to read whole.
export function readSampleBriefing(dataDir: URL): FullBriefing {
	const file = sampleBriefingPath(dataDir);
	let text;
	try {
		text = readFileSync(file, 'utf8');
	} catch (error) {
		throw new StoreError(`${file}: ${describeFsError(error)}`);
	}
	return parseFullBriefing(text, file);
}

export function writeBriefingFile(file: string, data: FullBriefing): void {
	try {
		writeFileSync(file, serializeBriefing(data, {withBodies: true}));
	} catch (error) {
		throw new StoreError(`${file}: ${describeFsError(error)}`);
	}
}
