import {readSampleBriefing} from '../store/sample.js';
import {readBriefingStart} from '../store/start.js';

// Events read before the first frame: more than the tallest terminal shows.
const FIRST_EVENTS = 500;

// `briefing` in a terminal: the dashboard, on the stored briefing or the embedded sample. The UI
// is imported only here, so the other commands do not load Ink and React. A large briefing is
// drawn from its start while the rest is read (store/start.ts).
export async function dashboard(options: {dir: string; dataDir: URL}): Promise<number> {
	const start = readBriefingStart(options.dir, FIRST_EVENTS);
	const {runDashboard} = await withoutFetch(() => import('../ui/run.js'));
	if (!start) return runDashboard({data: readSampleBriefing(options.dataDir), sample: true, dir: options.dir});
	return runDashboard({data: start.data, start, sample: false, dir: options.dir});
}

// Yoga (Ink's layout engine, WebAssembly inlined as a data: URL) reads its binary with fetch when
// there is one; in Node the first touch of fetch loads undici, 20 ms of a dashboard's start
// (measured: the dashboard chunk imported in 55 ms instead of 75). Without it, Yoga decodes the
// URL itself. Nothing else runs while the chunk loads, and fetch is back once it has; a Node whose
// fetch cannot be hidden loads the chunk as it is.
export async function withoutFetch<T>(load: () => Promise<T>): Promise<T> {
	const fetch = Object.getOwnPropertyDescriptor(globalThis, 'fetch');
	if (fetch && !fetch.configurable) return load();
	Object.defineProperty(globalThis, 'fetch', {value: undefined, configurable: true, writable: true});
	try {
		return await load();
	} finally {
		if (fetch) Object.defineProperty(globalThis, 'fetch', fetch);
		else delete (globalThis as {fetch?: unknown}).fetch;
	}
}
