import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from '@playwright/test';
import { appReady, expect, openElsewhere, test } from './helpers';

/** The transport's step counter shows n (whatever its wording: "t = n", "steps: n"). */
const stepsAre = (n: number) => new RegExp(`(^|\\D)${n}$`);

/*
 * Deep links to a figure's state, embeds, and URLs full of garbage. A copied link, opened in a fresh page,
 * must give the same pixels after the same number of steps; values from a URL are validated like the
 * controls' (notices where something was ignored or clamped); no query string may break the page.
 */
test.use({ reducedMotion: 'reduce' });

function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  return errors;
}

const pixels = (page: Page, scope: string) => page.locator(`${scope} canvas`).first().evaluate((c: HTMLCanvasElement) => c.toDataURL());

async function copyLink(page: Page, scope: string): Promise<string> {
  await page.locator(`${scope} [data-action="copy-link"]`).click();
  const field = page.locator(`${scope} [data-testid="share-link"]`);
  await expect(field).toBeVisible();
  return field.inputValue();
}

test('a copied link replays the same run: same canvas pixels after the same number of steps', async ({ page, browser }) => {
  const errors = watchErrors(page);
  await page.goto('./?figure=energy-landscape&beta=8&memories=4&particles=300');
  const fig = page.locator('[data-figure="energy-landscape"]');
  await expect(fig.getByTestId('figure-status')).not.toBeEmpty();
  await fig.locator('[data-action="new-seed"]').click();
  for (let i = 0; i < 7; i++) await fig.locator('[data-action="step"]').click();
  await expect(fig.locator('.figure-steps')).toHaveText(stepsAre(7));
  const link = await copyLink(page, '[data-figure="energy-landscape"]');
  expect(link).toMatch(/[?&]at=7(&|$)/);
  expect(link).toMatch(/[?&]beta=8(&|$)/);
  const seed = await fig.getByTestId('seed').textContent();
  expect(link).toContain(`seed=${seed}`);
  const original = await pixels(page, '[data-figure="energy-landscape"]');

  // A fresh page (new context: nothing shared) opens the link.
  const ctx = await browser.newContext({ reducedMotion: 'reduce', viewport: { width: 1280, height: 900 } });
  const fresh = await ctx.newPage();
  const freshErrors = watchErrors(fresh);
  await fresh.goto(link);
  const again = fresh.locator('[data-figure="energy-landscape"]');
  await expect(again.locator('.figure-steps')).toHaveText(stepsAre(7));
  await expect(again.getByTestId('seed')).toHaveText(seed!);
  await expect(again.locator('.figure-notice')).toHaveCount(0);
  await expect.poll(() => pixels(fresh, '[data-figure="energy-landscape"]')).toBe(original);
  // And it keeps replaying identically: three more steps on both sides.
  for (let i = 0; i < 3; i++) {
    await fig.locator('[data-action="step"]').click();
    await again.locator('[data-action="step"]').click();
  }
  await expect(fig.locator('.figure-steps')).toHaveText(stepsAre(10));
  await expect(again.locator('.figure-steps')).toHaveText(stepsAre(10));
  expect(await pixels(fresh, '[data-figure="energy-landscape"]')).toBe(await pixels(page, '[data-figure="energy-landscape"]'));
  await ctx.close();
  expect([...errors, ...freshErrors]).toEqual([]);
});

