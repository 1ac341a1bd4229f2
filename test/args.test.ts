import {describe, expect, it} from 'vitest';
import {COMMANDS, formatHelp, helpFor, parseCommandLine} from '../source/args.js';

const flags = {actors: [], json: false, fix: false, help: false, version: false};

describe('the command line', () => {
	it('gives the command, its arguments and the flags, in either spelling of a value', () => {
		expect(parseCommandLine(['events', '--actor', 'Zelenskyy', '--json'])).toEqual({
			command: 'events',
			args: [],
			flags: {...flags, actor: 'Zelenskyy', actors: ['Zelenskyy'], json: true},
		});
		expect(parseCommandLine(['ingest', 'a.md', 'b.md', '--dir=/tmp/b'])).toEqual({
			command: 'ingest',
			args: ['a.md', 'b.md'],
			flags: {...flags, dir: '/tmp/b'},
		});
		expect(parseCommandLine([])).toEqual({command: undefined, args: [], flags});
		// After --, and a lone -, are arguments (note add's - reads the text from stdin).
		expect(parseCommandLine(['note', 'add', '--event', 'e-1', '-'])).toMatchObject({args: ['add', '-'], flags: {event: 'e-1'}});
		expect(parseCommandLine(['ingest', '--', '--odd-name.md'])).toMatchObject({command: 'ingest', args: ['--odd-name.md']});
	});

	it('refuses what it does not know, and values that are missing, extra or given twice, in one line', () => {
		expect(() => parseCommandLine(['events', '--bogus'])).toThrow(/^unknown option --bogus \(see briefing --help\)$/);
		// -h and -v are the only short flags, and each alone.
		expect(() => parseCommandLine(['-x'])).toThrow(/^unknown option -x \(see briefing --help\)$/);
		expect(() => parseCommandLine(['-hv'])).toThrow(/^unknown option -hv /);
		expect(() => parseCommandLine(['--no-json'])).toThrow(/^unknown option --no-json /);
		expect(() => parseCommandLine(['events', '--actor'])).toThrow(/^--actor needs a value$/);
		expect(() => parseCommandLine(['events', '--dir='])).toThrow(/^--dir needs a value$/);
		expect(() => parseCommandLine(['events', '--dir', '--json'])).toThrow(/^--dir needs a value$/);
		expect(() => parseCommandLine(['events', '--json=false'])).toThrow(/^--json takes no value /);
		expect(() => parseCommandLine(['events', '--actor', 'a', '--actor', 'b'])).toThrow(/^--actor can be given only once /);
		// export takes any of several actors.
		expect(parseCommandLine(['export', '--actor', 'a', '--actor', 'b', '-o', 'x.md'])).toMatchObject({
			flags: {actors: ['a', 'b'], output: 'x.md'},
		});
		expect(() => parseCommandLine(['events', '--json', '--json'])).toThrow(/^--json can be given only once /);
		expect(() => parseCommandLine(['-h', '--help'])).toThrow(/^--help can be given only once /);
		expect(() => parseCommandLine(['events', '--actor', '-x'])).toThrow(/^--actor needs a value$/);
		expect(() => parseCommandLine(['-h=1'])).toThrow(/^unknown option -h=1 /);
		expect(() => parseCommandLine(['--help=yes'])).toThrow(/^--help takes no value /);
		expect(() => parseCommandLine(['frobnicate'])).toThrow(/^unknown command "frobnicate" \(see briefing --help\)$/);
		expect(() => parseCommandLine(['actors', '--actor', 'x'])).toThrow(/^--actor does not apply to the actors command /);
		expect(() => parseCommandLine(['--fix'])).toThrow(/^--fix does not apply to the briefing /);
		expect(() => parseCommandLine(['help', 'ingest', '--json'])).toThrow(/^--json does not apply to the help command /);
	});

	it('reads -h and -v as --help and --version, which any command takes', () => {
		expect(parseCommandLine(['-h'])).toEqual({command: undefined, args: [], flags: {...flags, help: true}});
		expect(parseCommandLine(['-v'])).toEqual({command: undefined, args: [], flags: {...flags, version: true}});
		expect(parseCommandLine(['ingest', '-h'])).toEqual({command: 'ingest', args: [], flags: {...flags, help: true}});
		// Help is asked for, so a flag the command would refuse does not stand in its way.
		expect(parseCommandLine(['actors', '--fix', '--help'])).toMatchObject({command: 'actors', flags: {fix: true, help: true}});
	});

	it("gives every command's help from the same table as the general help", () => {
		const general = helpFor({command: undefined, args: []});
		const unwrapped = (help: string) => help.replace(/\s+/g, ' ');
		expect(helpFor({command: 'help', args: []})).toBe(general);
		for (const {name, forms, examples} of COMMANDS) {
			if (name === undefined || name === 'sample-rebuild') continue;
			// `briefing help COMMAND` is `briefing COMMAND --help`, but for help itself.
			const own = helpFor({command: 'help', args: [name]});
			if (name !== 'help') expect(helpFor({command: name, args: []})).toBe(own);
			for (const {summary} of forms) {
				expect(unwrapped(own)).toContain(summary);
				expect(unwrapped(general)).toContain(summary);
			}
			for (const example of examples) {
				expect(own).toContain(`$ briefing ${example}\n`);
				expect(general).toContain(`$ briefing ${example}\n`);
			}
			expect(own).toMatch(new RegExp(`\\$ briefing ${name}\\b`));
			expect(own).toContain('-h, --help');
		}
		expect(general).not.toContain('sample-rebuild');
		expect(helpFor({command: 'ingest', args: []})).toMatch(/--date YYYY-MM-DD +The date of articles that give none/);
		expect(helpFor({command: 'ingest', args: []})).not.toContain('--json');
		expect(() => helpFor({command: 'help', args: ['nosuch']})).toThrow(/^unknown command "nosuch" \(see briefing --help\)$/);
		expect(() => helpFor({command: 'help', args: ['ingest', 'notes']})).toThrow(/^help takes one COMMAND at most /);
	});

	it('keeps every line of the help within 80 columns', () => {
		const helps = [undefined, ...COMMANDS.map((c) => c.name)].map((name) => helpFor({command: 'help', args: name ? [name] : []}));
		for (const line of helps.join('\n').split('\n')) expect(line.length, line).toBeLessThanOrEqual(80);
	});

	it('prints the help between blank lines, indented by two spaces', () => {
		expect(formatHelp('\n\tUsage\n\t  $ briefing\n\n\tMore\n')).toBe('\n  Usage\n    $ briefing\n\n  More\n\n');
	});
});
