import nlp from 'compromise';
import type {Paragraph, Sentence} from '../types.js';

// compromise is the one tokenizer, sentence splitter and tagger; everything else reads these shapes.
export type Token = {
	text: string;
	start: number; // offsets in the article body
	end: number;
	tags: ReadonlySet<string>;
	post: string; // punctuation and space after the token
	pre: string;
};

export type TaggedSentence = Sentence & {tokens: Token[]};

type Term = {text: string; pre: string; post: string; tags: string[]; offset: {start: number; length: number}};

// Lines inside a paragraph are separate blocks (captions, list items, "Image: ..." credits) unless
// the text is hard-wrapped: a line that does not end a sentence, followed by a lower-case one.
function blocks(text: string): Array<{start: number; text: string}> {
	const out: Array<{start: number; text: string}> = [];
	let offset = 0;
	for (const line of text.split('\n')) {
		const last = out.at(-1);
		const marker = /^\s*(?:[-*>]|\d+\.)\s+|^\s*#{1,6}\s+/.exec(line)?.[0].length ?? 0;
		if (last && marker === 0 && /^\s*[a-z]/.test(line) && !/[.!?:"”]\s*$/.test(last.text)) {
			last.text += ' ' + line;
		} else {
			out.push({start: offset + marker, text: line.slice(marker)});
		}
		offset += line.length + 1;
	}
	return out.filter((b) => b.text.trim());
}

function tokens(terms: Term[], base: number): Token[] {
	const out: Token[] = [];
	for (const term of terms) {
		const start = base + term.offset.start;
		const previous = out.at(-1);
		// compromise splits "Shin-Wook" and "El-Hassan" in two; names need them whole.
		if (previous && previous.post === '-' && previous.end + 1 === start) {
			previous.text += '-' + term.text;
			previous.end = start + term.offset.length;
			previous.post = term.post;
			previous.tags = new Set([...previous.tags, ...term.tags]);
			continue;
		}
		out.push({text: term.text, start, end: start + term.offset.length, tags: new Set(term.tags), post: term.post, pre: term.pre});
	}
	return out;
}

export function tagSentences(body: string, paragraph: Paragraph): TaggedSentence[] {
	const sentences: TaggedSentence[] = [];
	for (const block of blocks(body.slice(paragraph.start, paragraph.end))) {
		const base = paragraph.start + block.start;
		// The lexicon and suffix rules tag well enough for names, verbs and dates; compromise's
		// post-tagger (pattern sweeps) would cost three times as much for little gain here.
		const doc = nlp.tokenize(block.text);
		doc.compute(['lexicon', 'preTagger']);
		const json = doc.json({offset: true}) as Array<{terms: Term[]}>;
		for (const s of json) {
			const toks = tokens(s.terms, base);
			const first = toks[0];
			const last = toks.at(-1);
			if (!first || !last) continue;
			const start = first.start - first.pre.trimStart().length;
			const end = last.end + last.post.trimEnd().length;
			sentences.push({paragraph: paragraph.index, start, end, text: body.slice(start, end), tokens: toks});
		}
	}
	return sentences;
}
