import {describe, expect, it} from 'vitest';
import {withoutFetch} from '../source/commands/dashboard.js';

describe('loading the dashboard chunk', () => {
	it('hides fetch while it loads, so Yoga does not load undici, and gives it back after, also after a failure', async () => {
		const before = globalThis.fetch;
		expect(typeof before).toBe('function');
		expect(await withoutFetch(async () => typeof globalThis.fetch)).toBe('undefined');
		expect(globalThis.fetch).toBe(before);
		await expect(withoutFetch(() => Promise.reject(new Error('no chunk')))).rejects.toThrow('no chunk');
		expect(globalThis.fetch).toBe(before);
	});
});
