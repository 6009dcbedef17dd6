/*
 * Main-thread health while the memorization-generalization figure trains a network in its worker.
 * Serves nothing itself: point it at a running preview of a build.
 *
 *   node tests/bench/training-longtasks.mjs http://127.0.0.1:4173/ [K] [width]
 *
 * Opens ?figure=memorization-generalization with a K that has no shipped result, starts training, and until the
 * worker finishes records every long task (> 50 ms, PerformanceObserver 'longtask') and every frame interval
 * (requestAnimationFrame). Prints the training time, the long tasks, and the median / p95 / max frame interval.
 */
import { chromium } from '@playwright/test';

const [base = 'http://127.0.0.1:4173/', K = '3', width = '32'] = process.argv.slice(2);
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
await page.addInitScript(() => {
  window.__long = [];
  window.__frames = [];
  new PerformanceObserver((l) => l.getEntries().forEach((e) => window.__long.push({ at: e.startTime, ms: e.duration }))).observe({ type: 'longtask', buffered: true });
});
await page.goto(`${base}?figure=memorization-generalization&K=${K}&width=${width}`);
const fig = page.locator('[data-figure="memorization-generalization"]');
await fig.getByTestId('fractions').filter({ hasText: 'no result yet' }).waitFor({ timeout: 20000 });
await page.waitForTimeout(1000);
const clickAt = await page.evaluate(() => {
  window.__long.length = 0;
  let last = performance.now();
  const tick = (t) => {
    window.__frames.push(t - last);
    last = t;
    if (!window.__stopFrames) requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
  return performance.now();
});
const t0 = Date.now();
await fig.locator('[data-action="train"]').click();
await fig.getByTestId('fractions').filter({ hasText: 'trained here' }).waitFor({ timeout: 600000 });
const wall = Date.now() - t0;
const { long, frames } = await page.evaluate(() => {
  window.__stopFrames = true;
  return { long: window.__long.slice(), frames: window.__frames.slice(1) };
});
const readout = await fig.getByTestId('fractions').textContent();
frames.sort((a, b) => a - b);
const q = (p) => frames[Math.min(frames.length - 1, Math.floor(p * frames.length))];
console.log(`trained K = ${K} at width ${width} in ${(wall / 1000).toFixed(1)} s (wall clock, including sampling and classification)`);
console.log(readout);
const ms = long.map((l) => l.ms);
console.log(`long tasks (> 50 ms) during training: ${long.length}${long.length ? ` (max ${Math.max(...ms).toFixed(0)} ms; at ${long.map((l) => `${((l.at - clickAt) / 1000).toFixed(1)} s: ${l.ms.toFixed(0)} ms`).join(', ')} after the click)` : ''}`);
console.log(`frame interval over ${frames.length} frames: median ${q(0.5).toFixed(1)} ms, p95 ${q(0.95).toFixed(1)} ms, max ${frames[frames.length - 1].toFixed(1)} ms`);
await browser.close();
