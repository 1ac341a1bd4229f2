// Note save time on briefings of every size: notes.json is its own file, so it must not grow with
// the briefing. The reference is the same save on the smallest briefing.
import {addNote, eventTarget} from '../../source/store/notes.js';
import type {StoredEvent} from '../../source/store/schema.js';
import {median, timeRuns, type Figure} from './measure.js';

export async function noteFigure(dir: string, size: number, event: StoredEvent, runs = 30): Promise<number> {
	const times = await timeRuns(runs, () => addNote(dir, eventTarget(event), `Benchmark note on a ${size}-event briefing`));
	return median(times);
}

export function noteFigures(bySize: Map<number, number>): Figure[] {
	const reference = bySize.get(Math.min(...bySize.keys()))!;
	return [...bySize].map(([size, value]) => ({
		name: 'note save',
		size,
		value,
		unit: 'ms',
		reference,
		ratio: value / reference,
		target: '< 20 ms',
	}));
}
