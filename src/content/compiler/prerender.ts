import { ESSAY_KICKER, ESSAY_SOURCE_HTML, ESSAY_SUBTITLE, ESSAY_TITLE } from '../titlePage';
import type { EssayManifest } from '../types';
import { escapeHtml } from './text';

/**
 * The essay's first screen as static HTML, written into index.html at build time: the same markup the
 * React shell (src/app/Essay.tsx) renders first, so the title page paints before any JavaScript runs and
 * React's first render replaces it without moving anything.
 */
export function prerenderShell(manifest: EssayManifest): string {
  const chapters = manifest.chapters;
  const toc = chapters
    .map((c) => `<li><a href="#${c.slug}"><span class="toc-num">${c.number}</span> ${escapeHtml(c.title)}</a>${c.sections.some((s) => s.depth === 2) ? `<ol class="toc-sections">${c.sections.filter((s) => s.depth === 2).map((s) => `<li><a href="#${s.id}">${s.titleHtml ?? escapeHtml(s.title)}</a></li>`).join('')}</ol>` : ''}</li>`)
    .join('');
  const list = chapters.length
    ? `<ol class="title-chapters">${chapters.map((c) => `<li><a href="#${c.slug}">${escapeHtml(c.title)}</a>${c.summary ? `<span class="title-chapter-summary"> ${escapeHtml(c.summary)}</span>` : ''}</li>`).join('')}</ol>`
    : '';
  return [
    `<div class="prerendered">`,
    `<a class="skip-link" href="#content">Skip to the essay</a>`,
    `<header class="site-header"><a class="site-title" href="#title">${ESSAY_TITLE}</a><div class="site-tools"><button type="button" class="btn toc-toggle" aria-expanded="false" aria-controls="toc">Contents</button><button type="button" class="btn lecture-enter" title="Present the essay as slides (L)">Lecture <kbd>L</kbd></button><button type="button" class="btn theme-toggle" aria-pressed="false"><span aria-hidden="true">☀</span> <span class="theme-toggle-label">Dark theme</span></button></div></header>`,
    `<div class="layout"><div id="toc" class="toc-wrap"><nav class="toc" aria-label="Contents"><p class="toc-title">Contents</p><ol class="toc-chapters">${toc}<li><a href="#references">References</a></li></ol></nav></div>`,
    `<main id="content" class="essay" tabindex="-1"><header class="title-page" id="title"><p class="kicker">${ESSAY_KICKER}</p><h1>${ESSAY_TITLE}</h1><p class="subtitle">${ESSAY_SUBTITLE}</p><p class="title-source">${ESSAY_SOURCE_HTML}</p>${list}</header></main></div>`,
    `</div>`,
  ].join('');
}
