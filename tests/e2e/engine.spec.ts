import type { Page } from '@playwright/test';
import { chaptersMeasured, expect, expectAnimates, expectMounted, hoverUntil, nextFrames, pixels, test } from './helpers';
import AxeBuilder from '@axe-core/playwright';
import { readdirSync } from 'node:fs';

/*
 * The essay engine, driven as a reader would: the built essay (every chapter in content/), its math,
 * references, table of contents, figures, themes, small screens and accessibility.
 */

async function openEssay(page: Page, errors: string[] = []) {
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto('./');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Memory in Plain Sight');
  // Every chapter's text is in the served page; the app has woken the page's controls.
  await expect(page.locator('html[data-app="ready"]')).toHaveCount(1, { timeout: 20_000 });
  await chaptersMeasured(page);
}

test('chapters render in order, with numbered titles, typeset math and a bibliography', async ({ page }) => {
  const errors: string[] = [];
  await openEssay(page, errors);
  const tocOrder = await page.locator('.toc-chapters > li > a[href^="#"]').evaluateAll((as) => as.map((a) => a.getAttribute('href')!.slice(1)).filter((id) => id !== 'references'));
  const pageOrder = await page.locator('article.chapter').evaluateAll((els) => els.map((e) => e.id));
  expect(pageOrder.length).toBeGreaterThan(0);
  expect(pageOrder).toEqual(tocOrder);
  const numbers = await page.locator('.chapter-number').allTextContents();
  expect(numbers).toEqual(pageOrder.map((_, i) => `Chapter ${i + 1}`));
  // Math is HTML from the build: KaTeX markup present, no TeX source left in the prose.
  expect(await page.locator('.prose .katex').count()).toBeGreaterThan(5);
  expect(await page.locator('.prose').first().innerText()).not.toMatch(/\$[^$\s][^$]*\$/);
  // Numbered equations count up from (1) in reading order.
  const eqNumbers = await page.locator('.equation-numbered .equation-number').evaluateAll((els) => els.map((e) => e.firstChild?.textContent ?? ''));
  expect(eqNumbers.slice(0, 3)).toEqual(['(1)', '(2)', '(3)'].slice(0, eqNumbers.slice(0, 3).length));
  // Figures are numbered in order and every figure root is named.
  const figs = page.locator('article [data-figure]');
  const n = await figs.count();
  for (let i = 0; i < n; i++) {
    await expect(figs.nth(i)).toHaveAttribute('aria-label', new RegExp(`^Figure ${i + 1}: `));
  }
  await expect(page.locator('#references .bibliography li').first()).toBeVisible();
  expect(errors).toEqual([]);
});

test('an equation reference shows the equation on hover and links to it', async ({ page }) => {
  await openEssay(page);
  const ref = page.locator('a.eqref').first();
  const card = page.getByTestId('hover-card-eq');
  // Figures near the link may still be mounting and move it from under the pointer: hover again until the card
  // is up and tied to the link.
  await hoverUntil(ref, async () => {
    await expect(card).toBeVisible({ timeout: 1000 });
    await expect(ref).toHaveAttribute('aria-describedby', 'hover-card', { timeout: 1000 });
    await expect(card.locator('.katex').first()).toBeVisible({ timeout: 1000 });
  });
  const label = await ref.getAttribute('data-eq');
  await ref.click();
  await expect(page).toHaveURL(new RegExp(`#eq-${label}$`));
  await expect(page.locator(`#eq-${label}`)).toBeInViewport();
});

test('a citation shows its reference on hover and on keyboard focus, and links to the bibliography', async ({ page }) => {
  await openEssay(page);
  const cite = page.locator('a.cite').first();
  const card = page.getByTestId('hover-card-cite');
  await hoverUntil(cite, () => expect(card).toBeVisible({ timeout: 1000 }));
  const key = (await cite.getAttribute('data-cite'))!;
  const entry = page.locator(`#ref-${key}`);
  await expect(card).toContainText((await entry.locator('.bib-title').textContent())!);
  await page.mouse.move(0, 0);
  await expect(card).toBeHidden();
  await cite.focus();
  await expect(card).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(card).toBeHidden();
  await cite.click();
  await expect(entry).toBeInViewport();
});

