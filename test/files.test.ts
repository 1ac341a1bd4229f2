import {chmodSync, mkdirSync, truncateSync, utimesSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {MAX_ARTICLE_BYTES, readArticleFile} from '../source/store/files.js';
import {useTempDir} from './helpers.js';

describe('readArticleFile', () => {
	const tempDir = useTempDir();

	it('decodes the text and reports the absolute path and modification day', () => {
		const file = join(tempDir(), 'a.txt');
		writeFileSync(file, '\uFEFFFirst line.\r\nSecond line.\r\n');
		const day = new Date(2024, 9, 29, 12);
		utimesSync(file, day, day);
		expect(readArticleFile(file)).toEqual({path: file, text: 'First line.\nSecond line.\n', modifiedDay: '2024-10-29'});
	});

	it('reads a saved page or a feed in the charset it names, and a text with a UTF-16 byte-order mark', () => {
		const named = (name: string, content: Buffer) => {
			const file = join(tempDir(), name);
			writeFileSync(file, content);
			return readArticleFile(file).text;
		};
		const page = '<!doctype html>\n<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1252">';
		expect(named('saved.html', Buffer.from(`${page}<title>Caf\xe9 \x96 Gen\xe8ve</title></head></html>\r\n`, 'latin1'))).toBe(
			`${page}<title>Café – Genève</title></head></html>\n`,
		);
		const feed = '<?xml version="1.0" encoding="ISO-8859-1"?>\n<rss version="2.0"><channel><title>Z\xfcrich Desk</title></channel></rss>';
		expect(named('desk.rss', Buffer.from(feed, 'latin1'))).toContain('<title>Zürich Desk</title>');
		expect(named('notepad.txt', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Talks in Malmö on Monday.\r\n', 'utf16le')]))).toBe(
			'Talks in Malmö on Monday.\n',
		);
		// A byte-order mark is surer than a <meta> tag the page was first written with.
		expect(named('resaved.html', Buffer.from('\uFEFF<meta charset="windows-1252"><p>Café in Genève.</p>'))).toBe(
			'<meta charset="windows-1252"><p>Café in Genève.</p>',
		);
		// A charset named by words of a text that is not markup is not a declaration: UTF-8 it must be.
		expect(() => named('note.txt', Buffer.from('It said <meta charset="latin1"> and caf\xe9.\n', 'latin1'))).toThrow(
			'is not valid UTF-8 text',
		);
		expect(() => named('odd.html', Buffer.from('<meta charset="x-martian"><p>Text.</p>'))).toThrow(
			'is in the charset "x-martian", which briefing cannot read',
		);
		expect(() => named('bad.html', Buffer.from([...Buffer.from('<meta charset="shift_jis"><p>'), 0x81, 0x20, 0x3c]))).toThrow(
			'is not valid shift_jis text, the charset it declares',
		);
	});

	it.each([
		['a missing file', () => join(tempDir(), 'missing.txt'), 'no such file or directory'],
		['a directory', () => tempDir(), 'is a directory, not a file'],
		['an empty file', () => write(''), 'is empty'],
		['a whitespace-only file', () => write(' \n\t\n'), 'is empty'],
		['binary data', () => write(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d])), 'looks like binary data, not text'],
		[
			'a file over the size limit',
			() => {
				const file = write('x');
				truncateSync(file, MAX_ARTICLE_BYTES + 1);
				return file;
			},
			'is 10.0 MB; articles are limited to 10 MB',
		],
	])('refuses %s with a one-line message', (_what, make, message) => {
		expect(() => readArticleFile(make())).toThrow(message);
	});

	// Root reads files whatever their mode, so the check only means something for other users.
	it.skipIf(process.getuid?.() === 0)('refuses an unreadable file', () => {
		const file = write('text');
		chmodSync(file, 0o000);
		expect(() => readArticleFile(file)).toThrow('permission denied');
	});

	function write(content: string | Buffer): string {
		const dir = join(tempDir(), 'in');
		mkdirSync(dir);
		const file = join(dir, 'article.txt');
		writeFileSync(file, content);
		return file;
	}
});
