import type { Locator, Page } from '@playwright/test';
import { expect, test } from './helpers';

/*
 * Chapters 6 and 7, driven as a reader would through the single-figure route: drag patterns, sweep σ on the
 * bifurcation diagram, press the presets, use the keyboard; pick K and width, replay the sampler, train a K live
 * in the worker, cancel a training run. Every check is on what the page shows.
 */

async function open(page: Page, id: string, query = ''): Promise<{ fig: Locator; errors: string[] }> {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`./?figure=${id}${query}`);
  const fig = page.locator(`[data-figure="${id}"]`);
  await expect(fig).toBeVisible();
  await expect(fig.getByTestId('figure-status')).not.toBeEmpty();
  return { fig, errors };
}
const pixels = (c: Locator) => c.evaluate((el: HTMLCanvasElement) => el.toDataURL());
const status = (fig: Locator) => fig.getByTestId('figure-status');

test('dispersed-memories: σ presets move between recall and blends; the diagram sets σ; patterns are added, dragged and removed', async ({ page }) => {
  const { fig, errors } = await open(page, 'dispersed-memories');
  const land = fig.locator('canvas').first();
  const diagram = fig.getByTestId('bifurcation');

  // Memory recall: at σ = 0.1 every one of the 5 patterns is its own attractor, and the particles end on patterns.
  await fig.locator('[data-action="recall"]').click();
  await expect(status(fig)).toContainText('5 attractors', { timeout: 15000 });
  await expect(status(fig)).toContainText('σ = 0.10');
  await expect(status(fig)).toContainText('settled', { timeout: 20000 });
  const recalled = Number((await status(fig).textContent())!.match(/(\d+) of 400 particles recalled/)![1]);
  expect(recalled).toBeGreaterThan(300);

  // Creative generation: at σ = 2 a single attractor near the mean, and particles end on a blend.
  await fig.locator('[data-action="creative"]').click();
  await expect(status(fig)).toContainText('1 attractor and', { timeout: 15000 });
  await expect(status(fig)).toContainText('0 of 400 particles recalled', { timeout: 20000 });

  // Clicking the left end of the bifurcation diagram selects a small σ again.
  const box = (await diagram.boundingBox())!;
  await diagram.click({ position: { x: 45, y: box.height / 2 } });
  await expect(status(fig)).toContainText(/σ = 0\.0[5-6]/);
  await expect(status(fig)).toContainText('5 attractors');

  // Add a pattern by clicking empty space, then remove it with the keyboard.
  const lb = (await land.boundingBox())!;
  const before = await pixels(land);
  await land.click({ position: { x: lb.width * 0.5, y: lb.height * 0.95 } });
  await expect(fig.getByTestId('pattern-count')).toHaveText('6 patterns');
  await expect(status(fig)).toContainText('6 attractors');
  expect(await pixels(land)).not.toEqual(before);
  await land.focus();
  await page.keyboard.press('Delete');
  await expect(fig.getByTestId('pattern-count')).toHaveText('5 patterns');

  // Keyboard: arrows move the selected pattern (the landscape changes); the buttons add and remove.
  const b2 = await pixels(land);
  await page.keyboard.press('Shift+ArrowRight');
  await page.keyboard.press('Shift+ArrowRight');
  expect(await pixels(land)).not.toEqual(b2);
  await fig.locator('[data-action="add-pattern"]').click();
  await expect(fig.getByTestId('pattern-count')).toHaveText('6 patterns');
  await fig.locator('[data-action="remove-pattern"]').click();
  await expect(fig.getByTestId('pattern-count')).toHaveText('5 patterns');

  // Drag a pattern: pick the one nearest a pattern position by scanning for a hit — use the selected pattern's ring.
  const b3 = await pixels(land);
  await land.click({ position: { x: lb.width * 0.1, y: lb.height * 0.1 } }); // adds a pattern in the corner, selected
  await page.mouse.move(lb.x + lb.width * 0.1, lb.y + lb.height * 0.1);
  await page.mouse.down();
  await page.mouse.move(lb.x + lb.width * 0.3, lb.y + lb.height * 0.2, { steps: 5 });
  await page.mouse.up();
  expect(await pixels(land)).not.toEqual(b3);
  await expect(fig.getByTestId('pattern-count')).toHaveText('6 patterns');
  expect(errors).toEqual([]);
});

