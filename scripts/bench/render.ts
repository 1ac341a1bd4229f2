// The CPU time from a key to its frame in the dashboard's own process (render-child.tsx), with
// Ink as scripts/bundle-patches.mjs patches it against Ink as it comes: the measured reason for
// each patch of Ink that the build keeps. Both are bundled as dist/ is and run in turns.
import {spawnSync} from 'node:child_process';
import {join} from 'node:path';
import {pathToFileURL} from 'node:url';
import type {Plugin} from 'esbuild';
import {bundleBench} from './bundle.js';
import {KEYS} from './keys.js';
import {median, type Figure} from './measure.js';

function pressTimes(bundled: string, dir: string): Record<string, number[]> {
	const result = spawnSync(process.execPath, [bundled, dir], {encoding: 'utf8', maxBuffer: 1 << 24});
	if (result.status !== 0) throw new Error(`${bundled} failed: ${result.stderr}`);
	return JSON.parse(result.stdout.trim().split('\n').at(-1)!) as Record<string, number[]>;
}

export async function renderFigures(root: string, dirs: Map<number, string>, runs = 3): Promise<Figure[]> {
	const {bundlePatches} = (await import(pathToFileURL(join(root, 'scripts/bundle-patches.mjs')).href)) as {bundlePatches: Plugin};
	const patched = await bundleBench(root, 'render-child.tsx', 'render-patched', [bundlePatches]);
	const plain = await bundleBench(root, 'render-child.tsx', 'render-plain');
	const figures: Figure[] = [];
	for (const [size, dir] of dirs) {
		const times = {patched: {} as Record<string, number[]>, plain: {} as Record<string, number[]>};
		for (let i = 0; i < runs; i++) {
			for (const [variant, bundled] of [
				['patched', patched],
				['plain', plain],
			] as const) {
				for (const [key, ms] of Object.entries(pressTimes(bundled, dir)))
					(times[variant][key] ??= []).push(...ms.filter((t) => !Number.isNaN(t)));
			}
		}
		for (const {name} of KEYS) {
			const value = median(times.patched[name] ?? []);
			const reference = median(times.plain[name] ?? []);
			figures.push({
				name: `dashboard CPU from key to frame, ${name}, median, Ink patched (ref: Ink as it comes)`,
				size,
				value,
				unit: 'ms',
				reference,
				ratio: value / reference,
			});
		}
	}
	return figures;
}
