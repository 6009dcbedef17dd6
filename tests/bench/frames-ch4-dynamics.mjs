/*
 * Frame-time benchmark for chapter 4's dynamics figures (energy-descent, tinybrain, hierarchy, attention-step), at
 * their default settings and at their heaviest allowed settings, in headless Chromium. Reads
 * window.__frameTimes[id], which useSimulation fills with each animation frame's duration (ms) when the page
 * defines it before the figures mount.
 *
 *   npx vite build --outDir /tmp/dist-dyn && npx vite preview --outDir /tmp/dist-dyn --port 4206 &
 *   node tests/bench/frames-ch4-dynamics.mjs http://127.0.0.1:4206/
 *
 * Prints median and 95th percentile per scenario and writes them to tests/bench/frames-ch4-dynamics.results.json.
 */
import { chromium } from '@playwright/test';
import { writeFileSync } from 'node:fs';

const base = process.argv[2] ?? 'http://127.0.0.1:4206/';
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });

const quantile = (xs, q) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))];
};

async function run(name, id, query, { speed = 1, ms = 4000, drive } = {}) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
  await page.addInitScript(() => {
    window.__frameTimes = {};
  });
  await page.goto(`${base}?figure=${id}${query}`);
  const fig = page.locator(`[data-figure="${id}"]`);
  await fig.locator('canvas').first().waitFor();
  if (speed > 1) await fig.getByLabel('Updates per frame').selectOption(String(speed));
  if (drive) await drive(page, fig);
  else await page.waitForTimeout(ms);
  const times = (await page.evaluate((k) => window.__frameTimes[k] ?? [], id)).slice(3);
  await page.close();
  const r = { name, frames: times.length, median: +quantile(times, 0.5).toFixed(2), p95: +quantile(times, 0.95).toFixed(2), max: +Math.max(...times).toFixed(2) };
  console.log(`${name.padEnd(66)} frames ${String(r.frames).padStart(4)}  median ${r.median.toFixed(2).padStart(6)} ms  p95 ${r.p95.toFixed(2).padStart(6)} ms`);
  return r;
}

/** Keeps a figure busy: press Reset then Play every `every` ms, so converging figures keep producing frames. */
const replay = (total, every) => async (page, fig) => {
  const end = Date.now() + total;
  while (Date.now() < end) {
    await fig.locator('[data-action="reset"]').click();
    await fig.locator('[data-action="play"]').click();
    await page.waitForTimeout(every);
  }
};

const results = [];
results.push(await run('energy-descent, defaults (α = 0.5, two memories)', 'energy-descent', '', { ms: 4000 }));
results.push(await run('energy-descent, heaviest (α = 2, speed 32×: 40 slices/step, long oscillating paths)', 'energy-descent', '&alpha=2&beta=20&x0=-2.9&y0=2.9', { speed: 32, ms: 5000 }));
results.push(await run('energy-descent, unstable (valley κ = 20, α = 3: 60 slices/step, re-run)', 'energy-descent', '&energy=valley&kappa=20&alpha=3', { speed: 32, drive: replay(4000, 300) }));
results.push(await run('tinybrain, defaults (N_x = 12, N_h = 3)', 'tinybrain', '', { ms: 4000 }));
results.push(await run('tinybrain, heaviest (N_x = 16, N_h = 8, β = 20, speed 32×)', 'tinybrain', '&nx=16&nh=8&beta=20&tauH=0.05', { speed: 32, drive: replay(5000, 600) }));
results.push(await run('hierarchy, defaults (4 layers × 7)', 'hierarchy', '', { ms: 4000 }));
results.push(await run('hierarchy, heaviest (8 layers × 12, speed 32×)', 'hierarchy', '&layers=8&width=12&beta=20&scale=4', { speed: 32, drive: replay(5000, 600) }));
results.push(await run('attention-step, defaults (one step; re-run repeatedly)', 'attention-step', '', { drive: replay(3000, 150) }));
results.push(await run('attention-step, heaviest (K = 10, iterate, β = 0.5)', 'attention-step', '&memories=10&iterate=true&beta=0.5', { drive: replay(4000, 400) }));
await browser.close();
writeFileSync(new URL('./frames-ch4-dynamics.results.json', import.meta.url), JSON.stringify({ date: new Date().toISOString(), results }, null, 2) + '\n');
