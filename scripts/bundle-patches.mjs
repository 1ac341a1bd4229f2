// Patches of Ink 8.0, its string-width and meow 14, applied while bundling (esbuild onLoad). Ink
// rebuilds every frame from nothing: its Output makes new caches of tokenised lines and character
// widths for each frame, and each text node's width is measured twice, so a key that changes two
// rows of a 120×40 screen still tokenises and measures every character on it. The patches keep
// those results from frame to frame, bounded, and widen string-width's fast path. Each is kept for
// what it saves, measured by `npm run bench -- --only render` (the CPU from a key to its frame,
// patched against Ink as it comes; at 10,000 events all three take it to 0.71-0.80, and leaving one
// out to 0.90 without the caches, 0.83 without the single measuring, 0.81 without the fast path).
// meow's spares every start work whose result briefing never reads. The build fails if the source
// no longer has the lines a patch replaces; package.json pins Ink's version for that reason.
import {readFile} from 'node:fs/promises';
import {createRequire} from 'node:module';
import {dirname} from 'node:path';

const require = createRequire(new URL('../node_modules/ink/package.json', import.meta.url));

// Lines kept between frames: several screens' worth (a 120×40 frame writes about 150 lines).
const KEEP = 2000;

const patches = [
	{
		file: /[\\/]ink[\\/]build[\\/]output\.js$/,
		from: '    caches = new OutputCaches();',
		to: '    caches = keptOutputCaches();',
		appended: `
let kept;
function keptOutputCaches() {
	if (kept === undefined || kept.styledChars.size > ${KEEP} || kept.blockWidths.size > ${KEEP} || kept.widths.size > ${KEEP * 4}) kept = new OutputCaches();
	return kept;
}
`,
	},
	{
		// Layout has already measured this text (measure-text.js keeps every width it measured);
		// Ink measures it a second time here to decide whether to wrap it.
		file: /[\\/]ink[\\/]build[\\/]render-node-to-output\.js$/,
		from: '            const currentWidth = widestLine(text);',
		to: '            const currentWidth = measureText(text).width;',
		prepended: "import measureText from './measure-text.js';\n",
	},
	{
		// Ink measures every line it draws with string-width, whose fast path is printable ASCII
		// only: a row with a · │ — “ or ▸ goes through Intl.Segmenter and the emoji regex a character
		// at a time. These are one column each, checked against string-width itself (the set of
		// source/ui/text.ts; U+00AD, zero columns, is left out); some are ambiguous East Asian
		// width, hence only when those are narrow, as Ink asks. Only the copy Ink resolves is patched.
		file: /[\\/]node_modules[\\/]string-width[\\/]index\.js$/,
		only: 'string-width',
		from: '	if (/^[\\u0020-\\u007E]*$/.test(string)) {',
		to: '	if (/^[\\u0020-\\u007E]*$/.test(string) || (ambiguousIsNarrow && ONE_COLUMN.test(string))) {',
		appended:
			'\nconst ONE_COLUMN = /^[\\u0020-\\u007E\\u00A0-\\u00AC\\u00AE-\\u02FF\\u2010-\\u2027\\u203A\\u2500-\\u259F\\u25B8\\u270E]*$/;\n',
	},
	{
		// meow's bundle of its dependencies runs normalize-package-data as it loads, which builds
		// the SPDX license corrections and semver's regular expressions: 8 ms of every start, for a
		// function meow calls only when its result's pkg is read, which briefing never does. The
		// promisify(execFile) whose result nothing keeps loads node:child_process for the text commands.
		file: /[\\/]meow[\\/]build[\\/]dependencies\.js$/,
		from: 'var normalizeExports = requireNormalize();\nconst normalizePackageData = getDefaultExportFromCjs(normalizeExports);\npromisify(execFile);',
		to: 'const normalizePackageData = (...args) => getDefaultExportFromCjs(requireNormalize())(...args);',
	},
];

export const bundlePatches = {
	name: 'bundle-patches',
	setup(build) {
		for (const {file, only, from, to, prepended = '', appended = ''} of patches) {
			build.onLoad({filter: file}, async ({path}) => {
				// A package other dependencies bundle an older copy of is patched where Ink resolves it.
				if (only && path !== require.resolve(only)) return undefined;
				const source = await readFile(path, 'utf8');
				if (!source.includes(from))
					throw new Error(
						`bundle-patches: ${path} no longer contains ${JSON.stringify(from.trim())}; check the patch against this version`,
					);
				return {contents: prepended + source.replace(from, to) + appended, loader: 'js', resolveDir: dirname(path)};
			});
		}
	},
};
