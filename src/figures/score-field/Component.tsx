import { useEffect, useMemo, useRef } from 'react';
import { useStore } from 'zustand';
import 'katex/dist/katex.min.css';
import './style.css';
import type { FigureProps } from '../registry';
import { useFigure } from '../../lib/figure/useFigure';
import { useSimulation } from '../../lib/figure/useSimulation';
import { PropControls } from '../../lib/figure/Controls';
import { useSquareView } from '../../lib/useSquareView';
import { usePalette } from '../../lib/theme';
import { fitCanvas } from '../../lib/canvas';
import { contourBackground, type ContourBackground } from '../../lib/draw/contourBackground';
import { lattice } from '../../lib/draw/arrows';
import { Tex } from '../../lib/Tex';
import { TermButton, termAt, useTermHighlight } from '../../lib/termHighlight';
import { DOMAIN, SCHEDULE, ScoreField, sigmaAt, timeOf, type Params } from './sim';
import { paint } from './draw';
import { meta } from './meta';
import { localPoint } from '../../lib/pointer';
import { MathText } from '../../lib/MathText';

type Highlight = 'none' | 'F' | 't';

/** The update rule in the chosen time convention (survey Eqs. 3 and 4), with the current time filled in. */
function equation(p: Params): string {
  const t = Math.round(timeOf(p.sigma));
  const F = (v: string) => `\\htmlClass{fig-sf-F}{F_\\theta(x^{${v}}, ${v})}`;
  if (p.time === 'forward') {
    return `\\begin{gathered}x^{t+1} = x^{t} + \\alpha(t)\\,${F('t')}\\\\ \\htmlClass{fig-sf-t}{t = ${t}},\\ \\sigma(t) = ${p.sigma.toPrecision(2)}\\end{gathered}`;
  }
  return `\\begin{gathered}x^{s-1} = x^{s} + \\alpha(s)\\,${F('s')}\\\\ \\htmlClass{fig-sf-t}{s = ${SCHEDULE.T - t}},\\ \\sigma(s) = ${p.sigma.toPrecision(2)}\\end{gathered}`;
}