test('memorization-generalization: precomputed K values are instant; the sampler replays; σ redraws the field', async ({ page }) => {
  const { fig, errors } = await open(page, 'memorization-generalization', '&K=2');
  const canvas = fig.locator('canvas').first();
  const readout = fig.getByTestId('fractions');
  await expect(readout).toContainText('K = 2, width 32: memorized 1.00', { timeout: 15000 });
  await fig.locator('button[data-k="1000"]').click();
  await expect(readout).toContainText('K = 1000, width 32: memorized 0.00 · spurious 0.00 · generalized 1.00');
  await expect(fig.locator('input[type="number"]')).toHaveValue('1000');

  // Replay: reset shows the starting noise, a step moves it, play runs the sampler until it settles.
  // A new run replays by itself (no reduced motion here) and stops once the samples have settled.
  const play = fig.locator('[data-action="play"]');
  await expect(play).toHaveText('Play (settled)', { timeout: 30000 });
  await fig.locator('[data-action="reset"]').click();
  await expect(fig.locator('.figure-steps')).toHaveText(/\D0$/);
  const start = await pixels(canvas);
  await fig.locator('[data-action="step"]').click();
  await expect(fig.locator('.figure-steps')).toHaveText(/\D1$/);
  expect(await pixels(canvas)).not.toEqual(start);
  await fig.locator('[data-action="play"]').click();
  await expect(fig.locator('[data-action="play"]')).toHaveText('Play (settled)', { timeout: 30000 });
  await expect(status(fig)).toContainText('100% generalized');

  // The σ slider redraws the learned score field.
  const settled = await pixels(canvas);
  await fig.locator('input[name="sigma"]').fill('0.8');
  await expect.poll(() => pixels(canvas)).not.toEqual(settled);

  // Typing a K outside the range is refused with a message, not a blank figure.
  await fig.locator('input[type="number"]').fill('5000');
  await expect(fig.getByText('K must be a whole number from 2 to 1000.')).toBeVisible();
  await expect(readout).toContainText('K = 1000');
  expect(errors).toEqual([]);
});

test('memorization-generalization: training in the worker reproduces the precomputed run, and a run can be cancelled', async ({ page }) => {
  test.setTimeout(240_000);
  const { fig, errors } = await open(page, 'memorization-generalization', '&K=4&width=16');
  const readout = fig.getByTestId('fractions');
  await expect(readout).toContainText('K = 4, width 16:', { timeout: 15000 });
  const shipped = (await readout.textContent())!.match(/memorized [\d.]+ · spurious [\d.]+ · generalized [\d.]+/)![0];

  // Cancel: start a width-64 run and stop it; nothing is added.
  await fig.locator('select[name="width"]').selectOption('64');
  await fig.locator('input[type="number"]').fill('5');
  await expect(readout).toContainText('has no result yet');
  await fig.locator('[data-action="train"]').click();
  await expect(fig.getByTestId('progress-text')).toContainText('step', { timeout: 20000 });
  await fig.locator('[data-action="cancel"]').click();
  await expect(fig.getByTestId('progress-text')).toBeHidden({ timeout: 10000 });
  await expect(readout).toContainText('has no result yet');

  // Retrain K = 4 at width 16 live: same seed, same run as the shipped one.
  await fig.locator('select[name="width"]').selectOption('16');
  await fig.locator('input[type="number"]').fill('4');
  await fig.locator('[data-action="train"]').click();
  await expect(fig.getByTestId('progress-text')).toContainText('DSM loss', { timeout: 20000 });
  await expect(readout).toContainText('(trained here)', { timeout: 200_000 });
  await expect(readout).toContainText(shipped);
  expect(errors).toEqual([]);
});
