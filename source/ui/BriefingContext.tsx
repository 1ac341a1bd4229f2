import {createContext, useContext, useEffect, useMemo, useState, type ReactNode} from 'react';
import {type BodyReader, readArticleBody} from '../store/bodies.js';
import type {BriefingData, StoredArticle} from '../store/schema.js';
import type {BriefingStart} from '../store/start.js';
import {type BriefingIndex, buildIndex} from './briefingIndex.js';
import {type ViewQuery, type Views, createViews} from './views.js';

// The one way the UI reaches the briefing: loaded once, indexed once, read only. An article's text
// is read from the briefing directory (`dir`) only when an item is shown in its paragraph.
//
// A large briefing comes in two steps (`start`, from store/start.ts): the first frame is drawn from
// its first events and its summary's counts, then the rest is read right after that frame, and
// the briefing indexed again. A rest that cannot be read throws, as a briefing.json that cannot
// be read at all does: run.tsx restores the terminal and names the file and the problem.
export type Briefing = {index: BriefingIndex; views: (query: ViewQuery) => Views; bodyOf: BodyReader};

const BriefingContext = createContext<Briefing | null>(null);

type Props = {data: BriefingData; start?: BriefingStart | undefined; sample: boolean; dir: string | null; children: ReactNode};

export function BriefingProvider({data, start, sample, dir, children}: Props) {
	const [whole, setWhole] = useState<BriefingData | null>(null);
	const rest = start?.rest ?? null;
	useEffect(() => {
		if (!rest) return;
		const timer = setImmediate(() => setWhole(rest()));
		return () => clearImmediate(timer);
	}, [rest]);
	const partial = rest !== null && whole === null;
	const current = whole ?? data;
	const value = useMemo(() => {
		const index = buildIndex(current, sample, partial ? start!.summary : null);
		return {index, views: createViews(index), bodyOf: (article: StoredArticle) => readArticleBody(sample ? null : dir, article)};
	}, [current, partial, start, sample, dir]);
	return <BriefingContext.Provider value={value}>{children}</BriefingContext.Provider>;
}

export function useBriefing(): Briefing {
	const briefing = useContext(BriefingContext);
	if (!briefing) throw new Error('useBriefing needs a BriefingProvider');
	return briefing;
}
