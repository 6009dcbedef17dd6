import { existsSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { createCanvas, GlobalFonts, Path2D } from '@napi-rs/canvas';
import { applyConstraints, defaultProps, type FigureMeta, type FigureSim, type PropSpecs, type PropValues } from '../../../src/lib/figure/spec';
import type { FigurePoster } from '../../../src/lib/figure/poster';
import { installSurfaces } from '../../../src/lib/draw/surface';
import { PALETTES } from '../../../src/lib/palette';
import { Run } from '../../../src/lib/figure/run';
import type { Edit } from '../../../src/lib/figure/edits';
import { Replay } from '../../../src/lib/figure/replay';
import { essayFigureLink, parseFigureState, queryEntries } from '../../../src/lib/urlState';
import { sims } from './sims';

/*
 * For a sample of figures, the pixels too: a run with changes mid-run (the cases issue 17 measured: a
 * temperature change in boltzmann, diffuse-then-reverse in dye-diffusion; and drags, which are edits of the
 * state, not props: patterns in dispersed-memories, start points in optimizer-sampling, a token in
 * energy-transformer), linked and replayed, is painted by the figure's own painter (through its poster, on
 * @napi-rs/canvas as at build time) and must give the very same pixels as the run that made the link.
 */

type Step = { at: number; set?: Record<string, unknown>; edit?: Edit };
const CASES: Record<string, Step[]> = {
  boltzmann: [{ at: 30, set: { T: 1.7 } }, { at: 55, set: { tilt: -0.3 } }, { at: 56, set: { x: -1.1 } }, { at: 90 }],
  'dye-diffusion': [{ at: 40, set: { direction: 'reverse' } }, { at: 60, set: { sampler: 'ode' } }, { at: 75 }],
  // Edits of the state, not props: a pattern dragged, one added, one removed, then σ changed.
  'dispersed-memories': [
    { at: 10, edit: { kind: 'move', args: [1, 0.5, -0.4] } },
    { at: 10, edit: { kind: 'add', args: [1.2, 1.1] } },
    { at: 25, edit: { kind: 'remove', args: [0] } },
    { at: 30, set: { sigma: 1.2 } },
    { at: 50 },
  ],
  // Two start points moved mid-run; a token dragged round the LayerNorm circle.
  'optimizer-sampling': [{ at: 5, edit: { kind: 'move', args: [0, 1.2, -0.8] } }, { at: 5, edit: { kind: 'move', args: [1, -1, 1] } }, { at: 20 }],
  'energy-transformer': [{ at: 3, edit: { kind: 'move', args: [0, 1] } }, { at: 12 }],
  'landscape-duality': [{ at: 10, set: { x1: 0.4, y1: -0.9 } }, { at: 10, set: { beta: 9 } }, { at: 35, set: { alpha: 0.2 } }, { at: 50 }],
};

beforeAll(() => {
  installSurfaces({ canvas: (w, h) => createCanvas(w, h) as unknown as HTMLCanvasElement, path: () => new Path2D() as unknown as globalThis.Path2D });
  for (const dir of ['/usr/share/fonts/truetype/dejavu', '/usr/share/fonts/truetype/liberation']) if (existsSync(dir)) GlobalFonts.loadFontsFromDir(dir);
});

async function paint(poster: FigurePoster<PropSpecs, unknown>, state: unknown, props: PropValues<PropSpecs>): Promise<Uint8ClampedArray> {
  const canvas = createCanvas(704, 900);
  const ctx = canvas.getContext('2d');
  const palette = PALETTES.light;
  await poster.draw(ctx as unknown as CanvasRenderingContext2D, state, { width: 704, palette, props, plot: async () => {} });
  return ctx.getImageData(0, 0, 704, 900).data;
}

describe('a replayed link paints the same pixels', () => {
  for (const [id, steps] of Object.entries(CASES)) {
    it(id, async () => {
      const { meta } = (await import(`../../../src/figures/${id}/meta.ts`)) as { meta: FigureMeta };
      const { poster } = (await import(`../../../src/figures/${id}/poster.ts`)) as { poster: FigurePoster<PropSpecs, unknown> };
      const sim = await sims[id]();
      const run = new Run(meta, () => sim as unknown as FigureSim<PropSpecs>);
      run.restart(defaultProps(meta), 5);
      for (const s of steps) {
        while (run.steps < s.at) run.step();
        if (s.edit) run.edit(s.edit);
        if (s.set) run.change(applyConstraints(meta, { ...run.params, ...s.set } as PropValues<PropSpecs>).values);
      }
      const link = essayFigureLink('https://example.test/', `fig-${id}`, meta, { params: run.params, seed: run.seed, steps: run.steps, speed: 1, base: run.base, history: run.history });
      expect(link).toMatch(/[?&]h=/);
      const state = parseFigureState(meta, queryEntries(new URL(link).search), ['fig']);
      const again = await sims[id]();
      const replayed = new Run(meta, () => again as unknown as FigureSim<PropSpecs>);
      new Replay(replayed, state.values, state.seed ?? 1, state.history ?? [], state.steps ?? 0).advance();
      const a = await paint(poster, sim, run.params);
      const b = await paint(poster, again, replayed.params);
      let differ = 0;
      for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) differ++;
      expect(differ, link).toBe(0);
      // And the same link without its history (what links were before) does not: the change mattered.
      const fresh = await sims[id]();
      const old = new Run(meta, () => fresh as unknown as FigureSim<PropSpecs>);
      new Replay(old, run.params, run.seed, [], run.steps).advance();
      const c = await paint(poster, fresh, run.params);
      expect(c.some((v, i) => v !== a[i])).toBe(true);
    });
  }
});
