import { useEffect, useMemo, useRef } from 'react';
import { useStore } from 'zustand';
import type { FigureProps } from '../registry';
import { useFigure } from '../../lib/figure/useFigure';
import { useSimulation } from '../../lib/figure/useSimulation';
import { PropControls, Transport } from '../../lib/figure/Controls';
import { useTwoPanels } from '../../lib/useTwoPanels';
import { usePalette } from '../../lib/theme';
import { fitCanvas } from '../../lib/canvas';
import { FixedPoints, DOMAIN, ON_POINT, type Params } from './sim';
import { paintBackground, paintPanel, paintStrip, type Background } from './draw';
import { meta } from './meta';
import './style.css';

export default function FixedPointsFigure({ store: anyStore }: FigureProps) {
  const store = useFigure(meta, anyStore);
  const { box, width, stacked, size } = useTwoPanels();
  const left = useRef<HTMLCanvasElement>(null);
  const right = useRef<HTMLCanvasElement>(null);
  const strip = useRef<HTMLCanvasElement>(null);
  const counts = useRef<HTMLParagraphElement>(null);
  const palette = usePalette();
  const params = useStore(store, (s) => s.params);
  const seed = useStore(store, (s) => s.seed);
  const model = useRef(new FixedPoints()).current;
  const bg = useRef<Background | null>(null);
  const view = useMemo(() => ({ width: size, height: size, ...DOMAIN }), [size]);
  const stripW = Math.max(200, Math.min(width, 680));

  const draw = () => {
    const p = store.getState().params as Params;
    if (bg.current && left.current) paintPanel(fitCanvas(left.current, size, size), model, model.am, bg.current, view, palette, palette.accent, false);
    if (bg.current && right.current) paintPanel(fitCanvas(right.current, size, size), model, model.dm, bg.current, view, palette, palette.accent2, true);
    if (strip.current) paintStrip(fitCanvas(strip.current, stripW, 120), model, stripW, 120, palette);
    if (counts.current) {
      const s = model.stats();
      counts.current.textContent =
        p.experiment === 'restart'
          ? `Back at their own training point — memory: ${s.amHome}/${model.n}, diffusion: ${s.dmHome}/${model.n}.`
          : `Samples per training point (diffusion): ${s.share.join(' · ')}. On a point (within ${ON_POINT}) — memory: ${s.amOn}/${model.n}, diffusion: ${s.dmOn}/${model.n}.` +
            (model.t > model.T ? ` Basin jumps since T: ${model.jumps}.` : '');
    }
  };

  const { redraw } = useSimulation(
    store,
    {
      reset: (p, s) => model.reset(p, s),
      step: (p) => model.step(p),
      draw,
      describe: () => model.describe(store.getState().params as Params),
    },
    box,
  );

  useEffect(() => {
    bg.current = paintBackground(model.grid(), view, palette);
    redraw();
  }, [params.memories, params.sigmaT, seed, palette, view]);
  useEffect(redraw, [stripW]);

  return (
    <div className="fig-fixed-points">
      <div ref={box} className={`fig-fixed-points-panels${stacked ? ' is-stacked' : ''}`}>
        <div className="fig-fixed-points-panel">
          <h4>
            <span className="fig-fixed-points-am">●</span> Associative memory, x ← x − α∇E<sub>β</sub>(x), t ∈ [0, ∞)
          </h4>
          <canvas ref={left} role="img" aria-label="Associative memory: particles descend the energy E beta with beta = 1 over sigma of T squared, and stop at its minima." />
        </div>
        <div className="fig-fixed-points-panel">
          <h4>
            <span className="fig-fixed-points-dm">□</span> Diffusion sampler, x ← x + α(t)F(x, t) (+ noise), t ∈ [0, T]
          </h4>
          <canvas ref={right} role="img" aria-label="Diffusion sampler with the exact smoothed score of the training points, from the same starting points." />
        </div>
      </div>
      <canvas ref={strip} className="fig-fixed-points-strip" role="img" aria-label="Fraction of samples sitting on a training point against update t, solid for the memory, dashed for the sampler; T is marked." />
      <p ref={counts} className="fig-fixed-points-counts" />
      {params.particles > 1500 && (
        <p className="figure-notice" role="status">
          {params.particles} particles in two panels: on a modest laptop this may drop below 60 frames per second.
        </p>
      )}
      <PropControls store={store} />
      <Transport store={store} />
    </div>
  );
}
