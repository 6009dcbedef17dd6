import type { Page } from '@playwright/test';
import { chaptersMeasured, expect, hoverUntil, test } from './helpers';

/*
 * Chapter 8's figures and the notation glossary, driven as a reader would: the figures through the
 * single-figure route (?figure=<id>), the glossary tooltips on the essay page itself.
 */

function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  return errors;
}
const fig = (page: Page, id: string) => page.locator(`[data-figure="${id}"]`);
const status = (page: Page, id: string) => fig(page, id).getByTestId('figure-status');
const cell = (page: Page, method: string, col: string) => fig(page, 'optimizer-sampling').locator(`tr[data-method="${method}"] td[data-col="${col}"]`);

async function pause(page: Page, id: string) {
  const play = fig(page, id).locator('[data-action="play"]');
  if ((await play.getAttribute('aria-pressed')) === 'true') await play.click();
  await expect(play).toHaveAttribute('aria-pressed', 'false');
}

test('optimizer-sampling: the race runs to the end and the live table shows each method’s step count', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('./?figure=optimizer-sampling');
  const f = fig(page, 'optimizer-sampling');
  await expect(f).toBeVisible();
  await pause(page, 'optimizer-sampling');
  await f.getByRole('button', { name: 'Reset' }).click();
  await expect(cell(page, 'gd', 'steps')).toHaveText('0');
  // One step: every method advances by one.
  await f.getByRole('button', { name: 'Step' }).click();
  await expect(cell(page, 'gd', 'steps')).toHaveText('1');
  await expect(cell(page, 'diffusion', 'steps')).toHaveText('1');
  // Run to the end, fast.
  await f.locator('select[aria-label="Updates per frame"]').selectOption('32');
  await f.getByRole('button', { name: /^Play/ }).click();
  await expect(f.getByRole('button', { name: 'Play (settled)' })).toBeVisible({ timeout: 30_000 });
  // Seed 1, defaults: the numbers quoted in chapter 8.
  await expect(cell(page, 'gd', 'steps')).toHaveText('127.7');
  await expect(cell(page, 'momentum', 'steps')).toHaveText('82.7');
  await expect(cell(page, 'adam', 'steps')).toHaveText('94.7');
  await expect(cell(page, 'lbfgs', 'steps')).toHaveText('2.7');
  await expect(cell(page, 'lbfgs', 'evals')).toHaveText('9');
  await expect(cell(page, 'diffusion', 'steps')).toHaveText('18');
  for (const m of ['gd', 'momentum', 'adam', 'lbfgs', 'diffusion']) await expect(cell(page, m, 'done')).toHaveText('✓');
  await expect(status(page, 'optimizer-sampling')).toContainText('L-BFGS 2.7 steps');

  // The schedule slider changes only the diffusion sampler's count.
  const sched = f.locator('input[name="schedule"]');
  await sched.focus();
  for (let k = 0; k < 8; k++) await page.keyboard.press('ArrowLeft');
  await f.getByRole('button', { name: /^Play/ }).click();
  await expect(f.getByRole('button', { name: 'Play (settled)' })).toBeVisible({ timeout: 30_000 });
  await expect(cell(page, 'diffusion', 'steps')).toHaveText('10');
  await expect(cell(page, 'lbfgs', 'steps')).toHaveText('2.7');

  // Dragging a start restarts the race from there, and paints a different picture.
  const canvas = f.locator('canvas');
  const before = await canvas.evaluate((c: HTMLCanvasElement) => c.toDataURL());
  const box = (await canvas.boundingBox())!;
  await page.mouse.move(box.x + box.width * 0.5, box.y + box.height * 0.5);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * 0.52, box.y + box.height * 0.55, { steps: 4 });
  await page.mouse.up();
  await expect.poll(() => canvas.evaluate((c: HTMLCanvasElement) => c.toDataURL())).not.toEqual(before);
  // Hiding a method through its checkbox.
  await f.getByRole('checkbox', { name: 'Show Adam' }).uncheck();
  await expect(f.locator('tr[data-method="adam"]')).toHaveClass(/is-hidden/);
  expect(errors).toEqual([]);
});

