import { centredRow, definePoster, posterCanvas, runSim } from '../../lib/figure/poster';
import { DOMAIN, Dispersed } from './sim';
import { diagramLayout, paintBackground, paintDiagram, paintLandscape, panelSizes } from './draw';
import { meta } from './meta';

/** The particles settled (at most 600 updates) and the bifurcation diagram grown to the end. */
export const poster = definePoster(meta, {
  steps: 600,
  run({ props, seed, steps }) {
    const model = new Dispersed();
    runSim(model, props, seed, steps);
    while (!model.growDiagram(50));
    return model;
  },
  draw(ctx, model, { width, palette }) {
    const { wide, size, diagW, diagH } = panelSizes(width);
    const view = { width: size, height: size, ...DOMAIN };
    const [xl, xr] = wide ? centredRow(width, size, 2, 16) : [(width - size) / 2, (width - diagW) / 2];
    const diagTop = wide ? 0 : size + 16;
    posterCanvas(ctx, xl, 0, size, size, (c) => paintLandscape(c, model, paintBackground(model.grid(), view, palette), view, palette));
    posterCanvas(ctx, xr, diagTop, diagW, diagH, (c) => paintDiagram(c, model, diagramLayout(diagW, diagH), palette));
    return { height: Math.max(size, diagTop + diagH), alt: model.describe() };
  },
});
