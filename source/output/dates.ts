import type {DatePrecision} from '../types.js';

// A stored date as precise as it is known: 2024-10-29, 2024-10 or 2024. A week keeps its day,
// which is some day of that week.
export function preciseDate(date: string, precision: DatePrecision): string {
	if (precision === 'year') return date.slice(0, 4);
	if (precision === 'month') return date.slice(0, 7);
	return date;
}

// The Monday of the ISO week the day falls in.
function weekStart(date: string): string {
	const day = new Date(`${date}T00:00:00Z`);
	day.setUTCDate(day.getUTCDate() - ((day.getUTCDay() + 6) % 7));
	return day.toISOString().slice(0, 10);
}

export function dateLabel(date: string, precision: DatePrecision): string {
	return precision === 'week' ? `week of ${weekStart(date)}` : preciseDate(date, precision);
}
