import {createContext, useContext} from 'react';
import type {ActorKind} from '../types.js';

// Colour says what kind an actor is and which pane has the focus, but never alone: a letter marks
// the kind, ▸ and a heavy border mark the focus, [x] the selection. With NO_COLOR, or a terminal
// without colour, `color` is false and the rows lose their colours, not their meaning.

export type Theme = {color: boolean};

export const KIND_MARK: Record<ActorKind, string> = {person: 'P', country: 'C', organization: 'O', place: 'L'};
export const KIND_NAME: Record<ActorKind, string> = {person: 'person', country: 'country', organization: 'organisation', place: 'place'};
export const KIND_COLOR: Record<ActorKind, string> = {person: 'cyan', country: 'green', organization: 'magenta', place: 'yellow'};
export const FOCUS_COLOR = 'cyan';
export const ACCENT_COLOR = 'yellow';

// no-color.org: NO_COLOR set and not empty turns colour off; Node's hasColors also honours
// FORCE_COLOR, NODE_DISABLE_COLORS and TERM=dumb.
// Ink hands its stdout over as a plain writable stream, which a test's may be; a terminal's has hasColors.
export function themeFor(stdout: object, env: NodeJS.ProcessEnv = process.env): Theme {
	if (env['NO_COLOR']) return {color: false};
	return {color: 'hasColors' in stdout && typeof stdout.hasColors === 'function' ? stdout.hasColors() === true : false};
}

export const ThemeContext = createContext<Theme>({color: false});
export const useTheme = () => useContext(ThemeContext);
