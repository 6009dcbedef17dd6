import { describe, expect, it } from 'vitest';
import { CACHED_NOTE, describeRun, summaryRows, type Params, type RunState } from '../../../src/figures/capacity/sim';
import { dashPatterns } from '../../../src/lib/draw/dashes';

const params = { N: 100, corruption: 0.1, trials: 3 } as Params;
const curve = (kind: string) => ({ kind, stoppedEarly: false, points: [{ K: 1, recallRate: 1 }, { K: 100, recallRate: 0 }] });
const done = (extra: Partial<RunState>): RunState => ({ phase: 'done', done: 1, total: 1, curves: ['classical', 'poly3', 'poly4', 'exp'].map(curve) as RunState['curves'], ms: 1234, of: params, ...extra });

describe('capacity: the summary says where a result came from', () => {
  it('a cached result says it is one', () => {
    const run = done({ cached: true });
    expect(describeRun(run, summaryRows(run, 100), 100)).toContain(CACHED_NOTE);
  });
  it('Run again says it computed anew, with the time it took', () => {
    const run = done({ rerun: true });
    const text = describeRun(run, summaryRows(run, 100), 100);
    expect(text).toContain('in 1.2 s, run again rather than read from the cache');
    expect(text).not.toContain(CACHED_NOTE);
  });
  it('before it is seen it says it waits, and which result it still shows', () => {
    const run: RunState = { ...done({}), phase: 'waiting', of: { ...params, N: 60 } };
    expect(describeRun(run, summaryRows(run, 100), 100)).toBe('The experiment at N = 100 starts when the chart has been in view for a moment. Showing the last result, at N = 60.');
    const empty: RunState = { phase: 'waiting', done: 0, total: 1, curves: [] };
    expect(describeRun(empty, summaryRows(empty, 100), 100)).toBe('The experiment at N = 100 starts when the chart has been in view for a moment.');
  });
});

describe('dashPatterns', () => {
  it('gives every series of a chart its own pattern, dashed or not', () => {
    const ds = dashPatterns([{}, { dashed: true }, {}, {}, { dashed: true }, { dashed: true }]);
    expect(new Set(ds.map((d) => d.join(','))).size).toBe(6);
    expect(ds[0]).toEqual([]);
  });
});
