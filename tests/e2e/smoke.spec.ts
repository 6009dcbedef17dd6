import { expect, expectAnimates, test } from './helpers';

test('the page shows the title and a live figure whose canvas changes between frames', async ({ page }) => {
  await page.goto('./');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Memory in Plain Sight');
  // The essay embeds figures chapter by chapter; the reference figure is checked on its own route.
  await page.goto('./?figure=energy-landscape');
  const fig = page.locator('[data-figure="energy-landscape"]');
  await expect(fig).toBeVisible();
  await expect(fig.getByTestId('figure-status')).not.toBeEmpty();
  await expect(fig.locator('canvas').first()).toBeVisible();
  await expectAnimates(fig);
});
