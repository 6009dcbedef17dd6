import { definePoster, posterCanvas, runSim } from '../../lib/figure/poster';
import { contourBackground } from '../../lib/draw/contourBackground';
import { DescentPair, DOMAIN, MEMORIES } from './sim';
import { paintPanel, paintTrace } from './draw';
import { meta } from './meta';

/** Both descents run until they settle (at most 400 updates): the paths and the energy trace are complete. */
export const poster = definePoster(meta, {
  steps: 400,
  run({ props, seed, steps }) {
    const model = new DescentPair();
    runSim(model, props, seed, steps);
    return model;
  },
  draw(ctx, model, { width, palette, props }) {
    const panel = Math.max(140, Math.floor((Math.min(width, 760) - 8) / 2));
    const traceW = Math.max(280, Math.min(width, 760));
    const view = { width: panel, height: panel, ...DOMAIN };
    const bg = contourBackground(model.grid(props), view, palette, 0.9, 14);
    const mem = props.energy === 'memories' ? MEMORIES.data : null;
    const x0 = (width - 2 * panel - 8) / 2;
    posterCanvas(ctx, x0, 0, panel, panel, (c) => paintPanel(c, model, 'continuous', bg, view, palette, mem));
    posterCanvas(ctx, x0 + panel + 8, 0, panel, panel, (c) => paintPanel(c, model, 'discrete', bg, view, palette, mem));
    posterCanvas(ctx, (width - traceW) / 2, panel + 8, traceW, 190, (c) => paintTrace(c, model, traceW, 190, props.tau, palette));
    return { height: panel + 8 + 190, alt: model.describe(props) };
  },
});