test('energy-transformer: stepping lowers the total energy; with K = 0 the memory energy is zero', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('./?figure=energy-transformer');
  const f = fig(page, 'energy-transformer');
  await expect(f).toBeVisible();
  await pause(page, 'energy-transformer');
  await f.getByRole('button', { name: 'Reset' }).click();
  const energy = async (k: string) => Number(await f.locator(`dd[data-energy="${k}"]`).innerText());
  await expect.poll(() => energy('steps')).toBe(0);
  const e0 = await energy('total');
  expect(e0).toBeCloseTo(-15.079, 2);
  for (let k = 0; k < 5; k++) await f.getByRole('button', { name: 'Step' }).click();
  await expect.poll(() => energy('steps')).toBe(5);
  const e5 = await energy('total');
  expect(e5).toBeLessThan(e0);
  // Run to the fixed point: the loop stops by itself and says so.
  await f.locator('select[aria-label="Updates per frame"]').selectOption('32');
  await f.getByRole('button', { name: /^Play/ }).click();
  await expect(f.getByRole('button', { name: 'Play (settled)' })).toBeVisible({ timeout: 30_000 });
  await expect(status(page, 'energy-transformer')).toContainText('settled at a fixed point');
  expect(await energy('total')).toBeCloseTo(-19.54, 1);
  expect(await energy('attention')).toBeLessThan(-8);
  expect(await energy('memory')).toBeLessThan(-10);

  // Dragging token 1 moves it and restarts the trace.
  const canvas = f.locator('canvas');
  const before = await canvas.evaluate((c: HTMLCanvasElement) => c.toDataURL());
  const box = (await canvas.boundingBox())!;
  // Find a token by pressing at points around the circle until one is picked up and moved.
  let moved = false;
  for (let a = 0; a < 24 && !moved; a++) {
    const r = box.width / 2 - 44;
    const x = box.x + box.width / 2 + r * Math.cos((a * Math.PI) / 12);
    const y = box.y + box.height / 2 - r * Math.sin((a * Math.PI) / 12);
    await page.mouse.move(x, y);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width / 2, box.y + 30, { steps: 3 });
    await page.mouse.up();
    moved = (await canvas.evaluate((c: HTMLCanvasElement) => c.toDataURL())) !== before;
  }
  expect(moved).toBe(true);

  // K = 0: attention alone, memory energy exactly 0.
  await pause(page, 'energy-transformer');
  const k = f.locator('input[name="memories"]');
  await k.focus();
  for (let i = 0; i < 6; i++) await page.keyboard.press('ArrowLeft');
  await expect.poll(() => energy('memory')).toBe(0);
  expect(errors).toEqual([]);
});

test('scaling-capacity: moving N and n updates the capacities, with the published MNIST numbers', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('./?figure=scaling-capacity');
  const f = fig(page, 'scaling-capacity');
  await expect(f).toBeVisible();
  // One criterion (no wrong bits) for the first three rows: N/(2 ln N) = 58.8 at N = 784; 0.138 N apart.
  await expect(f.locator('td[data-value="classical"]')).toHaveText('59');
  await expect(f.locator('td[data-value="classical-errors"]')).toHaveText('108');
  await expect(f.locator('td[data-value="poly"]')).toHaveText('15,372');
  await expect(f.locator('td[data-value="exp"]')).toHaveText('1.0 × 10¹¹⁸');
  // Keyboard: raise n by one (n = 4), then lower N.
  await f.locator('input[name="degree"]').focus();
  await page.keyboard.press('ArrowRight');
  await expect(f.locator('td[data-value="poly"]')).toContainText('× 10');
  await f.locator('input[name="neurons"]').fill('100');
  await expect(f.locator('td[data-value="classical"]')).toHaveText('11');
  await expect(f.locator('td[data-value="classical-errors"]')).toHaveText('14');
  await expect(f.locator('td[data-value="poly"]')).toHaveText('7,238');
  await expect(f.locator('svg[role="img"] path').first()).toBeVisible();
  expect(errors).toEqual([]);
});

test('glossary: hovering a symbol in the essay’s math shows its meaning from Table 2; focus and arrows do too', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('./#eq-am-descent-flow');
  const eq = page.locator('#eq-am-descent-flow');
  await expect(eq).toBeVisible({ timeout: 20_000 });
  // The page has settled (every chapter laid out once), so the letter stays under the pointer.
  await chaptersMeasured(page);
  // Hover the τ of survey Eq. 10.
  const tau = page.locator('#eq-am-descent-flow .katex-html .mord.mathnormal', { hasText: 'τ' }).first();
  const tip = page.locator('#glossary-tip');
  // Figures mounting nearby can move the letter from under the pointer: hover again until the tip is up.
  await hoverUntil(tau, async () => {
    await expect(tip).toBeVisible({ timeout: 1000 });
    await expect(tip).toHaveAttribute('data-symbol', 'tau', { timeout: 1000 });
  });
  await expect(tip).toContainText('rate (time) constant');
  await expect(tip).toHaveAttribute('data-symbol', 'tau');
  // The hovered letter is highlighted.
  await expect(tau).toHaveClass(/glossary-active/);
  await page.mouse.move(5, 5);
  await expect(tip).toBeHidden();
  // Keyboard: focus the equation, arrow through its symbols.
  const focusable = page.locator('#eq-am-descent-flow .katex-display[data-glossary="yes"]');
  await focusable.focus();
  await expect(tip).toBeVisible();
  const first = await tip.getAttribute('data-symbol');
  await page.keyboard.press('ArrowRight');
  await expect(tip).not.toHaveAttribute('data-symbol', first ?? '');
  await expect(tip).toContainText('Survey Table 2');
  await page.keyboard.press('Escape');
  await expect(tip).toBeHidden();
  // Symbols inside figures are left alone, and the appendix lists every row of Table 2.
  await page.goto('./?figure=notation');
  await expect(fig(page, 'notation').locator('tbody tr')).toHaveCount(21);
  expect(errors).toEqual([]);
});
