#!/usr/bin/env node
/*
 * Frame bench for every figure (issue 14): each figure at its default setting and at its heaviest declared
 * setting, playing in view for a fixed window (3 s), in Debian's Chromium. Reports the p50 / p95 interval
 * between animation frames, the frame rate, and the longest task ('longtask' observer; the longest
 * 'long-animation-frame' is in the JSON too). Budget: p95 ≤ 16.7 ms (+1 ms timer jitter) and longest task ≤ 50 ms.
 *
 * Builds nothing: run `npm run build` (or `npx vite build`) first. Then
 *
 *   npm run bench:frames -- [--single | --heavy-alone] [--runs 3] [--only id,id] [--settings default,heaviest,interaction]
 *                           [--seconds 3] [--out reports/frames.json] [--dist dist | --base http://host:port/]
 *
 *   (default)  essay mode, as a reader meets the figures: the essay is loaded and scrolled through (every
 *              chapter loaded, every figure mounted once); then each figure in turn is scrolled into view,
 *              kept playing and measured. "default" = as the essay embeds it. The heaviest setting is opened
 *              as a deep link into the essay (`?fig=<anchor>&prop=value#<anchor>`, one page per figure, also
 *              scrolled through), and checked through the figure's own "Copy link" before measuring.
 *   --heavy-alone  the heaviest setting on the figure alone (`?figure=<id>&prop=value`), not a deep link into
 *              the scrolled-through essay: much quicker (no essay load per figure); "default" rows stay in the essay.
 *   --single   each figure alone (`?figure=<id>&prop=value`): quicker, and "default" = the declaration's.
 *              (In essay mode, a declared figure the essay does not embed is measured this way too.)
 *   --runs N   repeat N times (default 3); the table gives the median of each metric. --runs 1 for a quick look.
 *
 * Figures and their settings come from the declarations (frames/settings.mjs: the heaviest rule and its
 * override table). Interaction rows (frames/interactions.mjs) measure the same metrics while a figure works in
 * a Web Worker at the reader's request (training, the capacity experiment); frames/pageInteractions.mjs adds a
 * heavy link's replay, a drag and an oversized upload, each on a page of its own. Starts `vite preview` of --dist on
 * a free port unless --base is given. Writes reports/frames.json (with os.loadavg() at start and end).
 */
import { chromium } from '@playwright/test';
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync, existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { cpus, loadavg } from 'node:os';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { checkOverrides, describeValues, heaviestValues, linkHolds, loadMetas, urlState } from './frames/settings.mjs';
import { measureFigure, newContext, newPage, openEssay, openSingle, waitForState } from './frames/drive.mjs';
import { runInteractions } from './frames/interactions.mjs';
import { runPageInteractions } from './frames/pageInteractions.mjs';
import { BUDGET, combine, table } from './frames/report.mjs';

const { values: opt } = parseArgs({
  options: {
    single: { type: 'boolean', default: false },
    'heavy-alone': { type: 'boolean', default: false },
    runs: { type: 'string', default: '3' },
    only: { type: 'string' },
    settings: { type: 'string', default: 'default,heaviest,interaction' },
    seconds: { type: 'string', default: '3' },
    dist: { type: 'string', default: 'dist' },
    base: { type: 'string' },
    out: { type: 'string', default: 'reports/frames.json' },
  },
});
const RUNS = Math.max(1, Number(opt.runs));
const SECONDS = Number(opt.seconds);
const SETTINGS = opt.settings.split(',');
const ONLY = opt.only?.split(',');
const CHROMIUM_FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

const metas = await loadMetas(process.cwd());
checkOverrides(metas);
const wanted = (id) => !ONLY || ONLY.includes(id);

/** `vite preview` of the build on a free port; resolves once it answers. */
async function startPreview(dist) {
  if (!existsSync(resolve(dist, 'index.html'))) throw new Error(`no build in ${dist}: run \`npm run build\` first`);
  const port = await new Promise((res) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port: free } = s.address();
      s.close(() => res(free));
    });
  });
  const child = spawn('npx', ['vite', 'preview', '--outDir', dist, '--port', String(port), '--strictPort'], { stdio: 'ignore', detached: true });
  const url = `http://127.0.0.1:${port}/`;
  for (let i = 0; ; i++) {
    try {
      if ((await fetch(url)).ok) break;
    } catch {
      if (i > 240) throw new Error('vite preview did not start');
      await new Promise((r) => setTimeout(r, 250));
    }
  }
  return { url, stop: () => process.kill(-child.pid) };
}

/** One figure on a fresh page at its heaviest setting, by deep link (essay) or the single-figure route. */
async function measureHeaviest(context, base, f) {
  const meta = metas[f.id];
  const values = heaviestValues(meta);
  const snap = { params: values, seed: 1, steps: 0, speed: 1 };
  const page = await newPage(context);
  try {
    const alone = f.alone || opt['heavy-alone'];
    const at = alone ? { anchor: `fig-${f.id}`, id: f.id } : f;
    if (alone) await openSingle(page, urlState.singleFigureLink(base, meta, snap), f.id);
    else await openEssay(page, urlState.essayFigureLink(base, f.anchor, meta, snap), f.anchor);
    await waitForState(page, at.anchor, (link) => linkHolds(meta, link, values, ['fig', 'figure']));
    return { ...(await measureFigure(page, at, SECONDS)), heavyAlone: alone };
  } finally {
    await page.close();
  }
}

