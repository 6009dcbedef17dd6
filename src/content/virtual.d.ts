/* The modules the essay-content Vite plugin (src/content/compiler/vitePlugin.mjs) generates from content/. */
declare module 'virtual:essay' {
  import type { ChapterContent, EssayManifest } from './types';
  export const manifest: EssayManifest;
  /** Lazy loaders for every chapter's body, by slug (lecture mode and live reload; the page has the text). */
  export const loaders: Record<string, () => Promise<ChapterContent>>;
}
declare module 'virtual:essay/chapter/*' {
  import type { ChapterContent } from './types';
  const chapter: ChapterContent;
  export default chapter;
}
