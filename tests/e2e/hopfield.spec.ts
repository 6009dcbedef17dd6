import type { Locator, Page } from '@playwright/test';
import { expect, steps, test } from './helpers';

/*
 * The Hopfield figures of chapter 4, driven as a reader would: corrupt a picture and recall it, paint on it, draw
 * and upload pictures (and a bad upload), run and cancel the capacity experiment, drag memories on the circle.
 * Each figure is opened alone through the `?figure=<id>` route.
 */

const pageErrors = new WeakMap<Page, string[]>();
test.beforeEach(({ page }) => {
  const errors: string[] = [];
  pageErrors.set(page, errors);
  page.on('pageerror', (e) => errors.push(e.message));
});
test.afterEach(({ page }) => {
  expect(pageErrors.get(page)).toEqual([]);
});

async function open(page: Page, id: string, query = ''): Promise<Locator> {
  await page.goto(`./?figure=${id}${query}`);
  const fig = page.locator(`[data-figure="${id}"]`);
  await expect(fig).toBeVisible();
  await expect(fig.getByTestId('figure-status')).not.toBeEmpty({ timeout: 15_000 });
  return fig;
}

const pixels = (c: Locator) => c.evaluate((el: HTMLCanvasElement) => el.toDataURL());

/** A small PNG made in the page: a dark disk on white. */
async function makePng(page: Page, size = 64): Promise<Buffer> {
  const b64 = await page.evaluate((s) => {
    const c = document.createElement('canvas');
    c.width = s;
    c.height = s;
    const ctx = c.getContext('2d')!;
    ctx.fillStyle = '#fff';
    ctx.fillRect(0, 0, s, s);
    ctx.fillStyle = '#000';
    ctx.beginPath();
    ctx.arc(s / 2, s / 2, s / 3, 0, 2 * Math.PI);
    ctx.fill();
    return c.toDataURL('image/png').split(',')[1];
  }, size);
  return Buffer.from(b64, 'base64');
}

test.describe('hopfield-images', () => {
  test('recall: a corrupted picture comes back, the energy trace grows, the half mask and the brush change the state', async ({ page }) => {
    const fig = await open(page, 'hopfield-images', '&mode=sweep');
    const status = fig.getByTestId('figure-status');
    await expect(status).toContainText('Settled', { timeout: 15_000 });
    await expect(status).toContainText('recalled “smiley”');
    const state = fig.getByTestId('state');
    const before = await pixels(state);
    await fig.getByRole('button', { name: 'Hide half' }).click();
    const masked = await pixels(state);
    expect(masked).not.toEqual(before);
    await expect(status).toContainText('0 flips so far');
    // One step at a time: the step counter and the energy plot move.
    const energy = fig.getByTestId('energy');
    const e0 = await pixels(energy);
    // (An edit of the state starts recall again but the run's step count goes on: a link replays the edit at its step.)
    const s0 = await steps(fig);
    await fig.getByRole('button', { name: 'Step', exact: true }).click();
    await expect.poll(() => steps(fig)).toBe(s0 + 1);
    expect(await pixels(energy)).not.toEqual(e0);
    // The brush: drag across the state flips pixels under the pointer.
    const box = (await state.boundingBox())!;
    const b1 = await pixels(state);
    await page.mouse.move(box.x + box.width * 0.2, box.y + box.height * 0.3);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width * 0.8, box.y + box.height * 0.35, { steps: 12 });
    await page.mouse.up();
    expect(await pixels(state)).not.toEqual(b1);
    await fig.getByRole('button', { name: /^Play/ }).click();
    await expect(status).toContainText('Settled', { timeout: 15_000 });
  });

  test('one flip per step marks the flipped neuron and counts one flip', async ({ page }) => {
    const fig = await open(page, 'hopfield-images', '&mode=flip');
    await fig.getByRole('button', { name: 'Step', exact: true }).click(); // pauses the autoplay
    await fig.getByRole('button', { name: 'Reset' }).click();
    await expect(fig.getByTestId('figure-status')).toContainText(/\b0 flips so far/);
    await fig.getByRole('button', { name: 'Step', exact: true }).click();
    await expect(fig.getByTestId('figure-status')).toContainText(/\b1 flips so far/);
    await fig.getByRole('button', { name: 'Step', exact: true }).click();
    await expect(fig.getByTestId('figure-status')).toContainText(/\b2 flips so far/);
  });

  test('too many pictures: the classical network lands in a spurious state, the exponential memory recalls', async ({ page }) => {
    const fig = await open(page, 'hopfield-images', '&images=8&target=2&mode=sweep');
    const status = fig.getByTestId('figure-status');
    await expect(status).toContainText('Settled', { timeout: 15_000 });
    await expect(status).toContainText('spurious');
    await fig.locator('select[name="memory"]').selectOption('exp');
    await fig.getByRole('button', { name: /^Play/ }).click();
    await expect(status).toContainText('Dense memory with F = eˣ');
    await expect(status).toContainText('recalled “house”', { timeout: 15_000 });
  });

  test('draw a picture and store it; upload a picture; bad uploads change nothing', async ({ page }) => {
    const fig = await open(page, 'hopfield-images', '&mode=sweep');
    const thumbs = fig.locator('.fig-hopfield-images-thumb');
    await expect(thumbs).toHaveCount(4);
    await fig.getByText('Store a picture of your own').click();
    const pad = fig.getByTestId('pad');
    await expect(pad).toBeVisible();
    const message = fig.getByTestId('upload-message');
    // An empty pad is refused.
    await fig.getByRole('button', { name: 'Store this drawing' }).click();
    await expect(message).toContainText('The pad is empty');
    await expect(thumbs).toHaveCount(4);
    const box = (await pad.boundingBox())!;
    await page.mouse.move(box.x + box.width * 0.2, box.y + box.height * 0.2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width * 0.8, box.y + box.height * 0.8, { steps: 20 });
    await page.mouse.move(box.x + box.width * 0.2, box.y + box.height * 0.8, { steps: 20 });
    await page.mouse.up();
    await fig.getByRole('button', { name: 'Store this drawing' }).click();
    await expect(message).toContainText('Stored “drawing 1” as memory 5');
    await expect(thumbs).toHaveCount(5);
    await expect(fig.getByRole('button', { name: 'Picture 5: drawing 1' })).toHaveAttribute('aria-pressed', 'true');
    await expect(fig.getByTestId('figure-status')).toContainText('K = 5 patterns');

    const upload = fig.getByTestId('upload');
    // The picker offers only the raster types the figure decodes (an SVG is refused by name: see uploads.spec.ts).
    await expect(upload).toHaveAttribute('accept', 'image/png,image/jpeg,image/gif,image/webp,image/bmp');
    await upload.setInputFiles({ name: 'disk.png', mimeType: 'image/png', buffer: await makePng(page) });
    await expect(message).toContainText('Stored “disk” as memory 6');
    await expect(thumbs).toHaveCount(6);

    await upload.setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('not a picture') });
    await expect(message).toContainText('“notes.txt” is not a picture the figure can read: it accepts PNG, JPEG, GIF, WebP or BMP files');
    await expect(message).toContainText('Nothing was stored');
    await upload.setInputFiles({ name: 'broken.png', mimeType: 'image/png', buffer: Buffer.from('this is not really a PNG file') });
    await expect(message).toContainText('“broken.png” is not a picture the figure can read');
    await upload.setInputFiles({ name: 'huge.png', mimeType: 'image/png', buffer: Buffer.alloc(9 * 1024 * 1024, 1) });
    await expect(message).toContainText('the limit is 8 MB');
    await expect(thumbs).toHaveCount(6);
    await expect(fig.getByTestId('figure-status')).toContainText('K = 6 patterns');
  });
});

