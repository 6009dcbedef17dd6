#!/usr/bin/env node
/*
 * The essay's budgets, measured on a production build (issue 3):
 *
 *   1. JavaScript for the shell and the first chapter, before any figure chunk: ≤ 150 KB gzip.
 *      = the entry chunk named by dist/index.html plus every chunk it imports statically (dynamic imports,
 *        i.e. figures and the other chapters, are not counted).
 *   2. `npm run check` (the content check of the whole essay): under 2 s. Median wall and CPU time of 5 runs.
 *   3. Lighthouse (default mobile profile) on the built page with Debian's Chromium: performance ≥ 95,
 *      accessibility 100, best practices 100.
 *
 * Usage: node tests/bench/budgets.mjs [--dist dist] [--port 4202] [--skip-lighthouse] [--skip-check]
 * Build first (npm run build, or npx vite build --outDir /tmp/dist-x and pass --dist). Writes
 * reports/budgets.json and exits 1 if a budget is missed.
 */
import { readFileSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, dirname, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { spawn, spawnSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';

const args = process.argv.slice(2);
const opt = (name, def) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : def;
};
const dist = resolve(opt('dist', 'dist'));
const port = Number(opt('port', process.env.E2E_PORT ?? 4202));
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const results = { date: new Date().toISOString(), dist, budgets: {} };
let failed = false;
const kb = (n) => Math.round((n / 1024) * 10) / 10;

// ---------- 1. JavaScript before any figure chunk ----------
{
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  // The entry module is requested by index.html's loader (src/scripts/cspPlugin.ts): ["script","./assets/…js"].
  const entry = /\["script","\.?\/?([^"]+)"\]/.exec(html)?.[1];
  if (!entry) throw new Error('no module script in index.html');
  const seen = new Map();
  const visit = (rel) => {
    if (seen.has(rel)) return;
    const code = readFileSync(join(dist, rel));
    seen.set(rel, { raw: code.length, gzip: gzipSync(code, { level: 9 }).length });
    const text = code.toString('utf8');
    // Static imports only: `import … from "./x.js"` and bare `import "./x.js"` (not `import("./x.js")`).
    for (const m of text.matchAll(/(?:^|[;\s}])import\s*(?:[\w$*{},\s]+from\s*)?["'](\.{1,2}\/[^"']+\.js)["']/g)) {
      visit(join(dirname(rel), m[1]));
    }
  };
  visit(entry);
  const gzip = [...seen.values()].reduce((a, b) => a + b.gzip, 0);
  const raw = [...seen.values()].reduce((a, b) => a + b.raw, 0);
  // Stylesheet files, and any <style> element in the page.
  const css = [...html.matchAll(/<link rel="stylesheet"[^>]*href="\.?\/?([^"]+)"/g)].map((m) => readFileSync(join(dist, m[1]))).concat([...html.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((m) => Buffer.from(m[1])));
  const ok = gzip <= 150 * 1024;
  failed ||= !ok;
  results.budgets.html = { rawKB: kb(Buffer.byteLength(html)), gzipKB: kb(gzipSync(html, { level: 9 }).length) };
  console.log(`  index.html: ${results.budgets.html.gzipKB} KB gzip (${results.budgets.html.rawKB} KB raw), the whole text of the essay.`);
  results.budgets.initialJs = { ok, gzipKB: kb(gzip), rawKB: kb(raw), limitKB: 150, chunks: Object.fromEntries([...seen].map(([k, v]) => [k, kb(v.gzip)])), cssGzipKB: kb(css.reduce((a, c) => a + gzipSync(c, { level: 9 }).length, 0)) };
  console.log(`${ok ? '✓' : '✗'} JS for shell + first chapter: ${kb(gzip)} KB gzip (${kb(raw)} KB raw, ${seen.size} chunk${seen.size === 1 ? '' : 's'}); budget 150 KB. CSS: ${results.budgets.initialJs.cssGzipKB} KB gzip.`);
}

