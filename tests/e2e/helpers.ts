import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { test as base, expect, type BrowserContext, type Locator, type Page } from '@playwright/test';

/*
 * What the specs share: `test`, which fails any test whose pages log a console error, break the Content
 * Security Policy or throw; and for the figure specs, opening one figure alone through the `?figure=<id>` route
 * and reading what it shows.
 */

/** Records console errors, CSP violations and uncaught errors of every page of `ctx` into `into`. */
export async function guard(ctx: BrowserContext, into: string[]): Promise<void> {
  // Chromium logs a refused resource as a console error; the event also catches what it reports silently.
  await ctx.addInitScript(() =>
    document.addEventListener('securitypolicyviolation', (e) => console.error(`CSP violation: ${e.effectiveDirective} refused ${e.blockedURI || 'inline'}`)),
  );
  ctx.on('console', (m) => {
    if (m.type() === 'error') into.push(`${m.location().url}: ${m.text()}`);
  });
  ctx.on('weberror', (e) => into.push(`uncaught: ${e.error().message}`));
}

/**
 * Playwright's `test`, guarded: every context of the test (the default one and any from `browser.newContext`)
 * must end with no console error, no CSP violation and no uncaught error.
 */
export const test = base.extend<{ consoleClean: void }>({
  consoleClean: [
    async ({ context, browser }, use) => {
      const seen: string[] = [];
      await guard(context, seen);
      const newContext = browser.newContext.bind(browser);
      browser.newContext = async (options) => {
        const ctx = await newContext(options);
        await guard(ctx, seen);
        return ctx;
      };
      await use();
      browser.newContext = newContext;
      expect(seen, 'console errors, CSP violations or uncaught errors').toEqual([]);
    },
    { auto: true },
  ],
});
export { expect };

/** A canvas's current pixels, to compare before and after an interaction. */
export const pixels = (c: Locator) => c.evaluate((el: HTMLCanvasElement) => el.toDataURL());
/** The figure's visible step counter as a number. */
export const steps = async (fig: Locator) => Number(((await fig.locator('.figure-steps').textContent()) ?? '').replace(/\D+/g, ''));
/** The figure's live status line. */
export const status = (fig: Locator) => fig.getByTestId('figure-status');

const ERRORS = new WeakMap<Page, string[]>();

/** Opens `?figure=<id><query>` and waits for the figure and its status line; uncaught page errors are collected for `errorsOf`. */
export async function open(page: Page, id: string, query = ''): Promise<Locator> {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  ERRORS.set(page, errors);
  await page.goto(`./?figure=${id}${query}`);
  const fig = page.locator(`[data-figure="${id}"]`);
  await expect(fig).toBeVisible();
  await expect(status(fig)).not.toBeEmpty();
  return fig;
}
/** The uncaught page errors seen since `open`. */
export const errorsOf = (page: Page) => ERRORS.get(page) ?? [];

/** Collects uncaught page errors and console errors from now on. */
export function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  return errors;
}

/** Sets the transport to its fastest speed (32 updates per frame). */
export async function fast(fig: Locator) {
  await fig.getByLabel('Updates per frame').selectOption('32');
}

/** Waits until the figure's step counter moves on and its first canvas shows a new picture. */
export async function expectAnimates(fig: Locator): Promise<void> {
  const canvas = fig.locator('canvas').first();
  const s0 = await steps(fig);
  const a = await pixels(canvas);
  await expect.poll(() => steps(fig), 'the step counter advances').toBeGreaterThan(s0);
  await expect.poll(() => pixels(canvas), 'the canvas is redrawn').not.toBe(a);
}

/**
 * Hovers `target` until `shown` passes. On the essay, figures mounting near the target can move it from under
 * the pointer (or a chapter's handlers can attach a moment later), so one hover is not enough.
 */
export async function hoverUntil(target: Locator, shown: () => Promise<void>): Promise<void> {
  await expect(async () => {
    await target.scrollIntoViewIfNeeded();
    await target.hover();
    await shown();
  }).toPass({ timeout: 20_000 });
}

/** Resolves after the page has rendered `n` more animation frames (layout and any figure loop have run). */
export const nextFrames = (page: Page, n = 2) =>
  page.evaluate(async (k) => {
    for (let i = 0; i < k; i++) await new Promise(requestAnimationFrame);
  }, n);

/**
 * Waits until the app has started on its route (the essay page woken in place, or a tool route rendered), and
 * every figure on screen has mounted (see `expectMounted`) or shows its error.
 */
export async function appReady(page: Page, what = ''): Promise<void> {
  await expect(page.locator('html[data-app="ready"]'), what).toHaveCount(1);
  // The page, or the lecture deck over it.
  await expect(page.locator('#root > :visible, .essay-overlays > :visible').first(), what).toBeVisible();
  const unmounted = () =>
    page.evaluate(() =>
      [...document.querySelectorAll('[data-figure]')].filter((f) => {
        const r = f.getBoundingClientRect();
        const onScreen = r.bottom > 0 && r.top < innerHeight && r.width > 0;
        return onScreen && !f.querySelector('.figure-error') && (f.classList.contains('figure-placeholder') || !!f.querySelector('.figure-loading, .figure-poster-wrap'));
      }).length,
    );
  await expect.poll(unmounted, { message: `${what}: the figures on screen mount`, timeout: 30_000 }).toBe(0);
}

/** Waits until every chapter of the essay has been laid out once, so jumps to anchors land true (src/app/anchorScroll.ts). */
export async function chaptersMeasured(page: Page): Promise<void> {
  // The measuring starts when the reader first acts (or after 8 s of quiet): act, as a reader scrolling would.
  await page.evaluate(() => window.dispatchEvent(new Event('scroll')));
  await expect(page.locator('html[data-chapters-measured]')).toHaveCount(1, { timeout: 30_000 });
}

/** Waits until an essay figure's island has woken: its code loaded and drawn in place of the poster. */
export async function expectMounted(fig: Locator): Promise<void> {
  await expect(fig).not.toHaveClass(/figure-placeholder/, { timeout: 30_000 });
  await expect(fig.locator('.figure-loading, .figure-poster-wrap')).toHaveCount(0, { timeout: 30_000 });
}

/**
 * Opens in `page` a page of ANOTHER origin, a stand-in for a course site: a one-page server of the test's own
 * on another port of 127.0.0.1, answering `body` with no policy of the essay's.
 */
export async function openElsewhere(page: Page, body: string): Promise<void> {
  const server = createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end(`<!doctype html><meta charset="utf-8"><link rel="icon" href="data:,"><body style="margin:0">${body}</body>`));
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  try {
    await page.goto(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
  } finally {
    server.closeAllConnections();
    server.close();
  }
}
