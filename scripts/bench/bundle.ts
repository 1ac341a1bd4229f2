// A bench program bundled as dist/ is: production React, split so that Ink's react-devtools-core
// import stays in a chunk never loaded. Returns the path of the bundled entry.
import {join} from 'node:path';
import {build, type Plugin} from 'esbuild';

export async function bundleBench(root: string, entry: string, name: string, plugins: Plugin[] = []): Promise<string> {
	const outdir = join(root, `node_modules/.cache/briefing-bench/${name}`);
	await build({
		entryPoints: [join(root, 'scripts/bench', entry)],
		outdir,
		entryNames: '[name]',
		chunkNames: 'chunks/[name]-[hash]',
		outExtension: {'.js': '.mjs'},
		splitting: true,
		bundle: true,
		platform: 'node',
		format: 'esm',
		target: 'node22',
		define: {'process.env.NODE_ENV': '"production"'},
		external: ['react-devtools-core'],
		banner: {js: "import {createRequire as __createRequire} from 'node:module';\nconst require = __createRequire(import.meta.url);"},
		plugins,
		logLevel: 'warning',
	});
	return join(outdir, entry.replace(/\.tsx?$/, '.mjs'));
}