test('the table of contents follows the reader', async ({ page }) => {
  await openEssay(page);
  const chapters = await page.locator('article.chapter').evaluateAll((els) => els.map((e) => e.id));
  // A chapter in the middle (the last one may be too short to reach the top of the window).
  const last = chapters[Math.min(1, chapters.length - 1)];
  await page.evaluate((id) => document.getElementById(id)!.scrollIntoView(), last);
  await expect(page.locator(`.toc a[href="#${last}"]`)).toHaveAttribute('aria-current', 'location');
  // A section further down that chapter becomes current when the reader gets there.
  const headings = page.locator(`#${last} .prose h3[id]`);
  const section = (await headings.count()) ? await headings.first().getAttribute('id') : null;
  if (section) {
    await page.evaluate((id) => document.getElementById(id)!.scrollIntoView(), section);
    await expect(page.locator(`.toc a[href="#${section}"]`)).toHaveAttribute('aria-current', 'location');
    await expect(page.locator(`.toc a[href="#${last}"]`)).not.toHaveAttribute('aria-current', 'location');
  }
  await page.evaluate(() => window.scrollTo(0, 0));
  await expect(page.locator('.toc a[aria-current="location"]')).toHaveCount(0);
});

test('deep links land on sections, equations and figures', async ({ page }) => {
  await openEssay(page);
  const targets = [
    await page.locator('.prose h3[id]').last().getAttribute('id'),
    await page.locator('.equation-numbered').last().getAttribute('id'),
    await page.locator('article [data-figure]').last().getAttribute('id'),
  ].filter(Boolean) as string[];
  for (const id of targets) {
    await page.goto(`./#${id}`);
    await expect(page.locator(`[id="${id}"]`)).toBeInViewport({ timeout: 20_000 });
  }
});

test('a figure mounts, animates on screen and pauses off screen', async ({ page }) => {
  await page.addInitScript(() => {
    window.__frameTimes = {};
  });
  await openEssay(page);
  const figs = page.locator('article [data-figure]');
  const n = await figs.count();
  let found = -1;
  for (let i = 0; i < n && found < 0; i++) {
    const fig = figs.nth(i);
    await fig.scrollIntoViewIfNeeded();
    // Figures mount as they come near.
    await expectMounted(fig);
    if ((await fig.locator('canvas').count()) && (await fig.getByRole('button', { name: /pause/i }).count())) found = i;
  }
  expect(found, 'some figure in the essay plays on screen').toBeGreaterThanOrEqual(0);
  const fig = figs.nth(found);
  await expectAnimates(fig);
  const id = (await fig.getAttribute('data-figure'))!;
  const frames = () => page.evaluate((fid) => (window.__frameTimes?.[fid] ?? []).length, id);
  expect(await frames()).toBeGreaterThan(0);
  // Scroll far away (to whichever end of the essay is farther): the loop stops (two animation frames pass
  // with no figure frame recorded), and thirty frames later nothing more was recorded or drawn.
  const farther = await fig.evaluate((el) => (el.getBoundingClientRect().top + window.scrollY > document.documentElement.scrollHeight / 2 ? 0 : document.documentElement.scrollHeight));
  await page.evaluate((y) => window.scrollTo(0, y), farther);
  await expect
    .poll(async () => {
      const before = await frames();
      await nextFrames(page, 2);
      return (await frames()) - before;
    }, 'the off-screen figure stops its loop')
    .toBe(0);
  const canvas = fig.locator('canvas').first();
  const f1 = await frames();
  const c1 = await pixels(canvas);
  await nextFrames(page, 30);
  expect(await frames()).toBe(f1);
  expect(await pixels(canvas)).toBe(c1);
});

