import { expect, pixels, status, steps, test } from './helpers';

/*
 * Replaying a link never freezes the page, and a link after a mid-run change reproduces the run. The heavy
 * link is annealed-langevin at its heaviest props: 2 × 20,000 particles per update, 4,000 updates until it
 * finishes (the old synchronous replay blocked the tab for 15–21 s here).
 */

test.use({ reducedMotion: 'reduce' });

const HEAVY = './?figure=annealed-langevin&levels=20&stepsPerLevel=200&particles=20000&seed=3&at=20000';
const progressValue = (fig: import('@playwright/test').Locator) => fig.getByRole('progressbar').evaluate((p: HTMLProgressElement) => p.value);

test('a heavy link replays in pieces: the page answers, the progress advances, the replay finishes', async ({ page }) => {
  test.setTimeout(240_000);
  await page.goto(HEAVY);
  const fig = page.locator('[data-figure="annealed-langevin"]');
  await expect(fig).toHaveAttribute('data-replay', 'running', { timeout: 30_000 });
  const bar = fig.getByRole('progressbar', { name: 'Replaying the link to step 20,000' });
  await expect(bar).toBeVisible();
  // A long replay says so up front.
  await expect(fig.getByTestId('replay-text')).toContainText(/Replaying to step 20,000 \(up to about \d+ (s|min)\) … \d+ %/);
  // The page answers a click elsewhere while the replay runs, and the replay goes on.
  const toggle = page.getByTestId('theme-toggle');
  const pressed = await toggle.getAttribute('aria-pressed');
  await toggle.click();
  await expect(toggle).not.toHaveAttribute('aria-pressed', pressed!);
  await expect(fig).toHaveAttribute('data-replay', 'running');
  const v0 = await progressValue(fig);
  await expect.poll(() => progressValue(fig), { message: 'the progress advances' }).toBeGreaterThan(v0);
  // The run finishes at L × M = 4,000 updates, where the synchronous replay stopped too.
  await expect(fig).toHaveAttribute('data-replay', 'done', { timeout: 200_000 });
  expect(await steps(fig)).toBe(4000);
  await expect(status(fig)).toContainText('Finished');
  await expect(bar).toHaveCount(0);
});

test('any input on the figure stops a replay where it stands, and says so', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto(HEAVY);
  const fig = page.locator('[data-figure="annealed-langevin"]');
  await expect(fig).toHaveAttribute('data-replay', 'running', { timeout: 30_000 });
  await expect.poll(() => progressValue(fig)).toBeGreaterThan(0);
  await fig.locator('[data-action="play"]').click();
  await expect(fig).toHaveAttribute('data-replay', 'cancelled');
  await expect(fig.getByTestId('replay-text')).toContainText(/Replay stopped at step [\d,]+ of 20,000/);
  await fig.screenshot({ path: test.info().outputPath('replay-cancelled.png') });
  // Play took over from where the replay stopped.
  const at = await steps(fig);
  expect(at).toBeGreaterThan(0);
  expect(at).toBeLessThan(4000);
  await expect.poll(() => steps(fig), { message: 'the run plays on' }).toBeGreaterThan(at);
  await fig.locator('[data-action="play"]').click();
});

test('a link after a mid-run change replays the change: same step, status and pixels', async ({ page, browser }) => {
  await page.goto('./?figure=boltzmann&walkers=400');
  const fig = page.locator('[data-figure="boltzmann"]');
  const canvas = fig.locator('canvas').first();
  await expect(status(fig)).not.toBeEmpty();
  const before = 8;
  for (let i = 0; i < before; i++) await fig.locator('[data-action="step"]').click();
  await expect.poll(() => steps(fig)).toBe(before);
  // Mid-run: a warmer temperature (T keeps the run), then more updates.
  const T = fig.locator('input[name="T"]');
  await T.focus();
  for (let i = 0; i < 40; i++) await T.press('ArrowRight');
  for (let i = 0; i < 6; i++) await fig.locator('[data-action="step"]').click();
  await expect.poll(() => steps(fig)).toBe(before + 6);
  await fig.locator('[data-action="copy-link"]').click();
  const link = await fig.getByTestId('share-link').inputValue();
  expect(link).toMatch(new RegExp(`[?&]h=${before}:T=[\\d.]+(;T=[\\d.]+)*(&|$)`));
  expect(link).not.toMatch(/[?&]T=/);
  const shown = await status(fig).textContent();
  const picture = await pixels(canvas);

  const ctx = await browser.newContext({ reducedMotion: 'reduce', viewport: { width: 1280, height: 900 } });
  const fresh = await ctx.newPage();
  await fresh.goto(link);
  const again = fresh.locator('[data-figure="boltzmann"]');
  await expect(again).toHaveAttribute('data-replay', 'done');
  expect(await steps(again)).toBe(before + 6);
  await expect(status(again)).toHaveText(shown!);
  await expect(again.locator('input[name="T"]')).toHaveValue((await T.inputValue()) ?? '');
  await expect.poll(() => pixels(again.locator('canvas').first())).toBe(picture);
  await expect(again.locator('.figure-notice')).toHaveCount(0);
  await ctx.close();
});

