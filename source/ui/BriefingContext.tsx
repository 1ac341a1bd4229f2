import {createContext, useContext, useEffect, useMemo, useSyncExternalStore, type ReactNode} from 'react';
import {type BodyReader, readArticleBody} from '../store/bodies.js';
import type {BriefingData, StoredArticle} from '../store/schema.js';
import type {BriefingStart} from '../store/start.js';
import {type Loaded, briefingLoader} from './briefingLoader.js';

// The one way the UI reaches the briefing: loaded once, indexed once, read only. An article's text
// is read from the briefing directory (`dir`) only when an item is shown in its paragraph.
//
// A large briefing comes in two steps (`start`, from store/start.ts; briefingLoader.ts): the first
// frame is drawn from its first events and its summary's counts, then the rest is read right after
// that frame. A rest that cannot be read throws, as a briefing.json that cannot be read at all
// does: run.tsx restores the terminal and names the file and the problem.
export type Briefing = Loaded & {
	bodyOf: BodyReader;
	latest: (whole: boolean) => Loaded; // what keys work on (briefingLoader.ts)
};

const BriefingContext = createContext<Briefing | null>(null);

type Props = {data: BriefingData; start?: BriefingStart | undefined; sample: boolean; dir: string | null; children: ReactNode};

export function BriefingProvider({data, start, sample, dir, children}: Props) {
	const loader = useMemo(() => briefingLoader(data, start, sample), [data, start, sample]);
	const loaded = useSyncExternalStore(loader.subscribe, loader.current);
	// Effects run once the frame is drawn, so the rest is read after the first one.
	useEffect(() => loader.start(), [loader]);
	const value = useMemo(
		() => ({...loaded, latest: loader.latest, bodyOf: (article: StoredArticle) => readArticleBody(sample ? null : dir, article)}),
		[loaded, loader, sample, dir],
	);
	return <BriefingContext.Provider value={value}>{children}</BriefingContext.Provider>;
}

export function useBriefing(): Briefing {
	const briefing = useContext(BriefingContext);
	if (!briefing) throw new Error('useBriefing needs a BriefingProvider');
	return briefing;
}
