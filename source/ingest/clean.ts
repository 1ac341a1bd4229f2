// Article text is untrusted. Before anything is derived from it, terminal escape sequences are
// removed whole (so "\x1b[31mAnna Berg\x1b[0m" is the name Anna Berg), any other control is made
// visible (so tampering shows rather than acts: a lone ESC becomes ␛), and the invisible characters
// that reorder or disguise names are removed. Rendering sanitises again (output/sanitize.ts).

// CSI (ESC [ … final), OSC (ESC ] … BEL or ST), DCS/SOS/PM/APC strings (ESC P|X|^|_ … ST), and
// two-character escapes (ESC and one more). A string sequence is removed with its text only when
// its terminator ends it on the same line; one left open removes only its introducer and numeric
// parameters, so that it cannot swallow the rest of the article. Every class stops at an ESC, so
// the attempts from successive ESCs never rescan the same text.
export const ESCAPE_SEQUENCE =
	/\x1b(?:\[[0-?]*[ -/]*[@-~]?|\](?:[^\x07\x1b\n]*(?:\x07|\x1b\\)|[\d;]*)|[PX^_](?:[^\x1b\n]*\x1b\\|[\d;]*)|[ -/]*[0-~])?/g;

// C0 controls but tab and newline, and DEL: shown as their Control Pictures (U+2400 block).
const C0 = /[\x00-\x08\x0b-\x1f\x7f]/g;
// C1 controls (some terminals obey 0x9b as CSI): replaced.
const C1 = /[\x80-\x9f]/g;
// Bidi embeddings, overrides and isolates make text display in another order than it is stored.
const BIDI = /[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]/g;
// Zero-width characters with no use inside words of Latin script; ZWJ/ZWNJ stay elsewhere (emoji,
// Indic and Persian scripts need them).
const ZERO_WIDTH = /[\u200b\u2060\ufeff]|(?<=\p{Script=Latin})[\u200c\u200d](?=\p{Script=Latin})/gu;

// The clean text, and how many escape sequences and bidi controls it lost, for the reader to be
// told: text was taken out of their article.
export function cleanText(text: string): {text: string; removed: number} {
	let removed = 0;
	const count = () => {
		removed++;
		return '';
	};
	const clean = text
		.replace(ESCAPE_SEQUENCE, count)
		.replace(C0, (ch) => (ch === '\x7f' ? '\u2421' : String.fromCharCode(0x2400 + ch.charCodeAt(0))))
		.replace(C1, '\ufffd')
		.replace(BIDI, count)
		.replace(ZERO_WIDTH, '');
	return {text: clean, removed};
}