test('an essay figure link scrolls to the figure and restores its state; section and equation links work', async ({ page, browser }) => {
  const errors = watchErrors(page);
  await page.goto('./#fig-landscape-duality');
  const scope = '#fig-landscape-duality';
  const fig = page.locator(scope);
  await expect(fig.locator('[data-action="step"]')).toBeVisible({ timeout: 20_000 });
  await expect(fig.locator('canvas').first()).toBeVisible();
  await fig.locator('[data-action="new-seed"]').click();
  for (let i = 0; i < 5; i++) await fig.locator('[data-action="step"]').click();
  await expect(fig.locator('.figure-steps')).toHaveText(stepsAre(5));
  const link = await copyLink(page, scope);
  expect(link).toMatch(/\?fig=fig-landscape-duality&.*#fig-landscape-duality$/);
  const original = await pixels(page, scope);

  const ctx = await browser.newContext({ reducedMotion: 'reduce', viewport: { width: 1280, height: 900 } });
  const fresh = await ctx.newPage();
  const freshErrors = watchErrors(fresh);
  await fresh.goto(link);
  const again = fresh.locator(scope);
  await expect(again.locator('.figure-steps')).toHaveText(stepsAre(5), { timeout: 20_000 });
  await expect(again).toBeInViewport();
  await expect.poll(() => pixels(fresh, scope)).toBe(original);

  // A clamped value in an essay link: restored, clamped, and said.
  await fresh.goto('./?fig=fig-boltzmann&T=1e6&nonsense=1#fig-boltzmann');
  await expect(fresh.locator('#fig-boltzmann .figure-notice')).toContainText('outside', { timeout: 20_000 });
  await expect(fresh.locator('#fig-boltzmann .figure-notice')).toContainText('nonsense');
  // A link to a figure the essay does not have: the page works and says so.
  await fresh.goto('./?fig=fig-nope&beta=2');
  await expect(fresh.getByTestId('url-notice')).toContainText('does not have');
  // Section and equation links.
  await fresh.goto('./#the-force-is-the-score');
  await expect(fresh.locator('#the-force-is-the-score')).toBeInViewport({ timeout: 20_000 });
  await fresh.goto('./#eq-particles-score');
  await expect(fresh.locator('#eq-particles-score')).toBeInViewport({ timeout: 20_000 });
  await ctx.close();
  expect([...errors, ...freshErrors]).toEqual([]);
});

test('the embed page fits a 640×360 iframe, without chrome, with validated state and a copy-embed action', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('./?figure=energy-landscape');
  await page.locator('[data-action="copy-embed"]').click();
  const snippet = await page.getByTestId('share-embed').inputValue();
  expect(snippet).toMatch(/^<iframe src="[^"]*embed\.html\?figure=energy-landscape[^"]*" title="[^"]+" width="640" height="360"/);

  const src = new URL('embed.html?figure=energy-landscape&beta=1000&seed=5', page.url()).href;
  // A course page elsewhere frames the embed (the essay's own policy frames nothing).
  await openElsewhere(page, `<iframe src="${src}" width="640" height="360" style="border:0"></iframe>`);
  const frame = page.frameLocator('iframe');
  const fig = frame.locator('[data-figure="energy-landscape"]');
  await expect(fig.locator('canvas').first()).toBeVisible();
  await expect(frame.locator('.site-header')).toHaveCount(0);
  await expect(frame.locator('.theme-toggle')).toHaveCount(0);
  // In the small frame the notice sits above the figure, in view.
  await expect(frame.getByTestId('url-notice')).toContainText('beta = 1000 is outside');
  await expect(frame.getByTestId('url-notice')).toBeInViewport();
  await expect(fig.getByTestId('seed')).toHaveText('5');
  // Nothing sticks out sideways at 640 px.
  const f = page.frames().find((x) => x.url().includes('embed'))!;
  const overflow = await f.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await page.screenshot({ path: test.info().outputPath('embed-640x360.png') });
  expect(errors).toEqual([]);
});

/** A small seeded generator (mulberry32), so the fuzz cases are the same on every run. */
function rng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Case {
  query: string;
  /** true: a notice must be shown; false: none may be; null: no claim (raw garbage). */
  owed: boolean | null;
}

