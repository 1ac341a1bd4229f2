import {describe, expect, it} from 'vitest';
import {formatHelp, parseCommandLine} from '../source/args.js';

const flags = {json: false, fix: false, help: false, version: false};

describe('the command line', () => {
	it('gives the command, its arguments and the flags, in either spelling of a value', () => {
		expect(parseCommandLine(['events', '--actor', 'Zelenskyy', '--json'])).toEqual({
			command: 'events',
			args: [],
			flags: {...flags, actor: 'Zelenskyy', json: true},
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
		expect(() => parseCommandLine(['-h'])).toThrow(/^unknown option -h /);
		expect(() => parseCommandLine(['--no-json'])).toThrow(/^unknown option --no-json /);
		expect(() => parseCommandLine(['events', '--actor'])).toThrow(/^--actor needs a value$/);
		expect(() => parseCommandLine(['events', '--dir='])).toThrow(/^--dir needs a value$/);
		expect(() => parseCommandLine(['events', '--dir', '--json'])).toThrow(/^--dir needs a value$/);
		expect(() => parseCommandLine(['events', '--json=false'])).toThrow(/^--json takes no value /);
		expect(() => parseCommandLine(['events', '--actor', 'a', '--actor', 'b'])).toThrow(/^--actor can be given only once /);
	});

	it('prints the help between blank lines, indented by two spaces', () => {
		expect(formatHelp('\n\tUsage\n\t  $ briefing\n\n\tMore\n')).toBe('\n  Usage\n    $ briefing\n\n  More\n\n');
	});
});
