// A YYYY-MM-DD day that exists, or null. Apart from dates.ts so that the command line can check
// --date without loading chrono.
export function parseIsoDay(s: string): string | null {
	const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s.trim());
	if (!m) return null;
	const d = new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!));
	return d.getUTCFullYear() === +m[1]! && d.getUTCMonth() === +m[2]! - 1 && d.getUTCDate() === +m[3]! ? m[0] : null;
}
