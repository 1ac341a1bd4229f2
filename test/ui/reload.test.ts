import {describe, expect, it} from 'vitest';
import {updateBriefing} from '../../source/store/db.js';
import {StoreError} from '../../source/store/errors.js';
import {type BriefingStart, readBriefingStart} from '../../source/store/start.js';
import {briefingLoader} from '../../source/ui/briefingLoader.js';
import {addTwoActorArticle, useTempDir} from '../helpers.js';
import {waitFor} from './render.js';

// briefingLoader.replace: a briefing that replaced the one shown on disk is read in the background
// and shown only once it is whole, so that keys in the meantime work on the one shown.

const add = (n: number) =>
	addTwoActorArticle(
		n,
		Array.from({length: 10}, (_, i) => ({
			text: `Event ${n}.${i}: Jake Sullivan met Andriy Yermak.`,
			actors: i % 2 ? ['Jake Sullivan'] : ['Jake Sullivan', 'Andriy Yermak'],
		})),
		'2024-11-09T00:00:00.000Z',
	);

// A start whose rest has no events ready until resume(), and which can be told to fail.
function controlled(start: BriefingStart) {
	let resumed = false;
	let failure: Error | null = null;
	let closed = false;
	const rest = start.rest!;
	return {
		start: {
			...start,
			rest: {
				next: (count: number) => {
					if (failure) throw failure;
					return resumed ? rest.next(count) : [];
				},
				close: () => {
					closed = true;
					rest.close();
				},
			},
		},
		resume: () => (resumed = true),
		fail: (error: Error) => (failure = error),
		closed: () => closed,
	};
}

describe('a briefing replaced on disk', () => {
	const tempDir = useTempDir();

	async function shown(articles: number) {
		const dir = tempDir();
		for (let n = 1; n <= articles; n++) await updateBriefing(dir, add(n));
		const start = readBriefingStart(dir, 500)!;
		const loader = briefingLoader(start.data, start, false);
		const stop = loader.start();
		let told = 0;
		loader.subscribe(() => told++);
		return {dir, loader, stop, told: () => told};
	}

	it('is read while keys work on the one shown, and shown whole', async () => {
		const {dir, loader, stop, told} = await shown(3);
		const before = loader.current();
		expect(before.index.eventCount).toBe(30);
		await updateBriefing(dir, add(4));
		const next = controlled(readBriefingStart(dir, 5)!);
		let done: unknown = 'not yet';
		loader.replace(next.start, (error) => (done = error));
		// Several turns of the event loop: nothing of the new one is shown, and a key that needs every
		// event (latest(true)) gets the one shown at once.
		for (let i = 0; i < 20; i++) await new Promise((resolve) => setImmediate(resolve));
		expect(loader.current()).toBe(before);
		expect(loader.latest(true)).toBe(before);
		expect(done).toBe('not yet');
		next.resume();
		await waitFor('the new briefing', () => done !== 'not yet');
		expect(done).toBeUndefined();
		const after = loader.current();
		expect([after.index.partial, after.index.eventCount, after.index.feed.length, told()]).toEqual([false, 40, 40, 1]);
		expect(after.index.actors.map((entry) => [entry.actor.name, entry.events])).toEqual([
			['Jake Sullivan', 40],
			['Andriy Yermak', 20],
		]);
		stop();
	});

	it('takes what did not change from the one shown, and what did from the file', async () => {
		const {dir, loader, stop} = await shown(3);
		const before = loader.current().index;
		// Another event 1.0 (the same id, another text), and a new article.
		await updateBriefing(dir, (data) => ({
			...data,
			events: data.events.map((event) => (event.text.startsWith('Event 1.0:') ? {...event, text: 'Event 1.0, corrected.'} : event)),
		}));
		await updateBriefing(dir, add(4));
		let done: unknown = 'not yet';
		loader.replace(readBriefingStart(dir, 5)!, (error) => (done = error));
		await waitFor('the new briefing', () => done !== 'not yet');
		const after = loader.current().index;
		const byId = (index: typeof before, text: RegExp) => index.feed.find((event) => text.test(event.text))!;
		expect(byId(after, /^Event 1\.0/).text).toBe('Event 1.0, corrected.');
		expect(byId(after, /^Event 1\.0/)).not.toBe(byId(before, /^Event 1\.0/));
		// Unchanged: the very records shown before, so that the heap does not hold them twice.
		expect(byId(after, /^Event 2\.5/)).toBe(byId(before, /^Event 2\.5/));
		expect(after.quotes[0]).toBe(before.quotes[0]);
		expect(after.actorById.get(before.actors[0]!.actor.id)!.actor).toBe(before.actors[0]!.actor);
		expect(after.feed.filter((event) => event.text.startsWith('Event 4.'))).toHaveLength(10);
		stop();
	});

	it('that cannot be read leaves the one shown and says why', async () => {
		const {dir, loader, stop, told} = await shown(2);
		const before = loader.current();
		await updateBriefing(dir, add(3));
		const next = controlled(readBriefingStart(dir, 5)!);
		let done: unknown = 'not yet';
		loader.replace(next.start, (error) => (done = error));
		next.fail(new StoreError('briefing.json: is not valid JSON'));
		await waitFor('the failure', () => done !== 'not yet');
		expect(done).toBeInstanceOf(StoreError);
		expect(loader.current()).toBe(before);
		expect(told()).toBe(0);
		stop();
	});

	it('again before the last one was read: the last one is read, the earlier closed', async () => {
		const {dir, loader, stop} = await shown(1);
		await updateBriefing(dir, add(2));
		const earlier = controlled(readBriefingStart(dir, 5)!);
		loader.replace(earlier.start, () => {
			throw new Error('the earlier one is not shown');
		});
		await updateBriefing(dir, add(3));
		let done: unknown = 'not yet';
		loader.replace(readBriefingStart(dir, 5)!, (error) => (done = error));
		expect(earlier.closed()).toBe(true);
		await waitFor('the last one', () => done !== 'not yet');
		expect(loader.current().index.eventCount).toBe(30);
		// Stopping the loader (the dashboard quits) stops a reload too.
		await updateBriefing(dir, add(4));
		const last = controlled(readBriefingStart(dir, 5)!);
		loader.replace(last.start, () => {});
		stop();
		expect(last.closed()).toBe(true);
	});
});
