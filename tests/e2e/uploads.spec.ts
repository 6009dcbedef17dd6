import type { Locator, Page } from '@playwright/test';
import { errorsOf, expect, open, test } from './helpers';
import { damagedPng, diskPng, greyPng } from './pngs';

/*
 * A reader's uploads in hopfield-images: a 9000×9000 PNG is refused from its header, at once, and the previous
 * message is gone the moment the file is chosen; a small picture is decoded in the image worker and stored; an
 * SVG and a PNG with damaged data are refused with a sentence that says why.
 */

/** Records every text the upload message shows from now on (a "Reading …" may last less than a frame). */
async function recordMessages(fig: Locator): Promise<() => Promise<string[]>> {
  await fig.evaluate((root) => {
    const seen: string[] = [];
    (window as unknown as { __uploadMessages: string[] }).__uploadMessages = seen;
    const note = () => {
      const t = root.querySelector('[data-testid="upload-message"]')?.textContent ?? '';
      if (seen[seen.length - 1] !== t) seen.push(t);
    };
    new MutationObserver(note).observe(root, { subtree: true, childList: true, characterData: true });
  });
  return () => fig.page().evaluate(() => (window as unknown as { __uploadMessages: string[] }).__uploadMessages);
}

async function openUploads(page: Page) {
  const fig = await open(page, 'hopfield-images', '&mode=sweep');
  await fig.getByText('Store a picture of your own').click();
  return { fig, upload: fig.getByTestId('upload'), message: fig.getByTestId('upload-message'), thumbs: fig.locator('.fig-hopfield-images-thumb') };
}

test.describe('hopfield-images uploads', () => {
  test('a 9000×9000 PNG is refused from its header, and the previous message clears at once', async ({ page }) => {
    const { fig, upload, message, thumbs } = await openUploads(page);
    const workers: string[] = [];
    page.on('worker', (w) => workers.push(w.url()));

    // A small picture: decoded and shrunk in the image worker, then stored.
    await upload.setInputFiles({ name: 'disk.png', mimeType: 'image/png', buffer: diskPng() });
    await expect(message).toContainText('Stored “disk” as memory 5');
    await expect(thumbs).toHaveCount(5);
    expect(workers.some((u) => /image\.worker/.test(u))).toBe(true);

    const seen = await recordMessages(fig);
    await upload.setInputFiles({ name: 'huge.png', mimeType: 'image/png', buffer: greyPng(9000, 9000) });
    // Waited for, not timed: before the header check this took 34 s on this machine, past this 5 s wait.
    await expect(message).toContainText('“huge.png” is 9000×9000 pixels (81 megapixels); the limit is 8192 pixels a side and 40 megapixels', { timeout: 5_000 });
    await expect(message).toHaveAttribute('role', 'alert');
    const texts = await seen();
    expect(texts[0]).toBe('Reading “huge.png”… checking its size.');
    expect(texts.some((t) => t.includes('Stored “disk”'))).toBe(false);
    expect(texts.some((t) => t.includes('decoding'))).toBe(false);
    await expect(thumbs).toHaveCount(5);
    await expect(fig.getByTestId('figure-status')).toContainText('K = 5 patterns');
    expect(errorsOf(page)).toEqual([]);
  });

  test('the stages of a normal upload are shown, and SVG drawings and damaged data are refused honestly', async ({ page }) => {
    const { fig, upload, message, thumbs } = await openUploads(page);
    const seen = await recordMessages(fig);
    await upload.setInputFiles({ name: 'big disk.png', mimeType: 'image/png', buffer: diskPng(1200) });
    await expect(message).toContainText('Stored “big disk” as memory 5');
    // Every text shown is one of the stages, in order, from the first to the stored picture (a stage that lasts
    // less than a frame may never be painted, so the middle ones are not required).
    const stages = [
      'Reading “big disk.png”… checking its size.',
      'Reading “big disk.png”… decoding 1200×1200 pixels.',
      'Reading “big disk.png”… shrinking it to 32×32.',
      'Stored “big disk” as memory 5; it is now the target.',
    ];
    const texts = await seen();
    expect(texts[0]).toBe(stages[0]);
    expect(texts[texts.length - 1]).toBe(stages[3]);
    const at = texts.map((t) => stages.indexOf(t));
    expect(at.every((k, i) => k >= 0 && (i === 0 || k > at[i - 1])), texts.join(' | ')).toBe(true);
    await expect(fig.getByRole('button', { name: 'Picture 5: big disk' })).toHaveAttribute('aria-pressed', 'true');

    await upload.setInputFiles({ name: 'logo.svg', mimeType: 'image/svg+xml', buffer: Buffer.from('<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>') });
    await expect(message).toContainText('“logo.svg” is an SVG drawing');
    await expect(message).toContainText('export it as a PNG first');
    await upload.setInputFiles({ name: 'damaged.png', mimeType: 'image/png', buffer: damagedPng() });
    await expect(message).toContainText('“damaged.png” could not be read as a picture: its header is that of a PNG file, but its image data is damaged');
    await upload.setInputFiles({ name: 'flat.png', mimeType: 'image/png', buffer: greyPng(50, 40) });
    await expect(message).toContainText('single flat colour');
    await expect(thumbs).toHaveCount(5);
    await expect(upload).toHaveAttribute('accept', 'image/png,image/jpeg,image/gif,image/webp,image/bmp');
  });
});
