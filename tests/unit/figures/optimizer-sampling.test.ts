import { describe, expect, it } from 'vitest';
import { Race } from '../../../src/figures/optimizer-sampling/sim';
import { meta } from '../../../src/figures/optimizer-sampling/meta';
import { Run } from '../../../src/lib/figure/run';
import { defaultProps, type FigureSim } from '../../../src/lib/figure/spec';

describe('optimizer-sampling: a dragged start is an edit', () => {
  const start = (race: Race) => {
    const run = new Run(meta, () => race as unknown as FigureSim<typeof meta.props>);
    run.restart(defaultProps(meta), 1);
    return run;
  };

  it('moves the start, rounded as a link writes it, and every method races again from there', () => {
    const race = new Race();
    const run = start(race);
    for (let t = 0; t < 5; t++) run.step();
    run.edit({ kind: 'move', args: [1, 0.12345, -2.5] });
    expect(run.history).toEqual([{ step: 5, values: {}, edit: { kind: 'move', args: [1, 0.123, -2.5] } }]);
    expect(Array.from(race.starts.subarray(2, 4))).toEqual([0.123, -2.5]);
    for (const r of race.runs.filter((r) => r.start === 1)) expect([r.steps, ...r.x]).toEqual([0, 0.123, -2.5]);
    expect(race.runs.every((r) => r.steps === 0 && !r.done)).toBe(true);
  });

  it('ignores a start past the current count, and a reset is the seed’s starts again', () => {
    const race = new Race();
    const run = start(race);
    const seeded = Array.from(race.starts);
    run.edit({ kind: 'move', args: [meta.props.starts.default, 1, 1] });
    expect(Array.from(race.starts)).toEqual(seeded);
    run.edit({ kind: 'move', args: [0, 3, -3] });
    expect(Array.from(race.starts)).not.toEqual(seeded);
    run.restart(run.params, run.seed);
    expect(Array.from(race.starts)).toEqual(seeded);
    expect(run.history).toEqual([]);
  });
});
