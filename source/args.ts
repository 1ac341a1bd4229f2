import {parseArgs} from 'node:util';

// The command line, parsed with node:util's parseArgs. (meow, which did this before, is 245 KB of
// the CLI's 309 KB bundle: loading and running it took 16 ms of every start, a quarter of what the
// dashboard's first frame on the sample briefing took beyond a minimal Ink app's.)

export const FLAGS = {
	dir: {type: 'string'},
	date: {type: 'string'},
	actor: {type: 'string'},
	event: {type: 'string'},
	quote: {type: 'string'},
	json: {type: 'boolean'},
	fix: {type: 'boolean'},
	help: {type: 'boolean'},
	version: {type: 'boolean'},
} as const;

type Flag = keyof typeof FLAGS;
type StringFlag = {[K in Flag]: (typeof FLAGS)[K]['type'] extends 'string' ? K : never}[Flag];

export type Args = {
	command: string | undefined;
	args: string[];
	flags: {[K in StringFlag]?: string} & {json: boolean; fix: boolean; help: boolean; version: boolean};
};

const SEE_HELP = '(see briefing --help)';

// Errors are one line naming the option, like every other briefing error.
export function parseCommandLine(argv: string[]): Args {
	const end = argv.indexOf('--');
	const unknown = (end < 0 ? argv : argv.slice(0, end)).find(
		(arg) => arg.startsWith('-') && arg !== '-' && !(arg.startsWith('--') && arg.slice(2).split('=')[0]! in FLAGS),
	);
	if (unknown !== undefined) throw new Error(`unknown option ${unknown} ${SEE_HELP}`);
	let parsed;
	try {
		parsed = parseArgs({args: argv, options: FLAGS, allowPositionals: true, strict: true, tokens: true});
	} catch (error) {
		const name = /'--(\w+)/.exec((error as Error).message)?.[1];
		const option = name as Flag | undefined;
		if (option && FLAGS[option].type === 'boolean') throw new Error(`--${option} takes no value ${SEE_HELP}`, {cause: error});
		if (option) throw new Error(`--${option} needs a value`, {cause: error});
		throw error;
	}
	const given = new Set<string>();
	for (const token of parsed.tokens) {
		if (token.kind !== 'option' || FLAGS[token.name as Flag].type !== 'string') continue;
		if (given.has(token.name)) throw new Error(`--${token.name} can be given only once ${SEE_HELP}`);
		given.add(token.name);
		if (token.value === '') throw new Error(`--${token.name} needs a value`);
	}
	const {json = false, fix = false, help = false, version = false, ...strings} = parsed.values;
	const [command, ...args] = parsed.positionals;
	return {command, args, flags: {...strings, json, fix, help, version}};
}

// The help text of cli.tsx as it is printed: between blank lines, each line indented by two spaces.
export const formatHelp = (help: string): string =>
	`\n${help
		.replace(/^\n|\n$/g, '')
		.split('\n')
		.map((line) => (line.trim() ? `  ${line.replace(/^\t/, '')}` : ''))
		.join('\n')}\n\n`;
