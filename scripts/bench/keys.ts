// The keys the dashboard's figures press, each `presses` times (the search types and deletes a
// word), in this order.
export type BenchKey = {name: string; setup: string[]; key: string | string[]; after: string[]};
export const KEYS: BenchKey[] = [
	// The actors pane has the focus at start; an even number of presses leaves no filter.
	{name: 'Space (toggle actor filter)', setup: [], key: ' ', after: ['\t']},
	{name: 'j (feed down)', setup: [], key: 'j', after: []},
	// From the top (g): a filter cleared with Space leaves the feed's cursor on its item, which can be
	// less than 20 pages from the end of 1,000 events, where PgDn draws nothing.
	{name: 'PgDn (feed)', setup: ['g'], key: '\x1b[6~', after: []},
	{
		name: 'search keystroke (feed)',
		setup: ['/'],
		key: ['m', 'i', 'n', 'i', 's', 't', 'e', 'r', '\x7f', '\x7f', '\x7f', '\x7f', '\x7f', '\x7f', '\x7f'],
		after: ['\x1b'],
	},
];

export const pressesOf = (key: BenchKey, presses: number) =>
	Array.isArray(key.key) ? key.key : Array.from({length: presses}, () => key.key as string);
