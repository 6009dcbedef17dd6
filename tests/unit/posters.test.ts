import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadImage, createCanvas } from '@napi-rs/canvas';
import { figureIds, POSTER_SCALE, POSTER_WIDTH, renderPosters, SKIPPED, type PosterResult } from '../../src/scripts/posters';
import { PALETTES, PALETTE_VARS } from '../../src/lib/palette';

/*
 * Figure posters (issue 13): every figure either draws a non-blank PNG of the poster width in both themes, with
 * alt text, or is on the short skipped list with a reason; the same figure draws the same bytes twice.
 */

type Drawn = Extract<PosterResult, { png?: Uint8Array }>;
const ROOT = join(import.meta.dirname, '..', '..');

/** Share of sampled pixels that differ from the background colour. */
async function inkShare(png: Uint8Array, bg: string): Promise<number> {
  const img = await loadImage(Buffer.from(png));
  const c = createCanvas(img.width, img.height);
  const ctx = c.getContext('2d');
  ctx.drawImage(img, 0, 0);
  const { data } = ctx.getImageData(0, 0, img.width, img.height);
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(bg.slice(i, i + 2), 16));
  let ink = 0;
  let n = 0;
  for (let o = 0; o < data.length; o += 4 * 97) {
    n++;
    if (Math.abs(data[o] - r) + Math.abs(data[o + 1] - g) + Math.abs(data[o + 2] - b) > 24) ink++;
  }
  return ink / n;
}

describe('figure posters', () => {
  const ids = figureIds();
  let results: PosterResult[] = [];
  beforeAll(async () => {
    results = await renderPosters(ids.map((id) => ({ key: `fig-${id}`, id, attrs: {} })));
  }, 60_000);

  it('covers every figure: drawn in both themes, or skipped for a reason on the short list', () => {
    expect(ids.length).toBeGreaterThanOrEqual(26);
    expect(Object.keys(SKIPPED).length).toBeLessThanOrEqual(3);
    for (const id of ids) {
      const mine = results.filter((r) => r.id === id);
      if (SKIPPED[id]) {
        expect(mine, id).toEqual([{ key: `fig-${id}`, id, skipped: SKIPPED[id] }]);
        continue;
      }
      expect(mine.map((r) => ('theme' in r ? r.theme : r.skipped)), id).toEqual(['light', 'dark']);
    }
  });

  it('draws non-blank PNGs of the declared size, with alt text', async () => {
    for (const r of results) {
      if (!('theme' in r)) continue;
      const png = r.png!;
      expect([...png.subarray(1, 4)].map((c) => String.fromCharCode(c)).join(''), r.id).toBe('PNG');
      const header = new DataView(png.buffer, png.byteOffset);
      expect(header.getUint32(16), r.id).toBe(POSTER_WIDTH * POSTER_SCALE);
      expect(header.getUint32(20), r.id).toBe(r.height);
      expect(r.width, r.id).toBe(POSTER_WIDTH * POSTER_SCALE);
      expect(r.height, r.id).toBeGreaterThan(200);
      expect(r.alt.trim().length, r.id).toBeGreaterThan(20);
      expect(await inkShare(png, PALETTES[r.theme].bg), `${r.id} ${r.theme} is blank`).toBeGreaterThan(0.02);
    }
  });

  it('is deterministic: the same figure draws the same bytes twice', async () => {
    const again = (await renderPosters([{ key: 'k', id: 'energy-landscape', attrs: {} }], { themes: ['dark'] }))[0] as Drawn;
    const first = results.find((r) => r.id === 'energy-landscape' && 'theme' in r && r.theme === 'dark') as Drawn;
    expect(Buffer.from(again.png!).equals(Buffer.from(first.png!))).toBe(true);
  });

  it('validates attributes as the figure does and reports unknown figures', async () => {
    const [out] = await renderPosters([{ key: 'a', id: 'energy-landscape', attrs: { beta: '999', seed: '3', bogus: 'x', caption: 'c' } }], { themes: ['light'] });
    expect('theme' in out && out.alt).toMatch(/\S/);
    const [missing] = await renderPosters([{ key: 'b', id: 'no-such-figure', attrs: {} }]);
    expect(missing).toEqual({ key: 'b', id: 'no-such-figure', skipped: 'no figure called "no-such-figure"' });
  });

  it('uses the palettes of src/app/styles.css', () => {
    const css = readFileSync(join(ROOT, 'src/app/styles.css'), 'utf8');
    const block = (sel: RegExp) => css.slice(css.search(sel), css.indexOf('}', css.search(sel)));
    const blocks = { light: block(/^:root \{/m), dark: block(/^:root\[data-theme='dark'\] \{/m) };
    for (const theme of ['light', 'dark'] as const) {
      for (const [field, name] of Object.entries(PALETTE_VARS)) {
        const m = new RegExp(`${name}:\\s*(#[0-9a-f]{6})`, 'i').exec(blocks[theme]);
        expect(m?.[1].toLowerCase(), `${theme} ${name}`).toBe(PALETTES[theme][field as keyof typeof PALETTE_VARS]);
      }
    }
  });
});
