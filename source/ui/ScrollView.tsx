import {type Box as Size, inner} from './geometry.js';
import {LineView} from './LineView.js';
import {Pane} from './Pane.js';
import type {Line, Segment} from './text.js';
import {clampScroll} from './window.js';

// A pane of text lines scrolled to `scroll`; only the lines on screen are drawn. The lines were
// made for the pane's inside less a column of margin on each side (textWidth).
export const textWidth = (size: Size) => Math.max(1, inner(size).width - 2);

export function ScrollView({title, lines, size, scroll}: {title: Segment[]; lines: Line[]; size: Size; scroll: number}) {
	const {height} = inner(size);
	const start = clampScroll(scroll, lines.length, height);
	const more =
		lines.length > height ? [{text: ` ${start + 1}–${Math.min(start + height, lines.length)} of ${lines.length} lines`, dim: true}] : [];
	return (
		<Pane title={[...title, ...more]} size={size} focused>
			{lines.slice(start, start + height).map((line, i) => (
				<LineView key={i} line={[{text: ' '}, ...line]} />
			))}
		</Pane>
	);
}
