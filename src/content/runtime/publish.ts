import { createStore } from 'zustand/vanilla';
import type { ChapterContent, EssayManifest } from '../types';

/*
 * Where the generated modules put the essay when they run (and run again on live reload): the manifest,
 * the chapter loaders, and each chapter's body as it arrives. The shell and lecture mode subscribe here.
 */
export interface EssayState {
  manifest: EssayManifest;
  loaders: Record<string, () => Promise<ChapterContent>>;
  chapters: Record<string, ChapterContent>;
}

export const essayStore = createStore<EssayState>()(() => ({
  manifest: { chapters: [], bibliography: [] },
  loaders: {},
  chapters: {},
}));

export function publishManifest(manifest: EssayManifest, loaders: Record<string, () => Promise<ChapterContent>>): void {
  essayStore.setState({ manifest, loaders });
}

export function publishChapter(chapter: ChapterContent): void {
  essayStore.setState((s) => ({ chapters: { ...s.chapters, [chapter.slug]: chapter } }));
}
