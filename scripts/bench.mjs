// Bundles the benchmark (scripts/bench/run.ts and the source it measures) and runs it.
import {spawnSync} from 'node:child_process';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {build} from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const outfile = join(root, 'node_modules/.cache/briefing-bench/run.mjs');
await build({
	entryPoints: [join(root, 'scripts/bench/run.ts')],
	outfile,
	bundle: true,
	platform: 'node',
	format: 'esm',
	packages: 'external',
	define: {'process.env.NODE_ENV': '"production"'},
	logLevel: 'warning',
});
const result = spawnSync(process.execPath, ['--expose-gc', outfile, ...process.argv.slice(2)], {stdio: 'inherit', cwd: root});
process.exit(result.status ?? 1);
