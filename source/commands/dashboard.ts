import {readBriefing} from '../store/db.js';
import {readSampleBriefing} from '../store/sample.js';

// `briefing` in a terminal: the dashboard, on the stored briefing or the embedded sample. The UI
// is imported only here, so the other commands do not load Ink and React.
export async function dashboard(options: {dir: string; dataDir: URL}): Promise<number> {
	const stored = await readBriefing(options.dir);
	const data = stored ?? readSampleBriefing(options.dataDir);
	const {runDashboard} = await import('../ui/run.js');
	return runDashboard({data, sample: stored === null, dir: options.dir});
}
