// Bundles source/cli.tsx into dist/main.js, which dist/cli.js (source/bin.ts) loads once it has
// turned Node's compile cache on. A bundle with production React starts about twice as fast as the
// same app resolving node_modules at run time. The dashboard (Ink, React, Yoga) is split into
// dist/chunks/ and loaded by its dynamic import only when the dashboard opens, so the text commands
// start without it; so are meow and the help, loaded only when there are arguments. ink's
// react-devtools-core import stays in a chunk that only DEV=true loads.
import {existsSync, readdirSync, rmSync, statSync} from 'node:fs';
import {basename, join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {build} from 'esbuild';
import {bundlePatches} from './bundle-patches.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const outfile = join(root, 'dist/cli.js');

function newestMtime(dir) {
	let newest = 0;
	for (const entry of readdirSync(dir, {withFileTypes: true})) {
		const path = join(dir, entry.name);
		newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
	}
	return newest;
}

function isStale() {
	try {
		const built = statSync(outfile).mtimeMs;
		const inputs = [join(root, 'package.json'), join(root, 'package-lock.json')].map((p) => statSync(p).mtimeMs);
		return Math.max(newestMtime(join(root, 'source')), ...inputs) > built;
	} catch {
		return true;
	}
}

if (process.argv.includes('--if-stale') && !isStale()) process.exit(0);

const result = await build({
	metafile: true,
	// The extraction, the merge of what ingest extracted and what extract shows run in worker threads
	// of their own files (source/commands/extractor.ts, merger.ts, printer.ts).
	entryPoints: {
		cli: join(root, 'source/bin.ts'),
		main: join(root, 'source/cli.tsx'),
		'extract-worker': join(root, 'source/commands/extract-worker.ts'),
		'merge-worker': join(root, 'source/commands/merge-worker.ts'),
		'print-worker': join(root, 'source/commands/print-worker.ts'),
	},
	outdir: join(root, 'dist'),
	entryNames: '[name]',
	chunkNames: 'chunks/[name]-[hash]',
	splitting: true,
	bundle: true,
	platform: 'node',
	format: 'esm',
	target: 'node22',
	minify: false,
	legalComments: 'none',
	define: {'process.env.NODE_ENV': '"production"'},
	// ink pulls in react-devtools-core only when DEV is set; it is not installed.
	external: ['react-devtools-core'],
	banner: {
		// Bundled CommonJS dependencies call require(); give the ESM bundle one.
		js: "#!/usr/bin/env node\nimport {createRequire as __createRequire} from 'node:module';\nconst require = __createRequire(import.meta.url);",
	},
	plugins: [bundlePatches],
	logLevel: 'warning',
});

// Chunks of earlier builds go only once the new ones are written, so a briefing (or a test)
// started during a build still finds the chunks its cli.js imports.
const chunks = join(root, 'dist/chunks');
const current = new Set(Object.keys(result.metafile.outputs).map((file) => basename(file)));
for (const name of existsSync(chunks) ? readdirSync(chunks) : []) if (!current.has(name)) rmSync(join(chunks, name), {force: true});