export default function ScoreFieldFigure({ store: anyStore }: FigureProps) {
  const store = useFigure(meta, anyStore);
  const { box, size, view } = useSquareView(DOMAIN);
  const canvas = useRef<HTMLCanvasElement>(null);
  const palette = usePalette();
  const params = useStore(store, (s) => s.params);
  const field = useRef(new ScoreField()).current;
  const bg = useRef<ContourBackground | null>(null);
  const { hl, setHl, hlRef } = useTermHighlight<Highlight>('none');

  const n = size < 400 ? 15 : 21;
  const points = useMemo(() => lattice(view, n), [view, n]);

  const draw = () => {
    if (!canvas.current || !bg.current) return;
    const p = store.getState().params;
    paint(fitCanvas(canvas.current, size, size), field, bg.current, view, palette, { samples: p.samples, highlight: hlRef.current === 'F', cell: size / n });
  };

  const { redraw } = useSimulation(
    store,
    {
      reset: (p) => field.update(p.sigma, points),
      step: () => true,
      draw,
      describe: () => field.describe(store.getState().params as Params),
    },
    box,
  );

  // The field and heatmap depend on σ, the lattice and the theme; recompute when they change.
  useEffect(() => {
    // useSimulation's reset already recomputed the field for a new σ; only a new lattice (a resize) needs it here.
    if (field.points !== points || field.sigma !== params.sigma) field.update(params.sigma, points);
    bg.current = contourBackground(field.grid!, view, palette, 0.95, 12);
    redraw();
  }, [params.sigma, points, palette, view]);
  useEffect(() => redraw(), [hl, params.samples]);

  // The time strip: σ(t) against t, with the current noise level marked.
  const stripH = 104;
  const m = { l: 40, r: 14, t: 8, b: 36 };
  const w = size - m.l - m.r;
  const h = stripH - m.t - m.b;
  const tx = (t: number) => m.l + (t / SCHEDULE.T) * w;
  const ly = (s: number) => m.t + (1 - Math.log(s / SCHEDULE.sigmaMin) / Math.log(SCHEDULE.sigmaMax / SCHEDULE.sigmaMin)) * h;
  const curve = useMemo(() => {
    let d = '';
    for (let k = 0; k <= 50; k++) {
      const t = (k / 50) * SCHEDULE.T;
      d += `${k ? 'L' : 'M'}${tx(t).toFixed(1)},${ly(sigmaAt(t)).toFixed(1)}`;
    }
    return d;
  }, [size]);
  const tNow = timeOf(params.sigma);
  const forward = params.time === 'forward';
  const setFromStrip = (e: React.PointerEvent<SVGSVGElement>) => {
    const [px] = localPoint(e, e.currentTarget);
    const t = Math.min(SCHEDULE.T, Math.max(0, ((px - m.l) / w) * SCHEDULE.T));
    const s = sigmaAt(t);
    store.getState().setParam('sigma', Math.min(3, Math.max(0.05, Number(s.toPrecision(3)))));
  };
  const onEqOver = (e: React.PointerEvent) => setHl(termAt<Highlight>(e.target, { 'fig-sf-F': 'F', 'fig-sf-t': 't' }, 'none'));

  return (
    <div className="fig-score-field" data-hl={hl}>
      <div className="fig-score-field-eq" onPointerOver={onEqOver} onPointerLeave={() => setHl('none')} data-testid="equation">
        <Tex tex={equation(params)} display />
      </div>
      <div ref={box} className="figure-canvas-box">
        <canvas
          ref={canvas}
          role="img"
          aria-label={`Score field ∇log p(x; σ) at σ = ${params.sigma}: arrows point uphill in log-probability, toward the data points (rings).`}
          onPointerEnter={() => setHl('F')}
          onPointerLeave={() => setHl('none')}
        />
      </div>
      <p className="fig-score-field-legend">
        <TermButton term="F" none="none" setHl={setHl} swatch="var(--score)">
          <MathText text="score F_θ ≈ ∇log p(x; σ) (directions exact, lengths compressed)" />
        </TermButton>
        <span className="sw" style={{ background: 'var(--memory)' }} />
        <MathText text="data ξ_μ" />
        <span className="sw" style={{ background: 'var(--fg)', opacity: 0.5 }} />
        noisy data x + σz · heatmap −log p(x; σ), dark = likely
      </p>
      <svg
        className="fig-score-field-strip"
        width={size}
        height={stripH}
        role="img"
        aria-label={`Noise schedule σ(t); current ${forward ? `t = ${tNow.toFixed(0)}` : `s = ${(SCHEDULE.T - tNow).toFixed(0)}`}. Click or drag to choose the noise level.`}
        onPointerDown={(e) => {
          e.currentTarget.setPointerCapture(e.pointerId);
          setFromStrip(e);
        }}
        onPointerMove={(e) => {
          if (e.buttons) setFromStrip(e);
        }}
        data-testid="time-strip"
      >
        <line x1={m.l} x2={m.l + w} y1={m.t + h} y2={m.t + h} stroke="var(--grid)" />
        <path d={curve} fill="none" stroke="var(--accent)" strokeWidth={2} />
        <text x={m.l - 6} y={ly(SCHEDULE.sigmaMax) + 4} textAnchor="end">3</text>
        <text x={m.l - 6} y={ly(SCHEDULE.sigmaMin) - 2} textAnchor="end">0.05</text>
        <text x={10} y={m.t + h / 2 + 4} className="axis-title">σ</text>
        <text x={m.l + 4} y={m.t + h - 4}>{forward ? 'noise x⁰' : 'noise xᵀ'}</text>
        <text x={m.l + w - 4} y={m.t + h - 4} textAnchor="end">{forward ? 'data xᵀ' : 'data x⁰'}</text>
        {[0, 25, 50, 75, 100].map((t) => (
          <text key={t} x={tx(t)} y={m.t + h + 15} textAnchor="middle" data-testid="tick">
            {forward ? (t === 0 ? 't = 0' : t === 100 ? 'T' : t) : t === 0 ? 's = T' : t === 100 ? '0' : SCHEDULE.T - t}
          </text>
        ))}
        <text x={m.l + w / 2} y={stripH - 4} textAnchor="middle" className="axis-title" data-testid="axis-title">
          {forward ? 'forward time t → (denoising)' : '← reverse time s (denoising)'}
        </text>
        <line x1={tx(tNow)} x2={tx(tNow)} y1={m.t} y2={m.t + h} stroke="var(--memory)" strokeDasharray="3 2" />
        <circle cx={tx(tNow)} cy={ly(params.sigma)} r={hl === 't' ? 7 : 5} fill="var(--memory)" stroke="var(--bg)" strokeWidth={1.5} />
      </svg>
      <p className="figure-hint">Slide σ, or click the schedule. Hover the equation’s F<sub>θ</sub> to highlight the arrows.</p>
      <PropControls store={store} />
    </div>
  );
}
