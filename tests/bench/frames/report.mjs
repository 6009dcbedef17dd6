/*
 * The frame bench's results: runs combined into one row per figure instance and setting (the median of each
 * metric over the runs), and the markdown table printed at the end.
 */
const median = (xs) => {
  const s = xs.filter((x) => typeof x === 'number').sort((a, b) => a - b);
  return s.length ? s[Math.floor((s.length - 1) / 2)] : null;
};
/** p95 frame interval within one 60 Hz frame (with 1 ms for timer jitter: 16.8 ms is a frame on time), no task over 50 ms. */
export const BUDGET = { p95Ms: 16.7, jitterMs: 1, longestTaskMs: 50 };
const METRICS = ['p50', 'p95', 'fps', 'longestTask', 'longTasks', 'longestLoaf', 'longestLoafBlocking', 'loafLayoutP50', 'workP50', 'workP95', 'frames', 'restarts', 'seconds'];

/** One row per figure instance and setting: the median of each metric over the runs. */
export function combine(runs) {
  const groups = new Map();
  for (const r of runs.flat()) {
    const key = `${r.anchor}|${r.setting}`;
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  return [...groups.values()].map((rs) => {
    const ok = rs.filter((r) => !r.error);
    const row = { figure: rs[0].figure, anchor: rs[0].anchor, setting: rs[0].setting, runs: ok.length };
    if (rs[0].static) row.static = true;
    if (rs[0].alone) row.alone = true;
    if (ok.some((r) => r.heavyAlone)) row.heavyAlone = true;
    for (const m of METRICS) if (ok.some((r) => r[m] !== undefined)) row[m] = median(ok.map((r) => r[m]));
    if (ok.length < rs.length) row.errors = rs.filter((r) => r.error).map((r) => r.error);
    row.budgetOk = ok.length ? row.p95 <= BUDGET.p95Ms + BUDGET.jitterMs && row.longestTask <= BUDGET.longestTaskMs : null;
    return row;
  });
}

export function table(rows, opt) {
  const instances = new Map();
  for (const r of rows) instances.set(r.figure, new Set([...(instances.get(r.figure) ?? []), r.anchor]));
  const name = (r) => `${r.figure}${instances.get(r.figure).size > 1 ? ` (#${r.anchor})` : ''}${r.alone && opt.essay ? ' (alone: not in the essay)' : ''}`;
  const cell = (x) => (x === null || x === undefined ? '–' : String(x));
  const lines = ['| figure | setting | p50 ms | p95 ms | longest task ms | fps | budget ok |', '|---|---|---:|---:|---:|---:|:-:|'];
  for (const r of rows) {
    const setting = `${r.setting}${r.heavyAlone && !r.alone && opt.essay ? ' (alone)' : ''}${r.static ? ' (static, idle)' : ''}${r.seconds ? ` (${r.seconds} s)` : ''}`;
    if (!r.runs) lines.push(`| ${name(r)} | ${setting} | error: ${r.errors[0].replace(/\|/g, '/')} | | | | ✗ |`);
    else lines.push(`| ${name(r)} | ${setting} | ${cell(r.p50)} | ${cell(r.p95)} | ${cell(r.longestTask)} | ${cell(r.fps)} | ${r.budgetOk ? '✓' : '✗'} |`);
  }
  return lines.join('\n');
}
