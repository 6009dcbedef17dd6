import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyConstraints, changedProps, defaultProps, keepsRun, onChangeOf, type FigureMeta, type FigureSim, type PropSpec, type PropSpecs, type PropValues } from '../../../src/lib/figure/spec';
import { Run } from '../../../src/lib/figure/run';
import { Replay } from '../../../src/lib/figure/replay';
import { argSpec, type Edit, type EditSpec } from '../../../src/lib/figure/edits';
import { essayFigureLink, parseFigureState, queryEntries } from '../../../src/lib/urlState';
import { hashState, sims, type Runner } from './sims';

/*
 * Exact links, whatever happened: for every animated figure, random interaction histories (prop changes within
 * the declared ranges at random steps, kept or restarting as each prop declares; edits of the state the meta
 * declares, such as drags, with random arguments in their ranges; Reset; a new seed; playing on after the run
 * has settled) are run live through a Run, as the page does; the link Copy link would write
 * is read back like any URL, replayed from scratch, and must give the same state hash at the same step, with
 * the same history. `REPLAY_RUNS` sets the runs per figure (default 8).
 */

const RUNS = Number(process.env.REPLAY_RUNS ?? 8);

type Action =
  | { kind: 'play'; steps: number; pastSettled: boolean }
  | { kind: 'set'; prop: string; value: unknown }
  | { kind: 'edit'; edit: Edit }
  | { kind: 'reset' }
  | { kind: 'seed'; seed: number };

function valueOf(spec: PropSpec): fc.Arbitrary<unknown> {
  if (spec.type === 'number') {
    if (spec.integer) return fc.integer({ min: spec.min, max: spec.max });
    // + 0 turns −0 into 0: a slider never gives −0.
    return fc.double({ min: spec.min, max: spec.max, noNaN: true, noDefaultInfinity: true }).map((v) => v + 0);
  }
  if (spec.type === 'boolean') return fc.boolean();
  return fc.constantFrom(...spec.options);
}

/** A random edit of one kind: each argument in its range (whole where it must be), repeats up to the most. */
function editOf(kind: string, spec: EditSpec): fc.Arbitrary<Action> {
  const fixed = spec.args.length - (spec.repeat?.of ?? 0);
  const count = spec.repeat ? fc.integer({ min: 1, max: spec.repeat.max }).map((r) => fixed + r * spec.repeat!.of) : fc.constant(spec.args.length);
  const arg = ([min, max, integer]: ReturnType<typeof argSpec>) => (integer ? fc.integer({ min, max }) : fc.double({ min, max, noNaN: true, noDefaultInfinity: true }));
  return count.chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => arg(argSpec(spec, i)))).map((args): Action => ({ kind: 'edit', edit: { kind, args } })));
}

function actionsFor(meta: FigureMeta): fc.Arbitrary<Action[]> {
  const props = Object.entries(meta.props);
  const keep = props.filter(([k]) => onChangeOf(meta, k) === 'keep');
  const restart = props.filter(([k]) => onChangeOf(meta, k) === 'restart');
  const set = (list: [string, PropSpec][]) =>
    fc.constantFrom(...list).chain(([prop, spec]) => valueOf(spec).map((value): Action => ({ kind: 'set', prop, value })));
  const options: fc.WeightedArbitrary<Action>[] = [
    { weight: 6, arbitrary: fc.record({ kind: fc.constant('play' as const), steps: fc.integer({ min: 0, max: 12 }), pastSettled: fc.boolean() }) },
    { weight: 1, arbitrary: fc.constant({ kind: 'reset' as const }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('seed' as const), seed: fc.integer({ min: 0, max: 2 ** 31 }) }) },
  ];
  if (keep.length) options.push({ weight: 6, arbitrary: set(keep) });
  if (restart.length) options.push({ weight: 1, arbitrary: set(restart) });
  for (const [kind, spec] of Object.entries(meta.edits ?? {})) options.push({ weight: 3, arbitrary: editOf(kind, spec) });
  return fc.array(fc.oneof(...options), { minLength: 1, maxLength: 14 });
}

/** The state the hash reads: the sim itself, or the view a runner gives of it; its summary joins the hash. */
function hashOf(sim: Runner, params: unknown): string {
  const state = (sim as { state?: { describe?: (p: unknown) => string } }).state ?? (sim as { describe?: (p: unknown) => string });
  return hashState(state, typeof state.describe === 'function' ? state.describe(params) : '');
}

