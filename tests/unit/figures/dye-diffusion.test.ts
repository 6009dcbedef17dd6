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

  it('starts a reverse reset fully diffused, drawn from the law of the forward path\'s end', () => {
    const p = { ...base, particles: 20000, direction: 'reverse' } as Params;
    const d = new Dye();
    d.reset(p, 2);
    expect(d.k).toBe(N_STEPS);
    // x − x₀ ~ N(0, σ_max² I): its spread per coordinate is σ_max within sampling error (1 % at 40 000 draws).
    let s2 = 0;
    for (let i = 0; i < d.xs.length; i++) s2 += (d.xs[i] - d.x0[i]) ** 2;
    expect(Math.sqrt(s2 / d.xs.length) / d.sigmas[N_STEPS]).toBeCloseTo(1, 1);
    expect(Math.abs(Math.sqrt(s2 / d.xs.length) / d.sigmas[N_STEPS] - 1)).toBeLessThan(0.02);
  });

  it('a reverse step or a scrub done in pieces (a deadline already past: one piece a call) ends in the very same state', () => {
    for (const sampler of ['sde', 'ode']) {
      const p = { ...base, particles: 5000, shape: 'drawn', sampler, direction: 'reverse' } as Params;
      const whole = new Dye();
      const pieces = new Dye();
      whole.reset(p, 4);
      pieces.reset(p, 4);
      for (let i = 0; i < 3; i++) {
        whole.step(p);
        let calls = 1;
        let r = pieces.step(p, 0);
        while (r === null) {
          expect(pieces.hasWork()).toBe(true);
          r = pieces.work(p, 0);
          calls++;
        }
        expect(calls).toBe(3); // 5000 particles in pieces of 2000
        expect(pieces.k).toBe(whole.k);
        expect(Array.from(pieces.xs)).toEqual(Array.from(whole.xs));
      }
    }
    const whole = new Dye();
    const pieces = new Dye();
    whole.reset(base, 6);
    pieces.reset(base, 6);
    whole.scrub(137);
    pieces.scrub(137, 0);
    let calls = 1;
    for (;;) {
      calls++;
      if (pieces.work(base, 0) !== null) break;
    }
    expect(calls).toBe(137); // a forward step a call
    expect(pieces.k).toBe(137);
    expect(hash(pieces, base)).toBe(hash(whole, base));
  });

  it('a run spreads a costly step over calls and counts it once, finished before any edit or change it records', () => {
    const p = { ...base, particles: 5000, direction: 'reverse' } as Params;
    const sim = new Dye();
    const run = new Run(meta, () => sim as unknown as FigureSim<P>);
    run.restart(p, 3);
    expect(run.step(0)).toBeNull();
    expect(run.busy).toBe(true);
    expect(run.steps).toBe(0);
    expect(run.workUntil(0)).toBe(false);
    expect(run.workUntil(0)).toBe(true);
    expect(run.steps).toBe(1);
    expect(run.step(0)).toBeNull();
    run.change({ ...run.params, sampler: 'ode' }); // finishes the step first: the change is recorded after it
    expect(run.steps).toBe(2);
    expect(run.busy).toBe(false);
    expect(run.history).toEqual([{ step: 2, values: { sampler: 'ode' } }]);
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
  it('a scrub leaves the same state whichever way the slider came, so a link keeps only its last position', () => {
    const direct = new Dye();
    direct.reset(base, 3);
    direct.scrub(50);
    const roundabout = new Dye();
    roundabout.reset(base, 3);
    for (const k of [200, 13, 170, 50]) roundabout.scrub(k);
    expect(hash(roundabout, base)).toBe(hash(direct, base));
    expect(roundabout.checkpoints.size).toBe(N_STEPS / CHECKPOINT + 1); // a cache: more of it changes nothing
    expect(direct.checkpoints.size).toBe(Math.floor(50 / CHECKPOINT) + 1);

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

  it('a link replayed in pieces of no time at all (each a piece of a step or a scrub) ends where the whole replay does', () => {
    const p = { ...base, particles: 4500, shape: 'drawn' } as Params;
    const { link } = linkAndReplay(p, 5, (r) => {
      for (let i = 0; i < 7; i++) r.step();
      r.edit({ kind: 'scrub', args: [180] });
      r.change({ ...r.params, direction: 'reverse' });
      for (let i = 0; i < 6; i++) r.step();
    });
    const state = parseFigureState(meta, queryEntries(new URL(link).search), ['fig']);
    const ends = (budget: number) => {
      const sim = new Dye();
      const run = new Run(meta, () => sim as unknown as FigureSim<P>);
      const replay = new Replay(run, state.values as PropValues<P>, state.seed ?? 1, state.history ?? [], state.steps ?? 0);
      let pieces = 1;
      while (!replay.advance(budget)) pieces++;
      return { pieces, hash: hash(sim, run.params as Params), steps: run.steps };
    };
    const whole = ends(Infinity);
    const sliced = ends(0);
    expect(whole.pieces).toBe(1);
    expect(sliced.pieces).toBeGreaterThan(180 + 6 * 3 - 1); // a forward step of the scrub, or a third of a reverse step, a piece
    expect(sliced.steps).toBe(whole.steps);
    expect(sliced.hash).toBe(whole.hash);
  });

  it('a scrub still on its way is dropped by the next one (a dragged slider never waits), and the run ends where the last one goes', () => {
    const sim = new Dye();
    const run = new Run(meta, () => sim as unknown as FigureSim<P>);
    run.restart(base, 2);
    run.edit({ kind: 'scrub', args: [200] }, 0); // one forward step, the rest put off
    expect(run.busy).toBe(true);
    expect(sim.k).toBe(1);
    run.edit({ kind: 'scrub', args: [30] }, 0); // replaces it: no walk to 200 first
    expect(sim.k).toBe(1); // from the start again, one step: the walk to 200 was never finished
    expect(sim.checkpoints.size).toBe(1);
    run.finish();
    const direct = new Dye();
    direct.reset(base, 2);
    direct.scrub(30);
    expect(hash(sim, base)).toBe(hash(direct, base));
    expect(run.history.filter((h) => h.edit)).toEqual([{ step: 0, values: {}, edit: { kind: 'scrub', args: [30] } }]);
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
