import type {Box as Size} from './geometry.js';
import {ScrollView} from './ScrollView.js';
import type {Line} from './text.js';

// One event or quote in full (format/detail.ts builds the lines). q or Esc closes it.
export function DetailView({pane, lines, size, scroll}: {pane: 'feed' | 'quotes'; lines: Line[]; size: Size; scroll: number}) {
	return <ScrollView title={[{text: pane === 'feed' ? 'Event' : 'Quote', bold: true}]} lines={lines} size={size} scroll={scroll} />;
}
