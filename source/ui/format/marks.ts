// The markers that show focus and selection without colour.
export const CURSOR = '▸'; // the cursor row of the focused pane
export const CURSOR_UNFOCUSED = '›'; // the cursor row of another pane
export const CHECKED = '[x]';
export const UNCHECKED = '[ ]';
export const CARD_BAR = '▌'; // the gutter of the quote card under the cursor
