import { expect, type Locator, type Page } from '@playwright/test';

/*
 * What the figure specs share: open one figure alone through the `?figure=<id>` route and read what it shows.
 */

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
