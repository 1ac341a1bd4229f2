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

const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

// A date heading as precise as the date is known: "2024-10-29 Tuesday", "week of 2024-10-21",
// "2024-10 (month)", "2014 (year)". `label` is dateLabel's.
export function headingText(label: string): string {
	if (/^\d{4}-\d{2}-\d{2}$/.test(label)) return `${label} ${DAYS[new Date(`${label}T00:00:00Z`).getUTCDay()]}`;
	if (/^\d{4}-\d{2}$/.test(label)) return `${label} (month)`;
	if (/^\d{4}$/.test(label)) return `${label} (year)`;
	return label;
}
