import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { appReady, chaptersMeasured, expect, expectMounted, test } from './helpers';

/*
 * The essay is a document first (issue 13): the served page holds the whole text, reads with JavaScript off,
 * prints whole at any moment, and each figure is an island that wakes near the viewport or on a deep link.
 */

/** A sentence from the body of the last chapter's prose, read from the built page itself. */
function lastChapterSentence(): string {
  const html = readFileSync(resolve(fileURLToPath(new URL('../../', import.meta.url)), process.env.E2E_DIST ?? 'dist', 'index.html'), 'utf8');
  const chapters = [...html.matchAll(/<article class="chapter"[\s\S]*?<\/article>/g)].map((m) => m[0]);
  const last = chapters.filter((c) => /<div class="prose"><p>/.test(c)).at(-1)!;
  // The first plain-text run of a paragraph (no markup inside), long enough to be unique.
  const text = [...last.matchAll(/<p>([^<]{40,})/g)].map((m) => m[1]).at(-1)!;
  return text.slice(0, 40).replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&#x27;|&#39;/g, "'");
}

test('right after load, with no scroll, find-in-page finds the last chapter’s text', async ({ page }) => {
  const sentence = lastChapterSentence();
  await page.goto('./');
  await expect(page.locator('article.chapter')).toHaveCount(9);
  await expect(page.getByText('Loading chapter')).toHaveCount(0);
  expect(await page.evaluate((s) => (window as unknown as { find(text: string): boolean }).find(s), sentence), sentence).toBe(true);
});

test('a header button tapped before the app’s code has arrived still acts once the app starts', async ({ page }) => {
  let release!: () => void;
  const tapped = new Promise<void>((r) => (release = r));
  await page.route(/\/assets\/index-[^/]*\.js$/, async (route) => {
    await tapped;
    await route.continue();
  });
  await page.emulateMedia({ colorScheme: 'light' });
  // Not waiting for `load`: the held-back code, once requested, would hold that event too.
  await page.goto('./', { waitUntil: 'domcontentloaded' });
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  await page.getByRole('button', { name: 'Dark theme' }).click();
  expect(await page.evaluate(() => document.documentElement.dataset.app)).toBeUndefined();
  release();
  await appReady(page);
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect(page.getByTestId('theme-toggle')).toHaveAttribute('aria-pressed', 'true');
});

test('with JavaScript off: all nine chapters, typeset math, a poster in every picture figure, plain-link contents, no dead buttons', async ({ browser }) => {
  const ctx = await browser.newContext({ javaScriptEnabled: false });
  const page = await ctx.newPage();
  await page.goto('./');
  await expect(page.locator('article.chapter h2.chapter-title')).toHaveCount(9);
  expect(await page.locator('.katex').count()).toBeGreaterThan(200);
  const figures = page.locator('[data-figure]');
  const n = await figures.count();
  expect(n).toBeGreaterThanOrEqual(25);
  for (let i = 0; i < n; i++) {
    const f = figures.nth(i);
    const id = await f.getAttribute('data-figure');
    // Every figure shows a still image, except the two that are tables (their poster is a line saying so).
    if (id === 'comparison-table' || id === 'notation') await expect(f.locator('.figure-loading')).toBeVisible();
    else await expect(f.locator('img.figure-poster:visible'), id!).toHaveCount(1);
  }
  // Styles apply without script, and the buttons that need it are hidden.
  await expect(page.locator('body')).toHaveCSS('font-family', /Georgia/);
  await expect(page.locator('.site-tools')).toBeHidden();
  await expect(page.locator('.noscript-note')).toBeVisible();
  // The contents are plain links.
  await page.locator('#toc a[href="#references"]').click();
  await expect(page.locator('#references')).toBeInViewport();
  await page.screenshot({ path: 'test-results/document-no-js.png' });
  await ctx.close();
});

