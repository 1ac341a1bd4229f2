import type {Paragraph, Span} from '../types.js';
import type {Mention} from './actors.js';
import {ROLE_WORDS} from './lexicon.js';
import type {TaggedSentence} from './nlp.js';
import {spanAfter, startingFrom, within} from './normalize.js';
import {speechVerbs, type SpeechVerb} from './speech.js';
import {canBeSubject} from './subjects.js';

export type QuoteSpan = Span & {
	text: string;
	block: boolean; // a "> " block quotation, printed without quotation marks
	continued: boolean; // opens a paragraph that carries on a quotation from the previous one
	open: boolean; // runs to the end of its paragraph without a closing mark
};

const OPEN = new Set(['“', '«', '„']);
const CLOSE = new Set(['”', '»']);

const WORDY = /[\p{L}\p{N}]/u;

// The text of the last quotations found, as much as a pull quote is looked for in: it repeats one
// from the page around it. All of them would make the search grow with the square of the article
// for an article of many block quotations.
const RECENT_CHARS = 16_000;

class RecentText {
	readonly #texts: string[] = [];
	#length = 0;
	#seen = 0;

	// The spans found since the last call.
	add(spans: readonly QuoteSpan[]): void {
		for (; this.#seen < spans.length; this.#seen++) {
			const text = spans[this.#seen]!.text.slice(0, RECENT_CHARS);
			this.#texts.push(text);
			this.#length += text.length;
		}
		while (this.#length > RECENT_CHARS) this.#length -= this.#texts.shift()!.length;
	}

	includes(text: string): boolean {
		return this.#texts.some((recent) => recent.includes(text));
	}
}

// Every double-quoted stretch of each paragraph, including quotations that run over paragraphs.
export function findQuoteSpans(body: string, paragraphs: Paragraph[]): QuoteSpan[] {
	const spans: QuoteSpan[] = [];
	const recent = new RecentText();
	let carrying = false;
	for (const p of paragraphs) {
		if (p.heading) continue;
		recent.add(spans);
		const text = body.slice(p.start, p.end);
		const block = /^>\s*/.exec(text);
		if (block) {
			const inner = text.slice(block[0].length).replace(/\n>\s*/g, ' ');
			// Pull quotes repeat a quotation already in the text; only a new one is a quote.
			if (!recent.includes(inner.trim().slice(0, 60))) {
				spans.push({
					paragraph: p.index,
					start: p.start + block[0].length,
					end: p.end,
					text: inner,
					continued: false,
					open: false,
					block: true,
				});
			}
			continue;
		}
		let openAt = -1;
		let continued = false;
		// Curly marks inside a quotation opened by a straight one quote within it: '"… “Shark Tank” …"'.
		let straight = false;
		let nested = false;
		for (let i = 0; i < text.length; i++) {
			const ch = text[i]!;
			if (ch !== '"' && !OPEN.has(ch) && !CLOSE.has(ch)) continue;
			if (openAt < 0) {
				if (CLOSE.has(ch)) continue; // a stray closing mark opens nothing
				openAt = i + 1;
				straight = ch === '"';
				nested = false;
				continued = carrying && spans.length > 0 && text.slice(0, i).trim() === '';
			} else if (straight && ch === '“') {
				nested = true;
			} else if (nested && ch === '”') {
				nested = false;
			} else if (!OPEN.has(ch)) {
				const quoted = text.slice(openAt, i);
				// Marks with nothing between them ('""', '" , "') quote nothing.
				if (WORDY.test(quoted))
					spans.push({paragraph: p.index, start: p.start + openAt, end: p.start + i, text: quoted, continued, open: false, block: false});
				openAt = -1;
			}
		}
		carrying = false;
		if (openAt >= 0) {
			spans.push({paragraph: p.index, start: p.start + openAt, end: p.end, text: text.slice(openAt), continued, open: true, block: false});
			carrying = true;
		}
	}
	spans.push(...singleQuoted(body, paragraphs, spans));
	spans.sort((a, b) => a.start - b.start);
	return spans.map((s) => ({...s, text: s.text.trim().replace(/[,;]$/, '')}));
}

// 'Single-quoted' speech outside double quotes, as some outlets print it. An opening mark follows a
// space and a closing one precedes a space or punctuation, so apostrophes ("Sweden's", "players'
// union") are not taken for quotation marks.
const SINGLE = /(?<=^|[\s(—–-])[‘'](?=\S)([^‘’'"“”\n]*?[^\s‘’'s])[’'](?=[\s,.;:!?)—–-]|$)/gu;

function singleQuoted(body: string, paragraphs: Paragraph[], doubles: QuoteSpan[]): QuoteSpan[] {
	const out: QuoteSpan[] = [];
	for (const p of paragraphs) {
		if (p.heading) continue;
		for (const m of body.slice(p.start, p.end).matchAll(SINGLE)) {
			const start = p.start + m.index + 1;
			const end = start + m[1]!.length;
			// The double quotations are in text order, apart from each other: the first that ends after
			// the start is the only one that can overlap.
			const next = doubles[spanAfter(doubles, start)];
			if ((next !== undefined && next.start < end) || words(m[1]!).length < 3) continue;
			out.push({paragraph: p.index, start, end, text: m[1]!, continued: false, open: false, block: false});
		}
	}
	return out;
}

const words = (s: string) => s.split(/\s+/).filter((w) => /\p{L}/u.test(w));
const isTitle = (s: string) => words(s).every((w) => /^[\p{Lu}\d]/u.test(w) || /^(of|the|a|an|and|in|on|for|to|at)$/.test(w));

const PRONOUN = /\b(he|she)\s*$/i;
const PRONOUN_AFTER = /^\s*(?:,\s*)?(?:\p{Ll}+\s+)?(?:he|she)\b/iu;

export type Attribution = {quote: QuoteSpan; speaker: string | null; sentence: number};

type Context = {
	body: string;
	sentences: TaggedSentence[];
	mentions: Mention[];
	spans: QuoteSpan[];
	kindOf: (actor: string) => string;
	lastPersonUpTo: Array<string | null>; // lastPersons
	verbs: WeakMap<TaggedSentence, SpeechVerb[]>; // verbsOf
	firstOfParagraph: Map<number, number>; // a paragraph's first sentence's index
	// The person the last attributed quotation is given to, and its paragraph.
	lastSpeaker?: {actor: string; paragraph: number};
};

// The text of a sentence with its quotations blanked out, so only the narrator's words are searched.
function narration(ctx: Context, sentence: TaggedSentence): string {
	let text = sentence.text;
	// Only the quotations that overlap the sentence: each search costs the sentence, not the article.
	for (let i = spanAfter(ctx.spans, sentence.start); i < ctx.spans.length && ctx.spans[i]!.start < sentence.end; i++) {
		const q = ctx.spans[i]!;
		const from = Math.max(q.start, sentence.start) - sentence.start;
		const to = Math.min(q.end, sentence.end) - sentence.start;
		if (from < to) text = text.slice(0, from) + ' '.repeat(to - from) + text.slice(to);
	}
	return text;
}

// A sentence's verbs of saying outside quotations, found once however many quotations it holds.
function verbsOf(ctx: Context, sentence: TaggedSentence): SpeechVerb[] {
	let verbs = ctx.verbs.get(sentence);
	if (!verbs) {
		verbs = speechVerbs(sentence.tokens, (offset) => within(ctx.spans, offset));
		ctx.verbs.set(sentence, verbs);
	}
	return verbs;
}

// The mentions from `from` to the end of `sentence`, outside quotations.
function mentionsIn(ctx: Context, from: number, sentence: TaggedSentence): Mention[] {
	const out: Mention[] = [];
	for (let i = startingFrom(ctx.mentions, from); i < ctx.mentions.length && ctx.mentions[i]!.start < sentence.end; i++) {
		const m = ctx.mentions[i]!;
		if (m.end <= sentence.end && outsideQuotes(ctx, m)) out.push(m);
	}
	return out;
}

const outsideQuotes = (ctx: Context, m: Mention) => !within(ctx.spans, m.start);

// "he said": the subject of its own sentence when a person named before the pronoun is ("Holm says
// she admires Okafor's courage in what she calls …"), else the person who spoke last in this
// paragraph, else the most recent person named.
function pronounSpeaker(ctx: Context, offset: number, sentence?: TaggedSentence): string | null {
	const subject = sentence && mentionsIn(ctx, sentence.start, sentence).find((m) => m.end <= offset && ctx.kindOf(m.actor) === 'person');
	if (subject && sentence && canBeSubject(sentence, subject, -1)) return subject.actor;
	const last = ctx.lastSpeaker;
	const paragraph = ctx.sentences[sentenceAt(ctx, offset)]?.paragraph ?? Infinity;
	if (last && paragraph === last.paragraph) return last.actor;
	return lastPersonBefore(ctx, offset);
}

function lastPersonBefore(ctx: Context, offset: number): string | null {
	const i = startingFrom(ctx.mentions, offset) - 1;
	return i >= 0 ? ctx.lastPersonUpTo[i]! : null;
}

// For each mention, the person named last outside quotations up to it: every "he said" is then
// answered at once, however long the article.
function lastPersons(mentions: readonly Mention[], spans: readonly QuoteSpan[], kindOf: (actor: string) => string): Array<string | null> {
	let last: string | null = null;
	return mentions.map((m) => {
		if (kindOf(m.actor) === 'person' && !within(spans, m.start)) last = m.actor;
		return last;
	});
}

// Between a name and its verb, what does not end the clause: brackets, party designations
// ("(D-Wis.)", ", R-Ky.,") and abbreviations' full stops.
const aside = (text: string) =>
	text
		.replace(/\([^()]*\)/g, ' ')
		.replace(/\b[DRI]-\p{Lu}[\p{L}.]*/gu, ' ')
		.replace(/\b\p{Lu}\p{Ll}{0,3}\./gu, ' ');

// The sentence's first possible subject speaks when the verb is tied to it across what stands
// between: an appositive ("Ana Ruiz, an adviser to the Holm campaign, said"), a participle after a
// comma ("Ana Ruiz called for calm, saying …") or a second verb ("Ana Ruiz praised Tom Reyes and
// added …").
function mainSubject(ctx: Context, before: Mention[], verb: SpeechVerb, sentence: TaggedSentence): Mention | undefined {
	// "Ana Ruiz's spokesman Tom Reyes": the name after the possessive heads the noun phrase.
	const [first, second] = before;
	// The mention may end before or after the "'s".
	const possessive = first !== undefined && /['’]s/.test(ctx.body.slice(first.end - 2, first.end + 2));
	const owner = possessive && second !== undefined && !/[,;]/.test(ctx.body.slice(first.end, second.start));
	const main = owner ? second : first;
	if (!main || main === before.at(-1)) return undefined;
	const gap = aside(ctx.body.slice(main.end, verb.start));
	const appositive = /^\s*,/.test(gap) && /,\s*$/.test(gap);
	const token = sentence.tokens.find((t) => t.start === verb.start);
	const participle = token !== undefined && token.tags.has('Gerund') && /,\s*$/.test(gap);
	const coordinated = /\b(?:and|but|then)\s+(?:\p{Ll}+ly\s+)?$/u.test(gap);
	return appositive || participle || coordinated ? main : undefined;
}

// The speaker named in one sentence of narration: "X said", "said X", "according to X",
// "X wrote on Telegram"; "he said" is the most recent person. People win over organisations
// standing between the speaker and the verb ("Gomez, Panama coach, said"), and names that cannot
// be the verb's subject (subjects.ts) are passed over.
function speakerIn(ctx: Context, sentence: TaggedSentence, near: number): string | null {
	const text = narration(ctx, sentence);
	const all = verbsOf(ctx, sentence);
	// A verb of saying is the better guide than a phrase that attributes without one.
	const verbs = all.some((v) => v.kind === 'verb') ? all.filter((v) => v.kind === 'verb') : all;
	if (verbs.length === 0) return null;
	// Inside a sentence a quotation is reported by a verb before it ("Holm said in the letter that
	// the plan "fails" the city"); one that opens its sentence, by the nearest verb.
	const opens = ctx.body.slice(sentence.start, near).replace(/["“]/g, '').trim() === '';
	const earlier = opens ? [] : verbs.filter((v) => v.end <= near);
	const verb = (earlier.length > 0 ? earlier : verbs).reduce((best, v) =>
		Math.abs(v.start - near) < Math.abs(best.start - near) ? v : best,
	);
	const verbStart = verb.start;
	const verbEnd = verb.end;
	const verbIndex = verbStart - sentence.start;
	const here = mentionsIn(ctx, sentence.start, sentence);
	if (verb.kind === 'source') {
		const after = here.find((m) => m.start >= verbEnd);
		if (after) return after.actor;
	}
	const before = here.filter(
		(m) => m.end <= verbStart && !/[.;]/.test(aside(ctx.body.slice(m.end, verbStart))) && canBeSubject(sentence, m, verbStart),
	);
	const people = before.filter((m) => ctx.kindOf(m.actor) === 'person');
	const choice = mainSubject(ctx, before, verb, sentence) ?? (people.length > 0 ? people : before).at(-1);
	const between = choice ? ctx.body.slice(choice.end, verbStart) : '';
	if (PRONOUN.test(text.slice(0, verbIndex)) && (!choice || /\b(he|she)\b/i.test(between))) return pronounSpeaker(ctx, verbStart, sentence);
	// "He warned that … and said …": a pronoun subject at the start of the sentence.
	if (!choice && /^\W*(he|she)\b/i.test(text)) return pronounSpeaker(ctx, sentence.start);
	// Not a name before the quotation when the verb comes after it: "Ana "was late," Tom said".
	if (choice && !(near > choice.end && near < verbStart)) return choice.actor;
	const after = here.find((m) => m.start >= verbEnd && m.start - verbEnd < 40 && canBeSubject(sentence, m, verbStart));
	if (after) return after.actor;
	if (PRONOUN_AFTER.test(text.slice(verbEnd - sentence.start))) return pronounSpeaker(ctx, verbStart, sentence);
	return null;
}

// The first actor a sentence names outside quotations: "the Church denied these allegations:".
function subjectOf(ctx: Context, sentence: TaggedSentence): string | null {
	const text = narration(ctx, sentence);
	const clause = text.lastIndexOf(',', text.search(/\s\p{Ll}+(?:ed|s)\b/u));
	const from = sentence.start + Math.max(0, clause);
	return mentionsIn(ctx, from, sentence)[0]?.actor ?? null;
}

const sentenceAt = (ctx: Context, offset: number) => {
	const i = spanAfter(ctx.sentences, offset);
	return i < ctx.sentences.length ? i : -1;
};

// "“Well,” she said, “…”": the first part of a quotation split by its verb of saying, however short.
function splitBy(ctx: Context, q: QuoteSpan, sentence: TaggedSentence | undefined): boolean {
	const next = ctx.spans[startingFrom(ctx.spans, q.end)];
	if (!sentence || !next || next.start >= sentence.end || next.start - q.end > 60) return false;
	return verbsOf(ctx, sentence).some((v) => v.kind === 'verb' && v.start > q.end && v.end < next.start);
}

// A quote is worth a card when it is speech: two words or more, not a title in quotation marks, and
// short quotes (scare quotes) only next to a verb of saying.
function isSpeech(ctx: Context, q: QuoteSpan, sentence: TaggedSentence | undefined): boolean {
	const n = words(q.text).length;
	const partial = sentence !== undefined && !q.continued && ctx.body.slice(sentence.start, q.start).replace(/["“]/g, '').trim() !== '';
	if (n === 1 && !partial) return splitBy(ctx, q, sentence);
	if (n === 0 || (n <= 8 && isTitle(q.text))) return false;
	if (!partial || n > 4) return true;
	const verbs = verbsOf(ctx, sentence);
	// One quoted word is someone's word when it is reported ("said the plan was "reckless"") or
	// calls a person names ("called her rival "reckless""), a quoted term when it labels a thing
	// ("called the plan "reckless"").
	if (n > 1) return verbs.length > 0;
	const nearest = verbs.filter((v) => v.kind === 'verb' && v.end <= q.start).at(-1);
	return verbs.some((v) => v.kind === 'verb' && !v.labels) || (nearest?.labels === true && namesPerson(ctx, nearest, q));
}

const PEOPLE = /\b(?:him|her|them|me|us|you|himself|herself|themselves|people|men|women|supporters|voters|critics|opponents|rivals?)\b/i;

// Whether what a labelling verb labels, between it and the quoted word, is a person or people.
function namesPerson(ctx: Context, verb: SpeechVerb, q: QuoteSpan): boolean {
	if (q.start - verb.end > 120) return false;
	const between = ctx.body.slice(verb.end, q.start);
	if (PEOPLE.test(between) || between.split(/[^\p{L}-]+/u).some((w) => ROLE_WORDS.has(w.toLowerCase()))) return true;
	for (let i = startingFrom(ctx.mentions, verb.end); i < ctx.mentions.length && ctx.mentions[i]!.start < q.start; i++)
		if (ctx.kindOf(ctx.mentions[i]!.actor) === 'person') return true;
	return false;
}

// A dash byline: a quotation followed by a dash and the speaker's name, alone at the end of its
// line: "“We will rebuild.” ― Tom Ferris".
const DASH = /^["”’']?[\s,.]*(?:[—―–]|--)[^\S\n]*/;

function byline(ctx: Context, q: QuoteSpan): string | null {
	const dash = DASH.exec(ctx.body.slice(q.end, q.end + 12));
	if (!dash) return null;
	const at = q.end + dash[0].length;
	const m = ctx.mentions[startingFrom(ctx.mentions, at)];
	if (m?.start !== at) return null;
	return /^[.,]?[^\S\n]*(?:\n|$)/.test(ctx.body.slice(m.end, m.end + 4)) ? m.actor : null;
}

// A transcript's speaker label: "“HOLLAND: Will the bridge open?" is Holland's (candidates.ts).
function transcriptSpeaker(ctx: Context, q: QuoteSpan): string | null {
	const m = ctx.mentions[startingFrom(ctx.mentions, q.start)];
	if (!m || ctx.body.slice(q.start, m.start).trim() !== '' || ctx.body[m.end] !== ':') return null;
	return /^\p{Lu}[\p{Lu}'’-]+$/u.test(m.text) ? m.actor : null;
}

export function attributeQuotes(
	ctx: Omit<Context, 'spans' | 'lastPersonUpTo' | 'firstOfParagraph' | 'verbs'>,
	spans: QuoteSpan[],
): Attribution[] {
	const firstOfParagraph = new Map<number, number>();
	ctx.sentences.forEach((s, i) => {
		if (!firstOfParagraph.has(s.paragraph)) firstOfParagraph.set(s.paragraph, i);
	});
	const full: Context = {
		...ctx,
		spans,
		lastPersonUpTo: lastPersons(ctx.mentions, spans, ctx.kindOf),
		firstOfParagraph,
		verbs: new WeakMap(),
	};
	// Where the first word after `from` starts, past spaces and opening quotation marks; kept for
	// each paragraph's start, which every quotation of a long paragraph asks about.
	const starts = new Map<number, number>();
	const wordsStart = (from: number) => {
		let at = starts.get(from);
		if (at === undefined) {
			at = from;
			while (at < ctx.body.length && /[\s"“]/.test(ctx.body[at]!)) at++;
			starts.set(from, at);
		}
		return at;
	};
	const out: Attribution[] = [];
	let previous: Attribution | undefined;
	for (const q of spans) {
		const index = sentenceAt(full, q.start);
		const sentence = full.sentences[index];
		if (!isSpeech(full, q, sentence)) continue;
		let speaker = transcriptSpeaker(full, q) ?? byline(full, q);
		const endIndex = sentenceAt(full, Math.max(q.start, q.end - 1));
		for (const i of new Set([index, endIndex])) {
			const s = full.sentences[i];
			if (s && speaker === null) speaker = speakerIn(full, s, i === index ? q.start : q.end);
		}
		// A quotation introduced by the paragraph before: "Obama tweeted:" then the quote.
		const firstIndex = full.firstOfParagraph.get(q.paragraph) ?? -1;
		const first = full.sentences[firstIndex];
		const before = full.sentences[firstIndex - 1];
		const introduced = before && sentence === first && /:\s*$/.test(before.text);
		if (speaker === null && introduced) speaker = speakerIn(full, before, before.end) ?? subjectOf(full, before);
		// Or by the sentence before it in its paragraph: "X issued a statement. "..."".
		const lead = full.sentences[index - 1];
		const opensSentence = sentence !== undefined && full.body.slice(sentence.start, q.start).replace(/["“]/g, '').trim() === '';
		if (
			speaker === null &&
			opensSentence &&
			lead &&
			lead.paragraph === q.paragraph &&
			!((spans[startingFrom(spans, lead.start)]?.start ?? Infinity) < lead.end)
		) {
			speaker = speakerIn(full, lead, lead.end);
		}
		// A block quotation stands after the words of the one it quotes.
		if (speaker === null && q.block && before) speaker = lastPersonBefore(full, q.start);
		// A paragraph that is only a quotation goes on with the speaker of the quotation just before.
		const quoteOnly = first !== undefined && wordsStart(first.start) >= q.start;
		const nearby =
			previous && (previous.quote.paragraph === q.paragraph || q.continued || (quoteOnly && q.paragraph - previous.quote.paragraph <= 2));
		if (speaker === null && nearby) speaker = previous!.speaker;
		if (speaker !== null && full.kindOf(speaker) === 'person') full.lastSpeaker = {actor: speaker, paragraph: q.paragraph};
		previous = {quote: q, speaker, sentence: index};
		out.push(previous);
	}
	return out;
}
