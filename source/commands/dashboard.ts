import {readSampleBriefing} from '../store/sample.js';
import {readBriefingStart} from '../store/start.js';

// Events read before the first frame: more than the tallest terminal shows.
const FIRST_EVENTS = 500;

// `briefing` in a terminal: the dashboard, on the stored briefing or the embedded sample. The UI
// is imported only here, so the other commands do not load Ink and React. A large briefing is
// drawn from its start while the rest is read (store/start.ts).
export async function dashboard(options: {dir: string; dataDir: URL}): Promise<number> {
	const start = readBriefingStart(options.dir, FIRST_EVENTS);
	const {runDashboard} = await import('../ui/run.js');
	if (!start) return runDashboard({data: readSampleBriefing(options.dataDir), sample: true, dir: options.dir});
	return runDashboard({data: start.data, start, sample: false, dir: options.dir});
}
