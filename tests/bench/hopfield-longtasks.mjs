/*
 * Main-thread health of the chapter-4 Hopfield figures, and the capacity experiment's time in the browser.
 * Point it at a running preview of a build:
 *
 *   node tests/bench/hopfield-longtasks.mjs http://127.0.0.1:4205/
 *
 * 1. capacity (N = 100, all four memories, default settings): clears the result cache, runs the experiment three
 *    times with different seeds, and reports the worker's time per run and every long task (> 50 ms,
 *    PerformanceObserver 'longtask') on the main thread meanwhile.
 * 2. hopfield-images at 64×64 with 50 stored patterns (20 pictures + 30 random), one sweep per frame at speed 1,
 *    until recall settles: frame times from window.__frameTimes (the work inside each frame) and long tasks.
 * 3. separation-functions while a memory is dragged round the circle for two seconds: long tasks.
 * 0. For scale, the same page-load measurement for the reference figure (energy-landscape): on a loaded machine the
 *    app shell's own load already makes long tasks, and only what a figure adds on top of that is its doing.
 *
 * Every measurement is repeated REPEAT times (default 3, env REPEAT) and summarised as median / max, so that
 * two builds can be compared in the same run: `node tests/bench/hopfield-longtasks.mjs URL_BEFORE` then URL_AFTER.
 */
import { chromium } from '@playwright/test';

const [base = 'http://127.0.0.1:4205/'] = process.argv.slice(2);
const REPEAT = Number(process.env.REPEAT || 3);
const med = (xs) => (xs.length ? [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] : 0);
const longest = (xs) => (xs.length ? Math.max(...xs) : 0);
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
const stats = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const q = (p) => s[Math.min(s.length - 1, Math.floor(p * s.length))];
  return s.length ? `median ${q(0.5).toFixed(2)} ms, p95 ${q(0.95).toFixed(2)} ms, max ${s[s.length - 1].toFixed(1)} ms (${s.length} samples)` : 'no samples';
};
async function newPage() {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.addInitScript(() => {
    window.__long = [];
    window.__frameTimes = {};
    new PerformanceObserver((l) => l.getEntries().forEach((e) => window.__long.push(e.duration))).observe({ type: 'longtask', buffered: true });
  });
  return page;
}

// 0. baseline: the reference figure's page load
{
  const worst = [];
  for (let r = 0; r < REPEAT; r++) {
    const page = await newPage();
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await page.goto(`${base}?figure=energy-landscape`);
    await page.locator('[data-figure="energy-landscape"]').waitFor();
    await page.waitForTimeout(1500);
    worst.push(longest(await page.evaluate(() => window.__long.slice())));
    await page.close();
  }
  console.log(`baseline energy-landscape page load: longest task per load ${worst.map((x) => x.toFixed(0)).join(', ')} ms (median ${med(worst).toFixed(0)} ms)`);
}

// 1. capacity
{
  const page = await newPage();
  const times = [];
  const longs = [];
  const worstRun = [];
  const worstStart = [];
  for (const seed of [11, 12, 13].slice(0, Math.max(1, REPEAT))) {
    await page.goto(`${base}?figure=capacity&seed=${seed}`);
    await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('mips-capacity:')).forEach((k) => localStorage.removeItem(k)));
    await page.reload();
    const fig = page.locator('[data-figure="capacity"]');
    // Count from the moment the experiment is running (the page load and first mount are not the experiment).
    await page.evaluate(() => (window.__long.length = 0));
    await fig.getByTestId('progress-text').filter({ hasText: '/' }).waitFor({ timeout: 30000 });
    const startLong = await page.evaluate(() => window.__long.splice(0));
    worstStart.push(longest(startLong));
    await fig.getByTestId('progress-text').filter({ hasText: / s$/ }).waitFor({ timeout: 120000 });
    times.push(Number((await fig.getByTestId('progress-text').innerText()).replace(' s', '')) * 1000);
    await page.waitForTimeout(1000); // the final render (table, KaTeX) and any long task it makes are reported late
    const runLong = await page.evaluate(() => window.__long.slice());
    longs.push(...runLong);
    worstRun.push(longest(runLong));
    if (seed === 11) console.log('capacity table:', (await fig.getByTestId('capacity-table').innerText()).replace(/\s+/g, ' '));
  }
  console.log(`capacity experiment at N = 100, all four memories (worker time): ${times.map((t) => (t / 1000).toFixed(2) + ' s').join(', ')}`);
  console.log(`  median ${(med(times) / 1000).toFixed(2)} s; long tasks on the main thread while running: ${longs.length}${longs.length ? ` (max ${Math.max(...longs).toFixed(0)} ms)` : ''}; longest task per run ${worstRun.map((x) => x.toFixed(0)).join(', ')} ms; between reload and the first progress (page load + start) ${worstStart.map((x) => x.toFixed(0)).join(', ')} ms`);
  await page.close();
}

