import {ArticleError} from './errors.js';

const utf8 = new TextDecoder('utf-8', {fatal: true});

// Text in the charset the file or the server declares, else UTF-8. Invalid bytes are refused
// rather than replaced, so that a name is never stored with a U+FFFD in it; the message says how
// to convert the file. A page saved from a browser or a feed keeps the charset it was written in
// and names it: a byte-order mark, else `declared` (a server's content type), else, in a text that
// starts with markup, a <meta> tag of its head or the XML declaration.
export function decodeArticle(bytes: Uint8Array, declared?: string): string {
	// In the order browsers take them: a byte-order mark is surer than what a server says.
	const charset = bomCharset(bytes) ?? declared?.toLowerCase() ?? markupCharset(bytes);
	if (charset && !/^utf-?8$/.test(charset)) return normalized(decodeIn(bytes, charset));
	const head = bytes.subarray(0, 8192);
	if (head.includes(0)) throw new ArticleError('looks like binary data, not text');
	let text: string;
	try {
		text = utf8.decode(bytes);
	} catch {
		throw new ArticleError('is not valid UTF-8 text (convert it first, e.g. with iconv -t utf-8)');
	}
	const controls = text.slice(0, 8192).match(/[\u0000-\u0008\u000e-\u001a\u001c-\u001f]/g)?.length ?? 0;
	if (controls > 16) throw new ArticleError('looks like binary data, not text');
	return normalized(text);
}

const normalized = (text: string) => text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');

function decodeIn(bytes: Uint8Array, charset: string): string {
	let decoder;
	try {
		decoder = new TextDecoder(charset, {fatal: true});
	} catch {
		throw new ArticleError(`is in the charset "${charset}", which briefing cannot read`);
	}
	try {
		return decoder.decode(bytes);
	} catch {
		throw new ArticleError(`is not valid ${charset} text, the charset it declares`);
	}
}

function bomCharset(bytes: Uint8Array): string | null {
	if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
	if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
	if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
	return null;
}

const CHARSET = /charset=["']?([\w-]+)/i;
const XML_ENCODING = /^<\?xml[^>]*\bencoding=["']([\w-]+)/i;

// The charset a markup text names in its first bytes, read as ASCII: in a <meta> tag, each read
// up to its ">", or in an XML declaration.
function markupCharset(bytes: Uint8Array): string | null {
	const head = String.fromCharCode(...bytes.subarray(0, 2048)).replace(/^(?:\xef\xbb\xbf)?\s*/, '');
	if (!head.startsWith('<')) return null;
	const xml = XML_ENCODING.exec(head)?.[1];
	if (xml) return xml.toLowerCase();
	for (let at = head.search(/<meta\b/i); at !== -1;) {
		const end = head.indexOf('>', at);
		const found = CHARSET.exec(head.slice(at, end === -1 ? head.length : end));
		if (found || end === -1) return found?.[1]?.toLowerCase() ?? null;
		const next = head.slice(end).search(/<meta\b/i);
		at = next === -1 ? -1 : end + next;
	}
	return null;
}

// The charset a content type names, if any ("text/html; charset=iso-8859-1").
export const contentTypeCharset = (contentType: string): string | undefined => CHARSET.exec(contentType)?.[1];
