import { centredRow, definePoster, posterCanvas, runSim } from '../../lib/figure/poster';
import { Duality, DOMAIN, MAX_PARTICLES } from './sim';
import { landscapeBackground, paintPanel, particleArrows } from './draw';
import { meta } from './meta';

/** The particles after 40 updates: on their way down both landscapes, each with its score arrow. */
export const poster = definePoster(meta, {
  steps: 40,
  run({ props, seed, steps }) {
    const model = new Duality();
    runSim(model, props, seed, steps);
    return model;
  },
  draw(ctx, model, { width, palette, props }) {
    // The figure's medium layout (520–900 px): the two panels side by side, the equation below them.
    const size = Math.floor((width - 16) / 2);
    const view = { width: size, height: size, ...DOMAIN };
    const bg = landscapeBackground(model, props.beta, view, palette);
    const scratch = { score: new Float64Array(2 * MAX_PARTICLES), arrows: new Float64Array(2 * MAX_PARTICLES) };
    particleArrows(model, props.beta, scratch);
    const [xl, xr] = centredRow(width, size, 2, 16);
    posterCanvas(ctx, xl, 0, size, size, (c) => paintPanel(c, 'logp', model, bg, scratch.arrows, view, palette, null));
    posterCanvas(ctx, xr, 0, size, size, (c) => paintPanel(c, 'energy', model, bg, scratch.arrows, view, palette, null));
    return { height: size, alt: model.describe(props) };
  },
});
