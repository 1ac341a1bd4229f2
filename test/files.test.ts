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
