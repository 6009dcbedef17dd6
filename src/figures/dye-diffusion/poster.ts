import { definePoster, posterCanvas, runSim } from '../../lib/figure/poster';
import { Dye, DOMAIN } from './sim';
import { DyeLayer, paint } from './draw';
import { meta } from './meta';

/** 30 of the 200 updates forward: the droplets have begun to spread but still show their shape. */
export const poster = definePoster(meta, {
  steps: 30,
  run({ props, seed, steps }) {
    const model = new Dye();
    runSim(model, props, seed, steps);
    return model;
  },
  draw(ctx, model, { width, palette, props }) {
    const size = Math.max(240, Math.min(width, 560));
    const view = { width: size, height: size, ...DOMAIN };
    posterCanvas(ctx, (width - size) / 2, 0, size, size, (c) => paint(c, model, view, palette, null, new DyeLayer()));
    return { height: size, alt: model.describe(props) };
  },
});
