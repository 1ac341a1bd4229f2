import {type Key, useApp, useInput, useStdin} from 'ink';
import {type Dispatch, type SetStateAction, useCallback, useLayoutEffect, useRef} from 'react';
import {dispatchKey} from '../dispatch.js';
import {keyPress} from '../keymap.js';
import type {Env, UIState} from '../state.js';

// The only useInput of the dashboard. Each key becomes a KeyPress and goes to the pure dispatcher
// with the current state and environment (sizes, views); no component listens to keys on its own.
// The next state is computed at once, so keys that arrive before the next render build on each
// other, and q quits from here rather than from an effect. Input is off when stdin cannot be put
// in raw mode.
export function useKeymap(state: UIState, setState: Dispatch<SetStateAction<UIState>>, env: Env): void {
	const stateRef = useRef(state);
	const envRef = useRef(env);
	useLayoutEffect(() => {
		stateRef.current = state;
		envRef.current = env;
	});
	const {exit} = useApp();
	const {isRawModeSupported} = useStdin();
	const handle = useCallback(
		(input: string, key: Key) => {
			const next = dispatchKey(stateRef.current, keyPress(input, key), envRef.current);
			if (next === stateRef.current) return;
			stateRef.current = next;
			setState(next);
			if (next.quit) exit();
		},
		[setState, exit],
	);
	useInput(handle, {isActive: isRawModeSupported});
}
