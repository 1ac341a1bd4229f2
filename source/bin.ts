// dist/cli.js, the package's bin: it turns Node's compile cache on before the CLI (dist/main.js)
// loads, so the bundle and its chunks are compiled once and their code read back on later starts.
// The cache is Node's default one under the OS tmpdir; NODE_COMPILE_CACHE moves it and
// NODE_DISABLE_COMPILE_CACHE=1 turns it off. A static import would load the CLI before this runs.
import module from 'node:module';

// Node 20 has no enableCompileCache; the CLI then warns that it is past its end of life.
module.enableCompileCache?.();
await import('./cli.js');
