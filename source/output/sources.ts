import type {StoredArticle} from '../store/schema.js';

// The articles that tell an event or a quote (store/stories.ts), and how that is said on its row:
// "3 outlets" when they come from several, "2 articles" when one outlet told it twice, nothing for
// one article.

type Told = {article: string; sources?: ReadonlyArray<{article: string}>};

export const articlesOf = (item: Told): string[] => (item.sources ? item.sources.map((source) => source.article) : [item.article]);

export function sourcesLabel(item: Told, articleById: ReadonlyMap<string, StoredArticle>): string | null {
	if (!item.sources || item.sources.length < 2) return null;
	const outlets = new Set(item.sources.map((source) => articleById.get(source.article)?.source ?? source.article));
	return outlets.size > 1 ? `${outlets.size} outlets` : `${item.sources.length} articles`;
}

// Each source as one line: outlet, date, and where it is (url, else file).
export function sourceLine(article: StoredArticle | undefined, id: string): string {
	if (!article) return id;
	return [
		article.source ?? 'no outlet',
		`${article.date}${article.dateAssumed ? ' (assumed)' : ''}`,
		article.url ?? article.path ?? article.title,
	]
		.filter(Boolean)
		.join(' · ');
}
