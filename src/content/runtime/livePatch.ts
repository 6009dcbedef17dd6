import { figureMeta } from '../../figures/registry';
import { chapterHtml, titlePageHtml, type EssayHtmlOptions } from '../essayHtml';
import type { ChapterContent, ChapterInfo } from '../types';
import { essayStore } from './publish';
import { isAwake, observeIslands, refreshIsland, releaseIsland } from './islands';

/*
 * Live reload for authors (dev server only). The page is static HTML, so when a chapter (or the manifest) is
 * recompiled, the chapter's article is written again from the new output; figures already running are moved
 * into the new article when the same figure is still at the same place, so sliders, seed and play state survive
 * an edit of the prose.
 */

const options: EssayHtmlOptions = { figureTitle: (id) => figureMeta(id)?.title ?? id };
const summary = (id: string) => figureMeta(id)?.summary ?? '';

function patchChapter(info: ChapterInfo, content: ChapterContent): void {
  const old = document.getElementById(info.slug);
  if (!old?.matches('article.chapter')) return;
  const tpl = document.createElement('template');
  tpl.innerHTML = chapterHtml(info, content, options, summary);
  const next = tpl.content.firstElementChild!;
  const awake = new Map<string, Element>();
  for (const island of old.querySelectorAll('.figure-island')) {
    if (isAwake(island)) awake.set(`${island.getAttribute('data-island')} ${island.querySelector('[data-figure]')?.getAttribute('data-figure')}`, island);
  }
  for (const fresh of next.querySelectorAll('.figure-island')) {
    const key = `${fresh.getAttribute('data-island')} ${fresh.querySelector('[data-figure]')?.getAttribute('data-figure')}`;
    const kept = awake.get(key);
    if (!kept) continue;
    fresh.replaceWith(kept);
    awake.delete(key);
    refreshIsland(kept);
  }
  for (const gone of awake.values()) releaseIsland(gone);
  old.replaceWith(next);
  observeIslands(next);
}

/** Re-writes the chapters (and title page) whose compiled output changes from now on. */
export function followLiveEdits(): () => void {
  return essayStore.subscribe((s, prev) => {
    for (const info of s.manifest.chapters) {
      const content = s.chapters[info.slug];
      const before = prev.manifest.chapters.find((c) => c.slug === info.slug);
      if (!content || (content === prev.chapters[info.slug] && JSON.stringify(before) === JSON.stringify(info))) continue;
      patchChapter(info, content);
    }
    if (s.manifest !== prev.manifest) document.getElementById('title')?.replaceWith(Object.assign(document.createElement('template'), { innerHTML: titlePageHtml(s.manifest) }).content);
  });
}
