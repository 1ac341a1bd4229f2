import {describe, expect, it} from 'vitest';
import {extract} from '../../source/ingest/index.js';

// Sentences written for these tests; none comes from the evaluation set.
function run(body: string) {
	const result = extract(`date 2023-05-10 ${body}`, {fallbackDate: '2000-01-01'});
	const name = (key: string | null) => result.actors.find((a) => a.key === key)?.name ?? null;
	return {...result, name, names: result.actors.map((a) => a.name)};
}

describe('actors', () => {
	it('splits titles into the role and merges the surname into the full name', () => {
		const r = run('Finance Minister Clara Odum announced a budget. Odum said the deficit would fall.');
		const odum = r.actors.find((a) => a.name === 'Clara Odum')!;
		expect(odum).toMatchObject({kind: 'person', role: 'Finance Minister'});
		expect(r.names.filter((n) => n.includes('Odum'))).toEqual(['Clara Odum']);
	});

	it('links a defined acronym to its organisation', () => {
		const r = run('The World Rowing Association (WRA) changed its rules. The WRA said the change was overdue.');
		const wra = r.actors.filter((a) => a.kind === 'organization');
		expect(wra.map((a) => a.name)).toEqual(['World Rowing Association']);
		expect(wra[0]!.aliases).toContain('WRA');
	});

	it('maps demonyms and a capital standing for its government to the country', () => {
		const r = run('Kenyan farmers protested on Monday. Nairobi said the protest was illegal.');
		const kenya = r.actors.find((a) => a.name === 'Kenya')!;
		expect(kenya.kind).toBe('country');
		expect(kenya.aliases).toEqual(expect.arrayContaining(['Kenyan', 'Nairobi']));
	});

	it('does not make an actor of a capital used as a place', () => {
		const r = run('In Nairobi, the talks resumed on Monday.');
		expect(r.names).not.toContain('Nairobi');
		expect(r.names).not.toContain('Kenya');
	});

	it('never takes a place for the first name of a person or an organisation for a person', () => {
		const r = run(
			'Ohio Wesleyan coach Tim Ray spoke. Senator Mary Vale, Democrat from Ohio, issued a statement. "We lost a good program."',
		);
		expect(r.quotes.map((q) => r.name(q.speaker))).toEqual(['Mary Vale']);
		const am = run('Texas A&M won the bid. Texas voters approved.');
		expect(am.actors.find((a) => a.name === 'Texas A&M')!.kind).toBe('organization');
	});

	it('tells companies from countries and groups, and origins from actors', () => {
		const r = run(
			'Air France cancelled flights. Analysts at Barclays were gloomy. Many Catholics objected, said Ana Ruiz, a nurse from Lima.',
		);
		const kinds = Object.fromEntries(r.actors.map((a) => [a.name, a.kind]));
		expect(kinds).toEqual({'Air France': 'organization', Barclays: 'organization', 'Ana Ruiz': 'person'});
	});

	it('merges a company named without its corporate word, and a middle name used alone', () => {
		const r = run(
			'Orla Gold Mining won a permit. Orla Gold said it would hire. President Ana Maria Costa Rocha visited. Costa said little. Amnesty Kenya objected.',
		);
		expect(r.actors.find((a) => a.name === 'Orla Gold Mining')!.aliases).toContain('Orla Gold');
		expect(r.actors.find((a) => a.name === 'Ana Maria Costa Rocha')!.aliases).toContain('Costa');
		expect(r.actors.find((a) => a.name === 'Amnesty Kenya')!.kind).toBe('organization');
	});

	it('keeps two complete company names joined by "and" apart, and keeps "&" inside a name', () => {
		const r = run('Analysts said Tesco Plc and Unilever Group reported results, as did Procter & Gamble.');
		expect(r.names.sort()).toEqual(['Procter & Gamble', 'Tesco Plc', 'Unilever Group']);
	});

	it('takes a doubled letter or a swap for the same name, any other difference for another name', () => {
		const r = run('Olena Kovalenkko spoke. Kovalenko agreed. Erik Jonson met Erik Johnson.');
		expect(r.names.sort()).toEqual(['Erik Johnson', 'Erik Jonson', 'Olena Kovalenkko']);
	});

	it('keeps two people who share a surname apart', () => {
		const r = run('Tomas Berger met Anna Berger on Monday. Both Bergers denied any conflict.');
		expect(r.names).toEqual(expect.arrayContaining(['Tomas Berger', 'Anna Berger']));
	});

	it('resolves a role description only to a person whose role fits all of it', () => {
		const r = run('Health Minister Petra Lind spoke on Monday. The prime minister stayed silent. The health minister said more.');
		const lind = r.actors.find((a) => a.name === 'Petra Lind')!;
		expect(lind.aliases).not.toContain('The prime minister');
		expect(lind.aliases).toContain('The health minister');
	});

	it('takes a role from a lower-case appositive, never from a following name', () => {
		const r = run('Omar Haddad, spokesman for the ministry, spoke. Exhibits went to Ohio, the Fine Arts Museum, and Utah.');
		expect(r.actors.find((a) => a.name === 'Omar Haddad')!.role).toBe('spokesman for the ministry');
		expect(r.actors.find((a) => a.name === 'Ohio')?.role ?? null).toBeNull();
	});

	it('makes no actors of sentence-initial words, weekdays or months', () => {
		const r = run('However, the vote failed on Monday. Despite that, Lena Park said in March that she would try again.');
		expect(r.names).toEqual(['Lena Park']);
	});
});

