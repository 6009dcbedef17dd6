import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PictureMemory, type Params } from '../../../src/figures/hopfield-images/sim';
import { meta } from '../../../src/figures/hopfield-images/meta';
import { applyStrokeRuns, strokeRuns } from '../../../src/figures/hopfield-images/strokes';
import { Run } from '../../../src/lib/figure/run';
import { Replay } from '../../../src/lib/figure/replay';
import { encodeEdit, type Edit } from '../../../src/lib/figure/edits';
import { defaultProps, type FigureSim } from '../../../src/lib/figure/spec';
import { essayFigureLink, parseFigureState, queryEntries } from '../../../src/lib/urlState';
import { hashState } from './sims';

const base: Params = { memory: 'classical', n: 3, size: '32', images: 4, extra: 0, target: 1, noise: 0.2, mode: 'flip' };

function settle(m: PictureMemory, p: Params, max = 5000): number {
  let steps = 0;
  while (!m.step(p) && steps < max) steps++;
  return steps;
}

describe('PictureMemory (hopfield-images)', () => {
  it('flip mode: each step flips exactly one neuron and the energy never rises', () => {
    for (const memory of ['classical', 'poly', 'rectified', 'exp'] as const) {
      const p = { ...base, memory, images: 6 };
      const m = new PictureMemory();
      m.reset(p, 3, []);
      let e = m.energy();
      let flips = m.recaller!.flips;
      for (let k = 0; k < 400 && !m.step(p); k++) {
        expect(m.recaller!.flips).toBe(flips + 1);
        flips++;
        const e2 = m.energy();
        expect(e2).toBeLessThanOrEqual(e + 1e-9 * Math.max(1, Math.abs(e)));
        e = e2;
      }
    }
  });

  it('the same seed replays the same run exactly', () => {
    const run = () => {
      const m = new PictureMemory();
      m.reset({ ...base, images: 8 }, 7, []);
      settle(m, { ...base, images: 8 });
      return Array.from(m.state).join('');
    };
    expect(run()).toBe(run());
  });

  it('recalls a lightly corrupted picture; with 8 correlated pictures the classical network ends spurious, F = eˣ recalls', () => {
    const m = new PictureMemory();
    m.reset(base, 1, []);
    settle(m, base);
    expect(m.verdict().kind).toBe('recalled');
    const crowded = { ...base, images: 8, target: 2, mode: 'sweep' as const };
    m.reset(crowded, 1, []);
    settle(m, crowded);
    expect(m.verdict().kind).toBe('spurious');
    const dense = { ...crowded, memory: 'exp' as const };
    m.reset(dense, 1, []);
    settle(m, dense);
    expect(m.verdict().text).toContain('recalled “house”');
  });

  it('past 0.14 N random patterns the classical network fails where F = eˣ still recalls', () => {
    const p = { ...base, extra: 200, mode: 'sweep' as const }; // K = 204 > 0.14 · 1024 ≈ 143
    const m = new PictureMemory();
    m.reset(p, 1, []);
    settle(m, p);
    expect(m.verdict().kind).not.toBe('recalled');
    m.reset({ ...p, memory: 'exp' }, 1, []);
    settle(m, { ...p, memory: 'exp' });
    expect(m.verdict().kind).toBe('recalled');
  });

  it('stores the reader’s pictures after the built-in ones and clamps a target beyond them with a note', () => {
    const m = new PictureMemory();
    const pixels = new Float64Array(16 * 16).map((_, i) => (i % 3 === 0 ? 1 : -1));
    m.reset({ ...base, target: 6 }, 1, [{ name: 'mine', side: 16, pixels }]);
    expect(m.patterns.rows).toBe(5);
    expect(m.names[4]).toBe('mine');
    expect(m.target).toBe(4);
    expect(m.note).toContain('Only 5 pictures');
  });

  it('hides half: the bottom half of the state becomes paper', () => {
    const m = new PictureMemory();
    m.reset(base, 1, []);
    m.applyEdit({ kind: 'mask', args: [] });
    for (let i = 16 * 32; i < 1024; i++) expect(m.state[i]).toBe(-1);
  });

  it('a Reset on the same model gives the run a fresh model gives (the visiting order starts afresh)', () => {
    const stepped = (m: PictureMemory) => {
      for (let k = 0; k < 30; k++) m.step(base);
      return hashState(m, '');
    };
    const a = new PictureMemory();
    a.reset(base, 5, []);
    stepped(a);
    a.reset(base, 5, []);
    const b = new PictureMemory();
    b.reset(base, 5, []);
    expect(stepped(a)).toBe(stepped(b));
  });
});

