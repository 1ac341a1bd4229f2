import {type Key, useApp, useInput, useStdin} from 'ink';
import {type Dispatch, type SetStateAction, useCallback, useLayoutEffect, useRef} from 'react';
import {dispatchKey} from '../dispatch.js';
import {keyPress} from '../keymap.js';
import type {Env, NoteRequest, UIState} from '../state.js';

// The only useInput of the dashboard. Each key becomes a KeyPress and goes to the pure dispatcher
// with the current state and environment (sizes, views); no component listens to keys on its own.
// The next state is computed at once, so keys that arrive before the next render build on each
// other, and q quits from here rather than from an effect. Input is off when stdin cannot be put
// in raw mode.
//
// A key that asks for a change to the notes (state.request) hands it to onRequest; what comes back
// later (the write's result) goes into the state through the returned update, which builds on the
// latest state as keys do.
//
// While the index holds only the first events of a large briefing (index.partial), keys wait, in
// order, and run once the whole briefing is on the screen: a page down or a filter then applies to
// all of it.
export function useKeymap(
	state: UIState,
	setState: Dispatch<SetStateAction<UIState>>,
	env: Env,
	onRequest: (request: NoteRequest) => void = () => {},
): (change: (state: UIState) => UIState) => void {
	const onRequestRef = useRef(onRequest);
	const stateRef = useRef(state);
	const envRef = useRef(env);
	useLayoutEffect(() => {
		stateRef.current = state;
		envRef.current = env;
		onRequestRef.current = onRequest;
	});
	const {exit} = useApp();
	const {isRawModeSupported} = useStdin();
	const waiting = useRef<Array<[string, Key]>>([]);
	const handle = useCallback(
		(input: string, key: Key) => {
			if (envRef.current.index.partial) {
				waiting.current.push([input, key]);
				return;
			}
			const previous = stateRef.current;
			const next = dispatchKey(previous, keyPress(input, key), envRef.current);
			if (next === previous) return;
			stateRef.current = next;
			setState(next);
			if (next.request && next.request !== previous.request) onRequestRef.current(next.request);
			if (next.quit) exit();
		},
		[setState, exit],
	);
	useLayoutEffect(() => {
		if (env.index.partial || waiting.current.length === 0) return;
		const keys = waiting.current;
		waiting.current = [];
		for (const [input, key] of keys) handle(input, key);
	});
	useInput(handle, {isActive: isRawModeSupported});
	return useCallback(
		(change: (state: UIState) => UIState) => {
			const next = change(stateRef.current);
			if (next === stateRef.current) return;
			stateRef.current = next;
			setState(next);
		},
		[setState],
	);
}
