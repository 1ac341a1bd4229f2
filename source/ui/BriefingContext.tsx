import {createContext, useContext, useMemo, type ReactNode} from 'react';
import {type BodyReader, readArticleBody} from '../store/bodies.js';
import type {BriefingData, StoredArticle} from '../store/schema.js';
import {type BriefingIndex, buildIndex} from './briefingIndex.js';
import {type ViewQuery, type Views, createViews} from './views.js';

// The one way the UI reaches the briefing: loaded once, indexed once, read only. An article's text
// is read from the briefing directory (`dir`) only when an item is shown in its paragraph.
export type Briefing = {index: BriefingIndex; views: (query: ViewQuery) => Views; bodyOf: BodyReader};

const BriefingContext = createContext<Briefing | null>(null);

export function BriefingProvider({data, sample, dir, children}: {data: BriefingData; sample: boolean; dir: string | null; children: ReactNode}) {
	const value = useMemo(() => {
		const index = buildIndex(data, sample);
		return {index, views: createViews(index), bodyOf: (article: StoredArticle) => readArticleBody(sample ? null : dir, article)};
	}, [data, sample, dir]);
	return <BriefingContext.Provider value={value}>{children}</BriefingContext.Provider>;
}

export function useBriefing(): Briefing {
	const briefing = useContext(BriefingContext);
	if (!briefing) throw new Error('useBriefing needs a BriefingProvider');
	return briefing;
}
