import { useMemo, useRef, useState } from 'react';
import { useStore } from 'zustand';
import type { FigureProps } from '../registry';
import { useFigure } from '../../lib/figure/useFigure';
import { useSimulation } from '../../lib/figure/useSimulation';
import { PropControls, Transport } from '../../lib/figure/Controls';
import { useParentSize } from '../../lib/useParentSize';
import { prefersReducedMotion, usePalette } from '../../lib/theme';
import { fitCanvas } from '../../lib/canvas';
import { curvesFor, energyFor, Walkers, type Params } from './sim';
import { layoutFor, paint, pxToX } from './draw';
import { meta } from './meta';
import { localPoint } from '../../lib/pointer';

const clampX = (v: number) => Math.round(Math.max(-2.6, Math.min(2.6, v)) * 100) / 100;

export default function Boltzmann({ store: anyStore }: FigureProps) {
  const store = useFigure(meta, anyStore);
  const { ref: box, width } = useParentSize<HTMLDivElement>(640, 480);
  const w = Math.max(260, Math.min(width, 720));
  const L = useMemo(() => layoutFor(w), [w]);
  const palette = usePalette();
  const params = useStore(store, (s) => s.params);
  const curves = useMemo(() => curvesFor(params as Params), [params.T, params.tilt]);
  const curvesRef = useRef(curves);
  curvesRef.current = curves;
  const walkers = useRef(new Walkers()).current;
  const canvas = useRef<HTMLCanvasElement>(null);
  const [focused, setFocused] = useState(false);
  const focusedRef = useRef(false);
  focusedRef.current = focused;
  const dragging = useRef(false);

  const { redraw } = useSimulation(
    store,
    {
      reset: (p, s) => walkers.reset(p, s),
      step: (p) => walkers.step(p),
      onKeptChange: (p, prev, changed) => {
        walkers.onKeptChange(p, prev, changed);
        // A new landscape sets the walkers moving again, towards the new density.
        const st = store.getState();
        if ((changed.includes('T') || changed.includes('tilt')) && !st.playing && p.walkers > 0 && !prefersReducedMotion()) st.play();
      },
      draw: () => {
        if (!canvas.current) return;
        const p = store.getState().params as Params;
        const e = energyFor(p);
        paint(fitCanvas(canvas.current, L.width, L.height), L, curvesRef.current, walkers, p.x, e.energy(p.x), -e.grad(p.x), p.T, palette, focusedRef.current);
      },
      describe: () => walkers.describe(store.getState().params as Params),
    },
    box,
  );

  const setX = (x: number) => {
    store.getState().setParam('x', clampX(x));
    store.getState().setStatus(walkers.describe(store.getState().params as Params));
  };
  const fromEvent = (e: React.PointerEvent<HTMLCanvasElement>) => pxToX(L, localPoint(e, e.currentTarget)[0]);

  return (
    <div className="fig-boltzmann" ref={box}>
      <div className="figure-canvas-box">
        <canvas
          ref={canvas}
          tabIndex={0}
          role="slider"
          aria-label="The particle's position x on the energy, log-probability and probability curves. Drag it, or use the left and right arrow keys."
          aria-valuemin={-2.6}
          aria-valuemax={2.6}
          aria-valuenow={params.x}
          aria-valuetext={`x = ${params.x.toFixed(2)}`}
          onPointerDown={(e) => {
            e.currentTarget.setPointerCapture(e.pointerId);
            dragging.current = true;
            setX(fromEvent(e));
          }}
          onPointerMove={(e) => dragging.current && setX(fromEvent(e))}
          onPointerUp={() => (dragging.current = false)}
          onPointerCancel={() => (dragging.current = false)}
          onFocus={() => {
            setFocused(true);
            requestAnimationFrame(redraw);
          }}
          onBlur={() => {
            setFocused(false);
            requestAnimationFrame(redraw);
          }}
          onKeyDown={(e) => {
            const d = e.shiftKey ? 0.25 : 0.05;
            if (e.key === 'ArrowLeft' || e.key === 'ArrowDown') setX(params.x - d);
            else if (e.key === 'ArrowRight' || e.key === 'ArrowUp') setX(params.x + d);
            else return;
            e.preventDefault();
          }}
          style={{ touchAction: 'none', cursor: 'ew-resize' }}
        />
      </div>
      <p className="figure-hint">Drag along the curves to move the particle (or focus the picture and use the arrow keys). Both arrows point the same way; the score is the force times β, the inverse temperature.</p>
      <PropControls store={store} />
      <Transport store={store} />
    </div>
  );
}
