import meow from 'meow';

// The command line: checked here against FLAGS and COMMANDS, then parsed by meow. meow's own
// refusals print several lines and exit with 2 from inside it; briefing's errors are one line naming
// the option and exit 1, so nothing reaches meow that it would refuse.

// `value` names a string flag's value in the help.
export const FLAGS = {
	dir: {type: 'string', value: 'DIR'},
	date: {type: 'string', value: 'YYYY-MM-DD'},
	actor: {type: 'string', value: 'NAME', isMultiple: true},
	event: {type: 'string', value: 'ID'},
	quote: {type: 'string', value: 'ID'},
	json: {type: 'boolean', default: false},
	fix: {type: 'boolean', default: false},
	timeLimit: {type: 'string', value: 'SECONDS'},
	memoryLimit: {type: 'string', value: 'MB'},
	fetchTimeout: {type: 'string', value: 'SECONDS'},
	since: {type: 'string', value: 'YYYY-MM-DD'},
	until: {type: 'string', value: 'YYYY-MM-DD'},
	format: {type: 'string', value: 'md|html|json'},
	output: {type: 'string', value: 'FILE', shortFlag: 'o'},
	version: {type: 'boolean', default: false, shortFlag: 'v'},
	help: {type: 'boolean', default: false, shortFlag: 'h'},
} as const;

type Flag = keyof typeof FLAGS;

// meow's flags are camelCase, typed as kebab-case: --time-limit is timeLimit.
const spelled = (flag: Flag) => `--${flag.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)}`;
const flagNamed = (option: string) => option.replace(/-([a-z])/g, (_, letter: string) => letter.toUpperCase());
type StringFlag = Exclude<{[K in Flag]: (typeof FLAGS)[K]['type'] extends 'string' ? K : never}[Flag], 'actor'>;

// Every command takes these.
const COMMON_OPTIONS = {
	dir: 'briefing directory (default: $BRIEFING_DIR, else $XDG_DATA_HOME/briefing, else ~/.local/share/briefing)',
	version: 'print the version',
	help: 'print this help',
} as const;

type CommandFlag = Exclude<Flag, keyof typeof COMMON_OPTIONS>;

// One way to run a command: what follows its name, and what it does.
type Form = {readonly args: string; readonly summary: string};

type Command = {
	readonly name: string | undefined;
	readonly forms: readonly Form[];
	// What each of its flags does for this command; a flag it does not list is refused.
	readonly options: {readonly [K in CommandFlag]?: string};
	readonly examples: readonly string[];
	// Maintainers' commands are left out of the general help.
	readonly hidden?: true;
};

const DATE = "the date of articles that give none (default: the file's modification day)";
const TIME_LIMIT = 'the most time one article may take to extract: one that takes more is refused (default: 120)';
const MEMORY_LIMIT = 'the most memory one article may take to extract (default: 1024)';
const JSON_OUTPUT = 'print JSON instead of text';
const ACTOR_FILTER = 'only those of actors with this name or alias';

