import {readFileSync} from 'node:fs';
import {parseCommandLine, formatHelp} from './args.js';
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

// Flags that only make sense for some commands are refused elsewhere rather than ignored.
const FLAG_COMMANDS = {
	date: ['ingest', 'extract'],
	actor: ['events', 'quotes', 'notes', 'note'],
	event: ['note'],
	quote: ['note'],
	json: [undefined, 'extract', 'actors', 'events', 'quotes', 'notes'],
	fix: ['doctor'],
} as const;

const inCi = (env: NodeJS.ProcessEnv) =>
	['CI', 'CONTINUOUS_INTEGRATION'].some((key) => key in env && env[key] !== '0' && env[key] !== 'false');
const interactive = () => Boolean(process.stdin.isTTY && process.stdout.isTTY) && !inCi(process.env);

const fail = (message: string) => {
	process.stderr.write(sanitize(`briefing: ${message}\n`));
	process.exitCode = 1;
};

// Node 20 is past its end of life, and the dashboard's dependencies need 22: say so in one line
// rather than fail somewhere inside them.
const MIN_NODE = 22;

async function main(): Promise<number> {
	const major = Number(process.versions.node.split('.')[0]);
	if (major < MIN_NODE)
		throw new Error(
			`needs Node ${MIN_NODE} or newer; this is Node ${process.versions.node} (npm start and npm test use the Node 24 that npm install brings)`,
		);
	const {command, args, flags} = parseCommandLine(process.argv.slice(2));
	if (flags.help) {
		process.stdout.write(formatHelp(help));
		return 0;
	}
	if (flags.version) {
		const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {version: string};
		process.stdout.write(`${pkg.version}\n`);
		return 0;
	}
	for (const [flag, commands] of Object.entries(FLAG_COMMANDS) as Array<[keyof typeof FLAG_COMMANDS, ReadonlyArray<string | undefined>]>) {
		const value = flags[flag];
		if (value !== undefined && value !== false && !commands.includes(command)) {
			throw new Error(`--${flag} does not apply to ${command ? `the ${command} command` : 'the briefing'} (see briefing --help)`);
		}
	}
	const dir = resolveBriefingDir(flags.dir);
	const dataDir = new URL('../data/', import.meta.url);

	switch (command) {
		case 'ingest':
			return ingest(args, {dir, date: flags.date});
		case 'extract':
			return extractCommand(args, {date: flags.date, json: flags.json});
		case undefined:
		case 'actors':
		case 'events':
		case 'quotes':
			if (args.length > 0) throw new Error(`${command ?? 'briefing'} takes no FILE; did you mean briefing ingest? (see briefing --help)`);
			// The dashboard needs a terminal to read keys from and draw on; anywhere else, text. Under CI
			// (CI or CONTINUOUS_INTEGRATION set) Ink draws nothing until it exits, so text there too.
			if (command === undefined && !flags.json && interactive()) return dashboard({dir, dataDir});
			return show(command ?? 'briefing', {dir, dataDir, actor: flags.actor, json: flags.json});
		case 'notes':
			return notesCommand(args, {dir, actor: flags.actor, json: flags.json});
		case 'note':
			return noteCommand(args, {dir, event: flags.event, quote: flags.quote, actor: flags.actor});
		case 'doctor':
			return doctorCommand(args, {dir, fix: flags.fix});
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
