import { useEffect, useRef } from 'react';
import { useStore } from 'zustand';
import type { FigureProps } from '../registry';
import { useFigure } from '../../lib/figure/useFigure';
import { useSimulation } from '../../lib/figure/useSimulation';
import { PropControls, Transport } from '../../lib/figure/Controls';
import { useParentSize } from '../../lib/useParentSize';
import { usePalette } from '../../lib/theme';
import { fitCanvas } from '../../lib/canvas';
import { TinyBrainRun, type Params } from './sim';
import { paintEnergy, paintNetwork } from './draw';
import { meta } from './meta';
import './style.css';

const PRESETS: { label: string; values: Partial<Params>; title: string }[] = [
  { label: 'TinyBrain (both layers move)', values: { instant: false, lx: 'tanh', lh: 'softmax' }, title: 'Eq. 16: both layers evolve with their own time constants.' },
  { label: 'Classical Hopfield', values: { instant: true, lx: 'tanh', lh: 'identity' }, title: 'Linear memory neurons slaved to ξg(x): Eqs. 17–18.' },
  { label: 'Modern Hopfield', values: { instant: true, lx: 'identity', lh: 'softmax' }, title: 'Softmax memory neurons slaved to ξx: τ ẋ = ξᵀ softmax(βξx) − x.' },
];

export default function TinyBrainFigure({ store: anyStore }: FigureProps) {
  const store = useFigure(meta, anyStore);
  const { ref: box, width } = useParentSize<HTMLDivElement>(640, 400);
  const w = Math.max(280, Math.min(width, 760));
  const net = useRef<HTMLCanvasElement>(null);
  const plot = useRef<HTMLCanvasElement>(null);
  const palette = usePalette();
  const params = useStore(store, (s) => s.params);
  const run = useRef(new TinyBrainRun()).current;

  const { redraw } = useSimulation(
    store,
    {
      reset: (p, seed) => run.reset(p, seed),
      step: () => run.step(),
      draw: () => {
        // An impossible combination keeps its explanation on screen (the loop clears messages after a clean draw).
        if (run.error) throw new Error(run.error);
        if (!net.current || !plot.current) return;
        paintNetwork(fitCanvas(net.current, w, 270), run, w, 270, palette);
        paintEnergy(fitCanvas(plot.current, w, 200), run, w, 200, palette);
      },
      describe: () => run.describe(store.getState().params as Params),
    },
    box,
  );
  useEffect(() => redraw(), [palette, w]);

  const hidden = params.lx !== 'softmax' && params.lh !== 'softmax' ? ['beta'] : [];
  return (
    <div className="fig-tinybrain" ref={box}>
      <canvas ref={net} role="img" aria-label="TinyBrain: memory neurons above, feature neurons below, joined by the synaptic matrix ξ. Fill shows each activation, bars each internal state." />
      <p className="fig-tinybrain-legend">
        Fill: activation (blue positive, orange negative). Bar: internal state. Strips above the memory neurons: the stored patterns p<sub>μ</sub> (rows of ξ).
      </p>
      <canvas ref={plot} role="img" aria-label="Energy against time: the total E and its three parts E x, E h and E syn." />
      <div className="fig-tinybrain-presets" role="group" aria-label="Models">
        {PRESETS.map((pr) => (
          <button key={pr.label} type="button" className="btn" title={pr.title} onClick={() => store.getState().setParams(pr.values)} data-preset={pr.label}>
            {pr.label}
          </button>
        ))}
      </div>
      <PropControls store={store} hidden={hidden} />
      <Transport store={store} />
    </div>
  );
}
