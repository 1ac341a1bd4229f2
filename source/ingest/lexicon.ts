// Word lists for the rules on top of compromise's tags. They are closed classes of news writing
// (titles, roles, kinds of organisation), not names: no list here names an entity.

// Titles and roles: kept as an actor's role, never part of its name.
export const ROLE_WORDS = new Set(
	`president vice-president prime minister premier chancellor secretary undersecretary under-secretary
	spokesman spokeswoman spokesperson adviser advisor administrator director executive chief head
	chairman chairwoman chair ceo cfo founder co-founder cofounder creator owner manager coach captain
	mayor governor senator congressman congresswoman representative ambassador envoy diplomat
	councillor councilor councilman councilwoman alderman lawmaker legislator mp mep delegate
	general lieutenant colonel major commander admiral sergeant officer marshal
	king queen prince princess emperor pope cardinal bishop archbishop rabbi imam reverend
	judge justice attorney prosecutor lawyer professor dr dr. doctor mr mr. mrs mrs. ms ms. sir dame lord lady
	leader deputy deputies chief-executive commissioner inspector superintendent sheriff
	student academic researcher scientist analyst editor journalist reporter correspondent columnist
	striker defender midfielder goalkeeper forward player referee midfield winger
	astronaut pilot engineer economist author activist official officials negotiator mediator
	aide counsel speaker
	secretary-general general-secretary secretary general undersecretary-general
	president-elect minister-president maj maj. gen gen. lt lt. col col. sgt sgt. capt capt. gov gov. sen sen. rep rep.`.split(/\s+/),
);

// Abbreviated titles written before a name, with a full stop that ends no sentence: "Gov. Ann Holm",
// "Del. Ken Ruiz" (Delegate). Lower-case, without the stop.
export const TITLE_ABBREVIATIONS = new Set(
	`mr mrs ms messrs mmes dr prof rev hon fr st pres gov govs lt sen sens rep reps del dels gen gens adm
	col capt cmdr maj sgt cpl pvt brig insp det supt atty asst amb`.split(/\s+/),
);

// Organisation head words of languages that put the head first: "Banco Lisboa", "Movimento Azzurro".
export const HEAD_FIRST_ORG_WORDS = new Set(
	`universitet universität universitat université universidad università universiteit universidade
	hochschule institut instituto istituto museo musée museet museu ministère ministerio ministero ministerium
	banco banca banque comune commune gemeente partido partito parti partei fundación fondazione fondation
	stiftung gruppe groupe grupo gruppo sociedad società société gesellschaft verein compagnie compañía
	compagnia consejo consiglio conseil agence agencia agenzia agentur movimento movimiento mouvement bewegung
	unión unione`.split(/\s+/),
);

// Last words that make a capitalised span an organisation.
export const ORG_WORDS = new Set(
	`agency army association authority bank board bureau cabinet center centre church club college commission
	committee company conference congress corporation corp corp. council court department district federation
	force forces foundation fund government group guard inc inc. institute institution league ltd ltd. media
	ministry movement municipality museum navy network news office organisation organization parliament party
	police post press service services senate society school schools team times tribune union university
	administration alliance assembly coalition command consortium cooperative council chamber fair festival
	programme program project squad administration
	planetarium observatory library hospital clinic laboratory laboratories labs academy seminary zoo aquarium
	gallery theatre theater orchestra choir exchange airline airlines airways motors systems technologies
	holdings industries pharmaceuticals insurance bancorp trust commission tribunal directorate secretariat
	org plc llc gmbh`
		.split(/\s+/)
		.concat([...HEAD_FIRST_ORG_WORDS]),
);

// Words a company's full name adds to the name it is known by: "Belo Sun Mining", "Lufthansa Group".
export const CORPORATE_WORDS = new Set(
	`inc inc. corp corp. corporation co co. company ltd ltd. limited plc llc ag sa nv gmbh se holdings holding group
	mining energy resources airlines airways motor motors industries technologies systems pharmaceuticals
	international`.split(/\s+/),
);

// Last words that make a capitalised span a place.
export const PLACE_WORDS = new Set(
	`airport arena avenue bay beach bridge canal coast county desert island islands lake mountain mountains
	ocean park peninsula plaza province region river road sea square stadium station strait street valley
	hall memorial airbase base`.split(/\s+/),
);

// The small words inside a person's name: "Marine Le Pen", "Kevin De Bruyne", "Ahmed bin Salem",
// "Ali Abu Bakr", "Luiz dos Santos".
export const NAME_PARTICLES = new Set('le la de del della di da van von der du bin bint ibn abu ben al dos das'.split(' '));