describe('hopfield-images edits', () => {
  it('a stroke’s runs give back exactly the pixels it set, and runs past the picture are ignored', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 1023 }), fc.boolean()), { maxLength: 200 }), (pairs) => {
        const values = new Map(pairs.map(([i, ink]) => [i, ink ? 1 : -1]));
        const runs = strokeRuns(values);
        const s = new Float64Array(1024);
        applyStrokeRuns(runs, s);
        expect(Array.from(s)).toEqual(Array.from({ length: 1024 }, (_, i) => values.get(i) ?? 0));
      }),
    );
    const s = new Float64Array(16);
    applyStrokeRuns([10, 4096, 4095, -4096, 3], s);
    expect(Array.from(s)).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1]);
  });

  it('a later edit of the same stroke at the same step replaces the earlier one: one link entry, the same state', () => {
    const once = new PictureMemory();
    once.reset(base, 2, []);
    const twice = new PictureMemory();
    twice.reset(base, 2, []);
    // Any two edits of stroke 7: the second paints on the state from before the first.
    twice.applyEdit({ kind: 'paint', args: [7, 0, 40, 100, -30] });
    twice.applyEdit({ kind: 'paint', args: [7, 300, -12, 5, 9] });
    once.applyEdit({ kind: 'paint', args: [7, 300, -12, 5, 9] });
    expect(hashState(twice, '')).toBe(hashState(once, ''));
    // A different stroke, or one after a step, paints on what is there.
    twice.applyEdit({ kind: 'paint', args: [8, 0, 40] });
    for (let i = 0; i < 40; i++) expect(twice.state[i]).toBe(1);
    for (let i = 300; i < 312; i++) expect(twice.state[i]).toBe(-1);

    const run = new Run(meta, () => runnerOf(new PictureMemory()));
    run.restart(defaultProps(meta), 3);
    run.edit({ kind: 'paint', args: [1, 10, 3] });
    run.edit({ kind: 'paint', args: [1, 10, 5] });
    run.edit({ kind: 'paint', args: [2, 500, -5] });
    expect(run.history.map((e) => e.edit?.args)).toEqual([
      [1, 10, 5],
      [2, 500, -5],
    ]);
  });

  it('a stroke across a 64×64 picture with the 3×3 brush is one short link entry', () => {
    const values = new Map<number, number>();
    for (let t = 0; t < 64; t++)
      for (let dr = -1; dr <= 1; dr++)
        for (let dc = -1; dc <= 1; dc++) {
          const r = Math.min(63, Math.max(0, Math.round(t * 0.7) + dr));
          const c = Math.min(63, Math.max(0, t + dc));
          values.set(r * 64 + c, (r + c) % 5 ? -1 : 1);
        }
    const text = encodeEdit({ kind: 'paint', args: [0, ...strokeRuns(values)] });
    expect(text.length).toBeLessThan(2000);
  });

  it('a link made with the reader’s own pictures says they are missing where it is opened', () => {
    const m = new PictureMemory();
    const pixels = new Float64Array(32 * 32).fill(-1);
    m.reset(base, 1, [{ name: 'mine', side: 32, pixels }]);
    m.applyEdit({ kind: 'own', args: [1] });
    expect(m.describe(base)).not.toContain('cannot carry');
    m.reset(base, 1, []);
    m.applyEdit({ kind: 'own', args: [2] });
    expect(m.describe(base)).toContain('stored 2 pictures of the sender');
  });

  it('a link replays the run with its edits on a fresh model, whatever happened (one model throughout, as on the page)', async () => {
    const edits = fc.oneof(
      fc.record({ id: fc.integer({ min: 0, max: 2 }), runs: fc.array(fc.tuple(fc.integer({ min: 0, max: 400 }), fc.integer({ min: -40, max: 40 })), { minLength: 1, maxLength: 6 }) }).map((r): Action => ({ kind: 'edit', edit: { kind: 'paint', args: [r.id, ...r.runs.flat()] } })),
      fc.constant<Action>({ kind: 'edit', edit: { kind: 'mask', args: [] } }),
      fc.integer({ min: 1, max: 3 }).map((n): Action => ({ kind: 'edit', edit: { kind: 'own', args: [n] } })),
    );
    const actions = fc.array(
      fc.oneof(
        { weight: 4, arbitrary: fc.record({ kind: fc.constant('play' as const), steps: fc.integer({ min: 0, max: 40 }), pastSettled: fc.boolean() }) },
        { weight: 5, arbitrary: edits },
        { weight: 1, arbitrary: fc.constantFrom<Action>({ kind: 'set', values: { mode: 'sweep' } }, { kind: 'set', values: { mode: 'flip' } }, { kind: 'set', values: { noise: 0.35 } }, { kind: 'set', values: { target: 3 } }, { kind: 'reset' }) },
        { weight: 1, arbitrary: fc.integer({ min: 1, max: 1000 }).map((seed): Action => ({ kind: 'seed', seed })) },
      ),
      { minLength: 1, maxLength: 14 },
    );
    await fc.assert(
      fc.asyncProperty(actions, fc.integer({ min: 1, max: 1000 }), async (list, seed) => {
        const model = new PictureMemory();
        const run = new Run(meta, () => runnerOf(model));
        run.restart(defaultProps(meta), seed);
        for (const a of list) {
          if (a.kind === 'play') for (let k = 0; k < a.steps && (a.pastSettled || !run.converged); k++) run.step();
          else if (a.kind === 'edit') run.edit(a.edit);
          else if (a.kind === 'set') run.change({ ...run.params, ...a.values });
          else run.restart(run.params, a.kind === 'seed' ? a.seed : run.seed);
        }
        const link = essayFigureLink('https://example.test/essay/', 'fig-hopfield-images', meta, { params: run.params, seed: run.seed, steps: run.steps, speed: 1, base: run.base, history: run.history });
        const state = parseFigureState(meta, queryEntries(new URL(link).search), ['fig']);
        expect(state.notices, link).toEqual([]);
        const fresh = new PictureMemory();
        const replayed = new Run(meta, () => runnerOf(fresh));
        const replay = new Replay(replayed, state.values, state.seed ?? 1, state.history ?? [], state.steps ?? 0);
        while (!replay.advance(Infinity, () => 0));
        expect(replayed.steps, link).toBe(run.steps);
        expect(replayed.history, link).toEqual(run.history);
        expect(hashState(fresh, fresh.describe(replayed.params)), link).toBe(hashState(model, model.describe(run.params)));
      }),
      { numRuns: Number(process.env.REPLAY_RUNS ?? 40) },
    );
  }, 120_000);
});

type Action =
  | { kind: 'play'; steps: number; pastSettled: boolean }
  | { kind: 'edit'; edit: Edit }
  | { kind: 'set'; values: Partial<Params> }
  | { kind: 'reset' }
  | { kind: 'seed'; seed: number };

/** The model as the page's Run drives it (no pictures of the reader's own, so nothing is carried over restarts). */
function runnerOf(m: PictureMemory): FigureSim<typeof meta.props> {
  return {
    reset: (p, s) => m.reset(p, s, []),
    step: (p) => m.step(p),
    onKeptChange: () => m.onKeptChange(),
    applyEdit: (e) => m.applyEdit(e),
  };
}
