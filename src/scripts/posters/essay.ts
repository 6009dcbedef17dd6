import type { PosterRef } from '../../content/essayHtml';
import type { EssayManifest } from '../../content/types';
import { POSTER_SCALE, renderPosters, type PosterRequest } from './index';

/*
 * The essay's posters, for `npm run build` (src/content/compiler/vitePlugin.mjs): one still per figure in the
 * essay, per theme, as WebP (a fifth of PNG's bytes for the same picture), at the width of the essay column on a
 * 1280-px screen, so that a figure that wakes there keeps its layout. Figures with the same props share a file.
 */

/** CSS pixels: the essay column's figure width at 1280 px (42rem less padding). */
export const ESSAY_POSTER_WIDTH = 640;

export interface EssayPosters {
  /** By figure anchor: what the page's <img> elements show. */
  refs: Map<string, PosterRef>;
  /** File name under the build's folder → bytes. */
  files: Map<string, Uint8Array>;
  /** Figures drawn without a poster, with the reason. */
  skipped: string[];
  ms: number;
}

/** Figures with the same id and props draw the same poster. */
const signature = (f: { id: string; attrs: Record<string, string> }) => `${f.id} ${JSON.stringify(Object.entries(f.attrs).sort())}`;

export async function essayPosters(manifest: EssayManifest): Promise<EssayPosters> {
  const t0 = performance.now();
  const figures = manifest.chapters.flatMap((c) => c.figures);
  // One request per distinct (figure, props): the key is the first anchor that asks for it.
  const byProps = new Map<string, string>();
  const requests: PosterRequest[] = [];
  for (const f of figures) {
    const sig = signature(f);
    if (!byProps.has(sig)) {
      byProps.set(sig, f.anchor);
      requests.push({ key: f.anchor, id: f.id, attrs: f.attrs });
    }
  }
  const results = await renderPosters(requests, { formats: ['webp'], width: ESSAY_POSTER_WIDTH });
  const files = new Map<string, Uint8Array>();
  const drawn = new Map<string, PosterRef>();
  const skipped: string[] = [];
  for (const r of results) {
    if ('skipped' in r) {
      skipped.push(`${r.id}: ${r.skipped}`);
      continue;
    }
    const file = `posters/${r.key}-${r.theme}.webp`;
    files.set(file, r.webp!);
    const ref = drawn.get(r.key) ?? { light: '', width: Math.round(r.width / POSTER_SCALE), height: Math.round(r.height / POSTER_SCALE), alt: r.alt };
    if (r.theme === 'dark') ref.dark = file;
    else ref.light = file;
    drawn.set(r.key, ref);
  }
  const refs = new Map<string, PosterRef>();
  for (const f of figures) {
    const ref = drawn.get(byProps.get(signature(f))!);
    if (ref?.light) refs.set(f.anchor, ref);
  }
  return { refs, files, skipped, ms: performance.now() - t0 };
}
