import { describe, expect, it } from 'vitest';
import { defaultProps, type FigureSim, type PropValues } from '../../../src/lib/figure/spec';
import { Run } from '../../../src/lib/figure/run';
import { Replay } from '../../../src/lib/figure/replay';
import { roundEdit } from '../../../src/lib/figure/edits';
import { essayFigureLink, parseFigureState, queryEntries } from '../../../src/lib/urlState';
import { meta } from '../../../src/figures/dye-diffusion/meta';
import { CHECKPOINT, Dye, MAX_CENTRES, N_STEPS, strokeCentres, type Params } from '../../../src/figures/dye-diffusion/sim';
import { hashState } from './sims';

const base = { ...defaultProps(meta), particles: 1000 } as Params;

function runThere(p: Params, seed: number): Dye {
  const d = new Dye();
  d.reset(p, seed);
  for (let k = 0; k < N_STEPS; k++) d.step(p);
  const back = { ...p, direction: 'reverse' } as Params;
  while (!d.step(back));
  return d;
}

describe('dye-diffusion sim', () => {
  it('replays the same forward-and-back run exactly under the same seed, and a different one under another', () => {
    const a = runThere(base, 5);
    const b = runThere(base, 5);
    const c = runThere(base, 6);
    expect(Array.from(a.xs)).toEqual(Array.from(b.xs));
    expect(Array.from(a.xs)).not.toEqual(Array.from(c.xs));
  });

  it('scrubbing to step k gives bit-for-bit the state that playing k steps gives', () => {
    const played = new Dye();
    played.reset(base, 9);
    const scrubbed = new Dye();
    scrubbed.reset(base, 9);
    scrubbed.scrub(N_STEPS); // fills checkpoints
    for (const k of [0, 7, 20, 61, 140, N_STEPS]) {
      while (played.k < k) played.step(base);
      scrubbed.scrub(k);
      expect(Array.from(scrubbed.xs)).toEqual(Array.from(played.xs));
    }
  });

  it('diffuses the picture away and the exact score brings it back (SDE and ODE)', () => {
    for (const sampler of ['sde', 'ode'] as const) {
      const p = { ...base, sampler } as Params;
      const d = new Dye();
      d.reset(p, 3);
      expect(d.recovered()).toBeGreaterThan(0.98);
      for (let k = 0; k < N_STEPS; k++) d.step(p);
      expect(d.recovered()).toBeLessThan(0.05);
      const back = { ...p, direction: 'reverse' } as Params;
      while (!d.step(back));
      expect(d.k).toBe(0);
      expect(d.recovered()).toBeGreaterThan(0.9);
    }
  });

  it('starts a reverse reset from the fully diffused state', () => {
    const d = new Dye();
    d.reset({ ...base, direction: 'reverse' } as Params, 2);
    expect(d.k).toBe(N_STEPS);
    const f = new Dye();
    f.reset(base, 2);
    for (let k = 0; k < N_STEPS; k++) f.step(base);
    expect(Array.from(d.xs)).toEqual(Array.from(f.xs));
  });
});

type P = typeof meta.props;
const hash = (d: Dye, p: Params) => hashState(d, d.describe(p));

/**
 * A run as the page drives it (one sim for the figure's whole life: a restart carries only what `carriedEdits`
 * says), the link Copy link writes, and that link replayed on a fresh sim.
 */
function linkAndReplay(p: Params, seed: number, act: (run: Run<P>) => void): { run: Run<P>; sim: Dye; link: string; again: Run<P>; replayed: Dye } {
  const sim = new Dye();
  const run = new Run(meta, () => sim as unknown as FigureSim<P>);
  run.restart(p, seed);
  act(run);
  const link = essayFigureLink('https://example.test/essay/', 'fig-dye', meta, { params: run.params, seed: run.seed, steps: run.steps, speed: 1, base: run.base, history: run.history });
  const state = parseFigureState(meta, queryEntries(new URL(link).search), ['fig']);
  expect(state.notices, link).toEqual([]);
  const replayed = new Dye();
  const again = new Run(meta, () => replayed as unknown as FigureSim<P>);
  const replay = new Replay(again, state.values as PropValues<P>, state.seed ?? 1, state.history ?? [], state.steps ?? 0);
  while (!replay.advance()) {
    // advance() without a budget runs to the end in one call.
  }
  return { run, sim, link, again, replayed };
}

