import {spawnSync} from 'node:child_process';
import {mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';

// A note written in the reader's own editor ($VISUAL, else $EDITOR, else vi), as git commit does:
// the text goes into a file of its own, the editor runs on it in the terminal, and what it saved
// is read back. The file is in a private temporary directory (notes are private) and removed
// afterwards. The editor command goes through the shell, so EDITOR="code --wait" works.

export type EditorOutcome = {saved: string} | {cancelled: string};

export function editorCommand(env: NodeJS.ProcessEnv): string {
	return env['VISUAL']?.trim() || env['EDITOR']?.trim() || 'vi';
}

// `inherit`: the editor gets the terminal (stdin, stdout, stderr); false where there is none.
export function editInEditor(text: string, env: NodeJS.ProcessEnv, inherit: boolean): EditorOutcome {
	const dir = mkdtempSync(join(tmpdir(), 'briefing-note-'));
	const file = join(dir, 'note.md');
	try {
		writeFileSync(file, text.endsWith('\n') || text === '' ? text : `${text}\n`, {mode: 0o600});
		const command = editorCommand(env);
		const result = spawnSync('/bin/sh', ['-c', `${command} "$1"`, 'sh', file], {env, stdio: inherit ? 'inherit' : 'ignore'});
		if (result.error) return {cancelled: `could not run the editor (${command}): ${result.error.message}`};
		if (result.status !== 0) return {cancelled: `the editor (${command}) exited with ${result.status ?? result.signal}: nothing was saved`};
		// Editors end the file with a line break; the note does not.
		const saved = withoutFinalBreaks(readFileSync(file, 'utf8').replace(/\r\n?/g, '\n'));
		return saved.trim() ? {saved} : {cancelled: 'the editor saved an empty note: nothing was saved'};
	} finally {
		rmSync(dir, {recursive: true, force: true});
	}
}

// The text without the line breaks it ends with, found from the end: /\n+$/ is tried again from
// every break of a run.
function withoutFinalBreaks(text: string): string {
	let end = text.length;
	while (end > 0 && text[end - 1] === '\n') end--;
	return text.slice(0, end);
}
