import {Text} from 'ink';
import type {Line} from './text.js';
import {useTheme} from './theme.js';

// Draws one prepared Line. The Line was already cut to its width (text.ts fitLine), so Ink's
// truncation here is only a guard: a row can never wrap into the next one.
export function LineView({line}: {line: Line}) {
	const {color} = useTheme();
	if (line.length === 0) return <Text> </Text>;
	return (
		<Text wrap="truncate-end">
			{line.map((segment, i) => (
				<Text
					key={i}
					color={color ? segment.color : undefined}
					bold={segment.bold}
					dimColor={segment.dim}
					inverse={segment.inverse}
					underline={segment.underline}
				>
					{segment.text}
				</Text>
			))}
		</Text>
	);
}
