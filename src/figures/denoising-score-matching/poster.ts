import { definePoster, posterCanvas, runSim } from '../../lib/figure/poster';
import { DOMAIN, Dsm } from './sim';
import { errorPlot, paint, paintBackground } from './draw';
import { meta } from './meta';

/** The whole sample budget drawn (total / batch updates; the run stops there): the bin averages have converged. */
export const poster = definePoster(meta, {
  steps: (p) => Math.ceil(p.total / p.batch),
  run({ props, seed, steps }) {
    const model = new Dsm();
    runSim(model, props, seed, steps);
    return model;
  },
  async draw(ctx, model, { width, palette, props, plot }) {
    const size = Math.max(240, Math.min(width, 560));
    const view = { width: size, height: size, ...DOMAIN };
    const heat = model.grid ? paintBackground(model.grid, palette) : null;
    if (heat) posterCanvas(ctx, (width - size) / 2, 0, size, size, (c) => paint(c, model, heat, view, palette, props.sigma, { highlight: 'none' }));
    const chart = errorPlot(model, props, Math.min(size, 480));
    await plot(chart, (width - chart.width) / 2, size + 12);
    return { height: size + 12 + (chart.height ?? 0), alt: model.describe(props) };
  },
});