/** Queries for ?figure=energy-landscape built from labelled parts, plus raw garbage. */
function figureCases(n: number, seed: number): Case[] {
  const r = rng(seed);
  const pick = <T,>(xs: T[]) => xs[Math.floor(r() * xs.length)];
  const junk = () => {
    const alphabet = ['%', '%%', '%E0%A4%A', '&', '=', '==', '?', '#', '+', ' ', '\u0000', '💥', '<script>', '"', "'", '../', 'a', '0', '-1', 'e', '.', '__proto__', 'constructor', '[]', '{}', '\\'];
    let s = '';
    const len = 1 + Math.floor(r() * 12);
    for (let i = 0; i < len; i++) s += pick(alphabet);
    return s;
  };
  const good: [string, () => string][] = [
    ['beta', () => String(0.1 + r() * 99.9)],
    ['memories', () => String(1 + Math.floor(r() * 12))],
    ['alpha', () => String(0.01 + Math.round(r() * 99) / 100)],
    ['particles', () => String(1 + Math.floor(r() * 800))],
    ['seed', () => String(Math.floor(r() * 2 ** 32))],
    ['at', () => String(Math.floor(r() * 40))],
    ['speed', () => String(1 + Math.floor(r() * 64))],
  ];
  const bad: (() => string)[] = [
    () => `beta=${pick(['0', '-5', '1e9', '1000', '0.01'])}`,
    () => `memories=${pick(['0', '13', '2.5', '-1', '99999'])}`,
    () => `alpha=${pick(['abc', 'NaN', '', 'Infinity', '2'])}`,
    () => `seed=${pick(['x', '-1', '1.5', '99999999999', ''])}`,
    () => `at=${pick(['-3', '1e12', 'later', '0.5'])}`,
    () => `speed=${pick(['0', '65', 'fast'])}`,
    () => `${pick(['bogus', 'Beta', 'mode', 'x', '__proto__', 'constructor', '💥'])}=${pick(['1', '', 'on'])}`,
  ];
  const out: Case[] = [];
  for (let i = 0; i < n; i++) {
    const kind = r();
    if (kind < 0.25) {
      out.push({ query: `figure=energy-landscape&${junk()}=${junk()}&${junk()}`, owed: null });
      continue;
    }
    const parts: string[] = ['figure=energy-landscape'];
    const used = new Set<string>();
    let owed = false;
    const k = 1 + Math.floor(r() * 4);
    for (let j = 0; j < k; j++) {
      if (r() < 0.5) {
        const [key, val] = pick(good);
        if (used.has(key)) continue;
        used.add(key);
        parts.push(`${key}=${encodeURIComponent(val())}`);
      } else {
        const p = pick(bad)();
        const key = p.split('=')[0];
        if (used.has(key)) continue;
        used.add(key);
        parts.push(p.replace(/[^=]*$/, (v) => encodeURIComponent(v)));
        owed = true;
      }
    }
    out.push({ query: parts.join('&'), owed });
  }
  return out;
}

// 240 URLs (120 from each of two seeds), in four tests of 60: each well inside its time on a loaded 2-core machine.
for (const [part, seed, half] of [
  [1, 101, 0],
  [2, 101, 1],
  [3, 202, 0],
  [4, 202, 1],
] as const) {
  test(`fuzz ${part}/4: 60 random and malformed figure URLs never break the page, and owed notices appear`, async ({ page }) => {
    test.setTimeout(180_000);
    const errors = watchErrors(page);
    for (const c of figureCases(120, seed).slice(half * 60, half * 60 + 60)) {
      await page.goto(`./?${c.query}`, { waitUntil: 'domcontentloaded' });
      const fig = page.locator('[data-figure="energy-landscape"]');
      await expect(fig, c.query).toBeVisible();
      if (c.owed === true) await expect(fig.locator('.figure-notice'), c.query).toBeVisible();
      if (c.owed === false) await expect(fig.locator('.figure-notice'), c.query).toHaveCount(0);
      expect(errors, c.query).toEqual([]);
    }
  });
}

const FUZZ_BITS = ['figure=', 'fig=', 'mode=lecture', 'mode=presenter', 'embed', '%E0%A4%A', '💥', '<img src=x onerror=alert(1)>', 'fig-boltzmann', 'fig-nope', 'T=1e9', 'beta=-1', '&&&', '=', '#', '#%', '#eq-', '#fig-boltzmann', 'theme=purple', 'contrast=high'];

