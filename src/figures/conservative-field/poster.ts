import { centredRow, definePoster, posterCanvas, posterHeading, runSim } from '../../lib/figure/poster';
import { twoPanels } from '../../lib/useTwoPanels';
import { ConservativeField, DOMAIN } from './sim';
import { curlLayer, energyLayer, paintPanel, plainLayer, sharedScale } from './draw';
import { meta } from './meta';

/** The walker once round the whole loop (the run stops there): both circulations are final. */
export const poster = definePoster(meta, {
  steps: 5000,
  run({ props, seed, steps }) {
    const model = new ConservativeField();
    runSim(model, props, seed, steps);
    return model;
  },
  draw(ctx, model, { width, palette, props }) {
    const { size } = twoPanels(width);
    const view = { width: size, height: size, ...DOMAIN };
    const left = curlLayer(model.curlGrid(), palette);
    const right = props.jacobian ? energyLayer(model.energyGrid(), view, palette) : plainLayer(palette);
    const s = sharedScale(model, 20);
    const [xl, xr] = centredRow(width, size, 2, 16);
    const top = posterHeading(ctx, 'Unconstrained score (f_θ − x)/σ², shaded by its curl', xl, 0, size, palette);
    posterHeading(ctx, props.jacobian ? 'Gradient of the energy: −∇E_θ (Eq. 20), over E_θ' : 'Eq. 20 without its Jacobian term (no energy)', xr, 0, size, palette);
    posterCanvas(ctx, xl, top, size, size, (c) => paintPanel(c, model, left, model.vFree, s, view, palette, { draft: null }));
    posterCanvas(ctx, xr, top, size, size, (c) => paintPanel(c, model, right, model.vRight, s, view, palette, { draft: null }));
    return { height: top + size, alt: model.describe(props) };
  },
});