describe('quotes', () => {
	it('finds the speaker after the quote, before it, and through "according to"', () => {
		const r = run(
			'"We will rebuild the bridge," Mayor Ivo Stern said. Engineer Ruth Kane said: "The steel is already ordered." The cost is high, according to Ruth Kane.',
		);
		expect(r.quotes.map((q) => [q.text, r.name(q.speaker)])).toEqual([
			['We will rebuild the bridge', 'Ivo Stern'],
			['The steel is already ordered.', 'Ruth Kane'],
		]);
	});

	it('resolves "he said" to the most recent person and carries the speaker within a paragraph', () => {
		const r = run('Coach Daniel Oyelaran watched the match. "We were not sharp," he said. "The next game matters more."');
		expect(r.quotes.map((q) => r.name(q.speaker))).toEqual(['Daniel Oyelaran', 'Daniel Oyelaran']);
	});

	it('resolves a pronoun subject at the start of the sentence', () => {
		const r = run('Envoy Lars Dahl arrived late. He warned that time was short and said he would not sign "a deal at any price".');
		expect(r.quotes.map((q) => r.name(q.speaker))).toEqual(['Lars Dahl']);
	});

	it('keeps a quote whose speaker is not given with speaker null, and drops scare quotes', () => {
		const r = run('Critics called the plan "reckless". "Nobody asked the residents what they wanted here."');
		expect(r.quotes.map((q) => [q.text, q.speaker])).toEqual([['Nobody asked the residents what they wanted here.', null]]);
	});

	it('finds single-quoted speech but not apostrophes', () => {
		const r = run("The players' union met. Union head Joan Mbeki said the offer was 'far too little, far too late' for Sweden's clubs.");
		expect(r.quotes.map((q) => [q.text, r.name(q.speaker)])).toEqual([['far too little, far too late', 'Joan Mbeki']]);
	});

	it('takes the speaker from the sentence that introduces a quotation', () => {
		const r = run(
			'Governor Alan Frost issued a statement on Tuesday. "The closure is a mistake and we will appeal."\n\nImage: a river.\n\n"We have the votes."',
		);
		expect(r.quotes.map((q) => r.name(q.speaker))).toEqual(['Alan Frost', 'Alan Frost']);
	});

	it('treats a quotation continued in the next paragraph as one speaker', () => {
		const r = run('Senator Maria Lopes wrote on her blog: "The bill is flawed.\n\n"It will not pass."');
		expect(r.quotes.map((q) => r.name(q.speaker))).toEqual(['Maria Lopes', 'Maria Lopes']);
	});
});

describe('events', () => {
	it('dates a sentence without a date from the dated account of its paragraph', () => {
		const r = run('On Monday, Rosa Vidal opened the plant. She cut the ribbon.\n\nThe plant employs 300 people.');
		const [opened, ribbon, employs] = r.events;
		expect(opened!.date).toMatchObject({date: '2023-05-08', source: 'relative'});
		expect(ribbon!.date).toMatchObject({date: '2023-05-08', source: 'context'});
		expect(ribbon!.actors.map(r.name)).toEqual(['Rosa Vidal']);
		expect(employs!.date).toMatchObject({date: '2023-05-10', source: 'article'});
	});

	it('dates past actions later in the article by the day of the lead sentence, but not states or statements', () => {
		const r = run(
			'Yesterday, Porto beat Braga 2 – 1.\n\nIn the second half, Ruben Dias scored twice.\n\nThe stadium was full.\n\nCoach Ana Reis said the team had improved.',
		);
		expect(r.events.map((e) => [e.date.date, e.date.source])).toEqual([
			['2023-05-09', 'relative'],
			['2023-05-09', 'context'],
			['2023-05-10', 'article'],
			['2023-05-10', 'article'],
		]);
	});

	it('moves the day of the account on when a later past sentence names another day, not when a quote does', () => {
		const r = run('Yesterday, the Harlow index fell 3%.\n\nToday it fell again by 1%.\n\nBond prices also dropped.');
		expect(r.events.map((e) => e.date.date)).toEqual(['2023-05-09', '2023-05-10', '2023-05-10']);
		const q = run('Yesterday, Porto beat Braga 2 – 1.\n\nCoach Ana Reis said: "We loved today\'s game."\n\nRuben Dias scored twice.');
		expect(q.events[2]!.date).toMatchObject({date: '2023-05-09', source: 'context'});
	});

	it('reads the tense from the narrator, not from the quoted words', () => {
		const r = run(
			'The union said the strike would last until Saturday. Minister Eva Holm said on Tuesday that she "will not wait forever".',
		);
		expect(r.events.map((e) => e.date.date)).toEqual(['2023-05-13', '2023-05-09']);
	});

	it('dates a promise by when it was made, not by its deadline; a speaker is an actor of the sentence', () => {
		const r = run('The mayor has promised to plant a million trees by 2030. Councillor Ida Berg spoke. "It can be done," she said.');
		expect(r.events[0]!.date).toMatchObject({date: '2023-05-10', source: 'article'});
		expect(r.events[2]!.actors.map(r.name)).toContain('Ida Berg');
	});

	it('does not carry a past date into a sentence in the present tense', () => {
		const r = run('On Monday, the agency announced new rules. The agency says the rules protect buyers.');
		expect(r.events.map((e) => e.date.source)).toEqual(['relative', 'article']);
		const state = run('As of May 1, 2023, the fund holds 40 firms. The manager says the fund is safe.');
		expect(state.events.map((e) => e.date.source)).toEqual(['explicit', 'article']);
	});
});
