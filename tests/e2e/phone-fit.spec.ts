import { readdirSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, test } from '@playwright/test';

/*
 * On a phone (360×740) a figure's canvas and its transport (play, step, reset) fit one screen together, so a
 * reader can press Play and watch without scrolling. For every figure on its own route (`?figure=<id>`): the
 * box from the top of its main picture (its largest canvas, else its largest SVG) to the bottom of the
 * transport is no taller than the viewport. Static figures have no transport: their picture alone must fit.
 */
test.use({ viewport: { width: 360, height: 740 }, reducedMotion: 'reduce', hasTouch: true, isMobile: true });

const figuresDir = fileURLToPath(new URL('../../src/figures/', import.meta.url));
const ids = readdirSync(figuresDir).filter((d) => existsSync(`${figuresDir}${d}/meta.ts`));

test('every figure has at least one to check', () => {
  expect(ids.length).toBeGreaterThanOrEqual(25);
});

for (const id of ids) {
  test(`${id}: its picture and its transport fit one screen`, async ({ page }) => {
    await page.goto(`./?figure=${id}`);
    // Wait for state: the figure's root and its status line (static figures' may stay empty).
    const fig = page.locator(`[data-figure="${id}"]`);
    await expect(fig.getByTestId('figure-status')).toBeAttached();
    await expect(fig.locator('.figure-loading')).toHaveCount(0);
    const span = await fig.evaluate((f) => {
      const largest = (sel: string) =>
        [...f.querySelectorAll<HTMLElement | SVGElement>(sel)]
          .filter((e) => !e.closest('.katex'))
          .map((e) => e.getBoundingClientRect())
          .filter((r) => r.width > 0 && r.height > 0)
          .sort((a, b) => b.width * b.height - a.width * a.height)[0];
      const picture = largest('canvas') ?? largest('svg');
      const transport = f.querySelector('.figure-transport')?.getBoundingClientRect();
      if (!picture) return null;
      const top = Math.min(picture.top, transport?.top ?? Infinity);
      const bottom = Math.max(picture.bottom, transport?.bottom ?? -Infinity);
      return { height: bottom - top, picture: picture.height, hasTransport: !!transport, fitsWidth: picture.right <= window.innerWidth + 1 };
    });
    test.skip(span === null, 'no canvas or plot (a table)');
    console.log(`${id}: picture ${Math.round(span!.picture)} px, picture + transport ${Math.round(span!.height)} px${span!.hasTransport ? '' : ' (no transport)'}`);
    expect(span!.height).toBeLessThanOrEqual(740);
    expect(span!.fitsWidth).toBe(true);
  });
}