// The general help and each command's help are made from this table, in this order.
export const COMMANDS = [
	{
		name: undefined,
		forms: [
			{
				args: '',
				summary:
					'The dashboard: actors, feed and quotes, driven by the keyboard (? lists the keys). Not in a terminal (a pipe, a file): the briefing as text, counts then the events by date',
			},
		],
		options: {json: 'print the whole stored briefing as JSON'},
		examples: [],
	},
	{
		name: 'ingest',
		forms: [
			{
				args: 'FILE|DIR|URL...',
				summary:
					'Extract articles (text, Markdown, saved web pages, RSS/Atom/JSON feeds, the article files under a folder, or pages and feeds at a URL) and add them to the briefing (again: update them)',
			},
		],
		options: {
			date: DATE,
			timeLimit: TIME_LIMIT,
			memoryLimit: MEMORY_LIMIT,
			fetchTimeout: 'the most time fetching one URL may take (default: 30)',
		},
		examples: [
			'ingest articles/*.md',
			'ingest notes.txt --date 2024-10-29',
			'ingest saved-page.html feed.rss',
			'ingest ~/news/',
			'ingest https://example.com/news/feed.xml',
		],
	},
	{
		name: 'extract',
		forms: [{args: 'FILE', summary: 'Show what ingest would store from FILE, without storing anything'}],
		options: {date: DATE, json: JSON_OUTPUT, timeLimit: TIME_LIMIT, memoryLimit: MEMORY_LIMIT},
		examples: ['extract article.md --json'],
	},
	{
		name: 'actors',
		forms: [{args: '', summary: 'List the actors'}],
		options: {json: JSON_OUTPUT},
		examples: ['actors --json'],
	},
	{
		name: 'events',
		forms: [{args: '', summary: 'List the events by date'}],
		options: {actor: ACTOR_FILTER, json: JSON_OUTPUT},
		examples: ['events --actor zelenskyy'],
	},
	{
		name: 'quotes',
		forms: [{args: '', summary: 'List the quotes'}],
		options: {actor: ACTOR_FILTER, json: JSON_OUTPUT},
		examples: ['quotes --actor "Pat Ryder" --json'],
	},
	{
		name: 'notes',
		forms: [{args: '', summary: 'List your notes; a note whose item is gone is marked detached'}],
		options: {actor: ACTOR_FILTER, json: JSON_OUTPUT},
		examples: ['notes --actor zelenskyy'],
	},
	{
		name: 'note',
		forms: [
			{args: 'add --event ID | --quote ID | --actor NAME TEXT', summary: 'Add a note (TEXT is - : read it from stdin)'},
			{args: 'edit ID TEXT', summary: 'Replace the text of a note'},
			{args: 'rm ID', summary: 'Remove a note'},
		],
		options: {
			actor: 'the actor (name, alias or id) a new note is on',
			event: 'the event a new note is on (ids: events --json)',
			quote: 'the quote a new note is on (ids: quotes --json)',
		},
		examples: ['note add --actor zelenskyy "Check the 12,000 figure"'],
	},
	{
		name: 'doctor',
		forms: [
			{
				args: '',
				summary: 'Check briefing.json and notes.json; say what is wrong and how to repair it (exit 1 when something is)',
			},
		],
		options: {fix: 'repair what it found, after a backup of each file'},
		examples: ['doctor --fix'],
	},
	{
		name: 'export',
		forms: [
			{
				args: '',
				summary:
					'Write the briefing as a document to send: its period, the actors, the timeline, the quotes with their citations, your notes, the sources',
			},
		],
		options: {
			actor: 'only what involves this actor (several --actor: any of them)',
			since: 'only events and quotes from this day on',
			until: 'only events and quotes up to this day',
			format: 'the format: md (Markdown, the default), html (one file, with a print stylesheet) or json; -o FILE.html or .json chooses too',
			output: 'write it to FILE rather than to stdout',
		},
		examples: ['export -o briefing.md', 'export --actor zelenskyy --actor yoon -o korea.html'],
	},
	{
		name: 'help',
		forms: [{args: '[COMMAND]', summary: "Print this help, or a command's own"}],
		options: {},
		examples: ['help ingest'],
	},
	{
		name: 'sample-rebuild',
		forms: [{args: '[FILE]', summary: 'Write data/sample-briefing.json (or FILE) from data/sample-article.txt; npm run sample runs it'}],
		options: {},
		examples: [],
		hidden: true,
	},
] as const satisfies readonly Command[];

const TABLE: readonly Command[] = COMMANDS;

export type CommandName = (typeof COMMANDS)[number]['name'];

export type Args = {
	command: CommandName;
	args: string[];
	// --actor may be given several times to export; once to the other commands.
	flags: {[K in StringFlag]?: string} & {actor?: string; actors: string[]; json: boolean; fix: boolean; help: boolean; version: boolean};
};

const SEE_HELP = '(see briefing --help)';

