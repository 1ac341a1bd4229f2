import {useLayoutEffect, useRef} from 'react';

// A list's window that scrolls from where it was: `windowFor` gets the previous first row and
// returns the new window (window.ts has the rules). The first row is remembered after each render.
export function useListWindow<W extends {offset: number}>(windowFor: (previous: number) => W): W {
	const previous = useRef(0);
	const window = windowFor(previous.current);
	useLayoutEffect(() => {
		previous.current = window.offset;
	});
	return window;
}
