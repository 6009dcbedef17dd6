import { definePoster, posterCanvas } from '../../lib/figure/poster';
import { lattice } from '../../lib/draw/arrows';
import { contourBackground } from '../../lib/draw/contourBackground';
import { DOMAIN, ScoreField } from './sim';
import { paint } from './draw';
import { meta } from './meta';

/** A static figure: the score field at the default σ on the figure's 21 × 21 lattice (the σ(t) strip is not drawn). */
export const poster = definePoster(meta, {
  steps: 0,
  run: ({ props }) => props,
  draw(ctx, _state, { width, palette, props }) {
    const size = Math.max(240, Math.min(width, 560));
    const view = { width: size, height: size, ...DOMAIN };
    const n = size < 400 ? 15 : 21;
    const field = new ScoreField();
    field.update(props.sigma, lattice(view, n));
    const bg = contourBackground(field.grid!, view, palette, 0.95, 12);
    posterCanvas(ctx, (width - size) / 2, 0, size, size, (c) => paint(c, field, bg, view, palette, { samples: props.samples, highlight: false, cell: size / n }));
    return { height: size, alt: field.describe(props) };
  },
});
