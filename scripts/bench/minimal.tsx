// The reference for the dashboard's figures: the smallest Ink app, one Box, bundled the way
// dist/cli.js is (production React). It redraws a counter on every key and quits on Ctrl-C (Ink's default).
import {Box, Text, render, useInput} from 'ink';
import {useState} from 'react';

function Minimal() {
	const [keys, setKeys] = useState(0);
	useInput(() => setKeys((n) => n + 1));
	return (
		<Box borderStyle="single">
			<Text>minimal ink frame · {keys} keys</Text>
		</Box>
	);
}

render(<Minimal />);
