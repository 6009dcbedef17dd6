import type { Page } from '@playwright/test';
import { expect, expectAnimates, test } from './helpers';

/*
 * Chapter 5's figures, driven as a reader would: through the single-figure route (?figure=<id>) and, for the
 * table's links, on the essay page itself.
 */

function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  return errors;
}

const fig = (page: Page, id: string) => page.locator(`[data-figure="${id}"]`);
const status = (page: Page, id: string) => fig(page, id).getByTestId('figure-status');
const stepsShown = async (page: Page, id: string) => Number((await fig(page, id).locator('.figure-steps').innerText()).replace(/[^0-9]/g, ''));

test('side-by-side: both dynamics run, step on request, and matching terms light up together', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('./?figure=side-by-side');
  const f = fig(page, 'side-by-side');
  await expect(f).toBeVisible();
  await expect(status(page, 'side-by-side')).toContainText('Same memory for');
  await expectAnimates(f);

  // Pause (if still running), then one step advances the clock by exactly one update.
  const play = f.locator('[data-action="play"]');
  if ((await play.getAttribute('aria-pressed')) === 'true') await play.click();
  await expect(play).toHaveAttribute('aria-pressed', 'false');
  const t0 = await stepsShown(page, 'side-by-side');
  await f.getByRole('button', { name: 'Step' }).click();
  await expect.poll(() => stepsShown(page, 'side-by-side')).toBe(t0 + 1);

  // Hovering the score in the diffusion equation highlights the energy gradient in the memory's equation too.
  await f.locator('.fig-side-by-side-col').nth(1).locator('[data-term="force"]').first().hover();
  await expect(f.locator('.fig-side-by-side')).toHaveAttribute('data-hl', 'force');
  const amForce = f.locator('.fig-side-by-side-col').first().locator('[data-term="force"]').first();
  await expect(amForce).toHaveCSS('outline-style', 'solid');
  // Keyboard: focusing a term button does the same.
  await f.getByRole('button', { name: 'α ↔ α(t)' }).focus();
  await expect(f.locator('.fig-side-by-side')).toHaveAttribute('data-hl', 'alpha');

  // Choosing another schedule restarts the run from t = 0.
  await f.locator('select[name="schedule"]').selectOption('geometric');
  await expect.poll(() => stepsShown(page, 'side-by-side')).toBeLessThan(3);
  // Run to the end: the diffusion model halts at T and the loop stops by itself.
  await f.locator('select[aria-label="Updates per frame"]').selectOption('32');
  await f.getByRole('button', { name: /^Play/ }).click();
  await expect(f.getByRole('button', { name: 'Play (settled)' })).toBeVisible({ timeout: 20_000 });
  await expect(status(page, 'side-by-side')).toContainText('halted at T');
  expect(errors).toEqual([]);
});

test('comparison-table: seven rows of Table 1, each linking to a figure and an equation that exist in the essay', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('./?figure=comparison-table&highlight=time');
  const f = fig(page, 'comparison-table');
  const rows = f.locator('tbody tr');
  await expect(rows).toHaveCount(7);
  await expect(f.locator('tr[data-row="time"]')).toHaveClass(/is-highlighted/);
  const hrefs: string[] = [];
  for (let i = 0; i < 7; i++) {
    const row = rows.nth(i);
    await expect(row.locator('a[data-kind="figure"]').first()).toHaveAttribute('href', /^#fig-/);
    await expect(row.locator('a[data-kind="equation"]').first()).toHaveAttribute('href', /^#eq-/);
    hrefs.push(...(await row.locator('a').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''))));
  }
  await f.locator('select[name="highlight"]').selectOption('energy');
  await expect(f.locator('tr[data-row="energy"]')).toHaveClass(/is-highlighted/);

  // On the essay page every link lands on a real element of chapter 5. Later chapters load with a deep link
  // (or on the reader's first interaction), so arrive by the figure's own anchor.
  await page.goto('./#fig-comparison-table');
  // No explicit scroll: the deep link scrolls, and the chapter may re-render while later chapters load, so
  // rely on the auto-waiting assertions below rather than on one element handle.
  const table = page.locator('[data-figure="comparison-table"]').first();
  await expect(table.locator('tbody tr')).toHaveCount(7);
  for (const h of new Set(hrefs)) expect(await page.locator(h).count(), `target ${h}`).toBeGreaterThan(0);
  await table.locator('a[href="#fig-fixed-points"]').first().click();
  await expect(page.locator('#fig-fixed-points')).toBeInViewport();
  expect(errors).toEqual([]);
});

