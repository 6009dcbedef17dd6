import { useEffect, useMemo, useRef, useState } from 'react';
import { useStore } from 'zustand';
import type { FigureProps } from '../registry';
import { useFigure } from '../../lib/figure/useFigure';
import { useSimulation } from '../../lib/figure/useSimulation';
import { PropControls, Transport } from '../../lib/figure/Controls';
import { useParentSize } from '../../lib/useParentSize';
import { usePalette } from '../../lib/theme';
import { fitCanvas } from '../../lib/canvas';
import { contourBackground, type ContourBackground } from '../../lib/draw/contourBackground';
import { fromPx, type View } from '../../lib/draw/landscape';
import { DescentPair, DOMAIN, MEMORIES, type Params } from './sim';
import { paintPanel, paintTrace } from './draw';
import { meta } from './meta';
import { MathText, setMathText } from '../../lib/MathText';
import './style.css';

export default function EnergyDescent({ store: anyStore }: FigureProps) {
  const store = useFigure(meta, anyStore);
  const { ref: box, width } = useParentSize<HTMLDivElement>(640, 400);
  const panel = Math.max(140, Math.floor((Math.min(width, 760) - 8) / 2));
  const traceW = Math.max(280, Math.min(width, 760));
  const left = useRef<HTMLCanvasElement>(null);
  const right = useRef<HTMLCanvasElement>(null);
  const trace = useRef<HTMLCanvasElement>(null);
  const verdictRef = useRef<HTMLParagraphElement>(null);
  const palette = usePalette();
  const params = useStore(store, (s) => s.params);
  const model = useRef(new DescentPair()).current;
  const bg = useRef<ContourBackground | null>(null);
  const [dragging, setDragging] = useState(false);

  const view: View = useMemo(() => ({ width: panel, height: panel, ...DOMAIN }), [panel]);

  const paintVerdict = () => {
    const el = verdictRef.current;
    if (!el) return;
    const v = model.verdict(store.getState().params as Params);
    setMathText(el, v.text);
    el.dataset.level = v.level;
  };

  const { redraw } = useSimulation(
    store,
    {
      reset: (p) => model.reset(p),
      step: (p) => model.step(p),
      draw: () => {
        if (!left.current || !right.current || !trace.current || !bg.current) return;
        const p = store.getState().params as Params;
        const mem = p.energy === 'memories' ? MEMORIES.data : null;
        paintPanel(fitCanvas(left.current, panel, panel), model, 'continuous', bg.current, view, palette, mem);
        paintPanel(fitCanvas(right.current, panel, panel), model, 'discrete', bg.current, view, palette, mem);
        paintTrace(fitCanvas(trace.current, traceW, 190), model, traceW, 190, p.tau, palette);
        paintVerdict();
      },
      describe: () => model.describe(store.getState().params as Params),
    },
    box,
  );

  useEffect(() => {
    bg.current = contourBackground(model.grid(params), view, palette, 0.9, 14);
    redraw();
  }, [params.energy, params.beta, params.kappa, palette, view, traceW]);

  const setStart = (e: React.PointerEvent<HTMLCanvasElement>) => {
    const r = e.currentTarget.getBoundingClientRect();
    const [x, y] = fromPx(view, ((e.clientX - r.left) / r.width) * view.width, ((e.clientY - r.top) / r.height) * view.height);
    const c = (v: number) => Math.round(Math.max(-2.9, Math.min(2.9, v)) * 100) / 100;
    store.getState().setParams({ x0: c(x), y0: c(y) });
  };
  const onDown = (e: React.PointerEvent<HTMLCanvasElement>) => {
    e.currentTarget.setPointerCapture(e.pointerId);
    setDragging(true);
    store.getState().pause();
    setStart(e);
  };
  const onMove = (e: React.PointerEvent<HTMLCanvasElement>) => {
    if (dragging) setStart(e);
  };
  const onUp = () => {
    if (!dragging) return;
    setDragging(false);
    store.getState().play();
  };
  const onKey = (e: React.KeyboardEvent<HTMLCanvasElement>) => {
    const d = e.shiftKey ? 0.5 : 0.1;
    const p = store.getState().params;
    const mv: Record<string, [number, number]> = { ArrowLeft: [-d, 0], ArrowRight: [d, 0], ArrowUp: [0, d], ArrowDown: [0, -d] };
    const m = mv[e.key];
    if (!m) return;
    e.preventDefault();
    const c = (v: number) => Math.round(Math.max(-2.9, Math.min(2.9, v)) * 100) / 100;
    store.getState().setParams({ x0: c(p.x0 + m[0]), y0: c(p.y0 + m[1]) });
  };

  const hidden = params.energy === 'valley' ? ['beta', 'x0', 'y0'] : ['kappa', 'x0', 'y0'];
  const canvasProps = {
    tabIndex: 0,
    onPointerDown: onDown,
    onPointerMove: onMove,
    onPointerUp: onUp,
    onPointerCancel: onUp,
    onKeyDown: onKey,
  };
  return (
    <div className="fig-energy-descent">
      <div ref={box} className="fig-energy-descent-panels">
        <canvas
          ref={left}
          role="img"
          data-panel="continuous"
          aria-label={`Continuous-time descent from x⁰ = (${params.x0}, ${params.y0}). Arrow keys move the start point.`}
          {...canvasProps}
        />
        <canvas ref={right} role="img" data-panel="discrete" aria-label={`Discrete-time descent with step α = ${params.alpha} from the same start. Arrow keys move the start point.`} {...canvasProps} />
      </div>
      <canvas ref={trace} className="fig-energy-descent-trace" role="img" aria-label="Energy against time for both runs: a line for the continuous flow, dots for the discrete steps." />
      <p ref={verdictRef} className="fig-energy-descent-verdict" data-testid="verdict" aria-live="polite" />
      <p className="figure-hint">
        <MathText text="Drag on either panel (or focus it and use the arrow keys) to move the start x⁰. Push α past 2/λ_max to see the discrete run break." />
      </p>
      <PropControls store={store} hidden={hidden} />
      <Transport store={store} />
      <div className="figure-transport">
        <button
          type="button"
          className="btn"
          data-action="alpha-step"
          title="“Step” advances the flow by one slice of Δt = ατ; this advances both runs by a whole discrete step."
          onClick={() => {
            // One discrete step = ticksPerStep slices of the flow, run in one frame.
            const st = store.getState();
            store.setState({ playing: false, pendingSteps: st.pendingSteps + DescentPair.ticksPerStep(st.params as Params) });
          }}
        >
          One step of α
        </button>
      </div>
    </div>
  );
}
