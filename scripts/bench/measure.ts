// Small helpers shared by the benchmark's measurements: medians and percentiles, never single runs.

export function median(values: number[]): number {
	return percentile(values, 50);
}

export function percentile(values: number[], p: number): number {
	const sorted = [...values].sort((a, b) => a - b);
	if (sorted.length === 0) return Number.NaN;
	const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
	return sorted[index]!;
}

export async function timeRuns(runs: number, fn: () => unknown | Promise<unknown>): Promise<number[]> {
	const times: number[] = [];
	for (let i = 0; i < runs; i++) {
		const start = performance.now();
		await fn();
		times.push(performance.now() - start);
	}
	return times;
}

export type Figure = {name: string; size?: number; value: number; unit: string; reference?: number; ratio?: number; target?: string};

export function line(f: Figure): string {
	const size = f.size === undefined ? '' : ` @${f.size.toLocaleString('en-US')} events`;
	const ratio = f.ratio === undefined ? '' : ` | ref ${f.reference!.toFixed(2)} ${f.unit} | ratio ${f.ratio.toFixed(2)}`;
	const target = f.target ? ` | target ${f.target}` : '';
	return `${f.name}${size}: ${f.value.toFixed(2)} ${f.unit}${ratio}${target}`;
}
