import { useEffect, useMemo, useRef } from 'react';
import { useStore } from 'zustand';
import type { FigureProps } from '../registry';
import { useFigure } from '../../lib/figure/useFigure';
import { useSimulation } from '../../lib/figure/useSimulation';
import { PropControls, Transport } from '../../lib/figure/Controls';
import { useParentSize } from '../../lib/useParentSize';
import { usePalette } from '../../lib/theme';
import { fitCanvas } from '../../lib/canvas';
import { contourBackground, type ContourBackground } from '../../lib/draw/contourBackground';
import { fromPx } from '../../lib/draw/landscape';
import { Descent, DOMAIN, type Params } from './sim';
import { paint } from './draw';
import { meta } from './meta';
import { localPoint } from '../../lib/pointer';

export default function EnergyLandscape({ store: anyStore }: FigureProps) {
  const store = useFigure(meta, anyStore);
  const { ref: box, width } = useParentSize<HTMLDivElement>(560, 560);
  const size = Math.max(240, Math.min(width, 640));
  const canvas = useRef<HTMLCanvasElement>(null);
  const palette = usePalette();
  const params = useStore(store, (s) => s.params);
  const seed = useStore(store, (s) => s.seed);
  const model = useRef(new Descent()).current;
  const bg = useRef<ContourBackground | null>(null);

  const view = useMemo(() => ({ width: size, height: size, ...DOMAIN }), [size]);

  const { redraw } = useSimulation(
    store,
    {
      reset: (p, s) => model.reset(p, s),
      step: (p) => model.step(p),
      draw: () => {
        if (!canvas.current || !bg.current) return;
        paint(fitCanvas(canvas.current, size, size), model, bg.current, view, palette);
      },
      describe: () => model.describe(store.getState().params as Params),
    },
    box,
  );

  // The landscape depends only on the memories, β and the theme: sample it once per change, not per frame.
  useEffect(() => {
    bg.current = contourBackground(model.grid(params.beta), view, palette, 0.85, 14);
    redraw();
  }, [params.beta, params.memories, seed, palette, view]);

  const onPointer = (e: React.PointerEvent<HTMLCanvasElement>) => {
    const [x, y] = fromPx(view, ...localPoint(e, e.currentTarget));
    model.drop(x, y, 24, Math.round(x * 1000 + y * 7));
    store.getState().play();
    redraw();
  };

  return (
    <div className="fig-energy-landscape">
      <div ref={box} className="figure-canvas-box">
        <canvas
          ref={canvas}
          role="img"
          aria-label="Energy landscape: dark valleys are the stored memories; dots are particles walking downhill."
          onPointerDown={onPointer}
          style={{ touchAction: 'manipulation', cursor: 'crosshair' }}
        />
      </div>
      <p className="figure-hint">Click or tap the landscape to drop more particles.</p>
      <PropControls store={store} />
      <Transport store={store} />
    </div>
  );
}
