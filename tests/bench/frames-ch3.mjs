/*
 * Frame-time benchmark for chapter 3's animated figures (headless Chromium, the built site).
 * Usage: node tests/bench/frames-ch3.mjs http://127.0.0.1:4204/   (against `vite preview` of a build)
 * Each case opens `?figure=<id>&props…` with window.__frameTimes = {} set before the figures mount, plays
 * (restarting the run whenever it converges) until it has at least MIN_FRAMES frames, and prints the median and
 * the 95th percentile of the per-frame work (step + draw) that useSimulation records.
 */
import { chromium } from '@playwright/test';

const base = process.argv[2] ?? 'http://127.0.0.1:4204/';
const MIN_FRAMES = Number(process.env.MIN_FRAMES ?? 300);
const cases = [
  { id: 'denoising-score-matching', label: 'defaults', q: '' },
  { id: 'denoising-score-matching', label: 'heaviest (batch 5000, bins 30, budget 200000)', q: '&batch=5000&bins=30&total=200000' },
  { id: 'annealed-langevin', label: 'defaults', q: '' },
  { id: 'annealed-langevin', label: 'heaviest (20000 particles/panel, L 20, T 200)', q: '&particles=20000&levels=20&stepsPerLevel=200' },
  { id: 'sde-vs-ode', label: 'defaults', q: '' },
  { id: 'sde-vs-ode', label: 'heaviest (5000 particles, 40 paths, N 400)', q: '&particles=5000&paths=40&steps=400' },
];

const quantile = (xs, q) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))];
};

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--no-first-run'] });
const results = [];
for (const c of cases) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 1100 } });
  await page.addInitScript(() => {
    window.__frameTimes = {};
  });
  await page.goto(`${base}?figure=${c.id}${c.q}`);
  const fig = page.locator(`[data-figure="${c.id}"]`);
  await fig.getByTestId('figure-status').waitFor();
  const t0 = Date.now();
  while (Date.now() - t0 < 60_000) {
    const n = await page.evaluate((id) => (window.__frameTimes[id] ?? []).length, c.id);
    if (n >= MIN_FRAMES) break;
    const label = await fig.locator('[data-action="play"]').textContent();
    if (label?.startsWith('Play')) {
      // Converged (or paused): start the run again.
      await fig.locator('[data-action="reset"]').click();
      if ((await fig.locator('[data-action="play"]').textContent())?.startsWith('Play')) await fig.locator('[data-action="play"]').click();
    }
    await page.waitForTimeout(250);
  }
  const times = await page.evaluate((id) => window.__frameTimes[id] ?? [], c.id);
  const r = { figure: c.id, settings: c.label, frames: times.length, median: quantile(times, 0.5), p95: quantile(times, 0.95) };
  results.push(r);
  console.log(`${r.figure.padEnd(26)} ${r.settings.padEnd(48)} frames ${String(r.frames).padStart(4)}  median ${r.median.toFixed(2)} ms  p95 ${r.p95.toFixed(2)} ms`);
  await page.close();
}
await browser.close();
console.log(JSON.stringify(results));