// Small words allowed inside a name ("Municipality of Livorno", "Claudio De Vincenti").
export const CONNECTORS = new Set(['of', 'for', 'on', 'y', 'and', '&', ...NAME_PARTICLES]);

// Members of faiths and political camps: capitalised, but groups of people rather than actors.
export const GROUP_WORDS = new Set(
	`muslim christian jew hindu buddhist sikh catholic protestant evangelical orthodox sunni shia shiite
	democrat republican conservative liberal socialist communist tory labourite green`.split(/\s+/),
);

// Capitalised words that begin sentences or headlines without naming anyone.
export const NOT_NAMES = new Set(
	`a an the this that these those there here it its he she they we i you his her their our my your
	but and or so yet if when while after before since during despite although though because as at by for from in
	into of on to with without about above below under over between among through also just only even then
	image images photo photos video source file credit caption update updated breaking exclusive related read
	spring summer autumn winter
	monday tuesday wednesday thursday friday saturday sunday january february march april may june july
	august september october november december today yesterday tomorrow tonight
	mr mrs ms dr`.split(/\s+/),
);

// Lower-case nouns that say the name after them is an organisation's: "airline Aer Lingus".
export const ORG_DESCRIPTORS = new Set(
	`company firm airline carrier automaker carmaker manufacturer maker contractor retailer insurer lender
	broadcaster publisher conglomerate giant startup start-up supplier chain operator brand label studio
	developer plant subsidiary division unit outlet newspaper magazine agency charity`.split(/\s+/),
);

// Words of travel and distance after which "to X" or "from X" is a place: "trains to Kessvik",
// "fled from Tarvik", "12 miles from Brenvik".
export const TRAVEL_WORDS = new Set(
	`line lines route routes road roads highway highways railway train trains flight flights ferry ferries bus
	buses trip trips journey journeys commute travel travels travelled traveled travelling traveling fly flew
	flies flying drove driving sailed sailing fled flee fleeing evacuated miles kilometres kilometers km`.split(/\s+/),
);

// Kinds of product: a name just before one names the product ("the Strata Nine laptop").
export const PRODUCT_NOUNS = new Set(
	`laptop notebook computer desktop tablet phone smartphone handset processor chip console device browser
	software app vehicle car truck suv sedan model jet airliner aircraft plane helicopter engine drug vaccine
	camera player`.split(/\s+/),
);

// Nouns through which a country acts: "the Romanian government", "Kenyan troops".
export const STATE_WORDS = new Set(
	`government governments authorities officials administration military army navy forces troops police
	leadership regime parliament ministry`.split(/\s+/),
);

// Nouns that a number follows to name a thing, not an actor: "Chapter 11", "Flight 447".
export const NUMBERED_WORDS = new Set(
	`chapter article section title rule page volume figure table room route highway interstate gate flight
	platform terminal pier stage phase round act level model series version`.split(/\s+/),
);

// Abbreviations that are common nouns of business and technology writing, not names.
export const COMMON_ACRONYMS = new Set(
	`tv os pc vip html url pdf usb lcd led hd dvd cd gps sms mp3 ipo gdp cpi faq atm sim api
	dna hiv aids ai vr ok pr hr suv hq rsvp asap aka eta`.split(/\s+/),
);

// Capitalised abbreviations of measures: time zones after a clock time, units, currency codes
// compromise does not tag as money.
export const MEASURE_WORDS = new Set(
	`utc gmt est edt cst cdt mst mdt pst pdt bst cet cest eet eest ist jst aest aedt
	ghz mhz khz hz gb mb kb tb mph kph km kg mm cm kw kwh mw gw
	usd eur gbp jpy aud cad chf cny rmb hkd inr rub nzd sek nok dkk krw brl mxn zar sgd`.split(/\s+/),
);

export const SPEECH_VERBS =
	/\b(said|says|say|saying|told|tells|tell|wrote|writes|write|added|adds|commented|comments|noted|notes|stated|states|explained|explains|asked|asks|tweeted|tweets|posted|posts|announced|announces|declared|declares|claimed|claims|insisted|insists|warned|warns|reasoned|argued|argues|replied|replies|responded|responds|continued|continues|recalled|recalls|described|describes|called|calls|acknowledged|admitted|added|concluded|observed|remarked|urged|denied|denies|according to|(?:in|issued) a statement|statement)\b/i;
