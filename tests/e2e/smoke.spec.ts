import { expect, test } from '@playwright/test';

test('the page shows the title and a live figure whose canvas changes between frames', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto('./');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Memory in Plain Sight');
  // The essay embeds figures chapter by chapter; the reference figure is checked on its own route.
  await page.goto('./?figure=energy-landscape');
  const fig = page.locator('[data-figure="energy-landscape"]');
  await expect(fig).toBeVisible();
  await expect(fig.getByTestId('figure-status')).not.toBeEmpty();
  const canvas = fig.locator('canvas').first();
  await expect(canvas).toBeVisible();
  const a = await canvas.evaluate((c: HTMLCanvasElement) => c.toDataURL());
  await page.waitForTimeout(300);
  const b = await canvas.evaluate((c: HTMLCanvasElement) => c.toDataURL());
  expect(a).not.toEqual(b);
  expect(errors).toEqual([]);
});
