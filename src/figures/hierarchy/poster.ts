import { definePoster, posterCanvas, runSim } from '../../lib/figure/poster';
import { HierarchyRun } from './sim';
import { paintEnergy, paintStack } from './draw';
import { meta } from './meta';

/** The network after 400 updates (t = 40 at τ = 1): the energy has fallen through its first plateau. */
export const poster = definePoster(meta, {
  steps: 400,
  run({ props, seed, steps }) {
    const run = new HierarchyRun();
    runSim(run, props, seed, steps);
    return run;
  },
  draw(ctx, run, { width, palette, props }) {
    const w = Math.max(280, Math.min(width, 760));
    const stackH = Math.max(220, Math.min(420, 60 * props.layers));
    posterCanvas(ctx, 0, 0, w, stackH, (c) => paintStack(c, run, w, stackH, palette));
    posterCanvas(ctx, 0, stackH + 8, w, 190, (c) => paintEnergy(c, run, w, 190, palette));
    return { height: stackH + 8 + 190, alt: run.describe(props) };
  },
});