// 2. hopfield-images
const imgLoad = [];
const imgRecall = [];
for (const memory of ['classical', 'exp', 'poly', 'rectified'].flatMap((m) => Array(Math.max(1, REPEAT - 1)).fill(m))) {
  const page = await newPage();
  // Reduced motion: the figure waits for Play, so page load and the first build are measured apart from recall.
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.goto(`${base}?figure=hopfield-images&size=64&images=20&extra=30&mode=sweep&memory=${memory}&n=3&noise=0.2`);
  const fig = page.locator('[data-figure="hopfield-images"]');
  await fig.getByTestId('figure-status').filter({ hasText: '0 flips so far' }).waitFor({ timeout: 60000 });
  await page.waitForTimeout(500);
  const loadLong = await page.evaluate(() => window.__long.splice(0));
  await fig.getByRole('button', { name: /^Play/ }).click();
  await fig.getByTestId('figure-status').filter({ hasText: 'Settled' }).waitFor({ timeout: 120000 });
  const { frames, long } = await page.evaluate(() => ({ frames: window.__frameTimes['hopfield-images'] ?? [], long: window.__long.slice() }));
  console.log(`hopfield-images 64×64, K = 50, ${memory}, one sweep per frame: frame work ${stats(frames)}; long tasks during recall ${long.length}${long.length ? ` (max ${Math.max(...long).toFixed(0)} ms)` : ''}; during page load and first build ${loadLong.length}${loadLong.length ? ` (max ${Math.max(...loadLong).toFixed(0)} ms)` : ''}`);
  console.log('  ' + (await fig.getByTestId('figure-status').innerText()));
  imgLoad.push(longest(loadLong));
  imgRecall.push(longest(long));
  await page.close();
}
console.log(`hopfield-images summary: longest task during load + first build median ${med(imgLoad).toFixed(0)} ms (max ${longest(imgLoad).toFixed(0)}); during recall median ${med(imgRecall).toFixed(0)} ms (max ${longest(imgRecall).toFixed(0)})`);

// 3. separation-functions
{
  const page = await newPage();
  await page.goto(`${base}?figure=separation-functions`);
  const fig = page.locator('[data-figure="separation-functions"]');
  await fig.getByTestId('kept-exp').filter({ hasText: 'kept' }).waitFor();
  await page.waitForTimeout(500);
  await page.evaluate(() => (window.__long.length = 0));
  const deg = Number((await fig.locator('.fig-separation-functions-move output').innerText()).replace('°', ''));
  const box = await fig.locator('[data-panel="exp"] canvas').boundingBox();
  const r = box.width / 2 - 10;
  const cx = box.x + box.width / 2;
  const cy = box.y + box.height / 2;
  const a0 = (deg * Math.PI) / 180;
  await page.mouse.move(cx + r * Math.cos(a0), cy - r * Math.sin(a0));
  await page.mouse.down();
  const t0 = Date.now();
  let k = 0;
  while (Date.now() - t0 < 2000) {
    const a = a0 + 0.02 * ++k;
    await page.mouse.move(cx + r * Math.cos(a), cy - r * Math.sin(a));
    await page.waitForTimeout(16);
  }
  await page.mouse.up();
  await page.waitForTimeout(800);
  const long = await page.evaluate(() => window.__long.slice());
  console.log(`separation-functions, 2 s of dragging: long tasks ${long.length}${long.length ? ` (${long.map((x) => x.toFixed(0)).join(', ')} ms)` : ''}`);
  await page.close();
}
await browser.close();