const findCommand = (name: string | undefined): Command => {
	const command = TABLE.find((c) => c.name === name);
	if (!command) throw new Error(`unknown command "${name}" ${SEE_HELP}`);
	return command;
};

const SHORT_FLAGS = new Map<string, Flag>(
	Object.entries(FLAGS).flatMap(([name, flag]) => ('shortFlag' in flag ? [[`-${flag.shortFlag}`, name as Flag]] : [])),
);

// Refuses, in briefing's words, every option meow would refuse or read otherwise than the help says:
// unknown ones (--no-FLAG too), a string flag without its value, a boolean given one, any flag twice.
function checkOptions(argv: string[]): void {
	const given = new Set<Flag>();
	for (let i = 0; i < argv.length; i++) {
		const arg = argv[i]!;
		if (arg === '--') return;
		if (!arg.startsWith('-') || arg === '-') continue;
		const equals = arg.startsWith('--') ? arg.indexOf('=') : -1;
		const option = equals < 0 ? arg : arg.slice(0, equals);
		// Only the kebab-case spelling: meow would also take --timeLimit.
		const name = option.startsWith('--') ? (/[A-Z]/.test(option) ? undefined : flagNamed(option.slice(2))) : SHORT_FLAGS.get(option);
		if (name === undefined || !Object.hasOwn(FLAGS, name)) throw new Error(`unknown option ${arg} ${SEE_HELP}`);
		const flag = name as Flag;
		if (FLAGS[flag].type === 'boolean') {
			if (equals >= 0) throw new Error(`${spelled(flag)} takes no value ${SEE_HELP}`);
		} else {
			// Like meow, a value that looks like an option is not taken as one.
			const value = equals >= 0 ? arg.slice(equals + 1) : argv[++i];
			if (value === undefined || value === '' || (equals < 0 && value.startsWith('-'))) throw new Error(`${spelled(flag)} needs a value`);
		}
		if (given.has(flag) && !('isMultiple' in FLAGS[flag])) throw new Error(`${spelled(flag)} can be given only once ${SEE_HELP}`);
		given.add(flag);
	}
}

// A flag that only makes sense for some commands is refused by the others rather than ignored.
function checkFlagsApply(command: Command, flags: Args['flags']): void {
	for (const flag of Object.keys(FLAGS) as Flag[]) {
		if (flag in COMMON_OPTIONS || flags[flag] === undefined || flags[flag] === false || flag in command.options) continue;
		const what = command.name ? `the ${command.name} command` : 'the briefing';
		throw new Error(`${spelled(flag)} does not apply to ${what} ${SEE_HELP}`);
	}
}

export function parseCommandLine(argv: string[]): Args {
	checkOptions(argv);
	const cli = meow({
		argv,
		importMeta: import.meta,
		flags: FLAGS,
		allowUnknownFlags: false,
		autoHelp: false,
		autoVersion: false,
		description: false,
	});
	const [name, ...args] = cli.input;
	const command = findCommand(name);
	const {actor: actors = [], ...given} = cli.flags;
	if (actors.length > 1 && command.name !== 'export')
		throw new Error(`--actor can be given only once to ${command.name ?? 'briefing'} ${SEE_HELP}`);
	const flags = {...given, actor: actors[0], actors};
	if (!flags.help && !flags.version) checkFlagsApply(command, flags);
	return {command: command.name as CommandName, args, flags};
}

// The help as meow prints it: between blank lines, indented by two spaces.
export const formatHelp = (help: string): string =>
	`${meow(help, {importMeta: import.meta, argv: [], description: false, autoHelp: false, autoVersion: false}).help}\n`;

// Wide enough for the help's lines to fit 80 columns once meow has indented them.
const WIDTH = 76;
// The commands' column, where it has always been: note edit ID TEXT fits with one space after it.
const COMMANDS_COLUMN = 18;

function wrap(text: string, width: number): string[] {
	const lines: string[] = [];
	let line = '';
	for (const word of text.split(' ')) {
		if (line && line.length + 1 + word.length > width) {
			lines.push(line);
			line = word;
		} else line = line ? `${line} ${word}` : word;
	}
	return [...lines, line];
}

