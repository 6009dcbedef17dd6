import { ESSAY_KICKER, ESSAY_SOURCE_HTML, ESSAY_SUBTITLE, ESSAY_TITLE } from './titlePage';
import type { ChapterContent, ChapterInfo, EssayManifest, FigureInfo } from './types';

/*
 * The essay as static HTML: what the build writes into index.html (src/content/compiler/prerender.ts) and what
 * live reload writes back when a chapter is edited (src/content/runtime/livePatch.ts). The page is a document
 * first: every chapter's text, math, captions and references are here, and each figure is an *island*, a
 * `<div class="figure-island">` holding a still poster of the figure and its caption, which the figure's code
 * takes over when the reader comes near (src/content/runtime/islands.tsx).
 *
 * Every HTML fragment used here comes from the compiler and passed its sanitizer; the rest is escaped.
 */

export interface PosterRef {
  /** Image address per theme, relative to the page. */
  light: string;
  dark?: string;
  width: number;
  height: number;
  alt: string;
}

export interface EssayHtmlOptions {
  /** The figure's title, for its accessible name (from its declaration). */
  figureTitle: (id: string) => string;
  /** The figure's still image, when the build drew one. */
  poster?: (figure: FigureInfo) => PosterRef | undefined;
}

export const escapeHtml = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The island key of a figure: its chapter and its index there (the key of its store, too). */
export const islandKey = (chapter: string, index: number): string => `${chapter}#${index}`;

/** The still image(s) of a figure, one per theme (CSS shows the one matching the page's theme). */
export function posterHtml(p: PosterRef): string {
  const img = (src: string, theme: string) =>
    `<img class="figure-poster" data-theme-poster="${theme}" src="${escapeHtml(src)}" width="${p.width}" height="${p.height}" alt="${escapeHtml(p.alt)}" loading="lazy" decoding="async">`;
  return `<div class="figure-poster-frame">${img(p.light, p.dark ? 'light' : 'any')}${p.dark ? img(p.dark, 'dark') : ''}</div>`;
}

/** The caption every figure shows under itself: "Figure n." and the authored caption (or the summary). */
export function captionHtml(figure: FigureInfo, summary: string): string {
  return `<figcaption><span class="figure-number">Figure ${figure.number}.</span> ${figure.caption ? `<span class="figure-caption-text">${figure.caption}</span>` : escapeHtml(summary)}</figcaption>`;
}

/** One figure before its code runs: the poster (or a line saying what will be here) and the caption. */
export function islandHtml(chapter: string, figure: FigureInfo, o: EssayHtmlOptions, summary = ''): string {
  const title = o.figureTitle(figure.id);
  const poster = o.poster?.(figure);
  const still = poster ? posterHtml(poster) : `<p class="figure-loading">Figure ${figure.number}, ${escapeHtml(title)}, runs here in your browser.</p>`;
  return (
    `<div class="figure-island" data-island="${escapeHtml(islandKey(chapter, figure.index))}">` +
    `<figure class="figure figure-placeholder" data-figure="${escapeHtml(figure.id)}" id="${escapeHtml(figure.anchor)}" aria-label="Figure ${figure.number}: ${escapeHtml(title)}">` +
    `${still}${captionHtml(figure, summary)}</figure></div>`
  );
}

/** A chapter's title block. */
export function chapterHeadHtml(info: ChapterInfo): string {
  return (
    `<header class="chapter-head"><p class="chapter-number">Chapter ${info.number}</p>` +
    `<h2 id="${escapeHtml(info.slug)}-title" class="chapter-title">${escapeHtml(info.title)}</h2>` +
    `${info.summary ? `<p class="chapter-summary">${escapeHtml(info.summary)}</p>` : ''}</header>`
  );
}

/** A chapter's body: prose runs and figure islands, in order. */
export function chapterBodyHtml(info: ChapterInfo, content: ChapterContent, o: EssayHtmlOptions, summaries: (id: string) => string = () => ''): string {
  const figures = new Map(info.figures.map((f) => [f.number, f]));
  return content.segments
    .map((s) => {
      if (s.kind === 'html') return `<div class="prose">${s.html}</div>`;
      const f = figures.get(s.figure);
      return f ? islandHtml(info.slug, f, o, summaries(f.id)) : '';
    })
    .join('');
}

/** One whole chapter. */
export function chapterHtml(info: ChapterInfo, content: ChapterContent, o: EssayHtmlOptions, summaries?: (id: string) => string): string {
  return `<article class="chapter" id="${escapeHtml(info.slug)}" aria-labelledby="${escapeHtml(info.slug)}-title" data-chapter="${escapeHtml(info.slug)}">${chapterHeadHtml(info)}${chapterBodyHtml(info, content, o, summaries)}</article>`;
}

/** The title page, with the list of chapters. */
export function titlePageHtml(manifest: EssayManifest): string {
  const list = manifest.chapters.length
    ? `<ol class="title-chapters">${manifest.chapters.map((c) => `<li><a href="#${escapeHtml(c.slug)}">${escapeHtml(c.title)}</a>${c.summary ? `<span class="title-chapter-summary"> ${escapeHtml(c.summary)}</span>` : ''}</li>`).join('')}</ol>`
    : '';
  return `<header class="title-page" id="title"><p class="kicker">${ESSAY_KICKER}</p><h1>${ESSAY_TITLE}</h1><p class="subtitle">${ESSAY_SUBTITLE}</p><p class="title-source">${ESSAY_SOURCE_HTML}</p>${list}</header>`;
}

/** The numbered bibliography. */
export function referencesHtml(manifest: EssayManifest): string {
  const items = manifest.bibliography.map((b) => `<li id="ref-${escapeHtml(b.key)}" value="${b.number}">${b.html}</li>`).join('');
  return `<section class="references" id="references" aria-labelledby="references-title"><h2 id="references-title">References</h2><ol class="bibliography">${items}</ol></section>`;
}