test('the theme toggle switches to dark and back, and follows the system at first', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await openEssay(page);
  const html = page.locator('html');
  await expect(html).toHaveAttribute('data-theme', 'light');
  const bgLight = await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
  await page.getByTestId('theme-toggle').click();
  await expect(html).toHaveAttribute('data-theme', 'dark');
  await expect(page.getByTestId('theme-toggle')).toHaveAttribute('aria-pressed', 'true');
  const bgDark = await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
  expect(bgDark).not.toBe(bgLight);
  await page.reload();
  await expect(html).toHaveAttribute('data-theme', 'dark');
  await page.getByTestId('theme-toggle').click();
  await expect(html).toHaveAttribute('data-theme', 'light');
});

test('dark system preference gives the dark theme', async ({ browser }) => {
  const ctx = await browser.newContext({ colorScheme: 'dark' });
  const page = await ctx.newPage();
  await openEssay(page);
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await ctx.close();
});

test('a 360 px phone has no horizontal scroll, and the contents open from a button', async ({ browser }) => {
  const ctx = await browser.newContext({ viewport: { width: 360, height: 740 }, hasTouch: true });
  const page = await ctx.newPage();
  await openEssay(page);
  for (const y of [0, 0.25, 0.5, 0.75, 1]) {
    await page.evaluate((f) => window.scrollTo(0, document.documentElement.scrollHeight * f), y);
    await nextFrames(page);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  }
  await expect(page.locator('nav.toc')).toBeHidden();
  await page.getByRole('button', { name: 'Contents' }).click();
  await expect(page.locator('nav.toc')).toBeVisible();
  const second = page.locator('.toc-chapters > li > a').nth(1);
  const href = (await second.getAttribute('href'))!;
  await second.click();
  await expect(page.locator('nav.toc')).toBeHidden();
  await expect(page.locator(href)).toBeInViewport();
  await ctx.close();
});

// One test per chapter (axe is slow on pages full of typeset math), both themes, plus the shell.
const chapterSlugs = readdirSync('content')
  .filter((f) => /^\d\d-[a-z0-9-]+\.md$/.test(f))
  .sort()
  .map((f) => f.replace(/^\d\d-/, '').replace(/\.md$/, ''));
for (const part of ['shell', ...chapterSlugs]) {
  test(`axe finds no serious or critical violations: ${part}, light and dark`, async ({ page }) => {
    test.setTimeout(240_000);
    // Figures stay still (reduced motion), so axe measures a quiet page.
    await page.emulateMedia({ colorScheme: 'light', reducedMotion: 'reduce' });
    await openEssay(page);
    const selectors = part === 'shell' ? ['.site-header', '.toc-wrap', '#title', '#references'] : [`#${part}`];
    const bad: string[] = [];
    for (const theme of ['light', 'dark']) {
      if (theme === 'dark') await page.getByTestId('theme-toggle').click();
      await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
      for (const sel of selectors) {
        if (!(await page.locator(sel).count())) continue;
        await page.locator(sel).first().scrollIntoViewIfNeeded();
        // KaTeX's visual HTML is aria-hidden (assistive technology reads the MathML beside it), and its
        // thousands of spans make axe slow: leave them out.
        const results = await new AxeBuilder({ page }).include(sel).exclude('canvas').exclude('.katex-html').analyze();
        for (const v of results.violations) {
          if (v.impact === 'serious' || v.impact === 'critical') bad.push(`${theme} ${sel}: ${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
        }
      }
    }
    expect(bad).toEqual([]);
  });
}

test('the figure catalogue lists every figure with its props and a live instance', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto('./?catalogue');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Figure catalogue');
  const entries = page.locator('.catalogue-entry');
  expect(await entries.count()).toBeGreaterThan(0);
  const first = entries.first();
  await expect(first.locator('.props-table')).toBeVisible();
  await expect(first.locator('[data-figure]')).toBeVisible();
  const results = await new AxeBuilder({ page }).include('.catalogue-entry:first-of-type').exclude('canvas').analyze();
  expect(results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
  expect(errors).toEqual([]);
});

test('the single-figure route shows one figure with attributes from the URL', async ({ page }) => {
  await page.goto('./?figure=energy-landscape&beta=8&seed=5');
  const fig = page.locator('[data-figure="energy-landscape"]');
  await expect(fig).toBeVisible();
  await expect(fig.getByText(/seed/i).first()).toBeVisible();
  await expect(page.locator('article.chapter')).toHaveCount(0);
});
