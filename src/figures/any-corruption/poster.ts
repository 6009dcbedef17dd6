import { definePoster, POSTER_FONT, posterCanvas, runSim } from '../../lib/figure/poster';
import { AnyCorruption, KINDS } from './sim';
import { COLS, LABEL_H, marksFor, paintEnergies, paintGrid } from './draw';
import { meta } from './meta';

/** Descent run until every row settles (at most 300 updates): the grid's verdicts are final. */
export const poster = definePoster(meta, {
  steps: 300,
  run({ props, seed, steps }) {
    const model = new AnyCorruption();
    runSim(model, props, seed, steps);
    return model;
  },
  draw(ctx, model, { width, palette }) {
    const label = 110;
    const gap = 8;
    const tile = Math.max(44, Math.min(96, Math.floor((width - label - 3 * gap) / 4)));
    const gridW = 4 * tile + 3 * gap;
    const gridH = 4 * (tile + LABEL_H) + 3 * gap;
    const x0 = (width - label - gridW) / 2;
    const head = 20;
    ctx.save();
    ctx.font = `12.5px ${POSTER_FONT}`;
    ctx.fillStyle = palette.muted;
    ctx.textBaseline = 'bottom';
    COLS.forEach((c, i) => ctx.fillText(c, x0 + label + i * (tile + gap), head - 4, tile));
    ctx.textBaseline = 'middle';
    KINDS.forEach((k, i) => ctx.fillText(k.label, x0, head + i * (tile + LABEL_H + gap) + (tile + LABEL_H) / 2, label - 6));
    ctx.restore();
    posterCanvas(ctx, x0 + label, head, gridW, gridH, (c) => paintGrid(c, model, tile, gap, palette, marksFor(model)));
    const plotW = Math.max(200, Math.min(width, 560));
    const top = head + gridH + 12;
    posterCanvas(ctx, (width - plotW) / 2, top, plotW, 110, (c) => paintEnergies(c, model, plotW, 110, palette));
    return { height: top + 110, alt: model.describe() };
  },
});
