import { useEffect, useRef } from 'react';
import { useStore } from 'zustand';
import 'katex/dist/katex.min.css';
import './style.css';
import type { FigureProps } from '../registry';
import { useFigure } from '../../lib/figure/useFigure';
import { useSimulation } from '../../lib/figure/useSimulation';
import { PropControls, Transport } from '../../lib/figure/Controls';
import { useSquareView } from '../../lib/useSquareView';
import { usePalette } from '../../lib/theme';
import { fitCanvas } from '../../lib/canvas';
import { fromPx } from '../../lib/draw/landscape';
import { Tex } from '../../lib/Tex';
import { TermButton, termAt, useTermHighlight } from '../../lib/termHighlight';
import { DOMAIN, SdeVsOde, type Params } from './sim';
import { paint, paintBackground, UnderLayer } from './draw';
import { meta } from './meta';
import { localPoint } from '../../lib/pointer';

type Highlight = 'none' | 'ode' | 'sde' | 'trip';

const EQ =
  '\\begin{gathered}\\htmlClass{fig-sv-sde}{\\text{SDE: } dx = -2\\sigma\\dot\\sigma\\,\\nabla_x\\log p(x;\\sigma)\\,ds + \\sqrt{2\\sigma\\dot\\sigma}\\,d\\bar\\omega_s} \\\\ \\htmlClass{fig-sv-ode}{\\text{ODE (Eq. 8): } dx = -\\sigma\\dot\\sigma\\,\\nabla_x\\log p(x;\\sigma)\\,ds}\\end{gathered}';

export default function SdeVsOdeFigure({ store: anyStore }: FigureProps) {
  const store = useFigure(meta, anyStore);
  const { box, size, view } = useSquareView(DOMAIN);
  const canvas = useRef<HTMLCanvasElement>(null);
  const palette = usePalette();
  const params = useStore(store, (s) => s.params);
  const status = useStore(store, (s) => s.status);
  const model = useRef(new SdeVsOde()).current;
  const heat = useRef<HTMLCanvasElement | null>(null);
  const under = useRef(new UnderLayer()).current;
  const { hl, setHl, hlRef } = useTermHighlight<Highlight>('none');
  const draw = () => {
    if (!canvas.current || !heat.current) return;
    paint(fitCanvas(canvas.current, size, size), model, heat.current, view, palette, store.getState().params.show, hlRef.current, under);
    // The loop refreshes the status at most every 400 ms while playing; a single step while paused must show at once.
    if (!store.getState().playing) store.getState().setStatus(model.describe(store.getState().params as Params));
  };
  const { redraw } = useSimulation(
    store,
    {
      reset: (p, s) => model.reset(p, s),
      step: () => model.step(),
      draw,
      describe: () => model.describe(store.getState().params as Params),
    },
    box,
  );
  useEffect(() => {
    heat.current = paintBackground(model.grid, palette);
    redraw();
  }, [palette, view, hl, params.show]);

  const afterTrip = () => {
    store.getState().setStatus(model.describe(store.getState().params as Params));
    redraw();
  };
  const onPointer = (e: React.PointerEvent<HTMLCanvasElement>) => {
    const [x, y] = fromPx(view, ...localPoint(e, e.currentTarget));
    model.roundTrip(x, y);
    afterTrip();
  };
  const onEqOver = (e: React.PointerEvent) => setHl(termAt<Highlight>(e.target, { 'fig-sv-ode': 'ode', 'fig-sv-sde': 'sde' }, 'none'));
  const trip = model.trip;
  void status; // re-render with the status line so the round-trip readout stays current

  return (
    <div className="fig-sde-vs-ode" data-hl={hl}>
      <div className="fig-sv-eq" onPointerOver={onEqOver} onPointerLeave={() => setHl('none')} data-testid="equation">
        <Tex tex={EQ} display />
      </div>
      <div ref={box} className="figure-canvas-box">
        <canvas
          ref={canvas}
          role="img"
          aria-label="Trajectories from the same starting noise: reverse SDE (jagged, orange) and probability-flow ODE (smooth, blue), over the data density."
          onPointerDown={onPointer}
          style={{ touchAction: 'manipulation', cursor: 'crosshair' }}
        />
      </div>
      <p className="fig-sv-legend">
        <TermButton term="sde" none="none" setHl={setHl} swatch="var(--accent-2)">
          reverse SDE (jagged, ■)
        </TermButton>
        <TermButton term="ode" none="none" setHl={setHl} swatch="var(--accent)">
          probability-flow ODE (smooth, ●)
        </TermButton>
        <TermButton term="trip" none="none" setHl={setHl} swatch="var(--memory)">
          ODE round trip: encode (dashed) ◆ latent, decode (solid)
        </TermButton>
      </p>
      <p className="figure-hint">Click or tap anywhere to encode that point with the ODE and decode it back.</p>
      <div className="fig-sv-trip">
        <button type="button" className="btn" data-action="round-trip" onClick={() => (model.roundTripRandom(), afterTrip())}>
          Encode a data point and decode it
        </button>
        <output data-testid="round-trip" aria-live="polite">
          {trip
            ? `x₀ = (${trip.x0[0].toFixed(3)}, ${trip.x0[1].toFixed(3)}) → latent (${trip.latent[0].toFixed(2)}, ${trip.latent[1].toFixed(2)}) → (${trip.back[0].toFixed(3)}, ${trip.back[1].toFixed(3)}); error ${trip.error.toExponential(1)}`
            : 'No round trip yet.'}
        </output>
      </div>
      <PropControls store={store} />
      <Transport store={store} />
    </div>
  );
}
