import { definePoster, posterCanvas, runSim } from '../../lib/figure/poster';
import { contourBackground } from '../../lib/draw/contourBackground';
import { Descent, DOMAIN } from './sim';
import { paint } from './draw';
import { meta } from './meta';

/** The landscape after 25 updates: the particles are on their way down, as a reader first sees it playing. */
export const poster = definePoster(meta, {
  steps: 25,
  run({ props, seed, steps }) {
    const model = new Descent();
    runSim(model, props, seed, steps);
    return model;
  },
  draw(ctx, model, { width, palette, props }) {
    const size = Math.max(240, Math.min(width, 640));
    const view = { width: size, height: size, ...DOMAIN };
    posterCanvas(ctx, (width - size) / 2, 0, size, size, (c) => paint(c, model, contourBackground(model.grid(props.beta), view, palette, 0.85, 14), view, palette));
    return { height: size, alt: model.describe(props) };
  },
});
