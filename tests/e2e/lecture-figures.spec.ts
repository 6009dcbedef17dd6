import { readdirSync, existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { test, expect } from './helpers';

/*
 * Figures read from the back row: in lecture mode at 1920×1080 (a projector), every figure slide shows the
 * figure enlarged as a whole (src/app/lecture/slideZoom.ts): never smaller than in the essay, the whole figure on
 * the slide unless it is taller than the slide even at the essay's size, and no share buttons. The smallest text
 * (in the page, and drawn on canvases at the settled zoom: fillText/strokeText are watched) is at least 24 px and
 * the figure covers at least 70 % of the slide (issue 17); both are attached to the report (annotations).
 */
test.use({ viewport: { width: 1920, height: 1080 }, reducedMotion: 'reduce' });

const figuresDir = fileURLToPath(new URL('../../src/figures/', import.meta.url));
const contentDir = fileURLToPath(new URL('../../content/', import.meta.url));
const embedded = readdirSync(contentDir).filter((f) => f.endsWith('.md')).map((f) => readFileSync(contentDir + f, 'utf8')).join('\n');
const ids = readdirSync(figuresDir).filter((d) => existsSync(`${figuresDir}${d}/meta.ts`) && embedded.includes(`id="${d}"`));

test('the figures on slides are the essay’s figures', () => {
  expect(ids.length).toBeGreaterThanOrEqual(20);
});

for (const id of ids) {
  test(`${id}: on its slide the figure is enlarged whole, without share buttons`, async ({ page }) => {
    await page.addInitScript(() => {
      // The smallest text each canvas draws, as font px × the context's scale, per backing-store width and zoom
      // (on a slide the backing store keeps its width through a change of zoom: the box shrinks as the zoom grows).
      const seen = new WeakMap<HTMLCanvasElement, { width: number; zoom: number; min: number }>();
      (window as unknown as { __canvasText: typeof seen }).__canvasText = seen;
      for (const name of ['fillText', 'strokeText'] as const) {
        const orig = CanvasRenderingContext2D.prototype[name];
        CanvasRenderingContext2D.prototype[name] = function (this: CanvasRenderingContext2D, ...args: Parameters<typeof orig>) {
          const px = Number(/(\d+(?:\.\d+)?)px/.exec(this.font)?.[1] ?? 10);
          const t = this.getTransform();
          const size = px * Math.hypot(t.a, t.b);
          const c = this.canvas;
          const r = seen.get(c);
          const zoom = (c as HTMLCanvasElement & { currentCSSZoom?: number }).currentCSSZoom ?? 1;
          if (String(args[0]).trim()) {
            if (!r || r.width !== c.width || r.zoom !== zoom) seen.set(c, { width: c.width, zoom, min: size });
            else r.min = Math.min(r.min, size);
          }
          return orig.apply(this, args);
        };
      }
    });
    await page.goto(`./?mode=lecture#fig-${id}`);
    const stage = page.locator(`.lecture-stage[data-slide="fig-${id}"]`);
    const fig = stage.locator(`[data-figure="${id}"]`);
    await expect(fig.getByTestId('figure-status')).toBeAttached({ timeout: 30_000 });
    await expect(fig.locator('.figure-loading')).toHaveCount(0, { timeout: 30_000 });
    await page.evaluate(() => document.fonts.ready);
    await expect(stage.locator('.slide-figure-body[data-fit="done"]')).toHaveCount(1, { timeout: 30_000 });
    await expect(fig.locator('.figure-share')).toBeHidden();
    // Two frames, so that every canvas has drawn at the final zoom.
    await page.evaluate(async () => {
      for (let i = 0; i < 3; i++) await new Promise(requestAnimationFrame);
    });
    const m = await fig.evaluate((f) => {
      let min = Infinity;
      let where = '';
      const walker = document.createTreeWalker(f, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const el = n.parentElement!;
        if (/^[\s\u200b]*$/.test(n.nodeValue ?? '') || el.closest('.katex-mathml') || !el.checkVisibility({ visibilityProperty: true, opacityProperty: true })) continue;
        const px = parseFloat(getComputedStyle(el).fontSize) * ((el as Element & { currentCSSZoom?: number }).currentCSSZoom ?? 1);
        if (px < min) [min, where] = [px, `“${(n.nodeValue ?? '').trim().slice(0, 24)}” in ${el.tagName.toLowerCase()}.${el.className}`];
      }
      const seen = (window as unknown as { __canvasText: WeakMap<HTMLCanvasElement, { width: number; zoom: number; min: number }> }).__canvasText;
      for (const c of f.querySelectorAll('canvas')) {
        const r = seen.get(c);
        if (!r || r.width !== c.width || r.zoom !== ((c as HTMLCanvasElement & { currentCSSZoom?: number }).currentCSSZoom ?? 1) || !c.checkVisibility()) continue;
        const px = (r.min * c.getBoundingClientRect().width) / c.width;
        if (px < min) [min, where] = [px, `text drawn on a canvas`];
      }
      const s = f.closest('.lecture-stage')!.getBoundingClientRect();
      const b = f.closest('.slide-figure-body')!.getBoundingClientRect();
      const r = f.getBoundingClientRect();
      const w = Math.min(r.right, b.right) - Math.max(r.left, b.left);
      const h = Math.min(r.bottom, b.bottom) - Math.max(r.top, b.top);
      return { zoom: (f as Element & { currentCSSZoom?: number }).currentCSSZoom ?? 1, min, where, share: (Math.max(0, w) * Math.max(0, h)) / (s.width * s.height), overflow: r.height - b.height };
    });
    test.info().annotations.push({ type: 'slide', description: `${id}: zoom ${m.zoom.toFixed(2)}, smallest text ${m.min.toFixed(1)} px (${m.where}), ${(m.share * 100).toFixed(0)} % of the slide` });
    expect(m.zoom).toBeGreaterThanOrEqual(1);
    expect(m.min, `no text under 24 px (${m.where})`).toBeGreaterThanOrEqual(23.95);
    expect(m.share, 'the figure covers at least 70 % of the slide').toBeGreaterThanOrEqual(0.7);
    if (m.zoom > 1) {
      // The whole figure on the slide, once the zoom has settled again after any late change of the figure's size.
      const overflow = () => fig.evaluate((f) => f.getBoundingClientRect().height - f.closest('.slide-figure-body')!.getBoundingClientRect().height);
      await expect.poll(overflow, { message: 'the whole figure on the slide' }).toBeLessThanOrEqual(3);
    }
  });
}
