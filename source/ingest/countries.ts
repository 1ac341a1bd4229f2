import worldCountries, {type Countries} from 'world-countries';

// The package's types describe CommonJS; bundlers and Node load its ES module, whose default is the array.
const countries = worldCountries as unknown as Countries;

export type CountryHit = {code: string; name: string; via: 'name' | 'demonym' | 'capital'};

// Abbreviations that news writing uses but world-countries does not list.
const EXTRA: Record<string, string[]> = {US: ['U.S.', 'U.S.A.', 'America'], GB: ['Britain', 'U.K.']};

// Two-letter codes collide with words ("IT", "IN", "NO"); only longer spellings are names.
const usable = (s: string, code: string) =>
	/^[\p{Script=Latin}\p{P}\s]+$/u.test(s) && (s.length > 2 || (s !== code && /^[A-Z]{2}$/.test(s)));

let table: Map<string, CountryHit> | undefined;

export const countryKey = (s: string) =>
	s
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/[.’']/g, '')
		.replace(/\s+/g, ' ')
		.trim();

function build(): Map<string, CountryHit> {
	const map = new Map<string, CountryHit>();
	const add = (s: string, hit: CountryHit) => {
		const key = countryKey(s);
		if (key && !map.has(key)) map.set(key, hit);
	};
	// Sovereign states first: "American" is the demonym of several US territories too.
	const ordered = [...countries].sort((a, b) => Number(b.independent) - Number(a.independent) || Number(b.unMember) - Number(a.unMember));
	for (const c of ordered) {
		const name = c.name.common;
		const hit = (via: CountryHit['via']): CountryHit => ({code: c.cca2, name, via});
		add(name, hit('name'));
		add(c.name.official, hit('name'));
		for (const alt of [...c.altSpellings, ...(EXTRA[c.cca2] ?? [])])
			if (usable(alt, c.cca2) || EXTRA[c.cca2]?.includes(alt)) add(alt, hit('name'));
		const demonym = c.demonyms?.['eng'];
		if (demonym) for (const d of new Set([demonym.m, demonym.f])) if (d) add(d, hit('demonym'));
		// "Washington, D.C." is written "Washington".
		for (const capital of c.capital ?? [])
			add(
				capital
					.split(',')[0]!
					.replace(/\s(?:\p{Lu}\.)+$/u, '')
					.trimEnd(),
				hit('capital'),
			);
	}
	// Older spellings of capitals still common in news ("Kiev").
	for (const [old, code] of [['Kiev', 'UA']] as const) {
		const c = countries.find((x) => x.cca2 === code)!;
		add(old, {code, name: c.name.common, via: 'capital'});
	}
	return map;
}

// "Ukrainian", "North Korea", "Pyongyang", "U.S." → the country; undefined for anything else.
export function lookupCountry(text: string): CountryHit | undefined {
	table ??= build();
	const key = countryKey(text);
	return table.get(key) ?? table.get(key.replace(/s$/, '')); // plural demonyms: "Ukrainians"
}
