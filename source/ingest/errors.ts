// A problem with an article's content. The message names the problem only; the CLI prefixes the file.
export class ArticleError extends Error {
	override name = 'ArticleError';
}