// Labels in one column, what they mean beside them; a label too long for the column has its own
// line. The options' column is two past the longest option.
function columns(rows: Array<[string, string[]]>, width = Math.max(...rows.map(([label]) => label.length)) + 2): string[] {
	const pad = ' '.repeat(width);
	return rows.flatMap(([label, paragraphs]) => {
		const lines = paragraphs.flatMap((paragraph) => wrap(paragraph, WIDTH - 2 - width));
		const first = label.length < width ? [`${label.padEnd(width)}${lines.shift()}`] : [label];
		return [...first, ...lines.map((line) => pad + line)].map((line) => `  ${line}`);
	});
}

const capitalized = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

const optionLabel = (flag: Flag): string => {
	const spec = FLAGS[flag];
	return `${'shortFlag' in spec ? `-${spec.shortFlag}, ` : ''}${spelled(flag)}${'value' in spec ? ` ${spec.value}` : ''}`;
};

const optionRow = ([flag, meaning]: [string, string]): [string, string[]] => [optionLabel(flag as Flag), [capitalized(meaning)]];

const section = (title: string, lines: string[]) => (lines.length > 0 ? `\n${title}\n${lines.join('\n')}\n` : '');

function generalHelp(): string {
	const shown = TABLE.filter((command) => !command.hidden);
	const commands = shown.flatMap((command) =>
		command.forms.map(({args, summary}): [string, string[]] => [[command.name ?? '(none)', args].filter(Boolean).join(' '), [summary]]),
	);
	// A flag that only some commands take says, for each meaning, which commands give it that one.
	const options = (Object.keys(FLAGS) as Flag[]).map((flag): [string, string[]] => {
		if (flag in COMMON_OPTIONS) return optionRow([flag, COMMON_OPTIONS[flag as keyof typeof COMMON_OPTIONS]]);
		const meanings = new Map<string, string[]>();
		for (const command of shown) {
			const meaning = command.options[flag as CommandFlag];
			if (meaning !== undefined) meanings.set(meaning, [...(meanings.get(meaning) ?? []), command.name ?? 'briefing']);
		}
		return [optionLabel(flag), [...meanings].map(([meaning, names]) => `${names.join(', ')}: ${meaning}`)];
	});
	return `
${wrap('Turn news articles into a briefing: the actors, a dated feed of events, and the quotes.', WIDTH).join('\n')}
${section('Usage', ['  $ briefing [command] [options]'])}${section('Commands', columns(commands, COMMANDS_COLUMN))}${section('Options', columns(options))}${section(
		'Examples',
		shown.flatMap((command) => command.examples.map((example) => `  $ briefing ${example}`)),
	)}`;
}

function commandHelp(command: Command): string {
	const usage = (args: string) => `  $ briefing ${[command.name, args, '[options]'].filter(Boolean).join(' ')}`;
	const single = command.forms.length === 1 ? command.forms[0] : undefined;
	const options = Object.entries({...command.options, ...COMMON_OPTIONS}).map(optionRow);
	return `${single ? `\n${wrap(single.summary, WIDTH).join('\n')}\n` : ''}${section(
		'Usage',
		single ? [usage(single.args)] : command.forms.flatMap(({args, summary}) => [usage(args), `    ${summary}`]),
	)}${section('Options', columns(options))}${section(
		'Examples',
		command.examples.map((example) => `  $ briefing ${example}`),
	)}`;
}

// What `briefing --help`, `briefing COMMAND --help` and `briefing help [COMMAND]` print.
export function helpFor({command, args}: Pick<Args, 'command' | 'args'>): string {
	if (command !== 'help') return formatHelp(command === undefined ? generalHelp() : commandHelp(findCommand(command)));
	if (args.length > 1) throw new Error(`help takes one COMMAND at most ${SEE_HELP}`);
	return formatHelp(args[0] === undefined ? generalHelp() : commandHelp(findCommand(args[0])));
}
