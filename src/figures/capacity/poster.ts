import { definePoster } from '../../lib/figure/poster';
import { capacityCurves } from '../../lib/capacity/run';
import { CACHED_NOTE, capacitySpec, describeRun, summaryRows, type RunState } from './sim';
import { capacityPlot } from './draw';
import { meta } from './meta';

/**
 * The experiment run to the end at the props and seed (about 0.4 s at the defaults, deterministic in the seed; the
 * page runs the same points in its worker), drawn as the recall chart. The table under it is HTML and not drawn.
 */
export const poster = definePoster(meta, {
  steps: 0,
  run({ props, seed }): RunState {
    return { phase: 'done', done: 1, total: 1, curves: capacityCurves(capacitySpec(props, seed)), cached: true };
  },
  async draw(_ctx, run, { width, props, plot }) {
    const chart = capacityPlot(run, props, Math.max(260, Math.min(width, 760)));
    await plot(chart, (width - chart.width) / 2, 0);
    return { height: chart.height ?? 0, alt: describeRun(run, summaryRows(run, props.N), props.N).replace(CACHED_NOTE, '') };
  },
});