test('fixed-points: halting at T memorises the training points; running past T never settles; a restart at t = 0 jumps basins', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('./?figure=fixed-points');
  const f = fig(page, 'fixed-points');
  await f.locator('select[aria-label="Updates per frame"]').selectOption('16');
  await expect(status(page, 'fixed-points')).toContainText('halted at T', { timeout: 20_000 });
  await expect(status(page, 'fixed-points')).toContainText('diffusion 300 of 300');
  await expect(f.getByRole('button', { name: 'Play (settled)' })).toBeVisible({ timeout: 20_000 });

  // Trick 1 off: the stochastic sampler keeps moving after T.
  await f.getByLabel('halt at T (Trick 1)').uncheck();
  await f.getByRole('button', { name: /^Play/ }).click();
  await expect(status(page, 'fixed-points')).toContainText('updates past T', { timeout: 20_000 });
  await expect(f.getByRole('button', { name: 'Pause' })).toBeVisible();

  // Repair corrupted memories, restarting at σ(0) = 3: far fewer return home than for the memory.
  await f.getByLabel('halt at T (Trick 1)').check();
  await f.locator('select[name="experiment"]').selectOption('restart');
  await f.getByRole('button', { name: /^Play/ }).click().catch(() => undefined);
  await expect(status(page, 'fixed-points')).toContainText('halted at T', { timeout: 20_000 });
  const text = await status(page, 'fixed-points').innerText();
  const m = /diffusion (\d+) of 300, memory (\d+) of 300/.exec(text);
  expect(m, text).not.toBeNull();
  expect(Number(m![1])).toBeLessThan(200);
  expect(Number(m![2])).toBeGreaterThan(280);

  // An impossible combination from a link is repaired, and the notice says what was used instead.
  await page.goto('./?figure=fixed-points&sigmaStart=0.03&sigmaT=0.5');
  await expect(fig(page, 'fixed-points').locator('.figure-notice')).toContainText('sigmaT = 0.5 is outside [0.02, 0.03] when annealing from σ(0) = 0.03; using 0.03');
  await expect(fig(page, 'fixed-points').locator('.figure-problem')).toHaveCount(0);
  expect(errors).toEqual([]);
});

test('any-corruption: the same picture is recalled from noise, a mask, blur and pixelation; energy descent settles', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('./?figure=any-corruption');
  const f = fig(page, 'any-corruption');
  await f.locator('select[aria-label="Updates per frame"]').selectOption('16');
  await expect(f.getByRole('button', { name: 'Play (settled)' })).toBeVisible({ timeout: 20_000 });
  const s = await status(page, 'any-corruption').innerText();
  expect(s).toContain('(settled)');
  for (const k of ['Gaussian noise', 'masked (inpainting)', 'blur', 'pixelation']) expect(s).toContain(`${k}: descent recalls it`);
  // μ is validated with K: the slider only offers stored pictures, and fewer pictures pull μ down with them.
  await f.locator('input[name="memory"]').fill('5');
  await f.locator('input[name="memories"]').fill('3');
  await expect(f.locator('input[name="memory"]')).toHaveAttribute('max', '3');
  await expect(f.locator('input[name="memory"]')).toHaveValue('3');
  await expect(f.locator('.figure-problem')).toHaveCount(0);
  // A link asking for a picture that is not stored gets the last one, and a notice that says so.
  await page.goto('./?figure=any-corruption&memories=6&memory=20');
  await expect(fig(page, 'any-corruption').locator('.figure-notice')).toContainText('memory = 20 is outside [1, 6] for 6 stored pictures; using 6');
  await expect(fig(page, 'any-corruption').locator('.figure-problem')).toHaveCount(0);
  expect(errors).toEqual([]);
});

