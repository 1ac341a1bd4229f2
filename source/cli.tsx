import meow from 'meow';
import {doctorCommand} from './commands/doctor.js';
import {extractCommand} from './commands/extract.js';
import {dashboard} from './commands/dashboard.js';
import {errorMessage} from './commands/extractor.js';
import {ingest} from './commands/ingest.js';
import {noteCommand, notesCommand} from './commands/notes.js';
import {rebuildSample} from './commands/sample.js';
import {show} from './commands/show.js';
import {sanitize} from './output/sanitize.js';
import {resolveBriefingDir} from './store/dir.js';

const help = `
	Turn news articles into a briefing: the actors, a dated feed of events, and the quotes.

	Usage
	  $ briefing [command] [options]

	Commands
	  (none)            The dashboard: actors, feed and quotes, driven by the keyboard
	                    (? lists the keys). Not in a terminal (a pipe, a file): the
	                    briefing as text, counts then the events by date
	  ingest FILE...    Extract articles and add them to the briefing (again: update them)
	  extract FILE      Show what ingest would store from FILE, without storing anything
	  actors            List the actors
	  events            List the events by date
	  quotes            List the quotes
	  notes             List your notes; a note whose item is gone is marked detached
	  note add --event ID | --quote ID | --actor NAME TEXT
	                    Add a note (TEXT is - : read it from stdin)
	  note edit ID TEXT Replace the text of a note
	  note rm ID        Remove a note
	  doctor            Check briefing.json and notes.json; say what is wrong and how
	                    to repair it (exit 1 when something is)

	Options
	  --dir DIR          Briefing directory (default: $BRIEFING_DIR, else
	                     $XDG_DATA_HOME/briefing, else ~/.local/share/briefing)
	  --date YYYY-MM-DD  ingest, extract: the date of articles that give none
	                     (default: the file's modification day)
	  --actor NAME       events, quotes, notes: only those of actors with this name or alias
	                     note add: the actor (name, alias or id) the note is on
	  --event ID         note add: the event the note is on (ids: events --json)
	  --quote ID         note add: the quote the note is on (ids: quotes --json)
	  --json             Print JSON instead of text (not for ingest and note)
	  --fix              doctor: repair what it found, after a backup of each file
	  --version          Print the version
	  --help             Print this help

	Examples
	  $ briefing ingest articles/*.md
	  $ briefing ingest notes.txt --date 2024-10-29
	  $ briefing events --actor zelenskyy
	  $ briefing extract article.md --json
	  $ briefing note add --actor zelenskyy "Check the 12,000 figure"
	  $ briefing notes --actor zelenskyy
	  $ briefing doctor --fix
`;

const flags = {
	dir: {type: 'string'},
	date: {type: 'string'},
	actor: {type: 'string'},
	event: {type: 'string'},
	quote: {type: 'string'},
	json: {type: 'boolean', default: false},
	fix: {type: 'boolean', default: false},
} as const;

type Flag = keyof typeof flags;

// Flags that only make sense for some commands are refused elsewhere rather than ignored.
const FLAG_COMMANDS: Partial<Record<Flag, Array<string | undefined>>> = {
	date: ['ingest', 'extract'],
	actor: ['events', 'quotes', 'notes', 'note'],
	event: ['note'],
	quote: ['note'],
	json: [undefined, 'extract', 'actors', 'events', 'quotes', 'notes'],
	fix: ['doctor'],
};

const inCi = (env: NodeJS.ProcessEnv) => ['CI', 'CONTINUOUS_INTEGRATION'].some((key) => key in env && env[key] !== '0' && env[key] !== 'false');
const interactive = () => Boolean(process.stdin.isTTY && process.stdout.isTTY) && !inCi(process.env);

const fail = (message: string) => {
	process.stderr.write(sanitize(`briefing: ${message}\n`));
	process.exitCode = 1;
};

// meow reports an unknown flag on two lines and exits with 2; briefing's errors are one line and
// exit 1, so flags are checked here first and meow's check is only the safety net.
function unknownFlag(argv: string[]): string | undefined {
	const known = new Set([...Object.keys(flags), 'help', 'version']);
	for (const arg of argv) {
		if (arg === '--') return undefined;
		if (!arg.startsWith('-') || arg === '-') continue;
		const name = arg.replace(/^--(no-)?/, '').split('=')[0]!;
		if (!arg.startsWith('--') || !known.has(name)) return arg;
	}
	return undefined;
}

async function main(): Promise<number> {
	const unknown = unknownFlag(process.argv.slice(2));
	if (unknown) throw new Error(`unknown option ${unknown} (see briefing --help)`);
	const cli = meow(help, {importMeta: import.meta, flags, allowUnknownFlags: false, description: false});
	if (cli.flags['help']) cli.showHelp(0);
	if (cli.flags['version']) cli.showVersion();

	const [command, ...args] = cli.input;
	for (const flag of ['dir', 'date', 'actor', 'event', 'quote'] as const) {
		if (cli.flags[flag] === '') throw new Error(`--${flag} needs a value`);
	}
	for (const [flag, commands] of Object.entries(FLAG_COMMANDS) as Array<[Flag, Array<string | undefined>]>) {
		const value = cli.flags[flag];
		if (value !== undefined && value !== false && !commands.includes(command)) {
			throw new Error(`--${flag} does not apply to ${command ? `the ${command} command` : 'the briefing'} (see briefing --help)`);
		}
	}
	const dir = resolveBriefingDir(cli.flags.dir);
	const dataDir = new URL('../data/', import.meta.url);

	switch (command) {
		case 'ingest':
			return ingest(args, {dir, date: cli.flags.date});
		case 'extract':
			return extractCommand(args, {date: cli.flags.date, json: cli.flags.json});
		case undefined:
		case 'actors':
		case 'events':
		case 'quotes':
			if (args.length > 0) throw new Error(`${command ?? 'briefing'} takes no FILE; did you mean briefing ingest? (see briefing --help)`);
			// The dashboard needs a terminal to read keys from and draw on; anywhere else, text. Under CI
			// (CI or CONTINUOUS_INTEGRATION set) Ink draws nothing until it exits, so text there too.
			if (command === undefined && !cli.flags.json && interactive()) return dashboard({dir, dataDir});
			return show(command ?? 'briefing', {dir, dataDir, actor: cli.flags.actor, json: cli.flags.json});
		case 'notes':
			return notesCommand(args, {dir, actor: cli.flags.actor, json: cli.flags.json});
		case 'note':
			return noteCommand(args, {dir, event: cli.flags.event, quote: cli.flags.quote, actor: cli.flags.actor});
		case 'doctor':
			return doctorCommand(args, {dir, fix: cli.flags.fix});
		// Not in the help: maintainers regenerate data/sample-briefing.json with `npm run sample`.
		case 'sample-rebuild':
			return rebuildSample(dataDir, args[0]);
		default:
			throw new Error(`unknown command "${command}" (see briefing --help)`);
	}
}

// `briefing events | head` closes the pipe early; that is not an error worth a stack trace.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
	if (error.code === 'EPIPE') process.exit(0);
	throw error;
});

try {
	process.exitCode = await main();
} catch (error) {
	fail(errorMessage(error));
}
