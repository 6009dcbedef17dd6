import { definePoster, posterCanvas, runSim } from '../../lib/figure/poster';
import { AttentionRun } from './sim';
import { layoutFor, paint } from './draw';
import { meta } from './meta';

/** The update run to its end: one step by default (an attention layer), or iterated to its fixed point. */
export const poster = definePoster(meta, {
  steps: 100,
  run({ props, seed, steps }) {
    const run = new AttentionRun();
    runSim(run, props, seed, steps);
    return run;
  },
  draw(ctx, run, { width, palette, props }) {
    const w = Math.max(280, Math.min(width, 760));
    const { height } = layoutFor(w, props.memories, props.iterate);
    posterCanvas(ctx, 0, 0, w, height, (c) => paint(c, run, w, palette, props.iterate));
    return { height, alt: run.describe(props) };
  },
});