test('conservative-field: zero work round the loop for Eq. 20, non-zero without its Jacobian term; a drawn loop replaces the preset', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('./?figure=conservative-field');
  const f = fig(page, 'conservative-field');
  await f.locator('input[name="pieces"]').fill('40');
  await expect(status(page, 'conservative-field')).toContainText('Round the whole loop', { timeout: 20_000 });
  const done = await status(page, 'conservative-field').innerText();
  expect(done).toContain('zero, as for every gradient field');
  const free = Number(/unconstrained score (-?[\d.]+)/.exec(done)![1]);
  expect(Math.abs(free)).toBeGreaterThan(0.01);

  // Keyboard: focusing the Jacobian-term button highlights that term of Eq. 20 (and draws it on the right panel).
  await f.getByRole('button', { name: /Jacobian term/ }).focus();
  await expect(f.locator('.fig-conservative-field')).toHaveAttribute('data-term', 'jac');
  await expect(f.locator('.cf-jac').first()).toHaveCSS('outline-style', 'solid');

  // Switch the Jacobian term off: the right-hand field is no longer conservative.
  await f.getByLabel('Jacobian term of survey Eq. 20').uncheck();
  await f.getByRole('button', { name: /^Play/ }).click().catch(() => undefined);
  await expect(status(page, 'conservative-field')).toContainText('without its Jacobian term', { timeout: 20_000 });
  await expect(status(page, 'conservative-field')).toContainText('Round the whole loop', { timeout: 20_000 });
  expect(await status(page, 'conservative-field').innerText()).not.toContain('zero, as for every gradient field');
  await f.getByLabel('Jacobian term of survey Eq. 20').check();

  // Keyboard alternative: a preset loop from the list.
  await f.locator('select[name="loop"]').selectOption('wide');
  await expect(status(page, 'conservative-field')).toContainText('Loop area 14.44');

  // Pointer: draw a closed loop on the left panel.
  const c = f.locator('canvas').first();
  await c.scrollIntoViewIfNeeded();
  const box = (await c.boundingBox())!;
  const cx = box.x + box.width / 2;
  const cy = box.y + box.height / 2;
  const r = box.width / 5;
  await page.mouse.move(cx + r, cy);
  await page.mouse.down();
  for (let k = 1; k <= 24; k++) await page.mouse.move(cx + r * Math.cos((2 * Math.PI * k) / 24), cy + r * Math.sin((2 * Math.PI * k) / 24));
  await page.mouse.up();
  await expect(f.locator('select[name="loop"]')).toHaveValue('drawn');
  await expect(f.getByText('Your loop is closed')).toBeVisible();
  await expect(status(page, 'conservative-field')).toContainText('Round the whole loop', { timeout: 20_000 });
  expect(await status(page, 'conservative-field').innerText()).toContain('zero, as for every gradient field');
  expect(errors).toEqual([]);
});

test('conservative-field: particles settle on both sides, and only on −∇E_θ does the energy never rise', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('./?figure=conservative-field&walk=particles&seed=2');
  const f = fig(page, 'conservative-field');
  await expect(f.locator('select[name="walk"]')).toHaveValue('particles');
  await f.getByRole('button', { name: /^Play/ }).click().catch(() => undefined);
  await expect(status(page, 'conservative-field')).toContainText('All at rest after', { timeout: 30_000 });
  const text = await status(page, 'conservative-field').innerText();
  expect(text).toMatch(/−∇Eθ: 48 of 48 at rest.*Eθ rose along 0 paths/);
  const rose = Number(/Unconstrained score: 48 of 48 at rest, Eθ rose along (\d+) paths/.exec(text)![1]);
  expect(rose).toBeGreaterThan(0);
  await expect(f.locator('.fig-conservative-field-readout')).toContainText('unconstrained: Eθ rose on');
  expect(errors).toEqual([]);
});
