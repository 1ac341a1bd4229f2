import {existsSync} from 'node:fs';
import open from 'open';
import {bodyFile} from '../store/bodies.js';
import type {StoredArticle} from '../store/schema.js';

// `o`: an article opened the way the desktop opens things (xdg-open, open, start, through the
// `open` package): its web address in the browser, else its file in the program for text.
// BRIEFING_OPENER names a program to use instead (it is run with the address or path as its one
// argument), for a reader who wants another browser, and for the tests, which give it a script.

export type Opener = (target: string) => Promise<void>;

export function systemOpener(env: NodeJS.ProcessEnv = process.env): Opener {
	const app = env['BRIEFING_OPENER']?.trim();
	return async (target) => {
		await open(target, app ? {app: {name: app}} : {});
	};
}

// What opening the article means: its url when it is a web address (an article's front matter is
// untrusted, and another scheme could start any program registered for it), else the file it was
// ingested from, else the copy the briefing keeps in articles/.
export function articleTarget(article: StoredArticle, dir: string | null): {target: string} | {problem: string} {
	if (article.url && /^https?:\/\//i.test(article.url)) return {target: article.url};
	if (article.path && existsSync(article.path)) return {target: article.path};
	const kept = dir ? bodyFile(dir, article) : null;
	if (kept && existsSync(kept)) return {target: kept};
	if (article.url) return {problem: `not opening ${article.url}: only http and https addresses are opened`};
	return {problem: 'the article has no url, and its file is not there any more'};
}
