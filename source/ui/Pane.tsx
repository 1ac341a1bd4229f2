import {Box} from 'ink';
import type {ReactNode} from 'react';
import {paneTop} from './format/chrome.js';
import type {Box as Size} from './geometry.js';
import {LineView} from './LineView.js';
import type {Segment} from './text.js';
import {FOCUS_COLOR, useTheme} from './theme.js';

// A bordered pane of an exact size with its title in the top border. Its children are the rows
// that fit inside: (width - 2) × (height - 2).
export function Pane({title, size, focused, children}: {title: Segment[]; size: Size; focused: boolean; children: ReactNode}) {
	const {color} = useTheme();
	return (
		<Box flexDirection="column" width={size.width} height={size.height} flexShrink={0}>
			<LineView line={paneTop(title, size.width, focused)} />
			{/* Keyed by focus: Ink applies a changed borderStyle without the borderTop={false} next to it,
			    which would add a top border inside the pane. A new box gets both. */}
			<Box
				key={focused ? 'focused' : 'unfocused'}
				flexDirection="column"
				borderStyle={focused ? 'bold' : 'round'}
				borderTop={false}
				borderColor={focused && color ? FOCUS_COLOR : undefined}
				borderDimColor={!focused}
				width={size.width}
				height={size.height - 1}
			>
				{children}
			</Box>
		</Box>
	);
}