test('a link after patterns were dragged, moved with keys and added replays those edits: same step and pixels', async ({ page, browser }) => {
  await page.goto('./?figure=dispersed-memories&particles=200');
  const fig = page.locator('[data-figure="dispersed-memories"]');
  const land = fig.locator('canvas').first();
  await expect(status(fig)).not.toBeEmpty();
  const step = async (n: number) => {
    const at = await steps(fig);
    for (let i = 0; i < n; i++) await fig.locator('[data-action="step"]').click();
    await expect.poll(() => steps(fig)).toBe(at + n);
  };
  await step(4);
  // Keys: the selected pattern moves right three times.
  await land.focus();
  for (let i = 0; i < 3; i++) await land.press('ArrowRight');
  await step(3);
  // The pointer: a click on empty space adds a pattern there, and the drag carries it.
  // (Where the seed places no pattern: they lie within ±2 of the middle of the ±3 plane.)
  await land.scrollIntoViewIfNeeded();
  const box = (await land.boundingBox())!;
  await page.mouse.move(box.x + box.width * 0.9, box.y + box.height * 0.12);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * 0.85, box.y + box.height * 0.2, { steps: 4 });
  await page.mouse.up();
  await step(3);
  await expect(fig.getByTestId('pattern-count')).toHaveText('6 patterns');
  await fig.locator('[data-action="copy-link"]').click();
  const link = await fig.getByTestId('share-link').inputValue();
  // Moves of one pattern within one step keep only where it ended: one entry each.
  expect(link).toMatch(/[?&]h=4:@move_0_[-\d.]+_[-\d.]+;7:@add_[-\d.]+_[-\d.]+;@move_5_[-\d.]+_[-\d.]+(&|#|$)/);
  const picture = await pixels(land);

  const ctx = await browser.newContext({ reducedMotion: 'reduce', viewport: { width: 1280, height: 900 } });
  const fresh = await ctx.newPage();
  await fresh.goto(link);
  const again = fresh.locator('[data-figure="dispersed-memories"]');
  await expect(again).toHaveAttribute('data-replay', 'done');
  expect(await steps(again)).toBe(10);
  await expect(again.getByTestId('pattern-count')).toHaveText('6 patterns');
  await expect.poll(() => pixels(again.locator('canvas').first())).toBe(picture);
  await expect(again.locator('.figure-notice')).toHaveCount(0);
  await ctx.close();
});

test('a still figure’s link keeps where its memories were dragged', async ({ page }) => {
  await page.goto('./?figure=separation-functions&seed=2&h=0:@angles_0.5_1.5_2.5_-1_3');
  const fig = page.locator('[data-figure="separation-functions"]');
  // (Its name says which memory is selected.)
  const angle = fig.getByRole('slider', { name: /Angle of memory \d/ });
  // 0.5 rad is 29°; memory 4 sits at −1 rad, 303°.
  await expect(angle).toHaveValue('29');
  await fig.getByRole('combobox', { name: 'Which memory to move' }).selectOption({ value: '3' });
  await expect(angle).toHaveValue('303');
  await expect(fig.locator('.figure-notice')).toHaveCount(0);
  await fig.locator('[data-action="copy-link"]').click();
  expect(await fig.getByTestId('share-link').inputValue()).toContain('h=0:@angles_0.5_1.5_2.5_-1_3');
  // Moving one with the keyboard is recorded, rounded as the link writes it.
  await angle.focus();
  await angle.press('ArrowRight');
  await expect(angle).toHaveValue('304');
  await fig.locator('[data-action="copy-link"]').click();
  expect(await fig.getByTestId('share-link').inputValue()).toContain('h=0:@angles_0.5_1.5_2.5_5.306_3');
});
