import { definePoster, posterCanvas, runSim } from '../../lib/figure/poster';
import { DOMAIN, Race } from './sim';
import { paint, paintBackground } from './draw';
import { meta } from './meta';

/** The race run until every method has stopped (at most 3000 updates): all the paths are drawn to their ends. */
export const poster = definePoster(meta, {
  steps: 3000,
  run({ props, seed, steps }) {
    const race = new Race();
    runSim(race, props, seed, steps);
    return race;
  },
  draw(ctx, race, { width, palette, props }) {
    const size = Math.max(240, Math.min(width, 520));
    const view = { width: size, height: size, ...DOMAIN };
    posterCanvas(ctx, (width - size) / 2, 0, size, size, (c) => paint(c, race, paintBackground(race.grid(props.beta), view, palette), view, palette, new Set()));
    return { height: size, alt: race.describe() };
  },
});
