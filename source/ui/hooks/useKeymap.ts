import {type Key, useApp, useInput, useStdin} from 'ink';
import {type Dispatch, type SetStateAction, useCallback, useLayoutEffect, useRef} from 'react';
import {dispatchKey, needsWhole} from '../dispatch.js';
import {release} from '../heldKeys.js';
import {type KeyPress, keyPress} from '../keymap.js';
import type {Env, Request, UIState} from '../state.js';
import type {Screen} from './useScreen.js';

// The only useInput of the dashboard. Each key becomes a KeyPress and goes to the pure dispatcher
// with the current state and environment (sizes, views); no component listens to keys on its own.
// The next state is computed at once, so keys that arrive before the next render build on each
// other, and q quits from here rather than from an effect, as Ctrl-L redraws and Ctrl-Z suspends
// (useScreen.ts). Input is off when stdin cannot be put in raw mode.
//
// A key that asks for something outside the state (state.request: a note written, an article
// opened, text copied) hands it to onRequest; what comes back later (the write's result) goes into
// the state through the returned update, which builds on the latest state as keys do.
//
// Until the rest of a large briefing is read (index.partial), a key is answered on its start, but
// one that needs every event (dispatch.ts needsWhole) reads the rest first (env.latest); a key
// that comes just after the rest is read is answered on the whole, before it is drawn.
//
// A note key pressed before notes.json is first read waits for it, and the keys after it wait
// behind it (heldKeys.ts): once the notes are there, they are dispatched here one by one, in order.
export function useKeymap(
	state: UIState,
	setState: Dispatch<SetStateAction<UIState>>,
	env: Env,
	screen: Screen,
	onRequest: (request: Request) => void = () => {},
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
	const commit = useCallback(
		(previous: UIState, next: UIState) => {
			if (next === previous) return;
			stateRef.current = next;
			setState(next);
			if (next.request && next.request !== previous.request) onRequestRef.current(next.request);
			if (next.terminal && next.terminal !== previous.terminal) screen[next.terminal.op]();
			if (next.quit) exit();
		},
		[setState, exit, screen],
	);
	const step = useCallback(
		(press: KeyPress) => {
			const previous = stateRef.current;
			let env = envRef.current;
			if (env.index.partial && env.latest) env = {...env, ...env.latest(needsWhole(previous, press))};
			commit(previous, dispatchKey(previous, press, env));
		},
		[commit],
	);
	const handle = useCallback((input: string, key: Key) => step(keyPress(input, key)), [step]);
	// Keys held for notes.json (heldKeys.ts release) go on once it is read, each as a key does.
	useLayoutEffect(() => {
		const released = release(stateRef.current, env);
		if (!released) return;
		commit(stateRef.current, released.state);
		for (const press of released.keys) step(press);
		if (released.then !== null) commit(stateRef.current, {...stateRef.current, status: released.then});
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
