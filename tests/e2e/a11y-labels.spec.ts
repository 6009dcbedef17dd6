import { existsSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { appReady, chaptersMeasured, expect, expectMounted, open, test } from './helpers';

/*
 * Issue 17's reading and seeing promises, in the page: labels typeset as math and named in words, focus rings in
 * two tones, and the capacity experiment that starts only when it is looked at and says where its result came from.
 */

const RAW_TEX = /[\p{L})]_[\p{L}{\d]|[\p{L})]\^[{(]|\\[a-z]{2,}/u;

test('a control labelled σ_max shows a real subscript and is named "sigma max"', async ({ page }) => {
  const fig = await open(page, 'dye-diffusion');
  const slider = fig.locator('input[name="sigmaMax"]');
  await expect(slider).toHaveAccessibleName(/^sigma max: /);
  const label = fig.locator('label.control:has(input[name="sigmaMax"]) .control-label');
  await expect(label.locator('sub')).toHaveText('max');
  await expect(label).toHaveText('σmax');
});

test('no figure shows raw TeX in its text, controls or accessible names', async ({ page }) => {
  test.setTimeout(180_000);
  const dir = fileURLToPath(new URL('../../src/figures/', import.meta.url));
  const ids = readdirSync(dir).filter((d) => existsSync(`${dir}${d}/meta.ts`));
  expect(ids.length).toBeGreaterThan(20);
  for (const id of ids) {
    // Still figures have no status line to wait for: wait for the figure's code instead.
    await page.goto(`./?figure=${id}`);
    const fig = page.locator(`[data-figure="${id}"]`);
    await expect(fig).toBeVisible();
    await expect(fig.locator('.figure-loading')).toHaveCount(0);
    const seen = await fig.evaluate((root) => {
      // What is shown and what is spoken, without KaTeX's hidden TeX source (its MathML annotation).
      const copy = root.cloneNode(true) as HTMLElement;
      for (const el of copy.querySelectorAll('.katex-mathml, script, style')) el.remove();
      const texts = [copy.textContent ?? ''];
      for (const el of root.querySelectorAll('[aria-label], [title], option')) texts.push(el.getAttribute('aria-label') ?? '', el.getAttribute('title') ?? '', el.tagName === 'OPTION' ? (el.textContent ?? '') : '');
      return texts.map((t) => t.replace(/\s+/g, ' '));
    });
    const raw = seen.flatMap((t) => {
      const m = RAW_TEX.exec(t);
      return m ? [t.slice(Math.max(0, m.index - 30), m.index + 30)] : [];
    });
    expect(raw, `${id} shows raw TeX`).toEqual([]);
  }
});

test('the landscape handle and ordinary controls get a two-tone focus ring', async ({ page }) => {
  const fig = await open(page, 'landscape-duality');
  const handle = fig.locator('button[data-memory="1"]:not([aria-hidden])').first();
  await page.keyboard.press('Tab');
  await handle.focus();
  await page.keyboard.press('ArrowLeft');
  const ring = await handle.evaluate((el) => ({ outline: getComputedStyle(el).outlineColor, shadow: getComputedStyle(el).boxShadow, focused: el.matches(':focus-visible') }));
  expect(ring.focused).toBe(true);
  expect(ring.outline).toBe('rgb(255, 255, 255)');
  expect(ring.shadow).toContain('rgb(17, 17, 17)');
  const button = fig.getByRole('button', { name: /^Play|^Reset/ }).first();
  await button.focus();
  const plain = await button.evaluate((el) => ({ outline: getComputedStyle(el).outlineStyle, shadow: getComputedStyle(el).boxShadow }));
  expect(plain.outline).toBe('solid');
  expect(plain.shadow).toMatch(/rgb\(255, 255, 255\)|rgb\(0, 0, 0\)/);
});

test('capacity waits to be seen, runs when the reader comes back, and Run again says it computed anew', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto('./');
  await appReady(page, 'essay');
  await chaptersMeasured(page);
  // Fly past: the figure comes near enough to load, but never sits on screen.
  await page.evaluate(() => {
    const el = document.getElementById('fig-capacity')!;
    window.scrollTo(0, el.getBoundingClientRect().top + scrollY - 1.3 * innerHeight);
  });
  const fig = page.locator('[data-figure="capacity"]');
  await expectMounted(fig);
  const chart = fig.getByTestId('capacity-chart');
  await expect(chart).toHaveAttribute('data-watched', 'false');
  await expect(chart).toHaveAttribute('data-phase', 'waiting');
  await expect(fig.getByTestId('progress-text')).toHaveText('starts when in view');
  // Come back and look: it starts.
  await chart.evaluate((el) => el.scrollIntoView({ block: 'center' }));
  await expect(chart).toHaveAttribute('data-watched', 'true');
  await expect(chart).toHaveAttribute('data-phase', /running|done/);
  await expect(chart).toHaveAttribute('data-phase', 'done', { timeout: 60_000 });
  const first = await fig.getByTestId('half-classical').innerText();
  await fig.getByRole('button', { name: 'Run again' }).click();
  await expect(fig.getByTestId('progress-text')).toHaveText(/s, computed again$/, { timeout: 60_000 });
  await expect(fig.getByTestId('half-classical')).toHaveText(first);
  await expect(fig.getByTestId('figure-status')).toContainText('run again rather than read from the cache');
  // Back from the cache after a reload, and saying so.
  await page.reload();
  await appReady(page, 'reload');
  await page.evaluate(() => document.getElementById('fig-capacity')!.scrollIntoView({ block: 'center' }));
  await expect(page.locator('[data-figure="capacity"]').getByTestId('progress-text')).toHaveText(/^cached result/, { timeout: 30_000 });
});
