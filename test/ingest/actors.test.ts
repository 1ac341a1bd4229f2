import {describe, expect, it} from 'vitest';
import {extract} from '../../source/ingest/index.js';

// Sentences written for these tests; none comes from the evaluation set.
function run(body: string) {
	const result = extract(`date 2023-05-10 ${body}`, {fallbackDate: '2000-01-01'});
	const kinds = Object.fromEntries(result.actors.map((a) => [a.name, a.kind]));
	return {...result, kinds, names: result.actors.map((a) => a.name)};
}

describe('actor detection and kinds', () => {
	it('reads a title word inside a company name as the name, not a rank', () => {
		const r = run('General Motors cut jobs in Ohio. General Dynamics won the tender. General Anna Holt objected.');
		expect(r.kinds['General Motors']).toBe('organization');
		expect(r.kinds['General Dynamics']).toBe('organization');
		expect(r.actors.find((a) => a.name === 'Anna Holt')).toMatchObject({kind: 'person', role: 'General'});
	});

	it('makes no actors of money, currency codes, time zones or units', () => {
		const r = run('Tarvik Mining paid AU$ 12 million (US$ 9 million), or $5 (USD) a share, at 09:30 UTC for a 3 GHz chip.');
		expect(r.names).toEqual(['Tarvik Mining']);
	});

	it('drops a country named only by a demonym qualifying a noun, unless its government acts', () => {
		const r = run('Norwegian ferry firm Fjordline ordered two ships. The Danish government objected.');
		expect(r.names).not.toContain('Norway');
		expect(r.kinds['Denmark']).toBe('country');
		const named = run('Norwegian ferry firm Fjordline ordered two ships from Norway.');
		expect(named.kinds['Norway']).toBe('country');
	});

	it('takes an organisation head word, English or foreign, for an organisation', () => {
		const r = run('Scientists at Tromsø Universitet and the Keller Planetarium joined Banco de Lisboa and Vantor Holdings.');
		for (const name of ['Tromsø Universitet', 'Keller Planetarium', 'Banco de Lisboa', 'Vantor Holdings'])
			expect(r.kinds[name]).toBe('organization');
	});

	it('reads a particle between names as a person, and a first name only where it opens the name', () => {
		const r = run('Odile Le Brun met Pieter van Aalst. Dravo Martin said its bid had won.');
		expect(r.kinds['Odile Le Brun']).toBe('person');
		expect(r.kinds['Pieter van Aalst']).toBe('person');
		expect(r.kinds['Dravo Martin']).toBe('organization');
	});

	it("keeps an Arabic particle inside a person's name and finds the surname again with or without it", () => {
		const r = run(
			'Tarek al-Wazzan, the envoy, arrived on Monday. Hamid bin Rashed met Layla bint Faisal, Idris ibn Harun, Karim Abu Nasr and Samir ben Toumi. Later al-Wazzan thanked them, and Wazzan left.',
		);
		for (const name of ['Tarek al-Wazzan', 'Hamid bin Rashed', 'Layla bint Faisal', 'Idris ibn Harun', 'Karim Abu Nasr', 'Samir ben Toumi'])
			expect(r.kinds[name]).toBe('person');
		expect(r.names).not.toContain('Tarek');
		const tarek = r.actors.find((a) => a.name === 'Tarek al-Wazzan')!;
		expect(tarek.role).toBe('the envoy');
		expect(tarek.mentions.map((m) => m.text)).toEqual(expect.arrayContaining(['Tarek al-Wazzan', 'al-Wazzan', 'Wazzan']));
		expect(r.actors.filter((a) => /Wazzan/.test(a.name))).toHaveLength(1);
	});

	it("does not take a country that opens a person's name for the country", () => {
		const r = run('Jordan Kessling spoke in Amman.');
		expect(r.kinds['Jordan Kessling']).toBe('person');
		expect(r.names).not.toContain('Jordan');
	});

	it('lets the context settle a kind the name leaves open', () => {
		const r = run('Talvane Rusk said his plan would work. The carrier Norvik Sund cut fares. Quellan Brix raised its prices.');
		expect(r.kinds['Talvane Rusk']).toBe('person');
		expect(r.kinds['Norvik Sund']).toBe('organization');
		expect(r.kinds['Quellan Brix']).toBe('organization');
	});

	it('makes no actor of a product with a model code, nor of a numbered thing, keeping its operator', () => {
		const r = run(
			'Kestrel Aero delivered the first Kestrel K550 to Norvik Air. Norvik Air Flight 212 landed; Torvan filed for Chapter 11.',
		);
		expect(r.names.sort()).toEqual(['Kestrel Aero', 'Norvik Air', 'Torvan']);
	});

	it('makes no actor of a common-noun abbreviation or a season, but keeps one inside a name', () => {
		const r = run('The Spring sale drew 300 VIP guests and a TV crew from PC Planet.');
		expect(r.names).toEqual(['PC Planet']);
	});

	it('merges a company named without "Motor Company"', () => {
		const r = run('Halden Motor Company cut jobs. Halden said sales fell.');
		expect(r.names).toEqual(['Halden Motor Company']);
	});

	it('keeps the number of an index with its name, but not a year after a possessive', () => {
		const r = run("The QXI 250 rose while the Barlow & Finch's 400 index fell. Halden's 2009 results were weak.");
		expect(r.names.sort()).toEqual(["Barlow & Finch's 400", 'Halden', 'QXI 250']);
	});

	it('merges an organisation named with and without its country or corporate words', () => {
		const r = run(
			'The Coast Guard searched the bay. The Kenyan Coast Guard said little. Sundra Vale grew. Sundra Vale Group PLC reported.',
		);
		expect(r.actors.filter((a) => a.name.includes('Coast Guard'))).toHaveLength(1);
		expect(r.actors.filter((a) => a.name.includes('Sundra'))).toHaveLength(1);
	});

	it('makes no name of a sentence-initial common noun that compromise only guesses is an organisation', () => {
		const r = run('Stock markets fell in Oslo. Ford has cut jobs.');
		expect(r.names).not.toContain('Stock');
		expect(r.names).toContain('Ford');
	});

	it('opens a longer name with a small-letter name, keeps a version number, and drops such a word alone', () => {
		const r = run('Members of the zPhone Builder Club got Tarvo Suite 2.4.1 and a zPhone.');
		expect(r.names.sort()).toEqual(['Tarvo Suite 2.4.1', 'zPhone Builder Club']);
	});

	it("reads an acronym of a country code and a body's initials as that body", () => {
		const r = run('The Coast Guard searched the bay on Monday. The USCG said the search would go on.');
		expect(r.names).toEqual(['Coast Guard']);
		expect(r.actors[0]!.aliases).toContain('USCG');
	});

	it("names an owner's unit with its owner, but not the owner's people", () => {
		const r = run("Engineers at Halvorsen's Marine Systems met Halvorsen's Anna Berg.");
		expect(r.kinds["Halvorsen's Marine Systems"]).toBe('organization');
		expect(r.kinds['Anna Berg']).toBe('person');
		expect(run("Parts came from Kastellos' Marine Systems in Oslo.").names).toEqual(["Kastellos' Marine Systems"]);
	});

	it('reads a head-first foreign organisation, an "Org", and a Korean-style given name', () => {
		const r = run('Movimento Azzurro and the Tide Org backed Choi Min-ho, who met Lee Dae-su in Busan.');
		expect(r.kinds['Movimento Azzurro']).toBe('organization');
		expect(r.kinds['Tide Org']).toBe('organization');
		expect(r.kinds['Choi Min-ho']).toBe('person');
		expect(r.kinds['Lee Dae-su']).toBe('person');
	});

	it('takes no role from a clause with its own speech verb after a name', () => {
		const r = run('Halden bought the assembly plant Tarvik Dunmore, a Norwegian official said on Monday.');
		expect(r.kinds['Tarvik Dunmore']).toBe('organization');
		expect(r.actors.find((a) => a.name === 'Tarvik Dunmore')!.role).toBeNull();
	});

	it('makes no actor of a name before a kind of product, unless it names an actor elsewhere', () => {
		const r = run('Kestrel Aero showed Strata Nine laptops and the Velo OS operating system. Kestrel Aero jets flew.');
		expect(r.names).toEqual(['Kestrel Aero']);
	});

	it('reads a word the tagger takes for money as a surname after a first name, and alone in that article', () => {
		const r = run('Councillor Dana Shilling opened the fair. Entry cost 40 pence. Later, Shilling thanked the stallholders.');
		expect(r.actors.find((a) => a.name === 'Dana Shilling')).toMatchObject({kind: 'person', aliases: expect.arrayContaining(['Shilling'])});
		expect(run('The coin is worth one Shilling and ten Pence.').names).toEqual([]);
	});

	it('leaves a common word opening a sentence out of the person’s name after it', () => {
		const r = run('Rival Ann Voss mocked the plan. Veteran Tom Hart agreed. Mark Anthony Reyes did not.');
		expect(r.names).toEqual(['Ann Voss', 'Tom Hart', 'Mark Anthony Reyes']);
	});

	it('reads a country’s name alone as the surname of a person named with it, not an organisation', () => {
		const r = run('Rep. Ken Jordan spoke first. Later, Jordan said the vote was close. Halden Chile opened a plant. Chile welcomed it.');
		expect(r.actors.find((a) => a.name === 'Ken Jordan')!.aliases).toContain('Jordan');
		expect(r.names).not.toContain('Jordan');
		expect(r.kinds['Chile']).toBe('country');
	});

	it('reads an unknown name after a preposition of place, or "to"/"from" after a word of travel, as a place', () => {
		const r = run('The water board in Velmora cut supplies on Monday. Velmora has two reservoirs.');
		expect(r.kinds['Velmora']).toBe('place');
		const travel = run('Buses to Ostrand ran late, and the road north of Havlund was shut.');
		expect(travel.kinds['Ostrand']).toBe('place');
		expect(travel.kinds['Havlund']).toBe('place');
		// A stake is held in a firm, not in a place; a letter is sent to anyone.
		const owned = run('Kestavo bought a stake in Morvane. Morvane makes its own engines. Kestavo sent a letter to Dunrell.');
		expect(owned.kinds['Morvane']).toBe('organization');
		expect(owned.kinds['Dunrell']).toBe('organization');
	});

	it('reads a title-case money word before a name as a first name, and a name followed by ", who" as a person', () => {
		const r = run('“We will build it,” said Aud Selvik, who runs the depot. The fund paid 300 AUD to each family.');
		expect(r.kinds['Aud Selvik']).toBe('person');
		expect(r.names).toEqual(['Aud Selvik']);
		const who = run('The new chair is Orsolak, who took office in May. Drevna, which makes boats, objected.');
		expect(who.kinds['Orsolak']).toBe('person');
		expect(who.kinds['Drevna']).toBe('organization');
	});

	it('makes no name of a sentence-opening noun the article or its headline writes in lower case, singular or plural', () => {
		const r = run('Ferry crossings resumed on Sunday. Two ferries left Ostrand at seven.');
		expect(r.names).toEqual(['Ostrand']);
		const headed = extract('---\ntitle: "Ostrand ferries sail again"\ndate: 2023-05-10\n---\n\nFerry crossings resumed on Sunday.\n', {
			fallbackDate: '2000-01-01',
		});
		expect(headed.actors.map((a) => a.name)).toEqual([]);
		// A name that opens a sentence is still one.
		expect(run('Tarvo Lind spoke first. Ferries ran late, Lind said.').names).toEqual(['Tarvo Lind']);
	});
});
