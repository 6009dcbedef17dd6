import { definePoster, posterCanvas, runSim } from '../../lib/figure/poster';
import { PictureMemory } from './sim';
import { energyAxes, paintEnergy, paintOverlaps, paintPattern, paintSide } from './draw';
import { meta } from './meta';

/** Recall run until the state settles (at most 5000 updates): the corrupted picture has come back. */
export const poster = definePoster(meta, {
  steps: 5000,
  run({ props, seed, steps }) {
    const model = new PictureMemory();
    runSim({ reset: (p, s) => model.reset(p, s, []), step: (p) => model.step(p) }, props, seed, steps);
    return model;
  },
  draw(ctx, model, { width, palette, props }) {
    // The figure's wide layout (from 600 px): the state beside the start and the target, the two plots below.
    const mainSize = 320;
    const thumb = 140;
    const sideH = 2 * thumb + 44;
    const x0 = (width - mainSize - 12 - thumb) / 2;
    posterCanvas(ctx, x0, 0, mainSize, mainSize, (c) => paintPattern(c, model.state, model.side, 0, 0, mainSize, palette, -1));
    posterCanvas(ctx, x0 + mainSize + 12, 0, thumb, sideH, (c) => paintSide(c, model, thumb, true, palette));
    const plotW = Math.max(200, Math.floor((width - 16) / 2));
    const plotH = 150;
    const top = Math.max(mainSize, sideH) + 12;
    posterCanvas(ctx, 0, top, plotW, plotH, (c) => paintEnergy(c, model.energies, model.traceLen, plotW, plotH, palette, ...energyAxes(model, props.mode)));
    posterCanvas(ctx, plotW + 16, top, plotW, plotH, (c) => paintOverlaps(c, model.overlaps, model.N, model.patterns.rows, model.pictures, model.target, plotW, plotH, palette));
    return { height: top + plotH, alt: model.describe(props) };
  },
});
