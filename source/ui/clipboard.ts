import clipboardy from 'clipboardy';
import {errorMessage} from '../output/errorMessage.js';

// `y`: text put on the clipboard. Two ways, since neither works everywhere and a terminal cannot
// be asked whether it took the text:
// - OSC 52, an escape sequence the terminal turns into a clipboard write: it works over ssh and in
//   most terminals (xterm, kitty, WezTerm, iTerm2, Alacritty, foot, Windows Terminal; tmux with
//   set-clipboard on), not in those known to lack it (Apple's Terminal, VTE-based ones such as
//   GNOME Terminal, the Linux console), where it is not sent;
// - the system clipboard (clipboardy: pbcopy, wl-copy, xsel, the Windows clipboard), except over
//   ssh, where it would be the remote machine's.
// The status line says which took it.

export type ClipboardWriter = (text: string) => Promise<void>;

export const systemClipboard: ClipboardWriter = (text) => clipboardy.write(text);

export const osc52 = (text: string) => `\x1b]52;c;${Buffer.from(text, 'utf8').toString('base64')}\x07`;

export function osc52Supported(env: NodeJS.ProcessEnv): boolean {
	const term = env['TERM'] ?? '';
	if (term === 'dumb' || term === 'linux' || term === '') return false;
	if (env['TERM_PROGRAM'] === 'Apple_Terminal') return false;
	// VTE terminals ignore it, but a multiplexer inside one may pass it on.
	if (env['VTE_VERSION'] && !env['TMUX'] && !term.startsWith('screen')) return false;
	return true;
}

const overSsh = (env: NodeJS.ProcessEnv) => Boolean(env['SSH_CONNECTION'] || env['SSH_TTY']);

// Copies `text`; resolves with how ("OSC 52 and the system clipboard"), or rejects with why not.
export async function copyText(
	text: string,
	terminal: {write: (text: string) => unknown} | null,
	env: NodeJS.ProcessEnv,
	system: ClipboardWriter = systemClipboard,
): Promise<string> {
	const ways: string[] = [];
	if (terminal && osc52Supported(env)) {
		// Straight to the terminal, not through Ink's write, which clears the frame and draws it again
		// below what it writes: the sequence draws nothing and moves no cursor, and Ink writes a frame
		// within one turn of the event loop, so it cannot land inside one.
		terminal.write(osc52(text));
		ways.push('OSC 52');
	}
	let failure = '';
	if (!overSsh(env)) {
		try {
			await system(text);
			ways.push('the system clipboard');
		} catch (error) {
			failure = errorMessage(error).split('\n')[0]!;
		}
	}
	if (ways.length === 0)
		throw new Error(`could not copy: ${failure || 'the terminal takes no OSC 52 and there is no system clipboard over ssh'}`);
	return ways.join(' and ');
}
