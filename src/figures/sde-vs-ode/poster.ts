import { definePoster, posterCanvas, runSim } from '../../lib/figure/poster';
import { DOMAIN, SdeVsOde } from './sim';
import { paint, paintBackground } from './draw';
import { meta } from './meta';

/** Both samplers run to t = 0 (the run stops there): the SDE and ODE samples and their paths are complete. */
export const poster = definePoster(meta, {
  steps: 5000,
  run({ props, seed, steps }) {
    const model = new SdeVsOde();
    runSim(model, props, seed, steps);
    return model;
  },
  draw(ctx, model, { width, palette, props }) {
    const size = Math.max(240, Math.min(width, 560));
    const view = { width: size, height: size, ...DOMAIN };
    posterCanvas(ctx, (width - size) / 2, 0, size, size, (c) => paint(c, model, paintBackground(model.grid, palette), view, palette, props.show, 'none'));
    return { height: size, alt: model.describe(props) };
  },
});
