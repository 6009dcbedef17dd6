import { useEffect, useMemo, useRef } from 'react';
import { useStore } from 'zustand';
import './style.css';
import type { FigureProps } from '../registry';
import { useFigure } from '../../lib/figure/useFigure';
import { useSimulation } from '../../lib/figure/useSimulation';
import { PropControls, Transport } from '../../lib/figure/Controls';
import { useParentSize } from '../../lib/useParentSize';
import { usePalette } from '../../lib/theme';
import { fitCanvas } from '../../lib/canvas';
import { AnnealedLangevin, DOMAIN, SIGMA_MAX, SIGMA_MIN, type Params } from './sim';
import { heatFor, paintPanel } from './draw';
import { meta } from './meta';
import { MathText, SvgMath } from '../../lib/MathText';

export default function AnnealedLangevinFigure({ store: anyStore }: FigureProps) {
  const store = useFigure(meta, anyStore);
  const { ref: box, width } = useParentSize<HTMLDivElement>(640, 400);
  const wide = width >= 520;
  const panel = Math.max(200, Math.min(wide ? Math.floor((width - 12) / 2) : width, 320));
  const params = useStore(store, (s) => s.params);
  const palette = usePalette();
  const model = useRef(new AnnealedLangevin()).current;
  const canvasA = useRef<HTMLCanvasElement>(null);
  const canvasS = useRef<HTMLCanvasElement>(null);
  const heats = useRef<{ levels: HTMLCanvasElement[]; key: string }>({ levels: [], key: '' });
  const marker = useRef<SVGGElement>(null);
  const bars = useRef<SVGGElement>(null);
  const view = useMemo(() => ({ width: panel, height: panel, ...DOMAIN }), [panel]);

  // The schedule plot and histogram are SVG; their moving parts are updated from draw() through refs.
  const plotW = Math.min(Math.max(width, 260), 660);
  const m = { l: 44, r: 12, t: 10, b: 34 };
  const pw = plotW - m.l - m.r;
  const ph = 70;
  const sx = (t: number) => m.l + (t / Math.max(1, params.levels * params.stepsPerLevel)) * pw;
  const sy = (s: number) => m.t + (1 - Math.log(s / SIGMA_MIN) / Math.log(SIGMA_MAX / SIGMA_MIN)) * ph;
  const histW = plotW;
  const labelW = histW < 420 ? 100 : 150;
  const hx = (f: number) => labelW + f * (histW - labelW - 44);

  const ensureHeats = () => {
    const key = `${params.weight}|${params.levels}|${palette.dark}|${palette.bg}`;
    if (heats.current.key !== key && model.grids.length) heats.current = { levels: model.grids.map((g) => heatFor(g, palette)), key };
  };

  const draw = () => {
    const p = store.getState().params as Params;
    ensureHeats();
    const lv = heats.current.levels;
    if (!lv.length) return;
    if (canvasA.current) paintPanel(fitCanvas(canvasA.current, panel, panel), lv[model.level(p)], model.annealed, model.n, view, palette, palette.accent);
    if (canvasS.current) paintPanel(fitCanvas(canvasS.current, panel, panel), lv[lv.length - 1], model.single, model.n, view, palette, palette.accent2);
    // The loop refreshes the status at most every 400 ms while playing; a single step while paused must show at once.
    if (!store.getState().playing) store.getState().setStatus(model.describe(p));
    if (marker.current) marker.current.setAttribute('transform', `translate(${sx(model.t).toFixed(1)},0)`);
    if (bars.current) {
      const rects = bars.current.querySelectorAll<SVGRectElement>('rect[data-run]');
      const texts = bars.current.querySelectorAll<SVGTextElement>('text[data-run]');
      const val = (run: string, k: number) => (run === 'annealed' ? model.fracAnnealed[k] : model.fracSingle[k]);
      rects.forEach((r) => r.setAttribute('width', String(Math.max(0, hx(val(r.dataset.run!, Number(r.dataset.k))) - hx(0)))));
      texts.forEach((tx) => {
        const v = val(tx.dataset.run!, Number(tx.dataset.k));
        tx.textContent = `${(100 * v).toFixed(0)}%`;
        tx.setAttribute('x', String(hx(v) + 4));
      });
    }
  };

  useSimulation(
    store,
    {
      reset: (p, s) => model.reset(p, s),
      step: (p) => model.step(p),
      draw,
      describe: () => model.describe(store.getState().params as Params),
    },
    box,
  );
  useEffect(() => draw(), [palette, panel, plotW]);

  const levels = model.sigmas.length === params.levels ? model.sigmas : [];
  let schedule = '';
  levels.forEach((s, i) => {
    schedule += `${i ? 'L' : 'M'}${sx(i * params.stepsPerLevel).toFixed(1)},${sy(s).toFixed(1)}H${sx((i + 1) * params.stepsPerLevel).toFixed(1)}`;
  });
  const total = params.levels * params.stepsPerLevel;
  const rows = [
    { k: 0, name: 'lower-left', w: params.weight },
    { k: 1, name: 'upper-right', w: 1 - params.weight },
  ];

  return (
    <div className="fig-annealed-langevin">
      <div ref={box} className="fig-al-panels">
        <div className="fig-al-panel">
          <h4>
            <span className="sw" style={{ background: 'var(--accent)' }} />
            <MathText text="annealed: σ₁ = 3 → σ_L = 0.1" />
          </h4>
          <canvas ref={canvasA} role="img" aria-label="Annealed Langevin: particles on the noised mixture at the current noise level." data-testid="panel-annealed" />
        </div>
        <div className="fig-al-panel">
          <h4>
            <span className="sw" style={{ background: 'var(--accent-2)' }} />
            one small noise level σ = 0.1
          </h4>
          <canvas ref={canvasS} role="img" aria-label="Langevin at the single small noise level σ = 0.1." data-testid="panel-single" />
        </div>
      </div>
      <svg width={plotW} height={m.t + ph + m.b} role="img" aria-label={`Noise schedule: ${params.levels} geometric levels from 3 to 0.1, ${params.stepsPerLevel} steps each; the marker shows the current step.`} data-testid="schedule">
        <line x1={m.l} x2={m.l + pw} y1={m.t + ph} y2={m.t + ph} stroke="var(--grid)" />
        <path d={schedule} fill="none" stroke="var(--accent)" strokeWidth={2} />
        <line x1={m.l} x2={m.l + pw} y1={sy(SIGMA_MIN)} y2={sy(SIGMA_MIN)} stroke="var(--accent-2)" strokeWidth={2} strokeDasharray="5 4" />
        <text x={m.l - 6} y={sy(SIGMA_MAX) + 4} textAnchor="end">3</text>
        <text x={m.l - 6} y={sy(SIGMA_MIN) + 4} textAnchor="end">0.1</text>
        <text x={12} y={m.t + ph / 2} className="axis-title">σ</text>
        <text x={m.l} y={m.t + ph + 14}>0</text>
        <text x={m.l + pw} y={m.t + ph + 14} textAnchor="end">{total}</text>
        <text x={m.l + pw / 2} y={m.t + ph + 28} textAnchor="middle" className="axis-title">
          <SvgMath text="Langevin step (α_i = ε σ_i² / σ_L²)" />
        </text>
        <g ref={marker}>
          <line y1={m.t} y2={m.t + ph} stroke="var(--fg)" strokeWidth={1.5} />
        </g>
      </svg>
      <svg width={histW} height={118} role="img" aria-label="Share of particles that end near each component, against the true weights." data-testid="histogram">
        <g ref={bars}>
          {rows.map((r, j) => {
            const y = 8 + j * 52;
            return (
              <g key={r.k}>
                <text x={0} y={y + 12} className="lbl">
                  {r.name}
                </text>
                <text x={0} y={y + 26}>weight {(100 * r.w).toFixed(0)}%</text>
                <rect x={hx(0)} y={y} width={hx(r.w) - hx(0)} height={40} fill="none" stroke="var(--fg)" strokeDasharray="3 2" />
                <rect x={hx(0)} y={y + 4} height={14} width={0} fill="var(--accent)" data-run="annealed" data-k={r.k} />
                <rect x={hx(0)} y={y + 22} height={14} width={0} fill="var(--accent-2)" data-run="single" data-k={r.k} />
                <text y={y + 15} data-run="annealed" data-k={r.k} data-testid={`share-annealed-${r.k}`} />
                <text y={y + 33} data-run="single" data-k={r.k} data-testid={`share-single-${r.k}`} />
              </g>
            );
          })}
          <text x={0} y={114}>dashed: true weight · bars: where particles end</text>
        </g>
      </svg>
      <PropControls store={store} />
      <Transport store={store} />
    </div>
  );
}