/** Runs `fn`, turning a failure into an error row (one broken figure does not stop the bench). */
async function attempt(row, fn) {
  try {
    return { ...row, ...(await fn()) };
  } catch (e) {
    console.warn(`  ${row.figure} ${row.setting}: ${String(e.message).split('\n')[0]}`);
    return { ...row, error: String(e.message).split('\n')[0] };
  }
}

async function oneRun(context, base) {
  const rows = [];
  runs.push(rows);
  const log = (r) => {
    rows.push(r);
    save(false);
    console.log(`  ${r.figure} · ${r.setting}: ${r.error ? `error: ${r.error}` : `p50 ${r.p50} ms, p95 ${r.p95} ms, longest task ${r.longestTask} ms, ${r.fps} fps`}`);
  };
  const defaults = async (page, figures) => {
    if (SETTINGS.includes('default')) for (const f of figures) log(await attempt({ ...f, figure: f.id, setting: 'default' }, () => measureFigure(page, f, SECONDS)));
    if (SETTINGS.includes('interaction')) for (const r of await runInteractions(page, figures)) log(r);
  };
  /** Figures alone, one page each (--single, and in essay mode any declared figure the essay does not embed). */
  const alone = async (ids) => {
    const list = ids.map((id) => ({ anchor: `fig-${id}`, id, alone: true }));
    for (const f of list) {
      const page = await newPage(context);
      const opened = await attempt({ ...f, figure: f.id, setting: 'default' }, () => openSingle(page, `${base}?figure=${f.id}`, f.id));
      if (opened.error) log(opened);
      else await defaults(page, [f]);
      await page.close();
    }
    return list;
  };
  let figures;
  if (opt.single) figures = await alone(Object.keys(metas).filter(wanted).sort());
  else {
    const page = await newPage(context);
    const t0 = Date.now();
    figures = (await openEssay(page, base)).filter((f) => wanted(f.id));
    console.log(`  essay loaded and scrolled through in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
    await defaults(page, figures);
    await page.close();
    const missing = Object.keys(metas).filter((id) => wanted(id) && !figures.some((f) => f.id === id));
    if (missing.length) console.log(`  not in the essay, so measured alone (?figure=<id>): ${missing.join(', ')}`);
    figures.push(...(await alone(missing)));
  }
  if (SETTINGS.includes('interaction')) for (const r of await runPageInteractions(() => newPage(context), base, metas, wanted)) log(r);
  if (SETTINGS.includes('heaviest')) {
    const done = new Set();
    for (const f of figures) {
      const changed = describeValues(metas[f.id], heaviestValues(metas[f.id]));
      // Alone, a figure embedded twice in the essay is the same page twice: measure it once.
      if (!changed || (opt['heavy-alone'] && done.has(f.id))) continue;
      done.add(f.id);
      log(await attempt({ ...f, figure: f.id, setting: `heaviest: ${changed}` }, () => measureHeaviest(context, base, f)));
    }
  }
}

const load = () => loadavg().map((x) => +x.toFixed(2));
const started = { at: new Date().toISOString(), loadavg: load() };
const runs = [];
/** Writes the report; after every row too (`complete: false`), so an interrupted bench keeps what it measured. */
function save(complete) {
  const ended = { at: new Date().toISOString(), loadavg: load() };
  const report = { mode: opt.single ? 'single' : 'essay', seconds: SECONDS, runs: RUNS, complete, cpus: cpus().length, chromium: chromiumVersion, started, ended, budget: BUDGET, rows: combine(runs), raw: runs };
  mkdirSync(dirname(opt.out), { recursive: true });
  writeFileSync(opt.out, JSON.stringify(report, null, 2) + '\n');
  return report;
}

const server = opt.base ? null : await startPreview(opt.dist);
const base = opt.base ?? server.url;
process.on('SIGINT', () => {
  server?.stop();
  process.exit(130);
});
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_FLAGS });
const chromiumVersion = browser.version();
try {
  for (let i = 0; i < RUNS; i++) {
    console.log(`run ${i + 1} of ${RUNS} (${opt.single ? 'single' : 'essay'} mode, load average ${load().join(' ')})`);
    const context = await newContext(browser);
    await oneRun(context, base);
    await context.close();
  }
} finally {
  await browser.close();
  server?.stop();
}
const report = save(true);
console.log(`\n${table(report.rows, { essay: !opt.single })}\n`);
console.log(`${report.mode} mode, median of ${RUNS} run${RUNS > 1 ? 's' : ''}, ${SECONDS} s each; load average ${started.loadavg.join(' ')} at start, ${report.ended.loadavg.join(' ')} at end (${cpus().length} cores). Wrote ${opt.out}.`);
