// Ink 6.8 rebuilds every frame from nothing: its Output makes new caches of tokenised lines and
// character widths for each frame, and each text node's width is measured twice, so a key that changes
// two rows of a 120×40 screen still tokenises and measures every character on it. Profiled with
// --cpu-prof on a briefing of 10,000 events, that was about 17 of the 26 ms a `j` took. This
// esbuild plugin keeps those results from frame to frame, bounded, and fails the build if Ink's
// source no longer has the lines it replaces.
import {readFile} from 'node:fs/promises';
import {dirname} from 'node:path';

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
	if (kept === undefined || kept.styledChars.size > ${KEEP} || kept.widths.size > ${KEEP * 4}) kept = new OutputCaches();
	return kept;
}
`,
	},
	{
		// Layout has already measured this text (measure-text.js keeps every width it measured);
		// Ink measures it a second time here to decide whether to wrap it.
		file: /[\\/]ink[\\/]build[\\/]render-node-to-output\.js$/,
		from: '                const currentWidth = widestLine(text);',
		to: '                const currentWidth = measureText(text).width;',
		prepended: "import measureText from './measure-text.js';\n",
	},
];

export const inkPatches = {
	name: 'ink-patches',
	setup(build) {
		for (const {file, from, to, prepended = '', appended = ''} of patches) {
			build.onLoad({filter: file}, async ({path}) => {
				const source = await readFile(path, 'utf8');
				if (!source.includes(from)) throw new Error(`ink-patches: ${path} no longer contains ${JSON.stringify(from.trim())}; check the patch against this Ink version`);
				return {contents: prepended + source.replace(from, to) + appended, loader: 'js', resolveDir: dirname(path)};
			});
		}
	},
};
