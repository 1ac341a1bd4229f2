import {noteKey} from './notes.js';
import {Box} from 'ink';
import SelectInput from 'ink-select-input';
import {memo, useMemo} from 'react';
import type {ActorEntry} from './briefingIndex.js';
import {useBriefing} from './BriefingContext.js';
import {actorRow} from './format/actorRow.js';
import {useListWindow} from './hooks/useListWindow.js';
import {type Box as Size, inner} from './geometry.js';
import {LineView} from './LineView.js';
import {Pane} from './Pane.js';
import {type Line, fitLine} from './text.js';
import {follow} from './window.js';

type Row = {key: string; label: string; value: string; line?: Line};

// ink-select-input draws the rows. It never sees a key (isFocused={false}): its own useInput would
// take j, k and the digits whatever mode the dashboard is in, and wrap around at the ends. The
// dispatcher owns the cursor, and the list gets only the rows on screen, the cursor row already
// marked.
function ActorItem({line}: {label: string; isSelected?: boolean; line?: Line}) {
	return <LineView line={line ?? []} />;
}

const NoIndicator = () => null;

type Props = {
	size: Size;
	focused: boolean;
	entries: readonly ActorEntry[]; // the actors listed (all, or those the search finds)
	cursor: number;
	filter: readonly string[];
	search: string;
	noted: ReadonlySet<string>; // noteKey of the items with notes
};

// Memoised: a key that moves another pane's cursor does not rebuild this one.
export const ActorsPane = memo(function ActorsPane({size, focused, entries, cursor, filter, search, noted}: Props) {
	const {index} = useBriefing();
	const {width, height} = inner(size);
	const {offset} = useListWindow((previous) => ({offset: follow(previous, cursor, height, entries.length)}));
	const selected = useMemo(() => new Set(filter), [filter]);
	const countWidth = String(index.actors[0]?.events ?? 0).length;
	const items: Row[] = entries.slice(offset, offset + height).map((entry, i) => ({
		key: entry.actor.id,
		label: entry.actor.name,
		value: entry.actor.id,
		line: actorRow(
			entry,
			selected.has(entry.actor.id),
			{cursor: offset + i === cursor, focused, noted: noted.has(noteKey('actor', entry.actor.id))},
			width,
			countWidth,
		),
	}));
	const title = [
		{text: 'Actors', bold: true},
		{text: ` ${entries.length ? `${cursor + 1}/${entries.length}` : '0'}`, dim: true},
		...(filter.length ? [{text: ` · ${filter.length} [x]`}] : []),
		...(search ? [{text: ` /${search}`, bold: true}] : []),
	];
	return (
		<Pane title={title} size={size} focused={focused}>
			{entries.length === 0 ? (
				<LineView line={fitLine([{text: search ? `No actor is called “${search}”.` : 'No actors yet.', dim: true}], width)} />
			) : (
				<Box flexDirection="column">
					<SelectInput items={items} isFocused={false} indicatorComponent={NoIndicator} itemComponent={ActorItem} />
				</Box>
			)}
		</Pane>
	);
});
