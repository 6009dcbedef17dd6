import { expect, fast, test, watchErrors } from './helpers';
import AxeBuilder from '@axe-core/playwright';

/*
 * Chapter 4's dynamics figures, driven as a reader would: drag the start point, push a slider past the stable
 * range, switch models, add layers, turn up β. Each test opens the figure alone (?figure=<id>).
 */

test('energy-descent: dragging the start restarts both runs; α past 2/λ_max breaks the discrete run with an explanation', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('./?figure=energy-descent');
  const fig = page.locator('[data-figure="energy-descent"]');
  const status = fig.getByTestId('figure-status');
  await expect(status).toContainText('E never rose', { timeout: 15000 });
  await expect(fig.getByTestId('verdict')).toHaveAttribute('data-level', 'ok');
  await fast(fig);
  await expect(status).toContainText('discrete settled', { timeout: 15000 });

  // Drag on the discrete panel: the start point moves and both runs restart from it.
  const panel = fig.locator('canvas[data-panel="discrete"]');
  const continuous = fig.locator('canvas[data-panel="continuous"]');
  const before = (await continuous.getAttribute('aria-label'))!;
  expect(before).toContain('x⁰ = (-2.5, 1.6)');
  const box = (await panel.boundingBox())!;
  await page.mouse.move(box.x + box.width * 0.8, box.y + box.height * 0.2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * 0.85, box.y + box.height * 0.7, { steps: 4 });
  await page.mouse.up();
  await expect(continuous).not.toHaveAttribute('aria-label', before);
  await expect(status).toContainText('settled', { timeout: 15000 });

  // The keyboard moves the start too: ← moves x⁰₁ by −0.1.
  const dragged = (await continuous.getAttribute('aria-label'))!;
  const x1 = Number(/x⁰ = \(([-\d.]+),/.exec(dragged)![1]);
  await panel.focus();
  await page.keyboard.press('ArrowLeft');
  await expect(continuous).toHaveAttribute('aria-label', new RegExp(`x⁰ = \\(${(Math.round((x1 - 0.1) * 100) / 100).toString().replace('.', '\\.')},`));

  // Past the stable range: the discrete run oscillates, E rises, and the figure says why.
  await fig.locator('input[name="alpha"]').fill('2.4');
  await fig.locator('[data-action="play"]').click();
  const verdict = fig.getByTestId('verdict');
  await expect(verdict).toHaveAttribute('data-level', 'bad', { timeout: 15000 });
  await expect(verdict).toContainText('2/λmax');
  await expect(status).toContainText(/discrete E rose|diverged/, { timeout: 15000 });

  // The narrow valley: κ = 10 puts the edge at α = 0.2; α = 0.15 zig-zags but still descends.
  await fig.locator('select[name="energy"]').selectOption('valley');
  await fig.locator('input[name="kappa"]').fill('10');
  await fig.locator('input[name="alpha"]').fill('0.15');
  await fig.locator('[data-action="play"]').click();
  await expect(verdict).toHaveAttribute('data-level', 'warn');
  await expect(verdict).toContainText('zig-zags');
  await fig.locator('[data-action="alpha-step"]').click();
  await expect(status).toContainText('E never rose');

  await expect(fig).not.toContainText('NaN');
  expect(errors).toEqual([]);
});

test('tinybrain: the total energy only falls; presets give the classical and modern networks; linear–linear with strong ξ is refused', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('./?figure=tinybrain');
  const fig = page.locator('[data-figure="tinybrain"]');
  const status = fig.getByTestId('figure-status');
  await fast(fig);
  await expect(status).toContainText('both layers dynamic', { timeout: 15000 });
  await expect(status).toContainText('settled', { timeout: 20000 });
  await expect(status).not.toContainText('could not be kept');

  const canvas = fig.locator('canvas').first();
  const a = await canvas.evaluate((c: HTMLCanvasElement) => c.toDataURL());
  await fig.getByRole('button', { name: 'Classical Hopfield' }).click();
  await expect(fig.getByRole('checkbox', { name: /instantaneous/ })).toBeChecked();
  await expect(fig.locator('select[name="lh"]')).toHaveValue('identity');
  await fig.locator('[data-action="play"]').click();
  await expect(status).toContainText('classical Hopfield', { timeout: 15000 });
  await expect(status).toContainText('settled', { timeout: 20000 });
  const b = await canvas.evaluate((c: HTMLCanvasElement) => c.toDataURL());
  expect(a).not.toEqual(b);

  await fig.getByRole('button', { name: 'Modern Hopfield' }).click();
  await expect(fig.locator('select[name="lx"]')).toHaveValue('identity');
  await expect(fig.locator('select[name="lh"]')).toHaveValue('softmax');
  await fig.locator('[data-action="play"]').click();
  await expect(status).toContainText('softmax memory neurons', { timeout: 15000 });

  // Both layers linear with s = 2: the energy has no bottom; the figure says so instead of diverging.
  await fig.locator('select[name="lh"]').selectOption('identity');
  await expect(page.locator('[data-figure="tinybrain"] .figure-problem')).toContainText('no bottom');
  await fig.locator('input[name="strength"]').fill('0.5');
  await expect(page.locator('[data-figure="tinybrain"] .figure-problem')).toHaveCount(0);
  await expect(fig).not.toContainText('NaN');
  expect(errors).toEqual([]);
});

