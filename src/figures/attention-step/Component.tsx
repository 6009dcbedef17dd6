import { useEffect, useRef } from 'react';
import { useStore } from 'zustand';
import type { FigureProps } from '../registry';
import { useFigure } from '../../lib/figure/useFigure';
import { useSimulation } from '../../lib/figure/useSimulation';
import { PropControls, Transport } from '../../lib/figure/Controls';
import { useParentSize } from '../../lib/useParentSize';
import { usePalette } from '../../lib/theme';
import { fitCanvas } from '../../lib/canvas';
import { Tex } from '../../lib/Tex';
import { AttentionRun, type Params } from './sim';
import { layoutFor, paint, partAt, type Part } from './draw';
import { meta } from './meta';
import './style.css';
import { localPoint } from '../../lib/pointer';

export default function AttentionStep({ store: anyStore }: FigureProps) {
  const store = useFigure(meta, anyStore);
  const { ref: box, width } = useParentSize<HTMLDivElement>(640, 400);
  const w = Math.max(280, Math.min(width, 760));
  const canvas = useRef<HTMLCanvasElement>(null);
  const palette = usePalette();
  const params = useStore(store, (s) => s.params);
  const run = useRef(new AttentionRun()).current;
  // The symbol being hovered, in the equation or in the picture: highlighted in both (a ref, not React state).
  const hover = useRef<Part | null>(null);
  const eq = useRef<HTMLDivElement>(null);
  const h = layoutFor(w, params.memories, params.iterate).height;

  const { redraw } = useSimulation(
    store,
    {
      reset: (p, seed) => run.reset(p, seed),
      step: (p) => run.step(p),
      draw: () => {
        if (!canvas.current) return;
        const p = store.getState().params as Params;
        paint(fitCanvas(canvas.current, w, layoutFor(w, p.memories, p.iterate).height), run, w, palette, p.iterate, hover.current);
      },
      describe: () => run.describe(store.getState().params as Params),
    },
    box,
  );
  useEffect(() => redraw(), [palette, w, h]);

  const setHover = (part: Part | null) => {
    if (hover.current === part) return;
    hover.current = part;
    if (eq.current) {
      if (part) eq.current.dataset.hl = part;
      else delete eq.current.dataset.hl;
    }
    redraw();
  };
  const onEqOver = (e: React.PointerEvent<HTMLDivElement>) => {
    const el = (e.target as Element).closest('[class*="fas-"]');
    const m = el ? /fas-(xi|w|q|out)/.exec(el.className) : null;
    setHover(m ? (m[1] as Part) : null);
  };
  const onCanvasMove = (e: React.PointerEvent<HTMLCanvasElement>) => {
    const [px, py] = localPoint(e, e.currentTarget);
    setHover(partAt(w, params.memories, params.iterate, px, py));
  };

  return (
    <div className="fig-attention-step" ref={box}>
      <div className="fig-attention-step-eq" aria-hidden="true" ref={eq} onPointerOver={onEqOver} onPointerLeave={() => setHover(null)}>
        <div>
          <Tex tex={String.raw`\htmlClass{fas-out}{x^{t+1}} = \htmlClass{fas-xi}{\xi^\top} \htmlClass{fas-w}{\operatorname{softmax}(\beta\, \xi\, \htmlClass{fas-q}{x^{t}})}`} />
        </div>
        <div>
          <Tex tex={String.raw`\operatorname{Attention}(Q,K,V) = \operatorname{softmax}(\beta\, Q K^\top)\, V \quad\text{with}\quad Q = (x^{t})^\top,\ K = V = \xi`} />
        </div>
      </div>
      <canvas
        ref={canvas}
        role="img"
        aria-label="Stored pictures with their attention weights above; the query and its update(s) below."
        onPointerMove={onCanvasMove}
        onPointerLeave={() => setHover(null)}
      />
      <PropControls store={store} />
      <Transport store={store} />
    </div>
  );
}