/**
 * Plays the actions live, as the page does: the loop stops at convergence unless the reader steps on. A
 * restart gets a fresh sim (`renew`): several sims leave scratch buffers and trace capacity from the previous
 * run behind, which nothing draws but the hash would read.
 */
async function live<P extends PropSpecs>(run: Run<P>, actions: Action[], renew: () => Promise<void>): Promise<void> {
  for (const a of actions) {
    const next = a.kind === 'set' ? applyConstraints(run.meta, { ...run.params, [a.prop]: a.value } as PropValues<P>).values : run.params;
    const changed = changedProps(run.meta, next, run.params);
    const restarts = a.kind === 'reset' || a.kind === 'seed' || (changed.length > 0 && !keepsRun(run.meta, changed));
    // What the page's sim would carry over the restart, asked of it before the fresh one replaces it.
    const sim = run.sim() as FigureSim<P>;
    const carry = restarts ? (sim.carriedEdits?.(next, a.kind === 'seed' ? a.seed : run.seed) ?? []) : [];
    if (restarts) await renew();
    if (a.kind === 'play') {
      for (let i = 0; i < a.steps; i++) {
        if (run.converged && !a.pastSettled) break;
        run.step();
      }
    } else if (a.kind === 'edit') {
      run.edit(a.edit);
    } else if (a.kind === 'set') {
      if (restarts) run.restart(next, run.seed, carry);
      else run.change(next);
    } else if (a.kind === 'reset') {
      run.restart(run.params, run.seed, carry);
    } else {
      run.restart(run.params, a.seed, carry);
    }
  }
}

const counts: Record<string, { runs: number; changes: number; steps: number; pieces: number }> = {};

describe('a link replays the run that made it, whatever happened', () => {
  for (const [id, make] of Object.entries(sims)) {
    it(id, async () => {
      const { meta } = (await import(`../../../src/figures/${id}/meta.ts`)) as { meta: FigureMeta };
      const tally = (counts[id] = { runs: 0, changes: 0, steps: 0, pieces: 0 });
      await fc.assert(
        fc.asyncProperty(actionsFor(meta), fc.integer({ min: 0, max: 2 ** 31 }), fc.integer({ min: 0, max: 4 }), async (actions, seed, budget) => {
          let sim = await make();
          const run = new Run(meta, () => sim as unknown as FigureSim<PropSpecs>);
          run.restart(defaultProps(meta), seed);
          await live(run, actions, async () => void (sim = await make()));

          const link = essayFigureLink('https://example.test/essay/', `fig-${id}`, meta, {
            params: run.params,
            seed: run.seed,
            steps: run.steps,
            speed: 1,
            base: run.base,
            history: run.history,
          });
          const state = parseFigureState(meta, queryEntries(new URL(link).search), ['fig']);
          expect(state.notices, link).toEqual([]);

          const again = await make();
          const replayed = new Run(meta, () => again as unknown as FigureSim<PropSpecs>);
          // In one go, or in pieces of a few ticks of a clock that ticks at every reading (as the page slices it).
          const replay = new Replay(replayed, state.values, state.seed ?? 1, state.history ?? [], state.steps ?? 0);
          let tick = 0;
          while (!replay.advance(budget || Infinity, () => tick++)) tally.pieces++;
          expect(replayed.steps, link).toBe(run.steps);
          expect(replayed.params, link).toEqual(run.params);
          expect(replayed.history, link).toEqual(run.history);
          expect(hashOf(again, replayed.params), link).toBe(hashOf(sim, run.params));
          tally.runs++;
          tally.changes += run.history.length;
          tally.steps += run.steps;
        }),
        { numRuns: RUNS },
      );
    }, 60_000);
  }
  it('counts', () => {
    const total = { runs: 0, changes: 0, steps: 0, pieces: 0 };
    for (const c of Object.values(counts)) for (const k of Object.keys(total) as (keyof typeof total)[]) total[k] += c[k];
    console.log(`replay property: ${Object.keys(counts).length} figures, ${total.runs} histories, ${total.changes} recorded entries, ${total.steps} steps, replays cut into ${total.pieces} extra pieces`);
  });
});
