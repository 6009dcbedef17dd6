import { existsSync, readdirSync } from 'node:fs';
import fc from 'fast-check';
import type { FigureMeta } from '../../src/lib/figure/spec';
import { extremeQuery, figureQuery } from '../fuzz/figureUrls';
import { expect, test } from './helpers';

/*
 * Fuzzed figure URLs opened in the real page (the `?figure=` route): for every figure, all props at their
 * maximum together (with `at`, seed and speed far past their limits) and one random query. No page error (the guard in helpers), no figure error, no NaN or Infinity in the status line.
 * tests/unit/lib/urlFuzz.test.ts pushes over a thousand more through the pure parsing.
 */
test.use({ reducedMotion: 'reduce' });

// A figure is a folder with a meta.ts (src/figures/host/ is the figure host, not a figure).
const ids = readdirSync('src/figures', { withFileTypes: true })
  .filter((d) => d.isDirectory() && existsSync(`src/figures/${d.name}/meta.ts`))
  .map((d) => d.name)
  .sort();

for (const [part, slice] of [
  [1, ids.filter((_, i) => i % 2 === 0)],
  [2, ids.filter((_, i) => i % 2 === 1)],
] as const) {
  test(`fuzzed figure URLs ${part}/2: extremes together and random garbage never break a figure`, async ({ page }) => {
    test.setTimeout(480_000);
    const broken: string[] = [];
    for (const id of slice) {
      const { meta } = (await import(`../../src/figures/${id}/meta.ts`)) as { meta: FigureMeta };
      const queries = [extremeQuery(meta, 'max'), ...fc.sample(figureQuery(meta), { numRuns: 1, seed: id.length })];
      for (const q of queries) {
        await page.goto(`./?${q}`);
        const fig = page.locator(`[data-figure="${id}"]`);
        await expect(fig, q).toBeVisible();
        // Ready: the figure's code has loaded (it shows itself or its error).
        await expect(fig.locator('.figure-loading'), q).toHaveCount(0, { timeout: 30_000 });
        const error = await fig.locator('.figure-error').count();
        const status = (await fig.getByTestId('figure-status').textContent()) ?? '';
        if (error || /NaN|Infinity|undefined/.test(status)) broken.push(`${q} → ${error ? 'error state' : status}`);
      }
    }
    expect(broken).toEqual([]);
  });
}
