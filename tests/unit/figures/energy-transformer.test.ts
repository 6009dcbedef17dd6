import { describe, expect, it } from 'vitest';
import { Block, D, RADIUS, planeCoords } from '../../../src/figures/energy-transformer/sim';
import { meta } from '../../../src/figures/energy-transformer/meta';
import { Run } from '../../../src/lib/figure/run';
import { defaultProps, type FigureSim } from '../../../src/lib/figure/spec';

describe('energy-transformer: a dragged token is an edit', () => {
  const start = (block: Block) => {
    const run = new Run(meta, () => block as unknown as FigureSim<typeof meta.props>);
    run.restart(defaultProps(meta), 1);
    return run;
  };

  it('takes every angle the pointer gives (atan2: −π to π) and puts the token there, the trace restarting', () => {
    const block = new Block();
    const run = start(block);
    for (let t = 0; t < 7; t++) run.step();
    for (const angle of [-Math.PI, -1, 0, 2.5, Math.PI]) {
      run.edit({ kind: 'move', args: [2, angle] });
      const [u, w] = planeCoords(block.g, 2 * D);
      // On the circle at the angle as the link writes it (3 decimals).
      const rounded = Math.round(angle * 1000) / 1000;
      expect(u).toBeCloseTo(RADIUS * Math.cos(rounded), 4);
      expect(w).toBeCloseTo(RADIUS * Math.sin(rounded), 4);
      expect(block.steps).toBe(0);
      expect(block.history).toHaveLength(1);
    }
    // A drag's moves within one frame leave only where it ended.
    expect(run.history).toEqual([{ step: 7, values: {}, edit: { kind: 'move', args: [2, 3.142] } }]);
  });

  it('ignores a token past the current count', () => {
    const block = new Block();
    const run = start(block);
    const x = Array.from(block.x);
    run.edit({ kind: 'move', args: [meta.props.tokens.default, 1] });
    expect(Array.from(block.x)).toEqual(x);
  });
});
