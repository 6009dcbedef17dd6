import { definePoster } from '../../lib/figure/poster';
import { capacities, curves, formatCount } from './sim';
import { capacityPlot, capacitySeries } from './draw';
import { meta } from './meta';

/** A static figure: the capacity chart at the default N and degree (the table under it is HTML and not drawn). */
export const poster = definePoster(meta, {
  steps: 0,
  run: ({ props }) => props,
  async draw(_ctx, _state, { width, props, plot }) {
    const { neurons: n, degree } = props;
    const chart = capacityPlot(capacitySeries(curves(degree), degree), n, degree, Math.max(260, Math.min(width, 640)));
    await plot(chart, (width - chart.width) / 2, 0);
    const at = capacities(n, degree);
    const alt = `Patterns stored with no wrong bits against the number of neurons N. At N = ${n}: classical ${formatCount(at.classical)}, polynomial (n = ${degree}) ${formatCount(at.poly)}, exponential ${formatCount(at.exp)}.`;
    return { height: chart.height ?? 0, alt };
  },
});