test('hierarchy: adding layers restarts a deeper network whose energy still never rises', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('./?figure=hierarchy');
  const fig = page.locator('[data-figure="hierarchy"]');
  const status = fig.getByTestId('figure-status');
  await fast(fig);
  await expect(status).toContainText('4 layers', { timeout: 15000 });
  await expect(status).toContainText('settled', { timeout: 20000 });
  await fig.locator('[data-action="add-layer"]').click();
  await fig.locator('[data-action="add-layer"]').click();
  await expect(status).toContainText('6 layers');
  await expect(fig.locator('input[name="layers"]')).toHaveValue('6');
  await expect(status).toContainText('settled', { timeout: 30000 });
  await expect(status).toContainText('E has never risen');
  await fig.locator('[data-action="remove-layer"]').click();
  await expect(status).toContainText('5 layers');
  await fig.locator('input[name="layers"]').fill('8');
  await expect(fig.locator('[data-action="add-layer"]')).toBeDisabled();
  await expect(status).toContainText('8 layers');
  await expect(fig).not.toContainText('NaN');
  expect(errors).toEqual([]);
});

test('hierarchy: learned synapses complete a pattern shown with a window missing; the layer buttons wait', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('./?figure=hierarchy&synapses=trained&seed=7');
  const fig = page.locator('[data-figure="hierarchy"]');
  const status = fig.getByTestId('figure-status');
  await fast(fig);
  await expect(status).toContainText('3 layers (12, 6, 4 neurons)', { timeout: 15000 });
  await expect(status).toContainText('settled', { timeout: 30000 });
  await expect(status).toContainText('shown pattern 3 with window 2 hidden; memory neuron 3 leads');
  await expect(status).toContainText('match pattern 3 on 12 of 12 neurons, 4 of 4 in the hidden window');
  await expect(status).toContainText('E has never risen');
  await expect(fig.locator('[data-action="add-layer"]')).toBeDisabled();
  await expect(fig.locator('input[name="layers"]')).toHaveCount(0);
  await expect(fig).not.toContainText('NaN');
  expect(errors).toEqual([]);
});

test('attention-step: small β blends, large β retrieves in one step, iterating reaches a fixed point', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('./?figure=attention-step');
  const fig = page.locator('[data-figure="attention-step"]');
  const status = fig.getByTestId('figure-status');
  await expect(status).toContainText('one step, as in an attention layer', { timeout: 15000 });
  await expect(status).toContainText('a blend');

  // Hovering a symbol of the equation highlights its part of the picture, and the other way round.
  const eq = fig.locator('.fig-attention-step-eq');
  await eq.locator('.fas-xi').first().hover();
  await expect(eq).toHaveAttribute('data-hl', 'xi');
  const canvas = fig.locator('canvas');
  const cb = (await canvas.boundingBox())!;
  await page.mouse.move(cb.x + 30, cb.y + 100); // the weight bars under the 60-px thumbnails
  await expect(eq).toHaveAttribute('data-hl', 'w');
  await page.mouse.move(cb.x + 5, cb.y + cb.height + 200);
  await expect(eq).not.toHaveAttribute('data-hl', /./);

  // β to its maximum (the slider is logarithmic: 1 is the top).
  await fig.locator('input[name="beta"]').fill('1');
  await fig.locator('[data-action="play"]').click();
  await expect(status).toContainText('retrieved smiley', { timeout: 15000 });

  await fig.getByRole('checkbox', { name: /iterate/ }).check();
  await fig.locator('input[name="beta"]').fill('0.45');
  await fig.locator('[data-action="play"]').click();
  await expect(status).toContainText('fixed point after', { timeout: 15000 });

  // A masked query from another picture.
  await fig.locator('select[name="corruption"]').selectOption('mask');
  await fig.locator('input[name="query"]').fill('2');
  await fig.locator('input[name="beta"]').fill('1');
  await fig.locator('[data-action="play"]').click();
  await expect(status).toContainText('query: house', { timeout: 15000 });
  await expect(status).toContainText('retrieved house', { timeout: 15000 });
  await expect(fig).not.toContainText('NaN');
  expect(errors).toEqual([]);
});

for (const theme of ['light', 'dark'] as const) {
  test(`axe finds no serious or critical violations in the four dynamics figures (${theme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: theme, reducedMotion: 'reduce' });
    const bad: string[] = [];
    for (const id of ['energy-descent', 'tinybrain', 'hierarchy', 'attention-step']) {
      await page.goto(`./?figure=${id}`);
      const fig = page.locator(`[data-figure="${id}"]`);
      await expect(fig.getByTestId('figure-status')).not.toBeEmpty();
      const results = await new AxeBuilder({ page }).include(`[data-figure="${id}"]`).analyze();
      for (const v of results.violations) {
        if (v.impact === 'serious' || v.impact === 'critical') bad.push(`${id}: ${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
      }
    }
    expect(bad).toEqual([]);
  });
}
