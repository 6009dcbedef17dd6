// @ts-check
import { existsSync } from 'node:fs';
import { join } from 'node:path';

/*
 * Uses the snapshots made by `npm run snapshots` (public/snapshots/, see src/scripts/snapshots.ts) when they are
 * there, for the social preview image (og:image). Readers without JavaScript and print get each figure's
 * poster, drawn at build (src/scripts/posters/). Without the folder the page is built exactly as before.
 */

/** @returns {import('vite').Plugin} */
export function figureSnapshots() {
  let root = process.cwd();
  return {
    name: 'figure-snapshots',
    configResolved(c) {
      root = c.root;
    },
    transformIndexHtml() {
      /** @type {import('vite').HtmlTagDescriptor[]} */
      const tags = [];
      if (existsSync(join(root, 'public/snapshots/social.png'))) {
        tags.push(
          { tag: 'meta', attrs: { property: 'og:image', content: 'snapshots/social.png' }, injectTo: 'head' },
          { tag: 'meta', attrs: { property: 'og:title', content: 'Memory in Plain Sight' }, injectTo: 'head' },
          { tag: 'meta', attrs: { name: 'twitter:card', content: 'summary_large_image' }, injectTo: 'head' },
        );
      }
      return tags;
    },
  };
}
