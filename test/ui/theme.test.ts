import {describe, expect, it} from 'vitest';
import {themeFor} from '../../source/ui/theme.js';

describe('themeFor', () => {
	it('uses colour when the terminal has it and NO_COLOR is not set', () => {
		expect(themeFor({hasColors: () => true}, {})).toEqual({color: true});
		expect(themeFor({hasColors: () => false}, {})).toEqual({color: false});
		expect(themeFor({}, {})).toEqual({color: false});
	});

	it('turns colour off for a non-empty NO_COLOR, as no-color.org says', () => {
		expect(themeFor({hasColors: () => true}, {NO_COLOR: '1'})).toEqual({color: false});
		expect(themeFor({hasColors: () => true}, {NO_COLOR: ''})).toEqual({color: true});
	});
});
