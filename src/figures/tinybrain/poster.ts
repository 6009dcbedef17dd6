import { definePoster, posterCanvas, runSim } from '../../lib/figure/poster';
import { TinyBrainRun } from './sim';
import { paintEnergy, paintNetwork } from './draw';
import { meta } from './meta';

/** The network run until it settles (at most 600 updates): the hidden units have chosen and the energy is flat. */
export const poster = definePoster(meta, {
  steps: 600,
  run({ props, seed, steps }) {
    const run = new TinyBrainRun();
    runSim(run, props, seed, steps);
    return run;
  },
  draw(ctx, run, { width, palette, props }) {
    const w = Math.max(280, Math.min(width, 760));
    posterCanvas(ctx, 0, 0, w, 270, (c) => paintNetwork(c, run, w, 270, palette));
    posterCanvas(ctx, 0, 278, w, 200, (c) => paintEnergy(c, run, w, 200, palette));
    return { height: 478, alt: run.describe(props) };
  },
});
