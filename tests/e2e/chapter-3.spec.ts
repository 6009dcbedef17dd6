import { errorsOf, expect, open, pixels, status, test } from './helpers';

/*
 * Chapter 3's figures, driven as a reader would through the single-figure route: slide, toggle, play, pause,
 * step, reset, click. Each check is on what the page shows: canvas pixels, status text, readouts.
 */

test('score-field: σ slider reshapes the field; the time toggle relabels the axis and the equation', async ({ page }) => {
  const fig = await open(page, 'score-field');
  const canvas = fig.locator('canvas').first();
  const before = await pixels(canvas);
  await expect(status(fig)).toContainText('two basins');
  const slider = fig.locator('input[name="sigma"]');
  await slider.fill('0.05'); // log slider position near the small end
  await expect(status(fig)).toContainText('sharp');
  expect(await pixels(canvas)).not.toEqual(before);
  await slider.fill('0.95');
  await expect(status(fig)).toContainText('coarse');

  await expect(fig.getByTestId('axis-title')).toContainText('forward time t');
  await expect(fig.getByTestId('equation')).toContainText('t+1');
  await fig.locator('select[name="time"]').selectOption('reverse');
  await expect(fig.getByTestId('axis-title')).toContainText('reverse time s');
  await expect(fig.getByTestId('equation')).toContainText('s−1');
  await expect(fig.getByTestId('tick').first()).toHaveText('s = T');
  await expect(status(fig)).toContainText('reverse time');

  // Clicking the schedule strip near its right end (data) picks a small σ.
  const strip = fig.getByTestId('time-strip');
  const box = (await strip.boundingBox())!;
  await strip.click({ position: { x: box.width - 20, y: box.height / 2 } });
  await expect(fig.locator('.control-number output').first()).toHaveText(/^0\.0[5-9]/);
  await expect(status(fig)).toContainText('sharp');
  expect(errorsOf(page)).toEqual([]);
});

test('denoising-score-matching: step adds samples, play drives the binned targets onto the score, reset clears', async ({ page }) => {
  const fig = await open(page, 'denoising-score-matching');
  const canvas = fig.locator('canvas').first();
  await fig.locator('[data-action="play"]').click(); // autoplay was on: pause
  await fig.locator('[data-action="reset"]').click();
  await expect(status(fig)).toContainText('No samples yet');
  const empty = await pixels(canvas);
  await fig.locator('[data-action="step"]').click();
  await expect(status(fig)).toContainText('100 noisy samples');
  expect(await pixels(canvas)).not.toEqual(empty);
  await fig.getByLabel('Updates per frame').selectOption('32');
  await fig.locator('[data-action="play"]').click();
  await expect(status(fig)).toContainText('Budget spent', { timeout: 30_000 });
  const err = Number((await status(fig).textContent())!.match(/by ([\d.]+)%/)![1]);
  expect(err).toBeLessThan(5);
  await expect(fig.getByTestId('error-plot').locator('path').first()).toHaveAttribute('d', /M.+L/);
  await expect(fig.locator('[data-action="play"]')).toHaveText('Play (settled)');
  // A new σ starts over.
  await fig.locator('input[name="sigma"]').fill('0.2');
  await expect(status(fig)).toContainText(/No samples yet|noisy samples drawn at σ = 1\.?/);
  expect(errorsOf(page)).toEqual([]);
});

test('annealed-langevin: the schedule marker advances, and at the end annealing finds the weight while one small σ does not', async ({ page }) => {
  const fig = await open(page, 'annealed-langevin');
  await fig.locator('[data-action="play"]').click();
  await fig.locator('[data-action="reset"]').click();
  await expect(status(fig)).toContainText('Step 0 of 400');
  const marker = fig.getByTestId('schedule').locator('g').first();
  const m0 = await marker.getAttribute('transform');
  const a0 = await pixels(fig.getByTestId('panel-annealed'));
  for (let i = 0; i < 3; i++) await fig.locator('[data-action="step"]').click();
  await expect(status(fig)).toContainText('Step 3 of 400');
  expect(await marker.getAttribute('transform')).not.toEqual(m0);
  expect(await pixels(fig.getByTestId('panel-annealed'))).not.toEqual(a0);
  await fig.getByLabel('Updates per frame').selectOption('32');
  await fig.locator('[data-action="play"]').click();
  await expect(status(fig)).toContainText('Finished', { timeout: 30_000 });
  const share = async (id: string) => Number((await fig.getByTestId(id).textContent())!.replace('%', ''));
  expect(await share('share-annealed-0')).toBeGreaterThanOrEqual(68);
  expect(Math.abs((await share('share-single-0')) - 50)).toBeLessThanOrEqual(8);
  // Same seed, same run: reset and finish again give the same shares.
  const first = await share('share-annealed-0');
  await fig.locator('[data-action="reset"]').click();
  await fig.locator('[data-action="play"]').click();
  await expect(status(fig)).toContainText('Finished', { timeout: 30_000 });
  expect(await share('share-annealed-0')).toBe(first);
  // New seed changes the run.
  const seed = await fig.getByTestId('seed').textContent();
  await fig.locator('[data-action="new-seed"]').click();
  await expect(fig.getByTestId('seed')).not.toHaveText(seed!);
  expect(errorsOf(page)).toEqual([]);
});

test('sde-vs-ode: both samplers advance from the same noise; a click encodes and decodes a point through the ODE', async ({ page }) => {
  const fig = await open(page, 'sde-vs-ode');
  const canvas = fig.locator('canvas').first();
  await fig.locator('[data-action="play"]').click();
  await fig.locator('[data-action="reset"]').click();
  await expect(status(fig)).toContainText('Level 0 of 60');
  const c0 = await pixels(canvas);
  await fig.locator('[data-action="step"]').click();
  await expect(status(fig)).toContainText('Level 1 of 60');
  expect(await pixels(canvas)).not.toEqual(c0);

  await expect(fig.getByTestId('round-trip')).toHaveText('No round trip yet.');
  const box = (await canvas.boundingBox())!;
  await canvas.click({ position: { x: box.width * 0.72, y: box.height * 0.4 } });
  await expect(fig.getByTestId('round-trip')).toContainText('latent');
  const err = Number((await fig.getByTestId('round-trip').textContent())!.match(/error ([\d.e+-]+)/)![1]);
  expect(err).toBeLessThan(1e-2);
  await fig.locator('[data-action="round-trip"]').click();
  await expect(status(fig)).toContainText('Round trip through the ODE');

  const c1 = await pixels(canvas);
  await fig.locator('select[name="show"]').selectOption('ode');
  await expect.poll(() => pixels(canvas)).not.toEqual(c1);
  await fig.getByLabel('Updates per frame').selectOption('8');
  await fig.locator('[data-action="play"]').click();
  await expect(status(fig)).toContainText('Done', { timeout: 30_000 });
  await expect(fig.locator('[data-action="play"]')).toHaveText('Play (settled)');
  expect(errorsOf(page)).toEqual([]);
});

test('chapter-3 figures keep working at 360 px and show a clamped-input notice for out-of-range URL values', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 800 });
  const fig = await open(page, 'annealed-langevin', '&particles=999999');
  await expect(fig.locator('.figure-notice')).toContainText('particles');
  const w = await fig.getByTestId('panel-annealed').evaluate((c) => c.getBoundingClientRect().width);
  expect(w).toBeLessThanOrEqual(340);
  const fig2 = await open(page, 'score-field', '&sigma=banana');
  await expect(fig2.locator('.figure-notice')).toContainText('sigma');
  expect(errorsOf(page)).toEqual([]);
});