describe('dye-diffusion edits', () => {
  it('a scrub leaves the same state and checkpoints whichever way the slider came, so a link keeps only its last position', () => {
    const direct = new Dye();
    direct.reset(base, 3);
    direct.scrub(50);
    const roundabout = new Dye();
    roundabout.reset(base, 3);
    for (const k of [200, 13, 170, 50]) roundabout.scrub(k);
    expect(hash(roundabout, base)).toBe(hash(direct, base));
    expect(direct.checkpoints.length).toBe(N_STEPS / CHECKPOINT + 1);

    const { run, sim, link, again, replayed } = linkAndReplay(base, 3, (r) => {
      for (let i = 0; i < 12; i++) r.step();
      for (const k of [30, 90, 160, 120]) r.edit({ kind: 'scrub', args: [k] }); // one slider drag while paused
      r.change({ ...r.params, direction: 'reverse' });
      for (let i = 0; i < 25; i++) r.step();
      r.edit({ kind: 'scrub', args: [N_STEPS] }); // keyboard: End
      for (let i = 0; i < 4; i++) r.step();
    });
    expect(link.match(/@scrub_/g)).toHaveLength(2);
    expect(link).toContain('12:@scrub_120');
    expect(sim.k).toBe(N_STEPS - 4);
    expect(again.history).toEqual(run.history);
    expect(hash(replayed, again.params as Params)).toBe(hash(sim, run.params as Params));
  });

  it('a drawn shape is its droplet centres, starts the dye again, and outlives Reset and a new seed in a link', () => {
    const stroke = Array.from({ length: 60 }, (_, i) => [-3 + 0.1 * i, 2 * Math.cos(i / 9)]).flat();
    const centres = roundEdit(meta.edits!.drawn, { kind: 'drawn', args: Array.from(strokeCentres(stroke).data) });
    expect(meta.edits!.drawn.repeat!.max).toBe(MAX_CENTRES);
    expect(meta.edits!.scrub.args[0][1]).toBe(N_STEPS);
    expect(centres.args.length / 2).toBeLessThanOrEqual(MAX_CENTRES);
    expect(strokeCentres([0.4, -1]).rows).toBe(1); // a tap: one droplet
    const { run, sim, link, again, replayed } = linkAndReplay(base, 8, (r) => {
      for (let i = 0; i < 30; i++) r.step();
      // As the page does on lifting the pointer: the edit, then the restart from the drawn shape.
      r.edit(centres);
      r.restart({ ...r.params, shape: 'drawn' }, r.seed);
      for (let i = 0; i < 5; i++) r.step();
      r.restart(r.params, r.seed); // Reset
      r.restart(r.params, 21); // a new seed
      for (let i = 0; i < 9; i++) r.step();
    });
    expect(link).toContain('0:@drawn_');
    expect(Array.from(sim.centres.data)).toEqual(centres.args);
    expect(again.steps).toBe(run.steps);
    expect(again.history).toEqual(run.history);
    expect(hash(replayed, again.params as Params)).toBe(hash(sim, run.params as Params));
  });

  it('a drawn shape waits for “the shape you draw” when another start is chosen; edits at the ends never throw', () => {
    const d = new Dye();
    d.reset(base, 2);
    const before = hash(d, base);
    d.applyEdit({ kind: 'drawn', args: [4, 4] }, base);
    expect(Array.from(d.drawn!)).toEqual([4, 4]);
    d.drawn = null;
    expect(hash(d, base)).toBe(before);
    const drawnP = { ...base, shape: 'drawn' } as Params;
    d.applyEdit({ kind: 'drawn', args: [-4, -4] }, drawnP);
    expect(d.centres.rows).toBe(1);
    expect(d.k).toBe(0);
    for (const k of [0, N_STEPS, 0]) expect(() => d.applyEdit({ kind: 'scrub', args: [k] }, drawnP)).not.toThrow();
  });
});
