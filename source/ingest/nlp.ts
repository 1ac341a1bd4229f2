import nlp from 'compromise';
import type {Paragraph, Sentence} from '../types.js';
import {TITLE_ABBREVIATIONS} from './lexicon.js';
import {WORD_TAGS} from './tokens.js';

// compromise is the one tokenizer, sentence splitter and tagger; everything else reads these shapes.
export type Token = {
	readonly text: string;
	readonly start: number; // offsets in the article body
	readonly end: number;
	readonly tags: ReadonlySet<string>;
	readonly post: string; // punctuation and space after the token
	readonly pre: string;
};

export type TaggedSentence = Sentence & {readonly tokens: Token[]};

type Tagged = Sentence & {tokens: TaggedToken[]};

type Term = {text: string; pre: string; post: string; tags: ReadonlySet<string>; offset: {start: number; length: number}};

// Lines inside a paragraph are separate blocks (captions, list items, "Image: ..." credits) unless
// the text is hard-wrapped: a line that does not end a sentence, followed by a lower-case one.
function blocks(text: string): Array<{start: number; text: string}> {
	const out: Array<{start: number; text: string}> = [];
	let offset = 0;
	let previous = '';
	for (const line of text.split('\n')) {
		const last = out.at(-1);
		const marker = /^\s*(?:[-*>]|\d+\.)\s+|^\s*#{1,6}\s+/.exec(line)?.[0].length ?? 0;
		// Only the line before is tested, not the block so far: that would be quadratic in lines.
		if (last && marker === 0 && /^\s*[a-z]/.test(line) && !/[.!?:"”]\s*$/.test(previous)) {
			last.text += ' ' + line;
		} else {
			out.push({start: offset + marker, text: line.slice(marker)});
		}
		previous = line;
		offset += line.length + 1;
	}
	return out.filter((b) => b.text.trim());
}

// compromise's sentence splitter and punctuation rules take time that grows faster than the text
// on long runs of marks without spaces and on long "sentences". It is given pieces of at most this
// many characters, each cut after a sentence's end where there is one, else at a space.
const MAX_PIECE = 2000;
// Four or more of one punctuation mark in a row are no language: the tagger sees one mark and
// spaces, the same length, so that every offset still points into the article. A loop: the regex
// /([^\p{L}\p{N}\s])\1{3,}/u overflows V8's stack on a run of some million marks.
const MARK = /^[^\p{L}\p{N}\s]$/u;
const RUN = 4;

function maskRuns(text: string): string {
	const parts: string[] = [];
	let copied = 0;
	let i = 0;
	while (i < text.length) {
		const mark = String.fromCodePoint(text.codePointAt(i)!);
		let end = i + mark.length;
		if (!MARK.test(mark)) {
			i = end;
			continue;
		}
		let count = 1;
		while (text.startsWith(mark, end)) {
			end += mark.length;
			count++;
		}
		if (count >= RUN) {
			parts.push(text.slice(copied, i), mark, ' '.repeat(end - i - mark.length));
			copied = end;
		}
		i = end;
	}
	if (copied === 0) return text;
	parts.push(text.slice(copied));
	return parts.join('');
}
// The last sentence end in a piece: a mark, closing quotes or brackets, then space.
const SENTENCE_END = /[.!?]["”’)]*\s/g;

function pieces(text: string): Array<{start: number; text: string}> {
	const masked = maskRuns(text);
	const out: Array<{start: number; text: string}> = [];
	let start = 0;
	while (masked.length - start > MAX_PIECE) {
		const window = masked.slice(start, start + MAX_PIECE);
		let cut = 0;
		for (const end of window.matchAll(SENTENCE_END)) cut = end.index + end[0].length;
		if (cut < MAX_PIECE / 2) cut = window.lastIndexOf(' ') + 1 || MAX_PIECE;
		out.push({start, text: masked.slice(start, start + cut)});
		start += cut;
	}
	out.push({start, text: masked.slice(start)});
	return out;
}

// What a token has in common with many others: its text, its tags ("Noun, Singular") and the
// space and marks around it. One object for each combination, shared, rather than a Set and three
// strings for each token, keeps the tokens of a long article in a fraction of the memory. Few
// combinations occur; the bound is for safety, and long words or runs of spaces are not shared.
type Word = {readonly text: string; readonly tags: ReadonlySet<string>; readonly pre: string; readonly post: string};
type Surroundings = {readonly tags: ReadonlySet<string>; readonly words: Map<string, Word>};
const surroundingsSeen = new Map<string, Surroundings>();
const MAX_SHARED = 50_000;
let wordsShared = 0;

function word(text: string, tags: Iterable<string>, pre: string, post: string): Word {
	const list = [...tags];
	if (pre.length + post.length > 16 || text.length > 32) return {text, tags: new Set(list), pre, post};
	if (wordsShared >= MAX_SHARED) {
		surroundingsSeen.clear();
		wordsShared = 0;
	}
	// No text the tagger is given holds a NUL (clean.ts makes controls visible).
	const key = `${list.join(',')}\0${pre}\0${post}`;
	let around = surroundingsSeen.get(key);
	if (!around) surroundingsSeen.set(key, (around = {tags: new Set(list), words: new Map()}));
	let found = around.words.get(text);
	if (!found) {
		around.words.set(text, (found = {text, tags: around.tags, pre, post}));
		wordsShared++;
	}
	return found;
}

class TaggedToken implements Token {
	readonly start: number;
	readonly word: Word;

	constructor(start: number, shared: Word) {
		this.start = start;
		this.word = shared;
	}

	get text(): string {
		return this.word.text;
	}

	get end(): number {
		return this.start + this.word.text.length;
	}

	get tags(): ReadonlySet<string> {
		return this.word.tags;
	}

	get pre(): string {
		return this.word.pre;
	}

	get post(): string {
		return this.word.post;
	}
}

// The tokens of one article. An object for each token of every sentence, held for the whole
// extraction, was most of the memory a long article took. A sentence keeps its tokens as objects
// only among the article's first KEPT tokens, enough for any article of ordinary length; further
// on, each token is kept as its offset and its word, and made again when read. The passes read one
// sentence at a time, with its neighbours: the sentences read last keep the tokens made for them,
// so that within a sentence, and among its neighbours, a token is the same object at every reading.
const KEPT = 50_000;
// A ring of slots rather than a map: a map's replaced tables hold on to the tokens made for it
// until the next full collection, and a long article filled the old generation with them. At most
// so many sentences, and so many tokens among them: tokens held longer than a collection of the
// young generation move to the old one, where they are garbage once let go.
const RECENT = 256;
const RECENT_TOKENS = 8000;
const NONE: Token[] = [];

export class ArticleTokens {
	#starts = new Int32Array(256);
	// Each token's word itself: a long word, or one with long runs of marks around it, is a word of
	// its own, so that a table of the words, to point into, could be as long as this list.
	readonly #words: Word[] = [];
	#kept = 0;
	#packed = 0;
	readonly #recent: Array<PackedSentence | undefined> = Array.from({length: RECENT}, () => undefined);
	readonly #recentTokens: Token[][] = Array.from({length: RECENT}, () => NONE);
	#oldest = 0;
	#held = 0; // slots
	#heldTokens = 0;

	constructor(readonly kept = KEPT) {}

	// Where the tokens begin in the article's list; or, among the first ones, null: they are kept.
	add(tokens: TaggedToken[]): number | null {
		if (this.#packed === 0 && this.#kept + tokens.length <= this.kept) {
			this.#kept += tokens.length;
			return null;
		}
		const first = this.#packed;
		if (first + tokens.length > this.#starts.length) {
			const grown = new Int32Array(Math.max(2 * this.#starts.length, first + tokens.length));
			grown.set(this.#starts);
			this.#starts = grown;
		}
		for (const token of tokens) {
			this.#starts[this.#packed++] = token.start;
			this.#words.push(token.word);
		}
		return first;
	}

	// The slot where the sentence's tokens are, if they are among the recent ones.
	recent(sentence: PackedSentence, slot: number): Token[] | undefined {
		return this.#recent[slot] === sentence ? this.#recentTokens[slot] : undefined;
	}

	// The sentence's tokens made again, and the slot they are kept in.
	make(sentence: PackedSentence, first: number, count: number): {tokens: Token[]; slot: number} {
		const tokens: Token[] = [];
		for (let i = first; i < first + count; i++) tokens.push(new TaggedToken(this.#starts[i]!, this.#words[i]!));
		while (this.#held > 0 && (this.#held === RECENT || this.#heldTokens + count > RECENT_TOKENS)) {
			this.#heldTokens -= this.#recentTokens[this.#oldest]!.length;
			this.#recent[this.#oldest] = undefined;
			this.#recentTokens[this.#oldest] = NONE;
			this.#oldest = (this.#oldest + 1) % RECENT;
			this.#held--;
		}
		const slot = (this.#oldest + this.#held) % RECENT;
		this.#recent[slot] = sentence;
		this.#recentTokens[slot] = tokens;
		this.#held++;
		this.#heldTokens += count;
		return {tokens, slot};
	}
}

class PackedSentence implements TaggedSentence {
	readonly paragraph: number;
	readonly start: number;
	readonly end: number;
	readonly text: string;
	readonly #kept: Token[] | null;
	readonly #first: number;
	readonly #count: number;
	readonly #article: ArticleTokens;
	#slot = -1;

	constructor({paragraph, start, end, text, tokens}: Sentence & {tokens: TaggedToken[]}, article: ArticleTokens) {
		this.paragraph = paragraph;
		this.start = start;
		this.end = end;
		this.text = text;
		const first = article.add(tokens);
		this.#kept = first === null ? tokens : null;
		this.#first = first ?? 0;
		this.#count = tokens.length;
		this.#article = article;
	}

	get tokens(): Token[] {
		if (this.#kept) return this.#kept;
		const recent = this.#slot >= 0 ? this.#article.recent(this, this.#slot) : undefined;
		if (recent) return recent;
		const {tokens, slot} = this.#article.make(this, this.#first, this.#count);
		this.#slot = slot;
		return tokens;
	}
}

function tokens(terms: Term[], base: number): TaggedToken[] {
	const out: TaggedToken[] = [];
	for (const term of terms) {
		const start = base + term.offset.start;
		const previous = out.at(-1);
		// compromise splits "Shin-Wook" and "El-Hassan" in two; names need them whole.
		if (previous && previous.post === '-' && previous.end + 1 === start) {
			const tags = new Set([...previous.tags, ...term.tags]);
			out[out.length - 1] = new TaggedToken(previous.start, word(`${previous.text}-${term.text}`, tags, previous.pre, term.post));
			continue;
		}
		out.push(new TaggedToken(start, word(term.text, term.tags, term.pre, term.post)));
	}
	return out;
}

// A full stop after an abbreviated title before a name, or after "No." before a number, ends no
// sentence, though compromise ends one there when a quotation mark opens the title ("“Mr. Holm")
// or the title is not in its list ("Del."), and a piece may be cut there. The next sentence must
// open with a name, not a word that could start a sentence ("… Lisbon, Del. The …"), and the two
// together no longer than a piece, so that no shape of text makes a sentence grow without bound.
function continues(sentence: Tagged, next: Tagged): boolean {
	const last = sentence.tokens.at(-1)!;
	const first = next.tokens[0]!;
	if (last.post.trim() !== '.' || first.pre.trim() || next.end - sentence.start > MAX_PIECE) return false;
	if (/^Nos?$/.test(last.text)) return /^\d/.test(first.text);
	return (
		/^\p{Lu}/u.test(last.text) &&
		TITLE_ABBREVIATIONS.has(last.text.toLowerCase()) &&
		/^\p{Lu}/u.test(first.text) &&
		!WORD_TAGS.some((tag) => first.tags.has(tag))
	);
}

// A sentence is handed to the article's tokens as soon as the next one shows that it is whole: a
// long paragraph's tokens are not all held at once.
function tagBlock(body: string, paragraph: Paragraph, block: {start: number; text: string}, article: ArticleTokens): TaggedSentence[] {
	const sentences: TaggedSentence[] = [];
	let previous: Tagged | undefined;
	for (const piece of pieces(block.text)) {
		const base = paragraph.start + block.start + piece.start;
		// The lexicon and suffix rules tag well enough for names, verbs and dates; compromise's
		// post-tagger (pattern sweeps) would cost three times as much for little gain here.
		const doc = nlp.tokenize(piece.text);
		// Its own terms, read in place: doc.json() would copy each of them and its tags first. (Their
		// types do not show the offset that compute('offset') gives them.)
		doc.compute(['lexicon', 'preTagger', 'offset']);
		for (const terms of doc.docs as unknown as Term[][]) {
			const toks = tokens(terms, base);
			const first = toks[0];
			const last = toks.at(-1);
			if (!first || !last) continue;
			const start = first.start - first.pre.trimStart().length;
			const end = last.end + last.post.trimEnd().length;
			const sentence = {paragraph: paragraph.index, start, end, text: body.slice(start, end), tokens: toks};
			if (previous && continues(previous, sentence)) {
				previous.tokens.push(...toks);
				previous.end = end;
				previous.text = body.slice(previous.start, end);
			} else {
				if (previous) sentences.push(new PackedSentence(previous, article));
				previous = sentence;
			}
		}
	}
	if (previous) sentences.push(new PackedSentence(previous, article));
	return sentences;
}

export function tagSentences(body: string, paragraph: Paragraph, article = new ArticleTokens()): TaggedSentence[] {
	return blocks(body.slice(paragraph.start, paragraph.end)).flatMap((block) => tagBlock(body, paragraph, block, article));
}
