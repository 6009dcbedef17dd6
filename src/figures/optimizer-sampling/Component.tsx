import { useEffect, useMemo, useReducer, useRef, useState } from 'react';
import { useStore } from 'zustand';
import type { FigureProps } from '../registry';
import { useFigure } from '../../lib/figure/useFigure';
import { useSimulation } from '../../lib/figure/useSimulation';
import { PropControls, Transport } from '../../lib/figure/Controls';
import { useParentSize } from '../../lib/useParentSize';
import { usePalette } from '../../lib/theme';
import { fitCanvas } from '../../lib/canvas';
import { fromPxInside } from '../../lib/draw/landscape';
import { COUNT_FORMAT, DOMAIN, MAX_STEPS, METHODS, Race, TOL, type MethodId } from './sim';
import { methodStyle, paint, paintBackground, type Background } from './draw';
import { meta } from './meta';
import './style.css';
import { formatNumber } from '../../lib/format';
import { localPoint } from '../../lib/pointer';

export default function OptimizerSampling({ store: anyStore }: FigureProps) {
  const store = useFigure(meta, anyStore);
  const { ref: box, width } = useParentSize<HTMLDivElement>(520, 520);
  const size = Math.max(240, Math.min(width, 520));
  const canvas = useRef<HTMLCanvasElement>(null);
  const palette = usePalette();
  const params = useStore(store, (s) => s.params);
  const seed = useStore(store, (s) => s.seed);
  const race = useRef(new Race()).current;
  const bg = useRef<Background | null>(null);
  const [hidden, setHidden] = useState<Set<MethodId>>(new Set());
  const hiddenRef = useRef(hidden);
  hiddenRef.current = hidden;
  // The table is re-rendered a few times a second from the race's typed state, not per frame.
  const [, bump] = useReducer((n: number) => n + 1, 0);
  const lastBump = useRef(0);
  const view = useMemo(() => ({ width: size, height: size, ...DOMAIN }), [size]);

  const { redraw, edit } = useSimulation(
    store,
    {
      reset: (p, s) => {
        race.reset(p, s);
        bump();
      },
      step: () => {
        const done = race.step();
        const now = performance.now();
        if (done || now - lastBump.current > 150) {
          lastBump.current = now;
          bump();
        }
        return done;
      },
      applyEdit: (e, p) => {
        race.applyEdit(e, p);
        bump();
      },
      draw: () => {
        if (!canvas.current || !bg.current) return;
        paint(fitCanvas(canvas.current, size, size), race, bg.current, view, palette, hiddenRef.current);
      },
      describe: () => race.describe(),
    },
    box,
  );

  useEffect(() => {
    bg.current = paintBackground(race.grid(params.beta), view, palette);
    redraw();
  }, [params.beta, params.memories, seed, palette, view]);
  useEffect(() => redraw(), [hidden]);

  const dragging = useRef<number | null>(null);
  /**
   * A press picks the nearest start and puts it under the pointer; a drag keeps moving it. Each move is an edit
   * (the run records it for links), clamped to the plane the edit declares.
   */
  const place = (e: React.PointerEvent<HTMLCanvasElement>, pick: boolean) => {
    const [x, y] = fromPxInside(view, ...localPoint(e, e.currentTarget));
    if (pick) {
      let best = 0;
      let bd = Infinity;
      for (let s = 0; s < race.starts.length / 2; s++) {
        const d = Math.hypot(race.starts[2 * s] - x, race.starts[2 * s + 1] - y);
        if (d < bd) {
          bd = d;
          best = s;
        }
      }
      dragging.current = best;
    }
    if (dragging.current === null) return;
    edit({ kind: 'move', args: [dragging.current, x, y] });
  };

  const rows = race.table();
  const toggle = (id: MethodId) =>
    setHidden((h) => {
      const n = new Set(h);
      if (n.has(id)) n.delete(id);
      else n.add(id);
      return n;
    });

  return (
    <div className="fig-optimizer-sampling">
      <div className="fig-optimizer-sampling-body">
        <div ref={box} className="figure-canvas-box">
          <canvas
            ref={canvas}
            role="img"
            aria-label="The energy landscape E beta with the paths of gradient descent, momentum, Adam, L-BFGS and the diffusion sampler from the same numbered starts."
            onPointerDown={(e) => {
              e.currentTarget.setPointerCapture(e.pointerId);
              place(e, true);
            }}
            onPointerMove={(e) => dragging.current !== null && place(e, false)}
            onPointerUp={() => {
              dragging.current = null;
              store.getState().play();
            }}
            onPointerCancel={() => (dragging.current = null)}
            style={{ touchAction: 'none', cursor: 'crosshair' }}
          />
        </div>
        <div className="fig-optimizer-sampling-side">
          <table className="fig-optimizer-sampling-table" aria-live="off">
            <caption>
              Steps until ‖∇E‖ &lt; {TOL} (mean over {race.starts.length / 2} start{race.starts.length > 2 ? 's' : ''})
            </caption>
            <thead>
              <tr>
                <th scope="col">Method</th>
                <th scope="col">steps</th>
                <th scope="col" title="Evaluations of E or ∇E (the diffusion sampler: of the score F)">evals</th>
                <th scope="col" title="Converged">ok</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => {
                const st = methodStyle(r.id, palette);
                return (
                  <tr key={r.id} data-method={r.id} className={hidden.has(r.id) ? 'is-hidden' : ''}>
                    <th scope="row">
                      <label>
                        <input type="checkbox" checked={!hidden.has(r.id)} onChange={() => toggle(r.id)} aria-label={`Show ${r.name}`} />
                        <svg width="22" height="10" aria-hidden="true">
                          <line x1="1" y1="5" x2="21" y2="5" stroke={st.color} strokeWidth="3" strokeDasharray={st.dash.join(' ')} />
                        </svg>
                        {METHODS.find((m) => m.id === r.id)!.short}
                      </label>
                    </th>
                    <td data-col="steps">{formatNumber(r.steps, COUNT_FORMAT)}</td>
                    <td data-col="evals">{formatNumber(r.evals, COUNT_FORMAT)}</td>
                    <td data-col="done">
                      {r.done < r.total ? '…' : r.converged === r.total ? '✓' : <span title={`stopped at ${MAX_STEPS} steps`}>{`${r.converged}/${r.total}`}</span>}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          <p className="figure-hint">
            Drag a numbered start to move it; every method restarts from there. The diffusion sampler takes exactly {params.schedule} steps whatever the
            landscape: its schedule decides, not the energy.
          </p>
        </div>
      </div>
      <PropControls store={store} />
      <Transport store={store} />
    </div>
  );
}
