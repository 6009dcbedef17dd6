import { definePoster, posterCanvas, runSim } from '../../lib/figure/poster';
import { lattice } from '../../lib/draw/arrows';
import { DATA_URL, decodeRuns, PLANE, Replay, runKey, type PrecomputedFile } from './sim';
import { CLASS_COLOURS, paintPlane } from './draw';
import { meta } from './meta';

/**
 * The shipped run for (K, width) from public/data/memorization.json, its sampler replayed to the end (the replay
 * stops there): the samples have settled and are coloured by class. The phase charts beside it are not drawn.
 */
export const poster = definePoster(meta, {
  steps: 2000,
  async run({ props, steps, publicJson }) {
    const { drawable } = decodeRuns((await publicJson(DATA_URL)) as PrecomputedFile);
    const replay = new Replay();
    const run = drawable.find((r) => runKey(r.width, r.K) === runKey(Number(props.width), props.K)) ?? null;
    runSim({ reset: () => replay.load(run), step: () => replay.step() }, props, 0, steps);
    return replay;
  },
  draw(ctx, replay, { width, palette, props }) {
    const size = Math.max(240, Math.min(Math.floor((width - 16) / 2), 520));
    const view = { width: size, height: size, ...PLANE };
    const points = lattice(view, size < 360 ? 13 : 17);
    const field = replay.field(points, props.sigma);
    const colours = CLASS_COLOURS[palette.dark ? 'dark' : 'light'];
    posterCanvas(ctx, (width - size) / 2, 0, size, size, (c) => paintPlane(c, view, palette, colours, replay.run, points, field, replay.xs, replay.done));
    return { height: size, alt: replay.describe(props) };
  },
});
