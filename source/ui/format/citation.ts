import {sanitize} from '../../output/sanitize.js';
import type {StoredArticle} from '../../store/schema.js';
import type {BriefingIndex} from '../briefingIndex.js';

// What `y` copies: the quote or the event's sentence with where it comes from, one line, ready to
// paste into a draft: “text” — speaker, role · outlet · date · url. The outlet is the article's
// source, else its title; the date is the article's. Parts the briefing does not know are left
// out. Text from articles is untrusted, and what is copied may be pasted into a terminal: control
// characters and escape sequences are removed, and line breaks become spaces.

const oneLine = (text: string) => sanitize(text).replace(/\s+/g, ' ').trim();

function sourceParts(article: StoredArticle | undefined): string[] {
	if (!article) return [];
	return [article.source ?? article.title, article.date, ...(article.url ? [article.url] : [])].map(oneLine).filter(Boolean);
}

export function quoteCitation(index: BriefingIndex, id: string): string | null {
	const position = index.quotePosition.get(id);
	if (position === undefined) return null;
	const quote = index.quotes[position]!;
	const speaker = quote.speaker === null ? null : index.actorById.get(quote.speaker)?.actor;
	const who = speaker ? oneLine([speaker.name, ...(speaker.role ? [speaker.role] : [])].join(', ')) : 'unattributed';
	return `“${oneLine(quote.text)}” — ${[who, ...sourceParts(index.articleById.get(quote.article))].join(' · ')}`;
}

export function eventCitation(index: BriefingIndex, id: string): string | null {
	const position = index.eventPosition.get(id);
	if (position === undefined) return null;
	const event = index.feed[position]!;
	const parts = sourceParts(index.articleById.get(event.article));
	return `“${oneLine(event.text)}”${parts.length ? ` — ${parts.join(' · ')}` : ''}`;
}
