/*
 * Drives the built essay in Chromium for the frame bench: opens a page with the in-page instrument, loads the
 * essay and scrolls through it (every chapter loaded, every figure mounted once), and measures one figure in
 * view while it plays. Every wait is for a state of the page (a chapter arrived, a figure mounted, its step
 * counter went up); only the measurement itself is a fixed window.
 */
import { instrument } from './instrument.mjs';

export const VIEWPORT = { width: 1280, height: 900 };
const MOUNT_TIMEOUT = 120_000;

/**
 * A browser context for one run: its pages share storage and HTTP cache, as one reader's visits do, so a
 * result a figure caches (the capacity experiment's) is computed on the first page, not again on every page.
 */
export async function newContext(browser) {
  const context = await browser.newContext({ viewport: VIEWPORT });
  await context.addInitScript(instrument);
  return context;
}

export async function newPage(context) {
  const page = await context.newPage();
  page.on('pageerror', (e) => console.warn(`  page error: ${String(e.message).split('\n')[0]}`));
  return page;
}

const scrollTo = (page, anchor) => page.evaluate((a) => document.getElementById(a)?.scrollIntoView({ block: 'center' }), anchor);

/** Waits until the figure with this element id has mounted and its code has loaded. */
export const mounted = (page, anchor) =>
  page.waitForFunction(
    (a) => {
      const el = document.getElementById(a);
      return !!el && el.tagName === 'FIGURE' && !el.querySelector('.figure-loading');
    },
    anchor,
    { timeout: MOUNT_TIMEOUT },
  );

/**
 * Opens the essay at `url` and scrolls through it as a reader would: the first scroll makes the other
 * chapters load; then every figure is brought into view until it has mounted. Returns the figures in
 * essay order as { anchor, id }.
 */
export async function openEssay(page, url, target = '') {
  await page.goto(url);
  await page.evaluate(() => window.scrollBy(0, 1));
  await page.waitForFunction(() => document.querySelector('article.chapter') && !document.querySelector('.chapter-loading'), null, { timeout: MOUNT_TIMEOUT });
  const figures = await page.evaluate(() => [...document.querySelectorAll('.figure[data-figure]')].map((el) => ({ anchor: el.id, id: el.dataset.figure })));
  for (const f of figures) {
    await scrollTo(page, f.anchor);
    await mounted(page, f.anchor);
  }
  // Work another figure started in a worker on mount (an enabled Cancel button says so) finishes before
  // measuring; the figure to be measured (`target`, an element id) is left running.
  await page.waitForFunction((t) => ![...document.querySelectorAll('[data-action="cancel"]:enabled')].some((b) => !b.closest(`[id="${t}"]`)), target, { timeout: 600_000 });
  return figures;
}

/** Opens one figure alone (the `?figure=<id>` route); its element id is `fig-<id>`. */
export async function openSingle(page, url, id) {
  await page.goto(url);
  await mounted(page, `fig-${id}`);
  return { anchor: `fig-${id}`, id };
}

/** The figure's state as its own "Copy link" writes it (the link field it shows), then the field closed again. */
export async function copiedLink(page, anchor) {
  const fig = page.locator(`[id="${anchor}"]`);
  await fig.locator('[data-action="copy-link"]').click();
  const link = await fig.getByTestId('share-link').inputValue();
  await fig.locator('.figure-share-out button[aria-label="Close"]').click();
  return link;
}

/** Waits until `holds(link)` is true of the figure's copied link (a deep link's state has been applied). */
export async function waitForState(page, anchor, holds) {
  const until = Date.now() + MOUNT_TIMEOUT;
  for (;;) {
    const link = await copiedLink(page, anchor);
    if (holds(link)) return;
    if (Date.now() > until) throw new Error(`the figure's state never matched the link (it reads ${link})`);
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r())));
  }
}

/**
 * Brings a figure into view, starts it playing (a figure without a transport is static: it is measured idle)
 * and waits until its step counter goes up, then records `seconds` of frames. The keeper presses Play again
 * whenever the figure stops (Reset first if it settled), so the window is spent playing.
 */
export async function measureFigure(page, { anchor, id }, seconds) {
  await scrollTo(page, anchor);
  await mounted(page, anchor);
  const animated = await page.evaluate((a) => !!document.getElementById(a).querySelector('[data-action="play"]'), anchor);
  if (animated) {
    await page.evaluate((a) => window.__bench.keep(a), anchor);
    await page.waitForFunction(() => window.__bench.advanced, null, { timeout: MOUNT_TIMEOUT });
  }
  const raw = await page.evaluate(([fid, ms]) => window.__bench.measure(fid, ms), [id, seconds * 1000]);
  if (animated) await page.evaluate(() => window.__bench.unkeep());
  return { ...summarise(raw), static: !animated };
}

/** Records from now until `done` resolves (an interaction's own length, not a fixed window). */
export async function measureDuring(page, id, act, done) {
  await page.evaluate((fid) => window.__bench.start(fid), id);
  const t0 = Date.now();
  await act();
  await done();
  const seconds = (Date.now() - t0) / 1000;
  const raw = await page.evaluate((fid) => window.__bench.stop(fid), id);
  return { ...summarise(raw), seconds: +seconds.toFixed(1) };
}

const quantile = (xs, q) => {
  if (!xs.length) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)];
};
const round = (x, d = 1) => (Number.isFinite(x) ? +x.toFixed(d) : null);

/** Frame intervals → p50 / p95 / fps; long tasks and long animation frames → the longest. */
function summarise(r) {
  return {
    frames: r.intervals.length,
    p50: round(quantile(r.intervals, 0.5)),
    p95: round(quantile(r.intervals, 0.95)),
    fps: round((r.intervals.length * 1000) / r.ms),
    longestTask: round(r.long.length ? Math.max(...r.long) : 0, 0),
    longTasks: r.long.length,
    longestLoaf: r.hasLoaf ? round(r.loaf.length ? Math.max(...r.loaf.map((e) => e.ms)) : 0, 0) : null,
    longestLoafBlocking: r.hasLoaf ? round(r.loaf.length ? Math.max(...r.loaf.map((e) => e.blocking)) : 0, 0) : null,
    // Of the long animation frames, the median time in style and layout (the page's, not the figure's work).
    loafLayoutP50: r.hasLoaf ? round(quantile(r.loaf.map((e) => e.layout ?? 0), 0.5)) : null,
    workP50: round(quantile(r.work, 0.5), 2),
    workP95: round(quantile(r.work, 0.95), 2),
    restarts: r.restarts,
  };
}
