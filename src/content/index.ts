import { useStore } from 'zustand';
import { manifest as builtManifest } from 'virtual:essay';
import { essayStore, publishChapter, type EssayState } from './runtime/publish';
import type { ChapterContent, ChapterInfo, EquationInfo, EssayManifest, FigureInfo, SectionInfo } from './types';

/*
 * The essay's public API, for the shell and for lecture mode: the chapters in order with their sections,
 * numbered equations and figures (from the build-time manifest), and their bodies, loaded on demand.
 *
 *   const chapters = useChapters();                 // ChapterInfo[]: slug, number, title, summary, lecture,
 *                                                   //   sections[{id,title,depth,equations,figures,notes}],
 *                                                   //   equations[{label,number,survey,tex,anchor,section}],
 *                                                   //   figures[{number,id,anchor,attrs,caption,index,section}]
 *   const body = await loadChapter('hopfield');     // ChapterContent: HTML segments around figure slots
 *   essayFigureStore('hopfield', 0)                 // the live store of that chapter's first figure
 *
 * Everything re-publishes on live reload, so hooks re-render with the edited essay.
 */
export type { ChapterContent, ChapterInfo, EquationInfo, EssayManifest, FigureInfo, SectionInfo, BibEntryInfo, Segment } from './types';
export { essayFigureStore } from './runtime/figureStores';
export { essayStore };

export function getManifest(): EssayManifest {
  return essayStore.getState().manifest.chapters.length ? essayStore.getState().manifest : builtManifest;
}

export function useEssay<T>(select: (s: EssayState) => T): T {
  return useStore(essayStore, select);
}

export function useChapters(): ChapterInfo[] {
  return useStore(essayStore, (s) => s.manifest.chapters);
}

const pending = new Map<string, Promise<ChapterContent | null>>();

/** Loads one chapter's body (it publishes itself into the store as it arrives). */
export function loadChapter(slug: string): Promise<ChapterContent | null> {
  const s = essayStore.getState();
  if (s.chapters[slug]) return Promise.resolve(s.chapters[slug]);
  const loader = s.loaders[slug];
  if (!loader) return Promise.resolve(null);
  let p = pending.get(slug);
  if (!p) {
    p = loader().then((c) => {
      if (c) publishChapter(c);
      return c ?? null;
    });
    pending.set(slug, p);
  }
  return p;
}

/** Loads every chapter, in reading order; `between` (e.g. an idle callback) is awaited between chapters. */
export async function loadAllChapters(between?: () => Promise<void>): Promise<void> {
  for (const c of getManifest().chapters) {
    if (essayStore.getState().chapters[c.slug]) continue;
    await loadChapter(c.slug);
    if (between) await between();
  }
}

/** Where an element id (section, equation `eq-…`, figure `fig-…`, chapter) lives. */
export function locate(id: string): { chapter: ChapterInfo; section?: SectionInfo; equation?: EquationInfo; figure?: FigureInfo } | null {
  for (const chapter of getManifest().chapters) {
    if (chapter.slug === id) return { chapter };
    const section = chapter.sections.find((s) => s.id === id);
    if (section) return { chapter, section };
    const equation = chapter.equations.find((e) => e.anchor === id);
    if (equation) return { chapter, equation, section: chapter.sections.find((s) => s.id === equation.section) };
    const figure = chapter.figures.find((f) => f.anchor === id);
    if (figure) return { chapter, figure, section: chapter.sections.find((s) => s.id === figure.section) };
  }
  return null;
}
