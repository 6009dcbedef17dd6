/*
 * Frame-time benchmark for the chapter 1–2 figures (landscape-duality, dye-diffusion, boltzmann), at their default
 * settings and at their heaviest allowed settings, in headless Chromium. Reads window.__frameTimes[id], which
 * useSimulation fills with the duration of each animation frame (ms) when the page defines it before mounting.
 *
 *   npx vite build --outDir /tmp/dist-x && npx vite preview --outDir /tmp/dist-x --port 4203 &
 *   node tests/bench/frames-ch1-2.mjs http://127.0.0.1:4203/
 *
 * Prints median and 95th percentile per scenario and writes them to tests/bench/frames-ch1-2.results.json.
 */
import { chromium } from '@playwright/test';
import { writeFileSync } from 'node:fs';
import { loadavg, cpus } from 'node:os';

const base = process.argv[2] ?? 'http://127.0.0.1:4203/';
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });

const quantile = (xs, q) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))];
};

async function run(name, id, query, drive) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
  await page.addInitScript(() => {
    window.__frameTimes = {};
  });
  await page.goto(`${base}?figure=${id}${query}`);
  const fig = page.locator(`[data-figure="${id}"]`);
  await fig.locator('canvas').first().waitFor();
  await page.waitForTimeout(300);
  await drive(page, fig);
  const times = (await page.evaluate((k) => window.__frameTimes[k] ?? [], id)).slice(5);
  await page.close();
  const r = { name, frames: times.length, median: +quantile(times, 0.5).toFixed(2), p95: +quantile(times, 0.95).toFixed(2), max: +Math.max(...times).toFixed(2) };
  console.log(`${name.padEnd(58)} frames ${String(r.frames).padStart(4)}  median ${r.median.toFixed(2).padStart(6)} ms  p95 ${r.p95.toFixed(2).padStart(6)} ms`);
  return r;
}

const wait = (ms) => (page) => page.waitForTimeout(ms);
async function dropMany(page, fig, clicks) {
  const c = fig.locator('canvas[data-side="energy"]');
  const b = await c.boundingBox();
  for (let i = 0; i < clicks; i++) await page.mouse.click(b.x + 10 + ((i * 37) % (b.width - 20)), b.y + 10 + ((i * 61) % (b.height - 20)));
}
async function forwardThenReverse(page, fig) {
  await fig.getByTestId('time-readout').filter({ hasText: 't = 1.00' }).waitFor({ timeout: 60000 });
  await fig.getByRole('button', { name: '← Reverse with the score' }).click();
  await fig.getByTestId('time-readout').filter({ hasText: 't = 0.00' }).waitFor({ timeout: 120000 });
}

const results = [];
results.push(
  await run('landscape-duality, defaults (10 particles + 6 dropped)', 'landscape-duality', '', async (page, fig) => {
    await dropMany(page, fig, 1);
    await page.waitForTimeout(3000);
  }),
);
results.push(
  await run('landscape-duality, heaviest (400 particles, memory dragged)', 'landscape-duality', '&particles=200&alpha=0.01', async (page, fig) => {
    await dropMany(page, fig, 34);
    const h = fig.locator('.fig-landscape-duality-energy [data-memory="1"]');
    const b = await h.boundingBox();
    await page.mouse.move(b.x + 22, b.y + 22);
    await page.mouse.down();
    for (let i = 0; i < 60; i++) await page.mouse.move(b.x + 22 - i, b.y + 22 + i / 2);
    await page.mouse.up();
    await page.waitForTimeout(2000);
  }),
);
results.push(await run('dye-diffusion, defaults (4000 particles, 2 droplets), forward + reverse SDE', 'dye-diffusion', '', forwardThenReverse));
results.push(await run('dye-diffusion, heaviest (50 000 particles, drawn shape, reverse SDE)', 'dye-diffusion', '&particles=50000&shape=drawn', forwardThenReverse));
results.push(await run('boltzmann, defaults (2000 walkers)', 'boltzmann', '', wait(5000)));
results.push(await run('boltzmann, heaviest (20 000 walkers, T = 0.05)', 'boltzmann', '&walkers=20000&T=0.05', wait(5000)));

await browser.close();
console.log(`load average during the run: ${loadavg().map((x) => x.toFixed(1)).join(' ')} on ${cpus().length} cores`);
writeFileSync(new URL('./frames-ch1-2.results.json', import.meta.url), JSON.stringify({ date: new Date().toISOString(), cpus: cpus().length, loadavg: loadavg(), results }, null, 2) + '\n');
