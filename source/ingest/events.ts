import type {ExtractedEvent, ResolvedDate, Span} from '../types.js';
import type {Mention} from './actors.js';
import {isFutureTense, resolveSentenceDate} from './dates.js';
import {SPEECH_VERBS} from './lexicon.js';
import type {TaggedSentence} from './nlp.js';
import {within} from './normalize.js';
import {Antecedents} from './references.js';

export type EventContext = {
	sentences: TaggedSentence[];
	quotes: Span[]; // quoted words say nothing of the narrator's tense
	mentions: Mention[];
	articleDate: string;
	kindOf: (actor: string) => string;
};

type Tense = 'future' | 'past' | 'present';

// Good enough to tell whether two sentences belong to one account: "announced" then "says" do not.
function tenseOf(sentence: TaggedSentence, quotes: Span[]): Tense {
	const narrated = sentence.tokens.filter((t) => !within(quotes, t.start));
	const tokens = narrated.some((t) => t.tags.has('Verb')) ? narrated : sentence.tokens;
	if (isFutureTense(tokens.map((t) => t.text).join(' '))) return 'future';
	const verb = tokens.find((t) => t.tags.has('PastTense') || t.tags.has('PresentTense'));
	// Only a marked present ("says", "is", "are") counts: "cut" or "put" may be either.
	const marked = verb && verb.tags.has('PresentTense') && !verb.tags.has('PastTense') && /(?:s|^am|^are)$/i.test(verb.text);
	return marked ? 'present' : 'past';
}

// An action in the past tense, not a state ("was prominent") and not a statement ("said"): the kind
// of sentence that recounts what the lead sentence dated.
function isPastAction(sentence: TaggedSentence): boolean {
	const verb = sentence.tokens.find((t) => t.tags.has('Verb') && !t.tags.has('Auxiliary'));
	return verb !== undefined && verb.tags.has('PastTense') && !verb.tags.has('Copula') && !SPEECH_VERBS.test(sentence.text);
}

// "… learned a lot from today's game": a date in the quoted words is the speaker's, not the account's.
function quoted(date: ResolvedDate, sentence: TaggedSentence, quotes: Span[]): boolean {
	const at = date.text ? sentence.text.indexOf(date.text) : -1;
	return at >= 0 && within(quotes, sentence.start + at);
}

// One event per sentence that reports something: it has a verb. Its actors are those it names,
// plus those its pronouns and descriptions stand for (references.ts). A sentence without a date of its own continues
// the dated account of its paragraph when both are past (or both future) — the present tense speaks
// of the time of writing; failing that, a past action belongs to
// the day the article's lead sentence gives ("Yesterday, Sweden defeated ..."), as news is written
// lead first, until a later past sentence names another day ("today, they fell again"); anything
// else happened on the article date.
export function findEvents(ctx: EventContext): Array<ExtractedEvent & {sentence: number}> {
	const events: Array<ExtractedEvent & {sentence: number}> = [];
	let account: {paragraph: number; date: ResolvedDate; tense: Tense} | undefined;
	const antecedents = new Antecedents(ctx.kindOf);
	let lead: ResolvedDate | undefined;
	let m = 0;
	ctx.sentences.forEach((sentence, index) => {
		const actors: string[] = [];
		const here: Mention[] = [];
		while (m < ctx.mentions.length && ctx.mentions[m]!.start < sentence.end) {
			const mention = ctx.mentions[m++]!;
			if (mention.start >= sentence.start) here.push(mention);
		}
		actors.push(...antecedents.read(sentence.tokens, here, ctx.quotes));
		for (const mention of here) if (!actors.includes(mention.actor)) actors.push(mention.actor);

		const tense = tenseOf(sentence, ctx.quotes);
		const own = resolveSentenceDate(sentence.text, ctx.articleDate, tense === 'future');
		let date: ResolvedDate;
		if (index === 0 && own?.precision === 'day' && own.date < ctx.articleDate && tense === 'past') lead = own;
		else if (lead && own?.precision === 'day' && own.date <= ctx.articleDate && tense === 'past' && !quoted(own, sentence, ctx.quotes))
			lead = own;
		if (own) {
			date = own;
			account = {paragraph: sentence.paragraph, date: own, tense};
		} else if (account && account.paragraph === sentence.paragraph && account.tense === tense && tense !== 'present') {
			date = {...account.date, source: 'context'};
		} else if (lead && isPastAction(sentence)) {
			date = {...lead, source: 'context'};
		} else {
			date = {date: ctx.articleDate, precision: 'day', text: null, source: 'article'};
		}
		if (account && account.paragraph !== sentence.paragraph) account = undefined;
		// Captions and credits ("Image: NASA.") report nothing; compromise misses some verbs, so a
		// sentence of several words counts too.
		if (!sentence.tokens.some((t) => t.tags.has('Verb')) && sentence.tokens.length < 4) return;
		events.push({
			paragraph: sentence.paragraph,
			start: sentence.start,
			end: sentence.end,
			text: sentence.text,
			actors,
			date,
			sentence: index,
		});
	});
	return events;
}
