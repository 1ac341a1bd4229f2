import {readdirSync, readFileSync} from 'node:fs';
import {join, relative} from 'node:path';
import {fileURLToPath} from 'node:url';
import {check, type Diagnostics} from 'recheck';
import ts from 'typescript';
import {beforeAll, describe, expect, it} from 'vitest';

// Text is untrusted, so no regular expression in source/ may backtrack super-linearly on any
// input. recheck decides it for each: by automata theory where it can, else by fuzzing. Its time
// limits are lifted and its seed fixed, so that a busy machine gives the same verdict as an idle one.
const PARAMETERS = {randomSeed: 16, timeout: null, attackTimeout: null, incubationTimeout: null, seedingTimeout: null};

const root = fileURLToPath(new URL('..', import.meta.url));
const sourceDir = join(root, 'source');
const testFile = fileURLToPath(import.meta.url);

type Found = {where: string; source: string; flags: string};
type Site = {file: string; where: string; inFunction: boolean};

// The regular expression literals of one file, and the places where it calls RegExp itself.
function regexesIn(file: string, text: string): {literals: Found[]; sites: Site[]} {
	const kind = file.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
	const tree = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, kind);
	const literals: Found[] = [];
	const sites: Site[] = [];
	const where = (node: ts.Node) => `${file}:${tree.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
	const visit = (node: ts.Node, inFunction: boolean) => {
		if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) {
			const literal = node.getText();
			const slash = literal.lastIndexOf('/');
			literals.push({where: where(node), source: literal.slice(1, slash), flags: literal.slice(slash + 1)});
		}
		if ((ts.isNewExpression(node) || ts.isCallExpression(node)) && ts.isIdentifier(node.expression) && node.expression.text === 'RegExp')
			sites.push({file, where: where(node), inFunction});
		ts.forEachChild(node, (child) => visit(child, inFunction || ts.isFunctionLike(node)));
	};
	visit(tree, false);
	return {literals, sites};
}

function sourceFiles(dir: string): string[] {
	return readdirSync(dir, {withFileTypes: true}).flatMap((entry) => {
		const path = join(dir, entry.name);
		if (entry.isDirectory()) return sourceFiles(path);
		return /\.tsx?$/.test(entry.name) ? [path] : [];
	});
}

// What a regular expression built at run time turns out to be: each file that calls RegExp is
// imported with RegExp wrapped, and what it builds is kept with the file that built it.
async function builtWhenImported(files: string[]): Promise<Array<Found & {file: string}>> {
	const built: Array<Found & {file: string}> = [];
	const original = globalThis.RegExp;
	const record = (made: RegExp) => {
		// The frame that called RegExp: the first below this file's own.
		const caller =
			(new Error().stack ?? '').split('\n').find((frame) => frame.trimStart().startsWith('at ') && !frame.includes(testFile)) ?? '';
		const file = files.find((name) => caller.includes(name));
		if (file) built.push({file, where: relative(root, file), source: made.source, flags: made.flags});
		return made;
	};
	globalThis.RegExp = new Proxy(original, {
		construct: (target, args, newTarget) => record(Reflect.construct(target, args, newTarget) as RegExp),
		apply: (target, self, args) => record(Reflect.apply(target, self, args) as RegExp),
	});
	try {
		for (const file of files) await import(file);
	} finally {
		globalThis.RegExp = original;
	}
	return built;
}

async function problems(found: Found[]): Promise<string[]> {
	const out: string[] = [];
	for (const {where, source, flags} of found) {
		const verdict: Diagnostics = await check(source, flags, PARAMETERS);
		if (verdict.status === 'safe') continue;
		const detail =
			verdict.status === 'vulnerable'
				? `${verdict.complexity.summary}, e.g. on ${JSON.stringify(verdict.attack.pattern)}`
				: `${verdict.status}: ${JSON.stringify(verdict.error)}`;
		out.push(`${where} /${source}/${flags}: ${detail}`);
	}
	return out;
}

describe('the regular expressions in source/', () => {
	const files = sourceFiles(sourceDir);
	const scanned = files.map((file) => regexesIn(relative(root, file), readFileSync(file, 'utf8')));
	const literals = scanned.flatMap((s) => s.literals);
	const sites = scanned.flatMap((s) => s.sites);
	const siteFiles = [...new Set(sites.map((site) => join(root, site.file)))];
	let built: Awaited<ReturnType<typeof builtWhenImported>> = [];
	beforeAll(async () => {
		built = await builtWhenImported(siteFiles);
	});

	it('are all found: every literal, and every RegExp built where importing its file builds it', () => {
		expect(literals.length).toBeGreaterThan(100);
		expect(literals.map((l) => `/${l.source}/${l.flags}`)).toContain(String.raw`/^\s*date\s+(\S+)\s+/`);
		expect(sites.length).toBeGreaterThan(0);
		// One built inside a function would be built from what it is given only when called: build it
		// where the file is loaded, so that it is checked here.
		expect(sites.filter((site) => site.inFunction).map((site) => site.where)).toEqual([]);
		for (const file of siteFiles) {
			const count = sites.filter((site) => join(root, site.file) === file).length;
			expect(built.filter((b) => b.file === file).length, file).toBeGreaterThanOrEqual(count);
		}
	});

	it('cannot backtrack super-linearly', async () => {
		expect(await problems([...literals, ...built])).toEqual([]);
	});

	it('would be flagged if one could', async () => {
		// The Markdown heading rule that once took minutes on a line of spaces, and a classic one built
		// at run time.
		const bad = String.raw`
			const HEADING = /^#{1,6}\s+(.+?)\s*#*\s*$/;
			const fine = /^\d{4}-\d{2}-\d{2}$/;
			const built = new RegExp('^(a|a)*$');
		`;
		const {literals: found, sites: calls} = regexesIn('bad.ts', bad);
		expect(found.map((f) => f.source)).toEqual([String.raw`^#{1,6}\s+(.+?)\s*#*\s*$`, String.raw`^\d{4}-\d{2}-\d{2}$`]);
		expect(calls).toHaveLength(1);
		const flagged = await problems([...found, {where: 'bad.ts:4', source: '^(a|a)*$', flags: ''}]);
		expect(flagged).toHaveLength(2);
		expect(flagged[0]).toMatch(/^bad\.ts:2 .*polynomial/);
		expect(flagged[1]).toMatch(/^bad\.ts:4 .*exponential/);
	});
});