// ---------- 2. npm run check ----------
if (!args.includes('--skip-check')) {
  const runs = [];
  for (let i = 0; i < 5; i++) {
    const t0 = performance.now();
    const r = spawnSync('sh', ['-c', 'command -v /usr/bin/time >/dev/null && /usr/bin/time -f "%U %S" npm run --silent check || npm run --silent check'], { encoding: 'utf8' });
    const wall = performance.now() - t0;
    const cpu = /(\d+\.\d+) (\d+\.\d+)\s*$/.exec(r.stderr.trim());
    runs.push({ wall, cpu: cpu ? (Number(cpu[1]) + Number(cpu[2])) * 1000 : NaN, status: r.status });
  }
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const wall = median(runs.map((r) => r.wall));
  const cpu = median(runs.map((r) => r.cpu));
  const load = readFileSync('/proc/loadavg', 'utf8').split(' ')[0];
  const ok = wall < 2000;
  failed ||= !ok;
  results.budgets.check = { ok, medianWallMs: Math.round(wall), medianCpuMs: Math.round(cpu), runs: runs.map((r) => Math.round(r.wall)), loadAverage: Number(load), exitCodes: runs.map((r) => r.status) };
  console.log(`${ok ? '✓' : '✗'} npm run check: median ${Math.round(wall)} ms wall, ${Math.round(cpu)} ms CPU (5 runs; load average ${load}); budget 2000 ms.`);
}

// ---------- 3. Lighthouse ----------
if (!args.includes('--skip-lighthouse')) {
  const server = spawn('npx', ['vite', 'preview', '--outDir', dist, '--port', String(port), '--strictPort'], { stdio: 'ignore', detached: true });
  const stop = () => {
    try {
      process.kill(-server.pid);
    } catch {
      /* already gone */
    }
  };
  try {
    const url = `http://127.0.0.1:${port}/`;
    for (let i = 0; i < 60; i++) {
      try {
        if ((await fetch(url)).ok) break;
      } catch {
        /* not up yet */
      }
      await new Promise((r) => setTimeout(r, 500));
    }
    const { default: lighthouse } = await import('lighthouse');
    const chromeLauncher = await import('chrome-launcher');
    const chrome = await chromeLauncher.launch({ chromePath: chromium, chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
    try {
      const scores = {};
      const runs = Number(opt('lighthouse-runs', 3));
      const all = [];
      for (let i = 0; i < runs; i++) {
        const r = await lighthouse(url, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['performance', 'accessibility', 'best-practices'] });
        const c = r.lhr.categories;
        all.push({ performance: c.performance.score * 100, accessibility: c.accessibility.score * 100, bestPractices: c['best-practices'].score * 100, lcpMs: Math.round(r.lhr.audits['largest-contentful-paint'].numericValue), tbtMs: Math.round(r.lhr.audits['total-blocking-time'].numericValue), fcpMs: Math.round(r.lhr.audits['first-contentful-paint'].numericValue), cls: r.lhr.audits['cumulative-layout-shift'].numericValue, failing: Object.values(r.lhr.audits).filter((a) => a.score !== null && a.score < 1 && (a.scoreDisplayMode === 'binary' || a.scoreDisplayMode === 'numeric')).map((a) => a.id).slice(0, 20) });
      }
      const med = (k) => [...all.map((a) => a[k])].sort((a, b) => a - b)[Math.floor(all.length / 2)];
      for (const k of ['performance', 'accessibility', 'bestPractices', 'lcpMs', 'tbtMs', 'fcpMs', 'cls']) scores[k] = med(k);
      const ok = scores.performance >= 95 && scores.accessibility === 100 && scores.bestPractices === 100;
      failed ||= !ok;
      results.budgets.lighthouse = { ok, median: scores, runs: all, lighthouseVersion: (await import('lighthouse/package.json', { with: { type: 'json' } })).default.version, chromium };
      console.log(`${ok ? '✓' : '✗'} Lighthouse (mobile, median of ${runs}): performance ${scores.performance}, accessibility ${scores.accessibility}, best practices ${scores.bestPractices} (LCP ${scores.lcpMs} ms, TBT ${scores.tbtMs} ms, CLS ${scores.cls.toFixed(3)}); budget 95 / 100 / 100.`);
      if (!ok) console.log(`  audits below full marks: ${all[0].failing.join(', ')}`);
    } finally {
      await chrome.kill();
    }
  } catch (e) {
    failed = true;
    results.budgets.lighthouse = { ok: false, error: String(e && e.message ? e.message : e).split('\n')[0] };
    console.log(`✗ Lighthouse could not run: ${results.budgets.lighthouse.error}`);
  } finally {
    stop();
  }
}

mkdirSync('reports', { recursive: true });
writeFileSync('reports/budgets.json', JSON.stringify(results, null, 2));
console.log(`wrote reports/budgets.json${existsSync('reports') ? '' : ''}`);
process.exitCode = failed ? 1 : 0;
