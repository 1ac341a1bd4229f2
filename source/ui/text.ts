import stringWidth from 'string-width';
import {sanitize} from '../output/sanitize.js';

// Lines of styled text measured in terminal columns, so that a row never wraps into the next pane
// and wide characters (CJK, emoji) keep their two columns. Everything here is pure: the panes build
// Lines and <LineView> only draws them.

export type Style = {
	color?: string;
	bold?: boolean;
	dim?: boolean;
	inverse?: boolean;
	underline?: boolean;
};

export type Segment = Style & {text: string};
export type Line = Segment[];

export const ELLIPSIS = '…';

const graphemes = new Intl.Segmenter(undefined, {granularity: 'grapheme'});

// Untrusted text for one line: terminal control sequences removed (sanitize), and tabs, newlines
// and other whitespace made spaces, since a newline would push the rest of a row into the next.
export function clean(text: string): string {
	return sanitize(text).replace(/[^\S ]/g, ' ');
}

// Characters that are one column each whatever the terminal's East Asian setting (checked against
// string-width): printable ASCII, which most article text is, Latin, general punctuation such as
// — “ ” …, box drawing and the dashboard's own marks (› ▸ ✎). Text of nothing else is measured and
// cut by its length; anything else goes through string-width, a grapheme at a time.
// scripts/bundle-patches.mjs gives Ink's string-width the same shortcut.
const ONE_COLUMN = /^[\x20-\x7e\u00a0-\u00ac\u00ae-\u02ff\u2010-\u2027\u203a\u2500-\u259f\u25b8\u270e]*$/;

export const width = (text: string): number => (ONE_COLUMN.test(text) ? text.length : stringWidth(text));

export const lineWidth = (line: Line): number => line.reduce((sum, segment) => sum + width(segment.text), 0);

const graphemeWidth = (grapheme: string): number => (grapheme.length === 1 && ONE_COLUMN.test(grapheme) ? 1 : stringWidth(grapheme));

// The longest start of `text` that fits in `max` columns, by whole graphemes: an emoji or a CJK
// character is never split, and a wide one that would straddle the edge is left out. It reads no
// further than it needs, so cutting a long sentence costs the width of the pane, not the sentence.
function fitStart(text: string, max: number): {text: string; width: number; whole: boolean} {
	if (ONE_COLUMN.test(text)) {
		return text.length <= max
			? {text, width: text.length, whole: true}
			: {text: text.slice(0, Math.max(0, max)), width: Math.max(0, max), whole: false};
	}
	let end = 0;
	let used = 0;
	for (const {segment, index} of graphemes.segment(text)) {
		const w = graphemeWidth(segment);
		if (used + w > max) return {text: text.slice(0, index), width: used, whole: false};
		used += w;
		end = index + segment.length;
	}
	return {text: text.slice(0, end), width: used, whole: true};
}

// At most `max` columns of text, ending in … when something was cut.
export function truncate(text: string, max: number): string {
	if (max <= 0) return '';
	// Cheap exit for short text before measuring: no grapheme is wider than two columns.
	if (fitStart(text, max).whole) return text;
	return `${fitStart(text, max - 1).text.trimEnd()}${ELLIPSIS}`;
}

// A line cut to at most `max` columns (… at the cut, in the style of the segment that was cut), then
// padded with spaces to exactly `max` when `pad` is given, so a shorter row overwrites the previous
// frame's longer one and an inverse row fills its pane. Segment text is cleaned here, which makes
// this the one place article text passes through on its way to a row.
export function fitLine(line: Line, max: number, pad?: Style): Line {
	const out: Line = [];
	let used = 0;
	for (const segment of line) {
		const text = clean(segment.text);
		if (!text) continue;
		const room = max - used;
		const whole = fitStart(text, room);
		if (whole.whole) {
			out.push({...segment, text});
			used += whole.width;
			continue;
		}
		if (room >= 1) {
			const start = fitStart(text, room - 1).text.trimEnd();
			out.push({...segment, text: `${start}${ELLIPSIS}`});
			used += width(start) + 1;
		} else if (out.length) {
			// No room left even for the ellipsis: it replaces the end of what is there.
			const last = out.pop()!;
			const lastWidth = width(last.text);
			const start = fitStart(last.text, lastWidth - 1).text;
			out.push({...last, text: `${start}${ELLIPSIS}`});
			used = used - lastWidth + width(start) + 1;
		}
		break;
	}
	if (pad && used < max) out.push({...pad, text: ' '.repeat(max - used)});
	return out;
}

// Pads (never cuts) plain text to `max` columns on the left, for right-aligned numbers.
export const padStart = (text: string, max: number) => ' '.repeat(Math.max(0, max - stringWidth(text))) + text;

// Greedy word wrap of styled text to `max` columns. Words keep their segment's style; a word wider
// than a line (a URL, a CJK sentence without spaces) is broken between graphemes. Newlines in the
// text are kept as line breaks when `keepNewlines` is set, otherwise they are spaces.
export function wrap(line: Line, max: number, keepNewlines = false): Line[] {
	if (max <= 0) return [];
	const lines: Line[] = [];
	let current: Line = [];
	let used = 0;
	let pendingSpace: Style | null = null;
	const flush = () => {
		lines.push(current);
		current = [];
		used = 0;
		pendingSpace = null;
	};
	const append = (text: string, style: Style, w: number) => {
		const last = current[current.length - 1];
		if (last && sameStyle(last, style)) last.text += text;
		else current.push({...style, text});
		used += w;
	};
	for (const segment of line) {
		const {text: raw, ...style} = segment;
		const text = sanitize(raw).replace(keepNewlines ? /[^\S\n]+/g : /\s+/g, ' ');
		for (const token of text.split(/( |\n)/)) {
			if (token === '') continue;
			if (token === '\n') {
				flush();
				continue;
			}
			if (token === ' ') {
				if (used > 0) pendingSpace = style;
				continue;
			}
			let word = token;
			let w = width(word);
			const spaceWidth = pendingSpace ? 1 : 0;
			if (used > 0 && used + spaceWidth + w > max) flush();
			if (pendingSpace) {
				append(' ', pendingSpace, 1);
				pendingSpace = null;
			}
			while (w > max - used) {
				const head = fitStart(word, max - used);
				if (head.width === 0 && used === 0) break; // a grapheme wider than the line: give up on it
				if (head.text) append(head.text, style, head.width);
				flush();
				word = word.slice(head.text.length);
				w = width(word);
			}
			if (word && w <= max - used) append(word, style, w);
		}
	}
	if (current.length || lines.length === 0) lines.push(current);
	return lines;
}

function sameStyle(a: Style, b: Style): boolean {
	return a.color === b.color && a.bold === b.bold && a.dim === b.dim && a.inverse === b.inverse && a.underline === b.underline;
}

// The same lines, at most `max` of them; when some are left out the last one kept ends in ….
export function clampLines(lines: Line[], max: number, lineMax: number): Line[] {
	if (lines.length <= max) return lines;
	const kept = lines.slice(0, Math.max(0, max));
	const last = kept.pop();
	if (last === undefined) return kept;
	// The last line's start that leaves a column for the ellipsis, cut between graphemes.
	const cut: Line = [];
	let room = lineMax - 1;
	for (const segment of last) {
		const head = fitStart(segment.text, room);
		if (head.text) cut.push({...segment, text: head.text});
		room -= head.width;
		if (!head.whole) break;
	}
	const end = cut[cut.length - 1];
	if (end) end.text = end.text.trimEnd();
	return [...kept, [...cut, {...(last[last.length - 1] ?? {}), text: ELLIPSIS}]];
}
