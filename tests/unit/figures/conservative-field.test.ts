import { describe, expect, it } from 'vitest';
import { defaultProps, type FigureSim, type PropValues } from '../../../src/lib/figure/spec';
import { Run } from '../../../src/lib/figure/run';
import { Replay } from '../../../src/lib/figure/replay';
import { essayFigureLink, parseFigureState, queryEntries } from '../../../src/lib/urlState';
import { meta } from '../../../src/figures/conservative-field/meta';
import { ConservativeField, DOMAIN, MAX_LOOP_POINTS, drawnLoop, drawnLoopProblem, type Params } from '../../../src/figures/conservative-field/sim';
import { hashState } from './sims';

type P = typeof meta.props;
const base = defaultProps(meta) as Params;

/** A circle of `n` points, as a pointer would leave it (x, y pairs). */
function circle(cx: number, cy: number, r: number, n: number): number[] {
  return Array.from({ length: n }, (_, k) => [cx + r * Math.cos((2 * Math.PI * k) / n), cy + r * Math.sin((2 * Math.PI * k) / n)]).flat();
}

/**
 * A run as the page drives it: one sim object for the figure's whole life, so a restart carries what the sim
 * says it keeps (`carriedEdits`) and nothing else survives unrecorded. Returns the run, the sim and the link.
 */
function pageRun(act: (run: Run<P>) => void): { run: Run<P>; sim: ConservativeField; link: string } {
  const sim = new ConservativeField();
  const run = new Run(meta, () => sim as unknown as FigureSim<P>);
  run.restart(base, 4);
  act(run);
  const link = essayFigureLink('https://example.test/essay/', 'fig-cf', meta, { params: run.params, seed: run.seed, steps: run.steps, speed: 1, base: run.base, history: run.history });
  return { run, sim, link };
}

/** The link read back like any URL and replayed on a fresh sim. */
function replayed(link: string): { run: Run<P>; sim: ConservativeField } {
  const state = parseFigureState(meta, queryEntries(new URL(link).search), ['fig']);
  expect(state.notices, link).toEqual([]);
  const sim = new ConservativeField();
  const run = new Run(meta, () => sim as unknown as FigureSim<P>);
  const replay = new Replay(run, state.values as PropValues<P>, state.seed ?? 1, state.history ?? [], state.steps ?? 0);
  while (!replay.advance()) {
    // advance() without a budget runs to the end in one call; the loop only guards against a change of that.
  }
  return { run, sim };
}

const hash = (sim: ConservativeField, p: Params) => hashState(sim, sim.describe(p));

describe('conservative-field: a drawn loop', () => {
  it('is thinned to the vertices its outline needs, at most MAX_LOOP_POINTS of them, inside the plane', () => {
    expect(meta.edits!.drawn.repeat!.max).toBe(MAX_LOOP_POINTS);
    const round = drawnLoop(circle(0, 0, 1, 200));
    expect(round.length / 2).toBeGreaterThan(12);
    expect(round.length / 2).toBeLessThan(40);
    for (let k = 0; k < round.length; k += 2) expect(Math.abs(Math.hypot(round[k], round[k + 1]) - 1)).toBeLessThan(1e-9);
    // A scribble with detail everywhere still fits the edit, and a stroke off the plane is held at its edge.
    const wild = Array.from({ length: 2000 }, (_, k) => [2.4 * Math.cos(k / 318), 2.4 * Math.sin(k / 318) + 0.2 * (k % 2)]).flat();
    expect(drawnLoop(wild).length / 2).toBeLessThanOrEqual(MAX_LOOP_POINTS);
    const off = drawnLoop([-3, -3, 3, -3, 3, 3, -3, 3]);
    expect(off).toEqual([DOMAIN.x0, DOMAIN.y0, DOMAIN.x1, DOMAIN.y0, DOMAIN.x1, DOMAIN.y1, DOMAIN.x0, DOMAIN.y1]);
  });

  it('that cannot be walked changes nothing, and an edit never throws', () => {
    const m = new ConservativeField();
    const p = { ...base, loop: 'drawn' } as Params;
    m.reset(p, 1);
    const before = hash(m, p);
    for (const args of [[0.5, 0.5], [0, 0, 1, 1], [0, 0, 1, 1, 2, 2], [0, 0, 0.1, 0, 0.1, 0.1], [2.5, 2.5, 2.5, 2.5, 2.5, 2.5]]) {
      expect(drawnLoopProblem(args)).not.toBeNull();
      expect(() => m.applyEdit({ kind: 'drawn', args }, p)).not.toThrow();
    }
    expect(hash(m, p)).toBe(before);
    expect(m.drawn).toBeNull();
  });

  it('is walked from its start at once when the loop is “the loop I drew”, and only kept otherwise', () => {
    const loop = circle(0.3, -0.2, 0.8, 24);
    const m = new ConservativeField();
    const drawnP = { ...base, loop: 'drawn' } as Params;
    m.reset(drawnP, 1);
    for (let i = 0; i < 5; i++) m.step(drawnP);
    m.applyEdit({ kind: 'drawn', args: loop }, drawnP);
    expect(Array.from(m.loop)).toEqual(loop);
    expect(m.pos).toBe(0);
    m.reset(base, 1);
    const preset = Array.from(m.loop);
    m.applyEdit({ kind: 'drawn', args: loop }, base);
    expect(Array.from(m.loop)).toEqual(preset);
    expect(Array.from(m.drawn!)).toEqual(loop);
  });

  it('outlives Reset, a new seed and a preset loop in a link, as on the page', () => {
    const loop = drawnLoop(circle(-0.4, 0.3, 1.1, 90));
    const { run, sim, link } = pageRun((r) => {
      for (let i = 0; i < 7; i++) r.step();
      // As the page does on lifting the pointer: the edit, then the restart onto the drawn loop.
      r.edit({ kind: 'drawn', args: loop });
      r.restart({ ...r.params, loop: 'drawn' }, r.seed);
      for (let i = 0; i < 9; i++) r.step();
      r.restart(r.params, 11); // a new seed
      r.restart({ ...r.params, loop: 'wide' }, r.seed);
      r.restart({ ...r.params, loop: 'drawn' }, r.seed);
      for (let i = 0; i < 5; i++) r.step();
    });
    expect(link).toContain('0:@drawn_');
    expect(Array.from(sim.loop)).toEqual(loop.map((v) => Math.round(v * 100) / 100 + 0));
    const again = replayed(link);
    expect(again.run.steps).toBe(run.steps);
    expect(again.run.history).toEqual(run.history);
    expect(hash(again.sim, again.run.params as Params)).toBe(hash(sim, run.params as Params));
  });
});
