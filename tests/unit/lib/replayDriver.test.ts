import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { defaultProps, type FigureSim, type PropSpecs } from '../../../src/lib/figure/spec';
import { createFigureStore, type FigureStore } from '../../../src/lib/figure/store';
import { Run } from '../../../src/lib/figure/run';
import { Replay } from '../../../src/lib/figure/replay';
import { startReplay, type ReplayHandle } from '../../../src/lib/figure/replayDriver';
import { AnnealedLangevin as Sim } from '../../../src/figures/annealed-langevin/sim';
import { meta } from '../../../src/figures/annealed-langevin/meta';
import { hashState } from '../figures/sims';

/*
 * The page's replay driver, in Node with a stand-in for the browser's frame clock: a long replay runs in
 * pieces (none of them a long task), reports its progress, ends in the state of a replay in one go, and stops
 * where it stands when the reader changes a prop, presses Play or Step, or resets.
 */

beforeAll(() => {
  const g = globalThis as Record<string, unknown>;
  // Node delivers MessageChannel messages ahead of timers: a frame is the next turn of the event loop.
  g.requestAnimationFrame ??= (cb: (t: number) => void) => setImmediate(() => cb(performance.now()));
  g.document ??= { visibilityState: 'visible', addEventListener() {} };
});

type P = typeof meta.props;
const heavy = { ...defaultProps(meta), particles: 20000, levels: 20, stepsPerLevel: 200 };
const TARGET = 200;
let handle: ReplayHandle | null = null;
afterEach(() => handle?.dispose());

function setup(pieces: number[] = []) {
  const store = createFigureStore(meta, { autoplay: false }) as FigureStore<P>;
  const sim = new Sim();
  const run = new Run(meta, () => sim as unknown as FigureSim<P>);
  const host = {
    store,
    run,
    guard: (fn: () => void) => {
      const t0 = performance.now();
      fn();
      pieces.push(performance.now() - t0);
      return true;
    },
    draw: () => {},
    describe: () => {},
  };
  handle = startReplay(host, heavy, 7, [], TARGET);
  return { store, sim, run };
}

const turn = () => new Promise((r) => setImmediate(r));
async function until(cond: () => boolean) {
  while (!cond()) await turn();
}

const settled = (store: FigureStore<P>) =>
  new Promise<void>((resolve) => {
    if (store.getState().replay?.status !== 'running') return resolve();
    const off = store.subscribe((s) => s.replay?.status !== 'running' && (off(), resolve()));
  });

describe('a replay on the page', () => {
  it('runs in pieces, shows progress, and ends where a replay in one go ends', async () => {
    const pieces: number[] = [];
    const { store, sim, run } = setup(pieces);
    expect(store.getState().replay).toMatchObject({ status: 'running', target: TARGET });
    await settled(store);
    expect(store.getState().replay!.status).toBe('done');
    // Measured from the first piece that stepped (the first piece may go to the restart alone).
    expect(store.getState().replay!.estimateMs).toBeGreaterThan(0);
    expect(store.getState().steps).toBe(TARGET);
    // Against the same run replayed in one go.
    const other = new Sim();
    new Replay(new Run(meta, () => other as unknown as FigureSim<PropSpecs>), heavy, 7, [], TARGET).advance();
    expect(hashState(sim, '')).toBe(hashState(other, ''));
    expect(run.steps).toBe(TARGET);
    const sorted = [...pieces].sort((a, b) => a - b);
    console.log(`first ${pieces[0].toFixed(0)} ms, longest at #${pieces.indexOf(sorted[sorted.length - 1])}; replay pieces: ${pieces.length}, median ${sorted[sorted.length >> 1].toFixed(1)} ms, longest ${sorted[sorted.length - 1].toFixed(1)} ms`);
    expect(pieces.length).toBeGreaterThan(10);
    // Not one long task: a piece is about 8 ms, or one update when an update costs more (a loaded machine may
    // stretch one; replayed in one go, this would be one task of seconds).
    expect(sorted[sorted.length >> 1]).toBeLessThan(50);
  });

  for (const [what, act] of [
    ['a change of props', (s: FigureStore<P>) => s.getState().setParam('eps', 0.005)],
    ['Play', (s: FigureStore<P>) => s.getState().play()],
    ['Step', (s: FigureStore<P>) => s.getState().requestStep()],
    ['Reset', (s: FigureStore<P>) => s.getState().reset()],
  ] as const) {
    it(`stops where it stands on ${what}`, async () => {
      const { store, run } = setup();
      await until(() => run.steps > 5);
      act(store);
      const st = store.getState();
      expect(st.replay!.status).toBe('cancelled');
      expect(st.steps).toBe(run.steps);
      expect(st.replay!.step).toBe(run.steps);
      expect(st.steps).toBeLessThan(TARGET);
      const at = run.steps;
      for (let i = 0; i < 20; i++) await turn();
      expect(run.steps).toBe(at);
    });
  }
});
