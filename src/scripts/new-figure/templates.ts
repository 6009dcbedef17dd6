/*
 * The files `npm run new-figure <id>` writes into src/figures/<id>/: the house shape of a figure (see README,
 * "Adding a figure"), as a small working example to edit. meta.ts declares it; sim.ts holds its state in typed
 * arrays and calls src/core; draw.ts only paints; Component.tsx wires them to the store, the animation loop and
 * the generated controls. Change the shape here, in this one file.
 */

export interface FigureNames {
  /** kebab-case, the folder and the markdown id: `energy-landscape` */
  id: string;
  /** PascalCase, the component's name: `EnergyLandscape` */
  component: string;
  /** Words, a first title: `Energy landscape` */
  title: string;
}

export function namesOf(id: string): FigureNames {
  const words = id.split('-');
  return {
    id,
    component: words.map((w) => w[0].toUpperCase() + w.slice(1)).join(''),
    title: [words[0][0].toUpperCase() + words[0].slice(1), ...words.slice(1)].join(' '),
  };
}

const meta = ({ id, title }: FigureNames) => `import { defineFigure } from '../../lib/figure/spec';

export const meta = defineFigure({
  id: '${id}',
  title: '${title}',
  summary: 'One sentence: what the figure shows and the question it answers.',
  animated: true,
  seeded: true,
  props: {
    memories: { type: 'number', integer: true, min: 1, max: 8, default: 3, label: 'K', description: 'How many memories ξ_μ are stored.' },
    beta: { type: 'number', onChange: 'keep', log: true, min: 0.1, max: 50, default: 4, label: 'β', description: 'Inverse temperature of the energy.' },
    alpha: { type: 'number', onChange: 'keep', min: 0.01, max: 0.5, step: 0.01, default: 0.05, label: 'α', description: 'Step size of x ← x − α∇E(x).' },
    particles: { type: 'number', integer: true, min: 1, max: 2000, default: 200, label: 'particles', description: 'How many particles start from random places.' },
  },
});
`;

const sim = () => `import { createParticleScratch, createRng, energyDescentStepBatch, lseGradBatch, matrixFromData, scatterUniform, type Domain, type Matrix } from '../../core';
import type { PropValues } from '../../lib/figure/spec';
import type { meta } from './meta';

export type Params = PropValues<typeof meta.props>;
export const DOMAIN: Domain = { x0: -3, x1: 3, y0: -3, y1: 3 };
const MEMORY_DOMAIN: Domain = { x0: -2, x1: 2, y0: -2, y1: 2 };
/** A particle that moved less than this in the last step has settled. */
const SETTLED = 1e-4;

/** The figure's state, in typed arrays. The dynamics are the core's; this class only holds and calls them. */
export class Model {
  memories: Matrix = matrixFromData(1, 2, new Float64Array(2));
  xs: Float64Array = new Float64Array(0);
  scratch = createParticleScratch(0);
  lastMove = Infinity;

  /** Deterministic in (params, seed): a deep link replays a run as reset, then \`steps\` × step. */
  reset(p: Params, seed: number): void {
    const rng = createRng(seed);
    this.memories = matrixFromData(p.memories, 2, scatterUniform(new Float64Array(2 * p.memories), MEMORY_DOMAIN, rng));
    this.xs = scatterUniform(new Float64Array(2 * p.particles), DOMAIN, rng);
    this.scratch = createParticleScratch(this.xs.length);
    this.lastMove = Infinity;
  }

  /** One update, x ← x − α∇E(x) for every particle; true once none moves any more. */
  step(p: Params): boolean {
    this.lastMove = energyDescentStepBatch((xs, out) => lseGradBatch(xs, this.memories, p.beta, out), this.xs, p.alpha, this.scratch);
    return this.lastMove < SETTLED;
  }

  describe(p: Params): string {
    const n = this.xs.length / 2;
    return \`\${n} particles descending E with β = \${p.beta}; \${this.lastMove < SETTLED ? 'all have settled' : 'still moving'}.\`;
  }
}
`;

const draw = () => `import type { Palette } from '../../lib/theme';
import { drawMemories, drawParticles, type View } from '../../lib/draw/landscape';
import type { Model } from './sim';

/** Paints the model. Computes nothing but pixel positions. */
export function paint(ctx: CanvasRenderingContext2D, model: Model, view: View, palette: Palette): void {
  ctx.fillStyle = palette.bg;
  ctx.fillRect(0, 0, view.width, view.height);
  drawParticles(ctx, model.xs, model.xs.length / 2, view, palette.accent2);
  drawMemories(ctx, model.memories.data, model.memories.rows, view, palette);
}
`;

const component = ({ id, component: name }: FigureNames) => `import { useEffect, useMemo, useRef } from 'react';
import type { FigureProps } from '../registry';
import { useFigure } from '../../lib/figure/useFigure';
import { useSimulation } from '../../lib/figure/useSimulation';
import { PropControls, Transport } from '../../lib/figure/Controls';
import { useParentSize } from '../../lib/useParentSize';
import { usePalette } from '../../lib/theme';
import { fitCanvas } from '../../lib/canvas';
import { DOMAIN, Model } from './sim';
import { paint } from './draw';
import { meta } from './meta';

export default function ${name}({ store: anyStore }: FigureProps) {
  const store = useFigure(meta, anyStore);
  const { ref: box, width } = useParentSize<HTMLDivElement>(480, 480);
  const size = Math.max(240, Math.min(width, 560));
  const view = useMemo(() => ({ width: size, height: size, ...DOMAIN }), [size]);
  const canvas = useRef<HTMLCanvasElement>(null);
  const palette = usePalette();
  const model = useRef(new Model()).current;

  const { redraw } = useSimulation(
    store,
    {
      reset: (p, seed) => model.reset(p, seed),
      step: (p) => model.step(p),
      draw: () => {
        if (canvas.current) paint(fitCanvas(canvas.current, size, size), model, view, palette);
      },
      describe: () => model.describe(store.getState().params),
    },
    box,
  );
  // Repaint when the size or the theme changes, also while paused.
  useEffect(redraw, [view, palette]);

  return (
    <div className="fig-${id}">
      <div ref={box} className="figure-canvas-box">
        <canvas ref={canvas} role="img" aria-label="Particles walking downhill towards the stored memories." />
      </div>
      <PropControls store={store} />
      <Transport store={store} />
    </div>
  );
}
`;

/** The new figure's files, by name. */
export function figureFiles(id: string): Record<string, string> {
  const names = namesOf(id);
  return { 'meta.ts': meta(names), 'sim.ts': sim(), 'draw.ts': draw(), 'Component.tsx': component(names) };
}
