/* The modules the essay-content Vite plugin (src/content/compiler/vitePlugin.mjs) generates from content/. */
declare module 'virtual:essay' {
  import type { ChapterContent, EssayManifest } from './types';
  export const manifest: EssayManifest;
  /** The first chapter's body, bundled with the shell. */
  export const firstChapter: ChapterContent | null;
  /** Lazy loaders for every other chapter, by slug. */
  export const loaders: Record<string, () => Promise<ChapterContent>>;
}
declare module 'virtual:essay/chapter/*' {
  import type { ChapterContent } from './types';
  const chapter: ChapterContent;
  export default chapter;
}
