import {ESCAPE_SEQUENCE} from '../ingest/clean.js';

// Article text is untrusted: an escape sequence in it could move the cursor, retitle the
// terminal or hide text, and bidi overrides can make a line read differently from what it is.
// Ingest already cleans it (ingest/clean.ts); rendering removes them again, whatever the store holds.

// C0 except tab and newline, DEL, C1, and the bidi embedding, override and isolate controls.
const CONTROL = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/g;

export function sanitize(text: string): string {
	return text.replace(ESCAPE_SEQUENCE, '').replace(CONTROL, '');
}
