import { centredRow, definePoster, POSTER_FONT, posterCanvas } from '../../lib/figure/poster';
import { computePanel, describe, memoriesFromAngles, memoryAngles, panels, RES_REST } from './sim';
import { basinGrid, paintBasins, separationPlot, separationSeries } from './draw';
import { meta } from './meta';
import { fillMath } from '../../lib/draw/mathText';

/** A static figure: the chart of the four functions and the four basin maps at rest resolution, memory 1 selected. */
export const poster = definePoster(meta, {
  steps: 0,
  run({ props, seed }) {
    const memories = memoriesFromAngles(memoryAngles(props.K, seed));
    const ps = panels(props);
    return { memories, ps, results: ps.map((p) => computePanel(memories, p, RES_REST)) };
  },
  async draw(ctx, { memories, ps, results }, { width, palette, props, plot }) {
    const chart = separationPlot(separationSeries(ps), width);
    await plot(chart, (width - chart.width) / 2, 0);
    const { cols, size } = basinGrid(width);
    const xs = centredRow(width, size, cols, 12);
    const top = (chart.height ?? 0) + 12;
    const rowH = size + 24;
    ctx.font = `12px ${POSTER_FONT}`;
    ctx.textAlign = 'center';
    ctx.textBaseline = 'top';
    results.forEach((r, i) => {
      const x = xs[i % cols];
      const y = top + Math.floor(i / cols) * rowH;
      posterCanvas(ctx, x, y, size, size, (c) => paintBasins(c, r.map, memories, size, palette, 0));
      ctx.fillStyle = palette.muted;
      fillMath(ctx, `${ps[i].name}: ${r.kept} of ${props.K} kept`, x + size / 2, y + size + 4, size);
    });
    return { height: top + Math.ceil(results.length / cols) * rowH, alt: describe(results, props.K) };
  },
});