// 60 random loads of the whole essay page, in three tests of 20 (each a minute or more on a loaded 2-core machine).
for (const part of [0, 1, 2]) {
  test(`fuzz ${part + 1}/3: random figure ids, essay links and hashes never break the page`, async ({ page }) => {
    test.setTimeout(300_000);
    const errors = watchErrors(page);
    const r = rng(303 + part);
    for (let i = 0; i < 20; i++) {
      let q = '';
      const len = 1 + Math.floor(r() * 5);
      for (let j = 0; j < len; j++) q += (j && r() < 0.6 ? '&' : '') + FUZZ_BITS[Math.floor(r() * FUZZ_BITS.length)];
      await page.goto(`./?${q}`, { waitUntil: 'domcontentloaded' });
      await appReady(page, q);
      expect(errors, q).toEqual([]);
    }
  });
}

test('fuzz: malformed escapes in the hash on every route, and a figure id that is markup', async ({ page }) => {
  test.setTimeout(120_000);
  const errors = watchErrors(page);
  for (const q of ['./#%E0%A4%A', './#%', './?fig=fig-boltzmann#%', './?mode=lecture#%', './?figure=energy-landscape#%25%']) {
    await page.goto(q);
    await appReady(page, q);
    expect(errors, q).toEqual([]);
  }
  // A link whose figure has no such id: a figure-shaped message, not a blank page.
  await page.goto('./?figure=%3Cscript%3E');
  await expect(page.locator('.figure-error')).toContainText('There is no figure');
});

test('offline: the built folder opened over file:// runs the essay, a figure, lecture mode and an embed', async ({ browser }) => {
  const dist = resolve(process.env.E2E_DIST ?? 'dist');
  test.skip(!existsSync(join(dist, 'offline/app.js')), 'needs the file:// bundle: build with `npm run build`');
  const ctx = await browser.newContext({ reducedMotion: 'reduce', viewport: { width: 1280, height: 800 } });
  await ctx.setOffline(true);
  const page = await ctx.newPage();
  const errors = watchErrors(page);
  const base = pathToFileURL(dist).href + '/';
  await page.goto(`${base}index.html#fig-landscape-duality`);
  await expect(page.locator('#fig-landscape-duality canvas').first()).toBeVisible({ timeout: 20_000 });
  await expect(page.locator('.katex').first()).toBeVisible();
  // A chapter's typeset math is a classic script of its own, which loads over file:// too.
  await page.locator('#dense-associative-memories').scrollIntoViewIfNeeded();
  await expect(page.locator('#associative-memories')).not.toHaveAttribute('data-typeset');
  // KaTeX's fonts come from the folder, not the network.
  expect(await page.evaluate(async () => (await document.fonts.ready, [...document.fonts].some((f) => f.family.includes('KaTeX') && f.status === 'loaded')))).toBe(true);
  await page.goto(`${base}index.html?mode=lecture#eq-particles-score`);
  await expect(page.locator('.slide-math .katex')).toBeVisible();
  await page.keyboard.press('ArrowRight');
  await expect(page.locator('.lecture-stage')).not.toHaveAttribute('data-slide', 'eq-particles-score');
  await page.goto(`${base}embed.html?figure=energy-landscape&beta=1000`);
  await expect(page.getByTestId('url-notice')).toContainText('outside');
  // A figure that runs in a Web Worker (inlined for file://).
  await page.goto(`${base}index.html?figure=capacity`);
  await expect(page.locator('[data-figure="capacity"] [data-testid="figure-status"]')).toContainText(/Done|running|K/, { timeout: 30_000 });
  await expect(page.locator('[data-figure="capacity"] .figure-problem')).toHaveCount(0);
  await ctx.close();
  expect(errors).toEqual([]);
});
