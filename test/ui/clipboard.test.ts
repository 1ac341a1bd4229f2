import {describe, expect, it} from 'vitest';
import {copyText, osc52, osc52Supported} from '../../source/ui/clipboard.js';

// How y copies: OSC 52 to the terminal where it can work, the system clipboard except over ssh.

describe('copying', () => {
	const recorder = () => {
		const written: string[] = [];
		const copied: string[] = [];
		return {
			written,
			copied,
			terminal: {write: (text: string) => written.push(text)},
			system: async (text: string) => {
				copied.push(text);
			},
		};
	};

	it('sends OSC 52 with the text in base64, and puts it on the system clipboard too', async () => {
		const r = recorder();
		expect(await copyText('“é” — x', r.terminal, {TERM: 'xterm-kitty'}, r.system)).toBe('OSC 52 and the system clipboard');
		expect(r.written).toEqual([osc52('“é” — x')]);
		expect(r.written[0]).toBe(`\x1b]52;c;${Buffer.from('“é” — x').toString('base64')}\x07`);
		expect(r.copied).toEqual(['“é” — x']);
	});

	it('leaves OSC 52 out where the terminal is known to lack it, and the system clipboard out over ssh', async () => {
		for (const env of [
			{TERM: 'linux'},
			{TERM: 'dumb'},
			{},
			{TERM: 'xterm-256color', TERM_PROGRAM: 'Apple_Terminal'},
			{TERM: 'xterm-256color', VTE_VERSION: '7600'},
		])
			expect(osc52Supported(env), JSON.stringify(env)).toBe(false);
		expect(osc52Supported({TERM: 'tmux-256color', VTE_VERSION: '7600', TMUX: '/tmp/tmux-0/default,1,0'})).toBe(true);
		const r = recorder();
		expect(await copyText('quote', r.terminal, {TERM: 'xterm-256color', SSH_CONNECTION: '10.0.0.1 5 10.0.0.2 22'}, r.system)).toBe(
			'OSC 52',
		);
		expect(r.copied).toEqual([]);
		await expect(copyText('quote', r.terminal, {TERM: 'linux', SSH_TTY: '/dev/pts/3'}, r.system)).rejects.toThrow(
			'could not copy: the terminal takes no OSC 52 and there is no system clipboard over ssh',
		);
	});
});
