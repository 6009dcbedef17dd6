import { useEffect, useMemo, useRef, useState } from 'react';
import { useStore } from 'zustand';
import type { FigureProps } from '../registry';
import { useFigure } from '../../lib/figure/useFigure';
import { useSimulation } from '../../lib/figure/useSimulation';
import { PropControls, Transport } from '../../lib/figure/Controls';
import { useParentSize } from '../../lib/useParentSize';
import { usePalette } from '../../lib/theme';
import { fitCanvas } from '../../lib/canvas';
import { Tex } from '../../lib/Tex';
import { SideBySide, DOMAIN, type Params } from './sim';
import { paint, paintBackground, paintSchedule, paintTrails, type Background, type Highlight } from './draw';
import { meta } from './meta';
import { MathText } from '../../lib/MathText';
import './style.css';

const TERMS: { key: Exclude<Highlight, 'none'>; label: string; says: string }[] = [
  { key: 'force', label: '−∇E ↔ F_θ', says: 'the force: minus the energy gradient for the memory, the learned score for diffusion' },
  { key: 'tau', label: 'τ ↔ τ(t)', says: 'the time constant: fixed for the memory, set by the noise schedule for diffusion' },
  { key: 'alpha', label: 'α ↔ α(t)', says: 'the step size Δt/τ: constant for the memory, shrinking with σ(t) for diffusion' },
];

const AM_CONT = String.raw`\htmlClass{sbs-tau}{\tau}\,\frac{dx}{dt} = \htmlClass{sbs-force}{-\nabla_x E_\theta(x)}`;
const AM_DISC = String.raw`x^{t+1} = x^t + \htmlClass{sbs-alpha}{\alpha}\,\htmlClass{sbs-force}{\big(-\nabla_x E_\theta(x^t)\big)}`;
const DM_CONT = String.raw`\htmlClass{sbs-tau}{\tau(t)}\,\frac{dx}{dt} = \htmlClass{sbs-force}{F_\theta(x,t)}`;
const DM_DISC = String.raw`x^{t+1} = x^t + \htmlClass{sbs-alpha}{\alpha(t)}\,\htmlClass{sbs-force}{F_\theta(x^t,t)}`;

