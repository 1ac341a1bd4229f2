import {createContext, useContext, useMemo, type ReactNode} from 'react';
import type {BriefingData} from '../store/schema.js';
import {type BriefingIndex, buildIndex} from './briefingIndex.js';
import {type ViewQuery, type Views, createViews} from './views.js';

// The one way the UI reaches the briefing: loaded once, indexed once, read only.
export type Briefing = {index: BriefingIndex; views: (query: ViewQuery) => Views};

const BriefingContext = createContext<Briefing | null>(null);

export function BriefingProvider({data, sample, children}: {data: BriefingData; sample: boolean; children: ReactNode}) {
	const value = useMemo(() => {
		const index = buildIndex(data, sample);
		return {index, views: createViews(index)};
	}, [data, sample]);
	return <BriefingContext.Provider value={value}>{children}</BriefingContext.Provider>;
}

export function useBriefing(): Briefing {
	const briefing = useContext(BriefingContext);
	if (!briefing) throw new Error('useBriefing needs a BriefingProvider');
	return briefing;
}