test('chapters after the first are served as MathML, which the browser lays out, and KaTeX typesets them as the reader nears them', async ({ page, browser }) => {
  // Without JavaScript: the MathML shows (it has a size), and no typeset HTML is in the chapter.
  const ctx = await browser.newContext({ javaScriptEnabled: false });
  const still = await ctx.newPage();
  await still.goto('./#dense-associative-memories');
  const served = still.locator('#associative-memories');
  await expect(served).toHaveAttribute('data-typeset', /typeset-associative-memories-[0-9a-f]+\.js$/);
  expect(await served.locator('.katex-html').count()).toBe(0);
  const box = await served.locator('.katex[data-k] math').first().boundingBox();
  expect(box?.width ?? 0).toBeGreaterThan(4);
  await ctx.close();
  // With it: the chapter the reader comes to is typeset, every formula of it.
  await page.goto('./');
  await appReady(page, 'essay');
  await page.locator('#dense-associative-memories').scrollIntoViewIfNeeded();
  const chapter = page.locator('#associative-memories');
  await expect(chapter).not.toHaveAttribute('data-typeset');
  expect(await chapter.locator('.katex[data-k]').count()).toBe(0);
  expect(await chapter.locator('.katex > .katex-html').count()).toBeGreaterThan(100);
  // KaTeX's own rule hides its MathML again (a 1 px box, for screen readers only).
  expect(await chapter.locator('.katex-mathml').first().evaluate((el) => el.getBoundingClientRect().width)).toBeLessThanOrEqual(1);
});

test('printing right after load gives the whole essay, with a picture in every figure', async ({ page }) => {
  await page.goto('./');
  await appReady(page, 'essay');
  // Once the page is idle every poster has loaded (they load lazily before that).
  await chaptersMeasured(page);
  await page.emulateMedia({ media: 'print' });
  // In print every figure shows its running canvas or its loaded poster, and no placeholder line.
  const empty = () =>
    page.evaluate(() =>
      [...document.querySelectorAll('[data-figure]')]
        .filter((f) => !['comparison-table', 'notation'].includes(f.getAttribute('data-figure')!))
        .filter((f) => ![...f.querySelectorAll('canvas, svg, img.figure-poster')].some((e) => e.getBoundingClientRect().height > 40 && (!(e instanceof HTMLImageElement) || (e.complete && e.naturalWidth > 0))))
        .map((f) => f.getAttribute('data-figure')),
    );
  await expect.poll(empty, { timeout: 30_000 }).toEqual([]);
  const pdf = await page.pdf({ format: 'A4' });
  const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
  expect(pages).toBeGreaterThan(40);
  expect(pdf.toString('latin1')).not.toContain('Loading chapter');
});

test('a ?fig= link without a hash scrolls to its figure and wakes it at once; figures far away stay posters', async ({ page }) => {
  await page.goto('./?fig=fig-energy-transformer&seed=3');
  const fig = page.locator('[data-figure="energy-transformer"]');
  await expectMounted(fig);
  await expect(fig).toBeInViewport();
  // The first chapter's figures are far above: never approached, never woken.
  await expect(page.locator('#introduction [data-figure]').first()).toHaveClass(/figure-placeholder/);
});

test('a ?fig= link may name the figure by its bare id, as a reader would type it', async ({ page }) => {
  await page.goto('./?fig=hopfield-images');
  const fig = page.locator('[data-figure="hopfield-images"]');
  await expectMounted(fig);
  await expect(fig).toBeInViewport();
  await expect(page.getByText('that this essay does not have')).toHaveCount(0);
});

for (const width of [360, 1280, 1920]) {
  test(`every display equation fits or wraps at ${width} px`, async ({ page }) => {
    // About a hundred equations, each brought into view and polled: minutes on a loaded 2-core machine.
    test.setTimeout(180_000);
    await page.setViewportSize({ width, height: 900 });
    await page.goto('./');
    await appReady(page, 'essay');
    await chaptersMeasured(page);
    // Equations are fitted as they come near: visit each one, then it fits, or it scrolls with a cue and a focus stop.
    const equations = page.locator('.equation-math');
    for (let i = 0, n = await equations.count(); i < n; i++) {
      const eq = equations.nth(i);
      // Scrolled there directly: Playwright's scrollIntoViewIfNeeded also waits for the element to hold still,
      // which a page whose figures wake and settle around it may not do for a while.
      await eq.evaluate((e) => e.scrollIntoView({ block: 'center' }));
      const fits = () => eq.evaluate((e: HTMLElement) => e.scrollWidth <= e.clientWidth + 1 || (e.tabIndex === 0 && e.dataset.scrollFocus !== undefined));
      const what = () => eq.evaluate((e: HTMLElement) => `${e.closest('[id]')?.id}: ${e.scrollWidth}/${e.clientWidth} px at scale ${e.style.getPropertyValue('--eq-scale') || 1}`);
      await expect.poll(fits, await what()).toBe(true);
    }
    // On a desktop screen every one fits outright.
    if (width >= 1280) expect(await page.locator('.equation-math[data-scroll-focus]').count()).toBe(0);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
  });
}
