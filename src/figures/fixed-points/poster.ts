import { centredRow, definePoster, posterCanvas, posterHeading, runSim } from '../../lib/figure/poster';
import { twoPanels } from '../../lib/useTwoPanels';
import { DOMAIN, FixedPoints } from './sim';
import { paintBackground, paintPanel, paintStrip } from './draw';
import { meta } from './meta';

/** Both samplers run to the end of their updates (the run stops there): who sits on a training point is final. */
export const poster = definePoster(meta, {
  steps: 2000,
  run({ props, seed, steps }) {
    const model = new FixedPoints();
    runSim(model, props, seed, steps);
    return model;
  },
  draw(ctx, model, { width, palette, props }) {
    const { size } = twoPanels(width);
    const view = { width: size, height: size, ...DOMAIN };
    const bg = paintBackground(model.grid(), view, palette);
    const [xl, xr] = centredRow(width, size, 2, 16);
    const top = posterHeading(ctx, 'Associative memory, x ← x − α∇E_β(x), t ∈ [0, ∞)', xl, 0, size, palette, palette.accent);
    posterHeading(ctx, 'Diffusion sampler, x ← x + α(t)F(x, t) (+ noise), t ∈ [0, T]', xr, 0, size, palette, palette.accent2);
    posterCanvas(ctx, xl, top, size, size, (c) => paintPanel(c, model, model.am, bg, view, palette, palette.accent, false));
    posterCanvas(ctx, xr, top, size, size, (c) => paintPanel(c, model, model.dm, bg, view, palette, palette.accent2, true));
    const stripW = Math.max(200, Math.min(width, 680));
    const y = top + size + 8;
    posterCanvas(ctx, (width - stripW) / 2, y, stripW, 120, (c) => paintStrip(c, model, stripW, 120, palette));
    return { height: y + 120, alt: model.describe(props) };
  },
});
