import type {Box as Size} from './geometry.js';
import {ScrollView} from './ScrollView.js';
import type {Line} from './text.js';

// The keys, from the keymap (format/help.ts builds the lines). q, ? or Esc closes it.
export function HelpOverlay({lines, size, scroll}: {lines: Line[]; size: Size; scroll: number}) {
	return (
		<ScrollView
			title={[
				{text: 'Keys', bold: true},
				{text: ' · q, ? or Esc closes', dim: true},
			]}
			lines={lines}
			size={size}
			scroll={scroll}
		/>
	);
}
