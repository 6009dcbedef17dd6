import { definePoster, posterCanvas, runSim } from '../../lib/figure/poster';
import { curvesFor, energyFor, Walkers } from './sim';
import { layoutFor, paint } from './draw';
import { meta } from './meta';

/** The walkers after 300 updates: their histogram has filled in under p(x). */
export const poster = definePoster(meta, {
  steps: 300,
  run({ props, seed, steps }) {
    const walkers = new Walkers();
    runSim(walkers, props, seed, steps);
    return walkers;
  },
  draw(ctx, walkers, { width, palette, props }) {
    const L = layoutFor(Math.max(260, Math.min(width, 720)));
    const e = energyFor(props);
    posterCanvas(ctx, (width - L.width) / 2, 0, L.width, L.height, (c) => paint(c, L, curvesFor(props), walkers, props.x, e.energy(props.x), -e.grad(props.x), props.T, palette, false));
    return { height: L.height, alt: walkers.describe(props) };
  },
});
