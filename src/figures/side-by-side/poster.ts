import { definePoster, posterCanvas, runSim } from '../../lib/figure/poster';
import { offscreenCanvas } from '../../lib/draw/surface';
import { DOMAIN, SideBySide } from './sim';
import { paint, paintBackground, paintSchedule, paintTrails } from './draw';
import { meta } from './meta';

/**
 * Both runs to the end of the schedule (the run stops there), with their trails. The figure paints the trails
 * in the theme's colours while it steps, so the poster replays the run for each theme.
 */
export const poster = definePoster(meta, {
  steps: 2000,
  run: (args) => args,
  draw(ctx, { props, seed, steps }, { width, palette }) {
    const size = Math.max(240, Math.min(width, 560));
    const view = { width: size, height: size, ...DOMAIN };
    const scale = ctx.getTransform().a;
    const trails = offscreenCanvas(Math.round(size * scale), Math.round(size * scale));
    const tctx = trails.getContext('2d')!;
    tctx.setTransform(scale, 0, 0, scale, 0, 0);
    const model = new SideBySide();
    runSim({ reset: (p, s) => model.reset(p, s), step: (p) => { const done = model.step(p); paintTrails(tctx, model, view, palette); return done; } }, props, seed, steps);
    const x0 = (width - size) / 2;
    posterCanvas(ctx, x0, 0, size, size, (c) => paint(c, model, paintBackground(model.grid(), view, palette), trails, view, palette, 'none'));
    const plotW = Math.max(240, Math.min(width, 560));
    posterCanvas(ctx, (width - plotW) / 2, size + 8, plotW, 130, (c) => paintSchedule(c, model, plotW, 130, palette, props.alpha, props.afterT, 'none'));
    return { height: size + 8 + 130, alt: model.describe(props) };
  },
});