test.describe('capacity', () => {
  test('runs in a worker with progress, fills the table, and comes back instantly from the cache', async ({ page }) => {
    const fig = await open(page, 'capacity');
    const text = fig.getByTestId('progress-text');
    await expect(text).toHaveText(/\d+(\.\d+)? s|cached/, { timeout: 30_000 });
    const half = await fig.getByTestId('half-classical').innerText();
    const k = Number(half);
    expect(k).toBeGreaterThan(8);
    expect(k).toBeLessThan(30);
    await expect(fig.getByTestId('half-exp')).toHaveText('> 2,000');
    await expect(fig.getByTestId('figure-status')).toContainText('Done at N = 100');
    await page.reload();
    const fig2 = page.locator('[data-figure="capacity"]');
    await expect(fig2.getByTestId('progress-text')).toHaveText(/^cached result/, { timeout: 3_000 });
  });

  test('a long run can be cancelled', async ({ page }) => {
    const fig = await open(page, 'capacity', '&N=400&trials=20');
    await expect(fig.getByRole('button', { name: 'Cancel' })).toBeVisible({ timeout: 10_000 });
    await expect(fig.getByTestId('progress-text')).toHaveText(/\d+ \/ \d+/);
    await fig.getByRole('button', { name: 'Cancel' }).click();
    await expect(fig.getByTestId('progress-text')).toHaveText('cancelled');
    await expect(fig.getByRole('button', { name: 'Run' })).toBeVisible();
    await expect(fig.getByTestId('figure-status')).toContainText('Cancelled');
  });
});

test.describe('separation-functions', () => {
  test('shows four basin maps; dragging a memory or the angle slider changes them', async ({ page }) => {
    const fig = await open(page, 'separation-functions');
    await expect(fig.getByTestId('kept-exp')).toContainText('5 of 5 kept');
    await expect(fig.getByTestId('kept-classical')).not.toContainText('5 of 5');
    const canvas = fig.locator('[data-panel="exp"] canvas');
    const before = await pixels(canvas);
    // Drag memory 1 (its angle is shown by the slider) part-way round the circle.
    const deg = Number((await fig.locator('.fig-separation-functions-move output').innerText()).replace('°', ''));
    const box = (await canvas.boundingBox())!;
    const r = box.width / 2 - 10;
    const cx = box.x + box.width / 2;
    const cy = box.y + box.height / 2;
    const a = (deg * Math.PI) / 180;
    await page.mouse.move(cx + r * Math.cos(a), cy - r * Math.sin(a));
    await page.mouse.down();
    await page.mouse.move(cx + r * Math.cos(a + 0.5), cy - r * Math.sin(a + 0.5), { steps: 8 });
    await page.mouse.up();
    await expect.poll(() => pixels(canvas)).not.toEqual(before);
    const after = Number((await fig.locator('.fig-separation-functions-move output').innerText()).replace('°', ''));
    expect(after).not.toEqual(deg);
    // Keyboard: the angle slider moves the selected memory.
    const slider = fig.getByRole('slider', { name: /Angle of memory/ });
    await slider.focus();
    const b2 = await pixels(canvas);
    for (let i = 0; i < 20; i++) await page.keyboard.press('ArrowRight');
    await expect.poll(() => pixels(canvas)).not.toEqual(b2);
  });
});