export default function SideBySideFigure({ store: anyStore }: FigureProps) {
  const store = useFigure(meta, anyStore);
  const { ref: box, width } = useParentSize<HTMLDivElement>(560, 560);
  const size = Math.max(240, Math.min(width, 560));
  const canvas = useRef<HTMLCanvasElement>(null);
  const plot = useRef<HTMLCanvasElement>(null);
  const readout = useRef<HTMLParagraphElement>(null);
  const eqs = useRef<HTMLDivElement>(null);
  const trails = useRef<HTMLCanvasElement | null>(null);
  const palette = usePalette();
  const params = useStore(store, (s) => s.params);
  const seed = useStore(store, (s) => s.seed);
  const model = useRef(new SideBySide()).current;
  const bg = useRef<Background | null>(null);
  const [hl, setHl] = useState<Highlight>('none');
  const hlRef = useRef<Highlight>('none');
  hlRef.current = hl;
  const view = useMemo(() => ({ width: size, height: size, ...DOMAIN }), [size]);
  const plotW = Math.max(240, Math.min(width, 560));

  const trailCtx = () => {
    if (!trails.current) trails.current = document.createElement('canvas');
    return fitCanvas(trails.current, size, size);
  };

  const draw = () => {
    const p = store.getState().params as Params;
    if (canvas.current && bg.current) paint(fitCanvas(canvas.current, size, size), model, bg.current, trails.current, view, palette, hlRef.current);
    if (plot.current) paintSchedule(fitCanvas(plot.current, plotW, 130), model, plotW, 130, palette, p.alpha, p.afterT, hlRef.current);
    if (readout.current) {
      const dmA = model.t < model.T ? model.dmAlpha(model.t) : p.afterT === 'hold' ? model.dmAlpha(model.T - 1) : 0;
      readout.current.textContent =
        `t = ${model.t}${model.t >= model.T ? ` (past T = ${model.T})` : ''} · diffusion: σ(t) = ${model.t < model.T || p.afterT === 'hold' ? model.sigmaNow().toPrecision(2) : '—'}, ` +
        `α(t) = ${dmA ? dmA.toPrecision(2) : '0 (halted)'} · memory: β = ${model.beta.toPrecision(3)}, α = ${p.alpha}`;
    }
  };

  const { redraw } = useSimulation(
    store,
    {
      reset: (p, s) => {
        model.reset(p, s);
        trailCtx().clearRect(0, 0, size, size);
      },
      step: (p) => {
        const done = model.step(p);
        paintTrails(trailCtx(), model, view, palette);
        return done;
      },
      draw,
      describe: () => model.describe(store.getState().params as Params),
    },
    box,
  );

  useEffect(() => {
    bg.current = paintBackground(model.grid(), view, palette);
    redraw();
  }, [params.memories, params.sigmaMin, seed, palette, view]);
  const trailSize = useRef(size);
  useEffect(() => {
    // A resize changes the trail layer's scale: start it afresh rather than stretch it.
    if (trails.current && trailSize.current !== size) trailCtx().clearRect(0, 0, size, size);
    trailSize.current = size;
    redraw();
  }, [size]);
  useEffect(redraw, [hl, plotW]);

  // The KaTeX spans of matching terms answer to the pointer; KaTeX hides its HTML from screen readers, so the
  // keyboard uses the term buttons below instead (they highlight the same pairs).
  useEffect(() => {
    const root = eqs.current;
    if (!root) return;
    for (const t of TERMS) root.querySelectorAll<HTMLElement>(`.sbs-${t.key}`).forEach((el) => (el.dataset.term = t.key));
  });

  const termOf = (el: EventTarget | null): Highlight => {
    const hit = el instanceof Element ? el.closest<HTMLElement>('[data-term]') : null;
    return (hit?.dataset.term as Highlight) ?? 'none';
  };

  return (
    <div className="fig-side-by-side" data-hl={hl}>
      <div ref={box} className="figure-canvas-box">
        <canvas
          ref={canvas}
          role="img"
          aria-label="One energy landscape. Filled blue discs: the associative memory descending the energy. Hollow orange squares: the diffusion model following its score along the noise schedule. Both start from the same points; rings with crosses are the memories."
        />
      </div>
      <p className="figure-hint">
        <span className="fig-side-by-side-key fig-side-by-side-am">●</span> associative memory (Eq. 10) &nbsp;
        <span className="fig-side-by-side-key fig-side-by-side-dm">□</span> diffusion model (Eq. 9), same starting points
      </p>
      <div
        ref={eqs}
        className="fig-side-by-side-eqs"
        onMouseOver={(e) => setHl(termOf(e.target))}
        onMouseLeave={() => setHl('none')}
        onFocus={(e) => setHl(termOf(e.target))}
        onBlur={() => setHl('none')}
      >
        <div className="fig-side-by-side-col">
          <h4>Associative memory</h4>
          <Tex tex={AM_CONT} display />
          <span className="fig-side-by-side-eqno">survey Eq. 10, t ∈ [0, ∞)</span>
          <Tex tex={AM_DISC} display />
          <span className="fig-side-by-side-eqno">survey Eq. 11</span>
        </div>
        <div className="fig-side-by-side-col">
          <h4>Diffusion model</h4>
          <Tex tex={DM_CONT} display />
          <span className="fig-side-by-side-eqno">survey Eq. 9, t ∈ [0, T]</span>
          <Tex tex={DM_DISC} display />
          <span className="fig-side-by-side-eqno">
            <MathText text="Table 1, with α(t) = σ_t(σ_t − σ_{t+1})" />
          </span>
        </div>
        <div className="fig-side-by-side-terms" role="group" aria-label="Matching terms">
          {TERMS.map((t) => (
            <button key={t.key} type="button" className="btn" data-term={t.key} aria-pressed={hl === t.key} title={t.says} onMouseEnter={() => setHl(t.key)}>
              <MathText text={t.label} spoken={false} />
            </button>
          ))}
        </div>
      </div>
      <canvas ref={plot} className="fig-side-by-side-plot" role="img" aria-label="Step size against update t: the diffusion model's α(t) shrinks along its schedule and stops at T; the memory's α is constant forever." />
      <p ref={readout} className="fig-side-by-side-readout" />
      {params.particles > 2000 && (
        <p className="figure-notice" role="status">
          {params.particles} particles, each run by both dynamics: on a modest laptop this may drop below 60 frames per second.
        </p>
      )}
      <PropControls store={store} />
      <Transport store={store} />
    </div>
  );
}
