import { definePoster, posterCanvas, runSim } from '../../lib/figure/poster';
import { Block } from './sim';
import { energyPlot, paint, ringView } from './draw';
import { meta } from './meta';

/** The block run until its energy settles (at most 400 updates): the tokens sit by the memories, the trails show the way. */
export const poster = definePoster(meta, {
  steps: 400,
  run({ props, seed, steps }) {
    const block = new Block();
    runSim(block, props, seed, steps);
    return block;
  },
  async draw(ctx, block, { width, palette, props, plot }) {
    const size = Math.max(220, Math.min(width, 360));
    const chart = energyPlot(block, props, Math.max(240, Math.min(width - size - 16, 420)));
    const x0 = Math.max(0, (width - size - 16 - chart.width) / 2);
    const h = Math.max(size, chart.height ?? 0);
    posterCanvas(ctx, x0, (h - size) / 2, size, size, (c) => paint(c, block, ringView(size), palette));
    await plot(chart, x0 + size + 16, (h - (chart.height ?? 0)) / 2);
    return { height: h, alt: block.describe() };
  },
});
