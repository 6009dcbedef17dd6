import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { createCanvas, Image } from '@napi-rs/canvas';
import type { Plugin } from 'vite';

/*
 * The built page's icons as PNGs, drawn at build from public/favicon.svg (which `npm run dev` serves as it is).
 * Chromium decodes an SVG icon on the page's main thread as a small document of its own: a task of 15–30 ms
 * while the page loads, which counted against issue 13's budget of no task over 50 ms on a phone (traced with
 * Lighthouse). A PNG costs nothing there.
 */

const SVG_ICON = /<link rel="icon" href="\.\/favicon\.svg" type="image\/svg\+xml" \/>/;
const ICONS = [
  { fileName: 'favicon-32.png', size: 32 },
  { fileName: 'apple-touch-icon.png', size: 180 },
];

/** `svg` drawn as a square PNG of `size` pixels. */
export function rasterIcon(svg: Buffer, size: number): Buffer {
  const img = new Image();
  img.src = svg;
  if (!img.width) throw new Error('favicon: public/favicon.svg could not be read as an image');
  const canvas = createCanvas(size, size);
  canvas.getContext('2d').drawImage(img, 0, 0, size, size);
  return canvas.toBuffer('image/png');
}

export function favicons(): Plugin {
  let publicDir = 'public';
  let offline = false;
  return {
    name: 'favicons',
    apply: 'build',
    configResolved(c) {
      publicDir = c.publicDir || resolve(c.root, 'public');
      // The file:// build (vite.config.ts) writes only the app's code, next to the page the main build wrote.
      offline = c.mode === 'offline';
    },
    transformIndexHtml(html) {
      if (!SVG_ICON.test(html)) throw new Error('favicon: index.html has no <link rel="icon" href="./favicon.svg" type="image/svg+xml" /> to replace');
      return html.replace(SVG_ICON, '<link rel="icon" href="./favicon-32.png" sizes="32x32" type="image/png" />\n    <link rel="apple-touch-icon" href="./apple-touch-icon.png" />');
    },
    generateBundle() {
      if (offline) return;
      const svg = readFileSync(resolve(publicDir, 'favicon.svg'));
      for (const icon of ICONS) this.emitFile({ type: 'asset', fileName: icon.fileName, source: rasterIcon(svg, icon.size) });
    },
  };
}
