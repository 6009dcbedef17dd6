import { errorsOf, expect, open, pixels, steps, test } from './helpers';

/*
 * Chapters 1–2: the three figures driven as a reader would (drag, keys, sliders, play, step, reset, draw),
 * each check reading what changed on screen. Figures are opened alone through the `?figure=<id>` route.
 */

test.describe('landscape-duality', () => {
  test('dragging a memory moves both landscapes; arrow keys move it too', async ({ page }) => {
    const fig = await open(page, 'landscape-duality');
    await fig.getByRole('button', { name: 'Pause' }).click();
    const left = fig.locator('canvas[data-side="logp"]');
    const right = fig.locator('canvas[data-side="energy"]');
    const [l0, r0] = [await pixels(left), await pixels(right)];
    const handle = fig.locator('.fig-landscape-duality-energy [data-memory="1"]');
    await expect(handle).toHaveAttribute('aria-label', /\(1\.20, 1\.20\)/);
    const b = (await handle.boundingBox())!;
    await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2);
    await page.mouse.down();
    await page.mouse.move(b.x + b.width / 2 - 40, b.y + b.height / 2 + 30, { steps: 5 });
    await page.mouse.up();
    await expect(handle).not.toHaveAttribute('aria-label', /\(1\.20, 1\.20\)/);
    expect(await pixels(left)).not.toEqual(l0);
    expect(await pixels(right)).not.toEqual(r0);

    const h2 = fig.locator('.fig-landscape-duality-energy [data-memory="2"]');
    await h2.focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowUp');
    await expect(h2).toHaveAttribute('aria-label', /\(-1\.10, -1\.15\)/);
    expect(errorsOf(page)).toEqual([]);
  });

  test('β reshapes the landscape; clicking drops particles; play, step and reset drive the dynamics', async ({ page }) => {
    const fig = await open(page, 'landscape-duality');
    await fig.getByRole('button', { name: 'Pause' }).click();
    const right = fig.locator('canvas[data-side="energy"]');
    const before = await pixels(right);
    await fig.locator('input[name="beta"]').fill('0.2');
    await expect.poll(() => pixels(right)).not.toEqual(before);

    await fig.getByRole('button', { name: 'Reset' }).click();
    await expect(fig.getByTestId('figure-status')).toContainText('10 particles');
    const box = (await right.boundingBox())!;
    await right.click({ position: { x: box.width * 0.2, y: box.height * 0.2 } });
    await expect(fig.getByTestId('figure-status')).toContainText('16 particles');
    await fig.getByRole('button', { name: 'drop 6 particles' }).click();
    await expect(fig.getByTestId('figure-status')).toContainText('22 particles');

    await fig.getByRole('button', { name: 'Pause' }).click();
    const t0 = await steps(fig);
    await fig.getByRole('button', { name: 'Step', exact: true }).click();
    await expect.poll(() => steps(fig)).toBe(t0 + 1);
    await fig.getByRole('button', { name: 'Reset' }).click();
    await expect.poll(() => steps(fig)).toBe(0);
    await fig.getByRole('button', { name: /Play/ }).click();
    await expect.poll(() => steps(fig)).toBeGreaterThan(5);
  });

  test('hovering an equation term highlights the figure, and hovering the figure highlights the term', async ({ page }) => {
    const fig = await open(page, 'landscape-duality');
    await fig.getByRole('button', { name: 'Pause' }).click();
    const left = fig.locator('canvas[data-side="logp"]');
    const plain = await pixels(left);
    const score = fig.locator('.ld-score').first();
    await score.hover();
    await expect(score).toHaveClass(/is-hl/);
    await expect(fig.getByTestId('update-equation')).toContainText('Showing the score');
    expect(await pixels(left)).not.toEqual(plain);

    await fig.locator('.ld-energy').first().hover();
    await expect(fig.locator('.ld-energy').first()).toHaveClass(/is-hl/);
    await expect(score).not.toHaveClass(/is-hl/);

    // The reverse direction: point at the left panel, the score term lights up; at the right panel, the energy.
    const lb = (await left.boundingBox())!;
    await page.mouse.move(lb.x + 8, lb.y + lb.height - 8);
    await expect(score).toHaveClass(/is-hl/);
    const rb = (await fig.locator('canvas[data-side="energy"]').boundingBox())!;
    await page.mouse.move(rb.x + 8, rb.y + rb.height - 8);
    await expect(fig.locator('.ld-energy').first()).toHaveClass(/is-hl/);

    // Keyboard: the terms are focusable and focusing one highlights it.
    await fig.locator('button[data-term="step"]').focus();
    await expect(fig.locator('.ld-step').first()).toHaveClass(/is-hl/);
  });

  test('a tap on a touch screen drops particles', async ({ browser }) => {
    const ctx = await browser.newContext({ hasTouch: true, viewport: { width: 360, height: 800 } });
    const page = await ctx.newPage();
    const fig = await open(page, 'landscape-duality');
    const right = fig.locator('canvas[data-side="energy"]');
    await right.scrollIntoViewIfNeeded();
    await right.tap({ position: { x: 30, y: 30 } });
    await expect(fig.getByTestId('figure-status')).toContainText('16 particles');
    await ctx.close();
  });
});

