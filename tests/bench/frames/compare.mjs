#!/usr/bin/env node
/*
 * Before/after table from frame-bench reports run in turn on one machine (issue 14 asks for both from the same
 * session): `node tests/bench/frames/compare.mjs --before a.json,b.json,c.json --after d.json,e.json,f.json`.
 * Each report's raw runs are pooled per side and combined (median of each metric); rows are matched by figure,
 * instance and the kind of setting ("default", "heaviest", or the interaction's own words).
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { combine } from './report.mjs';

const { values: opt } = parseArgs({ options: { before: { type: 'string' }, after: { type: 'string' } } });
const load = (list) => {
  const reports = list.split(',').map((f) => JSON.parse(readFileSync(f, 'utf8')));
  return { rows: combine(reports.flatMap((r) => r.raw)), loads: reports.map((r) => `${r.started.loadavg[0]}→${r.ended.loadavg[0]}`) };
};
const before = load(opt.before);
const after = load(opt.after);
const kind = (r) => (r.setting.startsWith('heaviest') ? 'heaviest' : r.setting.startsWith('interaction') ? r.setting.replace(/\(N = \d+\)|K = \d+ at width \d+/g, '') : r.setting);
const key = (r) => `${r.anchor}|${kind(r)}`;
const old = new Map(before.rows.map((r) => [key(r), r]));
const cell = (r) => (!r ? '–' : !r.runs ? 'error' : `${r.p50} / ${r.p95} / ${r.longestTask}${r.budgetOk ? ' ✓' : ' ✗'}`);
const lines = ['| figure | setting (after) | before: p50 / p95 / longest task (ms) | after: p50 / p95 / longest task (ms) |', '|---|---|---|---|'];
for (const r of after.rows) lines.push(`| ${r.figure}${r.anchor !== `fig-${r.figure}` ? ` (#${r.anchor})` : ''} | ${r.setting.replace(/\|/g, '/')} | ${cell(old.get(key(r)))} | ${cell(r)} |`);
const ok = (rows) => rows.filter((r) => r.budgetOk).length;
console.log(lines.join('\n'));
console.log(`\nWithin budget: before ${ok(before.rows)} of ${before.rows.length} rows, after ${ok(after.rows)} of ${after.rows.length}. Load average (1 min) at start→end of each run: before ${before.loads.join(', ')}; after ${after.loads.join(', ')}.`);
