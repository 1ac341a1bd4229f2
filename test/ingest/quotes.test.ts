import {describe, expect, it} from 'vitest';
import {extract} from '../../source/ingest/index.js';

// Sentences written for these tests; none comes from the evaluation sets.
function speakers(body: string) {
	const result = extract(`date 2023-05-10 ${body}`, {fallbackDate: '2000-01-01'});
	const name = (key: string | null) => result.actors.find((a) => a.key === key)?.name ?? null;
	return result.quotes.map((q) => [q.text, name(q.speaker)]);
}

describe('speakers of quotes', () => {
	it('knows every inflection of the verbs of saying, and past forms the tagger reads as adjectives', () => {
		expect(speakers('Mayor Ivo Stern posted a photo, tweeting, "The bridge is open again."')).toEqual([
			['The bridge is open again.', 'Ivo Stern'],
		]);
		expect(speakers('The Harbour Gazette noted that the ferry had become a "floating museum for tourists".')).toEqual([
			['floating museum for tourists', 'Harbour Gazette'],
		]);
		expect(speakers('Councillor Ruth Kane branded the budget "a gift to developers".')).toEqual([['a gift to developers', 'Ruth Kane']]);
	});

	it('gives a quotation to a speaker whose name has an Arabic particle, not to the one quoted before', () => {
		expect(
			speakers(
				'"The road stays shut," said Hamid bin Rashed, an aide to the governor. "We expect a deal," said Tarek al-Wazzan, a spokesman for the council.',
			),
		).toEqual([
			['The road stays shut', 'Hamid bin Rashed'],
			['We expect a deal', 'Tarek al-Wazzan'],
		]);
	});

	it('passes over names that qualify a noun or are the object of a verb or a preposition', () => {
		expect(speakers('Lena Ortiz, a senior Greenfield Party strategist, said, "We need more volunteers."')).toEqual([
			['We need more volunteers.', 'Lena Ortiz'],
		]);
		expect(speakers('Omar Haddad praised the raid that caught Viktor Sorel and said it was "a fine day for justice".')).toEqual([
			['a fine day for justice', 'Omar Haddad'],
		]);
		expect(speakers('"We will win the county," said Harbour Radio host Dana Price.')).toEqual([['We will win the county', 'Dana Price']]);
	});

	it('reads through a party designation between a name and its verb', () => {
		expect(speakers('"The vote is a sham," Rep. Alma Ruiz (D-Ore.) said on Monday.')).toEqual([['The vote is a sham', 'Alma Ruiz']]);
		expect(speakers('"We have the votes," Senator Carl Weber, R-Mont., said.')).toEqual([['We have the votes', 'Carl Weber']]);
	});

	it('takes the name after a dash at the end of a quotation’s line as its speaker', () => {
		expect(speakers('“The river is rising faster than last year.” ― Tomas Berg\n“We need sandbags now.” — Alma Ruiz.')).toEqual([
			['The river is rising faster than last year.', 'Tomas Berg'],
			['We need sandbags now.', 'Alma Ruiz'],
		]);
	});

	it('reads a name before a noun as its modifier, even when the tagger takes the noun for a verb', () => {
		expect(speakers('“The road stays shut,” Dunmore police Chief Ada Kerr said.')).toEqual([['The road stays shut', 'Ada Kerr']]);
		expect(speakers('“We expect a long night,” Holm campaign spokesman Peter Vance said.')).toEqual([
			['We expect a long night', 'Peter Vance'],
		]);
	});

	it('does not read the words of a quotation as governing the name after it', () => {
		expect(speakers('“How long must the town wait for a bridge?” Ana Ruiz said.')).toEqual([
			['How long must the town wait for a bridge?', 'Ana Ruiz'],
		]);
	});

	it('names speakers without their titles, parties and states', () => {
		expect(speakers('“The budget is late,” said Assembly Speaker Nora Field.')).toEqual([['The budget is late', 'Nora Field']]);
		expect(speakers('Republican Walter Crane said the bill was “a disaster for farmers”.')).toEqual([
			['a disaster for farmers', 'Walter Crane'],
		]);
		expect(speakers('“We will not yield,” said Senator Ada Holm of Vermont.')).toEqual([['We will not yield', 'Ada Holm']]);
	});

	it('keeps one quoted word that is reported, not one that labels', () => {
		expect(speakers('Mayor Ivo Stern said the new tax was “unfair”.')).toEqual([['unfair', 'Ivo Stern']]);
		expect(speakers('Mayor Ivo Stern called the new tax “unfair”.')).toEqual([]);
	});

	it('keeps one quoted word that a labelling verb gives a person or people as a name', () => {
		expect(speakers('Mayor Ivo Stern called his rival Paul Okafor “spineless”.')).toEqual([['spineless', 'Ivo Stern']]);
		expect(speakers('Senator Ada Holm described the governor as a “coward” and called the new tax “unfair”.')).toEqual([
			['coward', 'Ada Holm'],
		]);
		expect(speakers('Ada Holm branded them “cowards”.')).toEqual([['cowards', 'Ada Holm']]);
	});

	it('gives "he said" to the last speaker of the paragraph rather than the last name in it', () => {
		expect(
			speakers('“The talks went well,” Governor Tom Reyes said after meeting Mayor Paul Okafor. He added, “We will meet again in June.”'),
		).toEqual([
			['The talks went well', 'Tom Reyes'],
			['We will meet again in June.', 'Tom Reyes'],
		]);
	});

	it('does not start a name with a verb opening the sentence, and reads a title after a first name as a surname', () => {
		const names = extract('date 2023-05-10 Quoting Rosa Vidal, the mayor said the plan was wasteful.', {fallbackDate: '2000-01-01'}).actors;
		expect(names.map((a) => a.name)).toEqual(['Rosa Vidal']);
		expect(speakers('“The mine will close,” said Martin King, a union organiser.')).toEqual([['The mine will close', 'Martin King']]);
	});

	it('gives a verb tied to the sentence’s subject across an appositive, a participle or "and" to that subject', () => {
		expect(speakers('Ana Ruiz, an adviser to Governor Tom Reyes, said the plan was “a good start”.')).toEqual([
			['a good start', 'Ana Ruiz'],
		]);
		expect(speakers('Ana Ruiz praised the deal with Tom Reyes and added that it was “long overdue”.')).toEqual([
			['long overdue', 'Ana Ruiz'],
		]);
		expect(speakers('Ana Ruiz’s spokesman Tom Reyes met Paul Okafor, saying the talks were “very useful”.')).toEqual([
			['very useful', 'Tom Reyes'],
		]);
	});

	it('reports a quotation inside a sentence by the verb before it', () => {
		expect(
			speakers('Mayor Ivo Stern said in a letter that the new toll “hurts every family” and suggests that Dunmore pays too much.'),
		).toEqual([['hurts every family', 'Ivo Stern']]);
	});

	it('is not put off by other quotation marks between the speaker and the verb', () => {
		expect(
			speakers(
				'Ana Ruiz, the county chair, praised the “Clean River Plan” of Tom Reyes and said she had one goal: “Water for every farm.”',
			),
		).toEqual([['Water for every farm.', 'Ana Ruiz']]);
	});

	it('takes the name just before a verb of saying as its subject, even after a preposition', () => {
		expect(speakers('The advert uses footage of Mayor Ivo Stern asking, “Why should the school close?”')).toEqual([
			['Why should the school close?', 'Ivo Stern'],
		]);
	});

	it('reads a form of a verb of saying after a possessive or a determiner as a noun', () => {
		expect(speakers('Ana Ruiz, an aide to the governor, called Paul Okafor’s remarks “a gift to the county”.')).toEqual([
			['a gift to the county', 'Ana Ruiz'],
		]);
	});

	it('reads a participle after a contracted "is" as a verb, not a noun after a possessive', () => {
		expect(
			speakers(
				'Mayor Tom Reyes spoke at the depot on Monday. He’s claiming that the new toll is “unfair to every driver,” though Ana Brisk noted that it was lower than last year.',
			),
		).toEqual([['unfair to every driver', 'Tom Reyes']]);
	});

	it('reports a judgement given in someone’s words by acknowledging, likening, lauding or referencing', () => {
		expect(speakers('The mayor, Ivo Stern, acknowledged that there were "a few complaints" about the toll.')).toEqual([
			['a few complaints', 'Ivo Stern'],
		]);
		expect(speakers('Councillor Ruth Kane likened the new car park to "a concrete desert".')).toEqual([['a concrete desert', 'Ruth Kane']]);
		expect(speakers('Governor Tom Reyes lauded the volunteers for their "quiet and steady work".')).toEqual([
			['quiet and steady work', 'Tom Reyes'],
		]);
		expect(speakers('The Harbour Board referenced "rising fuel costs" in its report.')).toEqual([['rising fuel costs', 'Harbour Board']]);
	});

	it('gives each quoted line of a transcript to the name in capitals that opens it', () => {
		const body = [
			'Governor Ann Holland spoke to the station on Sunday. Part of the interview follows:',
			'"MARSH: Will the bridge open this week?',
			'"HOLLAND: It will open when the engineers say it is safe.',
			'"MARSH: And the costs?"',
		].join('\n\n');
		expect(speakers(body)).toEqual([
			['MARSH: Will the bridge open this week?', 'Marsh'],
			['HOLLAND: It will open when the engineers say it is safe.', 'Ann Holland'],
			['MARSH: And the costs?', 'Marsh'],
		]);
	});

	it('keeps curly quotation marks inside a quotation opened by a straight one within it', () => {
		expect(speakers('"They think this is an episode of “Bake Off.” It is not," Mayor Ivo Stern said.')).toEqual([
			['They think this is an episode of “Bake Off.” It is not', 'Ivo Stern'],
		]);
	});

	it('gives a pronoun the subject of its own sentence before the name nearest to it', () => {
		expect(speakers('Mayor Ivo Stern said he admired Paul Okafor’s patience through what he called “a long and bitter winter.”')).toEqual([
			['a long and bitter winter.', 'Ivo Stern'],
		]);
	});

	it('reads a participle of a verb of saying as a verb wherever no determiner makes it a noun', () => {
		expect(
			speakers('The advert ends with footage of Tom Reyes saying during the debate, “That makes me clever,” as the crowd cheered.'),
		).toEqual([['That makes me clever', 'Tom Reyes']]);
	});

	it('reads a noun of saying after a possessive as attributing to its owner, whatever the tagger reads it as', () => {
		expect(speakers('The Harbour Gazette checked Ana Ruiz’s claim that there were “hundreds of complaints” last year.')).toEqual([
			['hundreds of complaints', 'Ana Ruiz'],
		]);
		expect(speakers('The Post sent its “night desk editor” Tom Reyes to the harbour.')).toEqual([]);
	});

	it('keeps the one-word first part of a quotation split by its verb of saying', () => {
		expect(speakers('“Well,” Mayor Ivo Stern said, “the bridge will open on time.” “Zenith” is the name of the ferry.')).toEqual([
			['Well', 'Ivo Stern'],
			['the bridge will open on time.', 'Ivo Stern'],
		]);
	});

	it('reads a name after "to" as governed, even where the tagger takes "to" for a conjunction', () => {
		expect(speakers('“Keep your hands in sight,” Ruiz sings to Lena Ortiz before asking her, “Where do we go from here?”')).toEqual([
			['Keep your hands in sight', 'Ruiz'],
			['Where do we go from here?', 'Ruiz'],
		]);
	});
});