test.describe('dye-diffusion', () => {
  test('scrubbing time spreads the dye; the reverse process with the score brings it back', async ({ page }) => {
    const fig = await open(page, 'dye-diffusion');
    await fig.getByRole('button', { name: 'Pause' }).click();
    const canvas = fig.locator('canvas');
    const readout = fig.getByTestId('time-readout');
    await fig.getByTestId('time').fill('0');
    const start = await pixels(canvas);
    await expect(fig.getByTestId('figure-status')).toContainText('t = 0.00');
    await fig.getByTestId('time').fill('200');
    await expect(readout).toHaveText('t = 1.00, σ(t) = 3.00');
    await expect(fig.getByTestId('figure-status')).toContainText('spread almost uniformly');
    expect(await pixels(canvas)).not.toEqual(start);
    const spread = Number((await fig.getByTestId('figure-status').textContent())!.match(/(\d+)% of/)![1]);
    expect(spread).toBeLessThan(10);

    await fig.locator('select[name="speed"], .figure-transport select').first().selectOption('8');
    await fig.getByRole('button', { name: '← Reverse with the score' }).click();
    await expect(readout).toHaveText(/t = 0\.00/, { timeout: 20000 });
    await expect(fig.getByTestId('figure-status')).toContainText('starting shape');
    const back = Number((await fig.getByTestId('figure-status').textContent())!.match(/(\d+)% of/)![1]);
    expect(back).toBeGreaterThan(85);
  });

  test('the same seed replays the same run exactly; another seed does not', async ({ page }) => {
    await page.emulateMedia({ reducedMotion: 'reduce' });
    const shot = async (seed: number) => {
      const fig = await open(page, 'dye-diffusion', `&seed=${seed}&steps=60&particles=2000`);
      await expect(fig.getByTestId('time-readout')).toHaveText(/t = 0\.30/);
      return pixels(fig.locator('canvas'));
    };
    const a = await shot(5);
    const b = await shot(5);
    const c = await shot(6);
    expect(a).toEqual(b);
    expect(a).not.toEqual(c);
  });

  test('drawing on the water starts the dye from the drawn shape; step and reset work', async ({ page }) => {
    const fig = await open(page, 'dye-diffusion');
    const canvas = fig.locator('canvas');
    const box = (await canvas.boundingBox())!;
    await page.mouse.move(box.x + 0.2 * box.width, box.y + 0.8 * box.height);
    await page.mouse.down();
    await page.mouse.move(box.x + 0.5 * box.width, box.y + 0.2 * box.height, { steps: 8 });
    await page.mouse.move(box.x + 0.8 * box.width, box.y + 0.8 * box.height, { steps: 8 });
    await page.mouse.up();
    await expect(fig.locator('select[name="shape"]')).toHaveValue('drawn');
    // Drawing pauses the figure so the reader sees the new shape at t = 0.
    await expect(fig.getByRole('button', { name: 'Play' })).toBeVisible();
    await fig.getByRole('button', { name: 'Reset' }).click();
    await expect(fig.getByTestId('time-readout')).toHaveText(/t = 0\.00/);
    await fig.getByRole('button', { name: 'Step', exact: true }).click();
    await expect(fig.getByTestId('time-readout')).toHaveText(/t = 0\.01/);
    await expect(fig.getByTestId('figure-status')).toContainText('lie within 3w');
    expect(errorsOf(page)).toEqual([]);
  });
});

test.describe('boltzmann', () => {
  test('dragging the particle moves the force and the score; arrow keys move it too', async ({ page }) => {
    const fig = await open(page, 'boltzmann');
    await fig.getByRole('button', { name: 'Pause' }).click();
    const canvas = fig.locator('canvas');
    const status = fig.getByTestId('figure-status');
    const before = await pixels(canvas);
    const box = (await canvas.boundingBox())!;
    await page.mouse.move(box.x + box.width * 0.3, box.y + 80);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width * 0.2, box.y + 80, { steps: 4 });
    await page.mouse.up();
    await expect(status).toContainText(/Particle at x = -1\.\d\d/);
    await expect(status).toContainText('pushing');
    expect(await pixels(canvas)).not.toEqual(before);

    await canvas.focus();
    const x0 = Number(await canvas.getAttribute('aria-valuenow'));
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await expect.poll(async () => Number(await canvas.getAttribute('aria-valuenow'))).toBeCloseTo(x0 + 0.1, 5);
  });

  test('the temperature reshapes the density and the walkers converge to it; step and reset work', async ({ page }) => {
    const fig = await open(page, 'boltzmann');
    const canvas = fig.locator('canvas');
    await fig.getByRole('button', { name: 'Pause' }).click();
    const before = await pixels(canvas);
    await fig.locator('input[name="T"]').fill('0.8');
    await expect.poll(() => pixels(canvas)).not.toEqual(before);
    await fig.getByRole('button', { name: 'Reset' }).click();
    await expect.poll(() => steps(fig)).toBe(0);
    await fig.getByRole('button', { name: 'Step', exact: true }).click();
    await expect.poll(() => steps(fig)).toBe(1);
    await fig.locator('.figure-transport select').selectOption('32');
    await fig.getByRole('button', { name: /Play/ }).click();
    await expect(fig.getByTestId('figure-status')).toContainText('matches p within sampling noise', { timeout: 30000 });
    await expect(fig.getByRole('button', { name: /Play/ })).toBeVisible();
  });
});
