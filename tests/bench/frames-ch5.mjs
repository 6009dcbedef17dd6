/*
 * Frame-time benchmark for chapter 5's figures. Serve a build first (`npx vite preview --port 4207`), then:
 *   node tests/bench/frames-ch5.mjs [baseURL]
 * For each figure, at its defaults and at its heaviest settings, it opens the single-figure route with
 * `window.__frameTimes = {}` set before the figures mount, lets the animation run, and prints the median and p95
 * of the per-frame work (simulation steps + painting, as recorded by useSimulation).
 */
import { chromium } from '@playwright/test';

const base = process.argv[2] ?? 'http://127.0.0.1:4207/';
const CASES = [
  ['side-by-side', 'defaults', ''],
  ['side-by-side', 'heaviest: 5000 particles, N = 200, keep stepping after T', '&particles=5000&updates=200&afterT=hold'],
  ['fixed-points', 'defaults', ''],
  ['fixed-points', 'heaviest: 3000 particles, K = 12, no halt', '&particles=3000&memories=12&halt=false'],
  ['any-corruption', 'defaults', ''],
  ['any-corruption', 'heaviest: K = 20, α = 0.05', '&memories=20&alpha=0.05'],
  ['conservative-field', 'defaults', ''],
  ['conservative-field', 'heaviest: K = 6, wide loop, 40 pieces/step', '&memories=6&pieces=40&loop=wide'],
];

const quantile = (xs, q) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * (s.length - 1)))];
};

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
for (const [id, label, attrs] of CASES) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
  await page.addInitScript(() => {
    window.__frameTimes = {};
    // Also the interval between animation frames, which includes rasterising and compositing the canvases.
    window.__intervals = [];
    let last = 0;
    const tick = (now) => {
      if (last) window.__intervals.push(now - last);
      last = now;
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  await page.goto(`${base}?figure=${id}${attrs}`);
  await page.waitForTimeout(6000);
  const t = await page.evaluate((fid) => window.__frameTimes?.[fid] ?? [], id);
  const n = t.length;
  // The first frames include lazy compilation; drop them. Intervals: only while the figure was animating.
  const xs = t.slice(5);
  const iv = (await page.evaluate(() => window.__intervals)).slice(20, 20 + Math.max(0, n - 5));
  const line = xs.length
    ? `work median ${quantile(xs, 0.5).toFixed(2)} ms, p95 ${quantile(xs, 0.95).toFixed(2)} ms; frame interval median ${quantile(iv, 0.5).toFixed(1)} ms, p95 ${quantile(iv, 0.95).toFixed(1)} ms (${xs.length} frames)`
    : 'no animation frames (settled at once)';
  console.log(`${id.padEnd(19)} ${label.padEnd(58)} ${line}`);
  await page.close();
}
await browser.close();
