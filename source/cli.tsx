import type {Args} from './args.js';
import {doctorCommand} from './commands/doctor.js';
import {exportCommand} from './commands/export.js';
import {extractCommand} from './commands/extract.js';
import {dashboard} from './commands/dashboard.js';
import {DEFAULT_LIMITS, type Limits} from './commands/extractor.js';
import {errorMessage} from './output/errorMessage.js';
import {DEFAULT_FETCH_SECONDS, packageVersion} from './commands/fetch.js';
import {ingest} from './commands/ingest.js';
import {noteCommand, notesCommand} from './commands/notes.js';
import {rebuildSample} from './commands/sample.js';
import {show} from './commands/show.js';
import {sanitize} from './output/sanitize.js';
import {resolveBriefingDir} from './store/dir.js';

const inCi = (env: NodeJS.ProcessEnv) =>
	['CI', 'CONTINUOUS_INTEGRATION'].some((key) => key in env && env[key] !== '0' && env[key] !== 'false');
// The dashboard draws by moving the cursor, which a terminal that says it is dumb (TERM=dumb, as
// Emacs's shell buffers do) cannot; nor can one that names no type at all, where curses programs
// refuse to start (on Windows, where consoles set no TERM, it is taken to be able to).
const movesCursor = (env: NodeJS.ProcessEnv) => (env['TERM'] ? env['TERM'] !== 'dumb' : process.platform === 'win32');
const interactive = () => Boolean(process.stdin.isTTY && process.stdout.isTTY) && !inCi(process.env) && movesCursor(process.env);

const fail = (message: string) => {
	process.stderr.write(sanitize(`briefing: ${message}\n`));
	process.exitCode = 1;
};

// Node 20 is past its end of life and briefing is built and tested on 22 and 24. It still runs
// there, and scripts that call `node dist/cli.js` with an older system Node keep working, so an
// older Node is warned about, in one line where someone reads it, rather than refused.
const SUPPORTED_NODE = 22;

// A command line to run: help has been printed by then.
type ToRun = Omit<Args, 'command'> & {command: Exclude<Args['command'], 'help'>};

// `briefing` alone, the dashboard: the command line has nothing to read.
const BARE: ToRun = {command: undefined, args: [], flags: {actors: [], json: false, fix: false, help: false, version: false}};

async function main(): Promise<number> {
	const major = Number(process.versions.node.split('.')[0]);
	if (major < SUPPORTED_NODE && process.stderr.isTTY)
		process.stderr.write(
			`briefing: this is Node ${process.versions.node}, past its end of life; briefing supports Node ${SUPPORTED_NODE} and newer (npm start uses the Node 24 that npm install brings)\n`,
		);
	const argv = process.argv.slice(2);
	// meow and the help are loaded only for a command line to read, so the dashboard opened as
	// `briefing` starts without them.
	if (argv.length === 0) return run(BARE);
	const {parseCommandLine, helpFor} = await import('./args.js');
	const {command, args, flags} = parseCommandLine(argv);
	if (flags.help || command === 'help') {
		process.stdout.write(helpFor({command, args}));
		return 0;
	}
	if (flags.version) {
		process.stdout.write(`${packageVersion()}\n`);
		return 0;
	}
	return run({command, args, flags});
}

function positive(value: string | undefined, flag: string, unit: string, fallback: number): number {
	if (value === undefined) return fallback;
	const number = Number(value);
	if (!Number.isFinite(number) || number <= 0) throw new Error(`${flag} ${value} is not a number of ${unit} above 0`);
	return number;
}

const limitsOf = (flags: ToRun['flags']): Limits => ({
	seconds: positive(flags.timeLimit, '--time-limit', 'seconds', DEFAULT_LIMITS.seconds),
	megabytes: Math.ceil(positive(flags.memoryLimit, '--memory-limit', 'megabytes', DEFAULT_LIMITS.megabytes)),
});

async function run({command, args, flags}: ToRun): Promise<number> {
	const dir = resolveBriefingDir(flags.dir);
	const dataDir = new URL('../data/', import.meta.url);

	switch (command) {
		case 'ingest':
			return ingest(args, {
				dir,
				date: flags.date,
				limits: limitsOf(flags),
				fetchSeconds: positive(flags.fetchTimeout, '--fetch-timeout', 'seconds', DEFAULT_FETCH_SECONDS),
			});
		case 'extract':
			return extractCommand(args, {date: flags.date, json: flags.json, limits: limitsOf(flags)});
		case undefined:
		case 'actors':
		case 'events':
		case 'quotes':
			if (args.length > 0) throw new Error(`${command ?? 'briefing'} takes no FILE; did you mean briefing ingest? (see briefing --help)`);
			// The dashboard needs a terminal to read keys from and draw on; anywhere else, text. Under CI
			// (CI or CONTINUOUS_INTEGRATION set) Ink draws nothing until it exits, so text there too, and
			// on a terminal that cannot move the cursor.
			if (command === undefined && !flags.json && interactive()) return dashboard({dir, dataDir});
			return show(command ?? 'briefing', {dir, dataDir, actor: flags.actor, json: flags.json});
		case 'notes':
			return notesCommand(args, {dir, actor: flags.actor, json: flags.json});
		case 'note':
			return noteCommand(args, {dir, event: flags.event, quote: flags.quote, actor: flags.actor});
		case 'export':
			return exportCommand(args, {
				dir,
				dataDir,
				actors: flags.actors,
				since: flags.since,
				until: flags.until,
				format: flags.format,
				output: flags.output,
			});
		case 'doctor':
			return doctorCommand(args, {dir, fix: flags.fix});
		// Not in the help: maintainers regenerate data/sample-briefing.json with `npm run sample`.
		case 'sample-rebuild':
			return rebuildSample(dataDir, args[0]);
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
