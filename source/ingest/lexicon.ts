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

// Last words that make a capitalised span an organisation.
export const ORG_WORDS = new Set(
	`agency army association authority bank board bureau cabinet center centre church club college commission
	committee company conference congress corporation corp corp. council court department district federation
	force forces foundation fund government group guard inc inc. institute institution league ltd ltd. media
	ministry movement municipality museum navy network news office organisation organization parliament party
	police post press service services senate society school schools team times tribune union university
	administration alliance assembly coalition command consortium cooperative council chamber fair festival
	programme program project squad administration`.split(/\s+/),
);

// Words a company's full name adds to the name it is known by: "Belo Sun Mining", "Lufthansa Group".
export const CORPORATE_WORDS = new Set(
	`inc inc. corp corp. corporation co co. company ltd ltd. limited plc llc ag sa nv gmbh se holdings holding group
	mining energy resources airlines airways motors industries technologies systems pharmaceuticals
	international`.split(/\s+/),
);

// Last words that make a capitalised span a place.
export const PLACE_WORDS = new Set(
	`airport arena avenue bay beach bridge canal coast county desert island islands lake mountain mountains
	ocean park peninsula plaza province region river road sea square stadium station strait street valley
	hall memorial airbase base`.split(/\s+/),
);

// Small words allowed inside a name ("Municipality of Livorno", "Claudio De Vincenti").
export const CONNECTORS = new Set([
	'of',
	'for',
	'on',
	'de',
	'del',
	'della',
	'di',
	'da',
	'van',
	'von',
	'der',
	'bin',
	'al',
	'la',
	'le',
	'du',
	'y',
	'and',
	'&',
]);

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
	monday tuesday wednesday thursday friday saturday sunday january february march april may june july
	august september october november december today yesterday tomorrow tonight
	mr mrs ms dr`.split(/\s+/),
);

export const SPEECH_VERBS =
	/\b(said|says|say|saying|told|tells|tell|wrote|writes|write|added|adds|commented|comments|noted|notes|stated|states|explained|explains|asked|asks|tweeted|tweets|posted|posts|announced|announces|declared|declares|claimed|claims|insisted|insists|warned|warns|reasoned|argued|argues|replied|replies|responded|responds|continued|continues|recalled|recalls|described|describes|called|calls|acknowledged|admitted|added|concluded|observed|remarked|urged|denied|denies|according to|(?:in|issued) a statement|statement)\b/i;
