// @ts-check
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/*
 * Uses the figure snapshots made by `npm run snapshots` (public/snapshots/, see src/scripts/snapshots.ts) when
 * they are there: the social preview image (og:image), a gallery of still figures for readers without
 * JavaScript (<noscript>), and in print, a still image in place of any figure the reader never scrolled to.
 * Without the folder the page is built exactly as before.
 */

/** @param {string} s */
const esc = (s) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/** @returns {import('vite').Plugin} */
export function figureSnapshots() {
  let root = process.cwd();
  return {
    name: 'figure-snapshots',
    configResolved(c) {
      root = c.root;
    },
    transformIndexHtml() {
      const file = join(root, 'public/snapshots/manifest.json');
      if (!existsSync(file)) return [];
      /** @type {{ id: string; title: string; file: string }[]} */
      let list;
      try {
        list = JSON.parse(readFileSync(file, 'utf8'));
        if (!Array.isArray(list)) return [];
      } catch {
        return [];
      }
      /** @type {import('vite').HtmlTagDescriptor[]} */
      const tags = [];
      if (existsSync(join(root, 'public/snapshots/social.png'))) {
        tags.push(
          { tag: 'meta', attrs: { property: 'og:image', content: 'snapshots/social.png' }, injectTo: 'head' },
          { tag: 'meta', attrs: { property: 'og:title', content: 'Memory in Plain Sight' }, injectTo: 'head' },
          { tag: 'meta', attrs: { name: 'twitter:card', content: 'summary_large_image' }, injectTo: 'head' },
        );
      }
      const print = list.map((f) => `.figure-placeholder[data-figure="${esc(f.id)}"]{background:url("snapshots/${esc(f.file)}") center/contain no-repeat;min-height:18rem}`).join('');
      tags.push({ tag: 'style', children: `@media print{.figure-placeholder{print-color-adjust:exact;-webkit-print-color-adjust:exact}.figure-placeholder .figure-loading{display:none}${print}}`, injectTo: 'head' });
      const gallery = list.map((f) => `<figure style="margin:2rem 0"><img src="snapshots/${esc(f.file)}" alt="${esc(f.title)}" style="max-width:100%;height:auto" loading="lazy"><figcaption>${esc(f.title)}</figcaption></figure>`).join('');
      tags.push({ tag: 'noscript', children: `<section style="max-width:46rem;margin:0 auto;padding:1rem;font-family:Georgia,serif"><h2>The essay's figures, as still images</h2>${gallery}</section>`, injectTo: 'body' });
      return tags;
    },
  };
}
