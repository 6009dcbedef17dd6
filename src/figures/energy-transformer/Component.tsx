import { useEffect, useReducer, useRef } from 'react';
import type { FigureProps } from '../registry';
import { useFigure } from '../../lib/figure/useFigure';
import { useSimulation } from '../../lib/figure/useSimulation';
import { PropControls, Transport } from '../../lib/figure/Controls';
import { useParentSize } from '../../lib/useParentSize';
import { usePalette } from '../../lib/theme';
import { fitCanvas } from '../../lib/canvas';
import { LinePlot } from '../../lib/LinePlot';
import { Block, D, planeCoords, type Params } from './sim';
import { energyPlot, paint, ringView, toPx } from './draw';
import { meta } from './meta';
import './style.css';
import { localPoint } from '../../lib/pointer';

export default function EnergyTransformerFigure({ store: anyStore }: FigureProps) {
  const store = useFigure(meta, anyStore);
  const { ref: box, width } = useParentSize<HTMLDivElement>(360, 360);
  const size = Math.max(220, Math.min(width, 360));
  const { ref: plotBox, width: plotWidth } = useParentSize<HTMLDivElement>(320, 200);
  const canvas = useRef<HTMLCanvasElement>(null);
  const palette = usePalette();
  const block = useRef(new Block()).current;
  const [, bump] = useReducer((n: number) => n + 1, 0);
  const lastBump = useRef(0);
  const view = ringView(size);

  const { redraw, edit } = useSimulation(
    store,
    {
      reset: (p, s) => {
        block.reset(p, s);
        bump();
      },
      step: (p) => {
        const done = block.step(p);
        const now = performance.now();
        if (done || now - lastBump.current > 120) {
          lastBump.current = now;
          bump();
        }
        return done;
      },
      onKeptChange: (p, prev) => block.onKeptChange(p, prev),
      applyEdit: (e) => {
        block.applyEdit(e);
        bump();
      },
      draw: () => {
        if (!canvas.current) return;
        paint(fitCanvas(canvas.current, size, size), block, view, palette);
      },
      describe: () => block.describe(),
    },
    box,
  );
  useEffect(() => redraw(), [palette, size]);

  const dragging = useRef<number | null>(null);
  /** A press picks the token nearest the pointer (within 30 px); a drag moves it round the circle, each move an edit. */
  const onPointer = (e: React.PointerEvent<HTMLCanvasElement>, pick: boolean) => {
    const [px, py] = localPoint(e, e.currentTarget);
    const cx = px - size / 2;
    const cy = -(py - size / 2);
    if (pick) {
      let best = -1;
      let bd = 30;
      for (let a = 0; a < block.n; a++) {
        const [u, w] = planeCoords(block.g, a * D);
        const [x, y] = toPx(view, u, w);
        const d = Math.hypot(x - px, y - py);
        if (d < bd) {
          bd = d;
          best = a;
        }
      }
      dragging.current = best >= 0 ? best : null;
    }
    if (dragging.current === null) return;
    edit({ kind: 'move', args: [dragging.current, Math.atan2(cy, cx)] });
  };

  const last = block.history[block.history.length - 1];
  const p = store.getState().params as Params;

  return (
    <div className="fig-energy-transformer">
      <div className="fig-energy-transformer-body">
        <div ref={box} className="figure-canvas-box fig-energy-transformer-ring">
          <canvas
            ref={canvas}
            role="img"
            aria-label="Tokens (numbered discs) on the LayerNorm circle, with the stored memories as crosses; trails show where each token has been."
            onPointerDown={(e) => {
              e.currentTarget.setPointerCapture(e.pointerId);
              onPointer(e, true);
            }}
            onPointerMove={(e) => dragging.current !== null && onPointer(e, false)}
            onPointerUp={() => {
              if (dragging.current !== null) store.getState().play();
              dragging.current = null;
            }}
            onPointerCancel={() => (dragging.current = null)}
            style={{ touchAction: 'none', cursor: 'grab' }}
          />
        </div>
        <div ref={plotBox} className="fig-energy-transformer-plot">
          <LinePlot {...energyPlot(block, p, Math.max(240, Math.min(plotWidth, 420)))} />
          <dl className="fig-energy-transformer-readout" aria-live="off">
            <div>
              <dt>E</dt>
              <dd data-energy="total">{last.total.toFixed(3)}</dd>
            </div>
            <div>
              <dt>
                E<sub>ATT</sub>
              </dt>
              <dd data-energy="attention">{last.attention.toFixed(3)}</dd>
            </div>
            <div>
              <dt>
                E<sub>HN</sub>
              </dt>
              <dd data-energy="memory">{last.memory.toFixed(3)}</dd>
            </div>
            <div>
              <dt>steps</dt>
              <dd data-energy="steps">{block.steps}</dd>
            </div>
          </dl>
        </div>
      </div>
      <p className="figure-hint">Drag a token around the circle to move it; the energies restart from there.</p>
      <PropControls store={store} />
      <Transport store={store} />
    </div>
  );
}
