import { centredRow, definePoster, posterCanvas, posterHeading, runSim } from '../../lib/figure/poster';
import { AnnealedLangevin, DOMAIN } from './sim';
import { heatFor, paintPanel } from './draw';
import { meta } from './meta';

/** Both runs finished (all levels × steps per level): the annealed particles share the two modes by weight. */
export const poster = definePoster(meta, {
  steps: (p) => p.levels * p.stepsPerLevel,
  run({ props, seed, steps }) {
    const model = new AnnealedLangevin();
    runSim(model, props, seed, steps);
    return model;
  },
  draw(ctx, model, { width, palette, props }) {
    const panel = Math.max(200, Math.min(Math.floor((width - 12) / 2), 320));
    const view = { width: panel, height: panel, ...DOMAIN };
    const heats = model.grids.map((g) => heatFor(g, palette));
    const [xa, xs] = centredRow(width, panel, 2, 12);
    const top = 2 + posterHeading(ctx, 'annealed: σ₁ = 3 → σ_L = 0.1', xa, 2, panel, palette, palette.accent);
    posterHeading(ctx, 'one small noise level σ = 0.1', xs, 2, panel, palette, palette.accent2);
    posterCanvas(ctx, xa, top, panel, panel, (c) => paintPanel(c, heats[model.level(props)], model.annealed, model.n, view, palette, palette.accent));
    posterCanvas(ctx, xs, top, panel, panel, (c) => paintPanel(c, heats[heats.length - 1], model.single, model.n, view, palette, palette.accent2));
    return { height: top + panel, alt: model.describe(props) };
  },
});
