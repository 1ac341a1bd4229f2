import {ArticleError} from './errors.js';

const utf8 = new TextDecoder('utf-8', {fatal: true});

// Articles must be UTF-8. Invalid bytes are refused rather than replaced, so that a name is never
// stored with a U+FFFD in it; the message says how to convert the file.
export function decodeArticle(bytes: Uint8Array): string {
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
	return text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
}
