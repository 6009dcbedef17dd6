import { useEffect, useRef } from 'react';
import { useStore } from 'zustand';
import type { FigureProps } from '../registry';
import { useFigure } from '../../lib/figure/useFigure';
import { useSimulation } from '../../lib/figure/useSimulation';
import { PropControls, Transport } from '../../lib/figure/Controls';
import { useParentSize } from '../../lib/useParentSize';
import { usePalette } from '../../lib/theme';
import { fitCanvas } from '../../lib/canvas';
import { HierarchyRun, type Params } from './sim';
import { paintEnergy, paintStack } from './draw';
import { meta } from './meta';
import './style.css';

export default function Hierarchy({ store: anyStore }: FigureProps) {
  const store = useFigure(meta, anyStore);
  const { ref: box, width } = useParentSize<HTMLDivElement>(640, 400);
  const w = Math.max(280, Math.min(width, 760));
  const stack = useRef<HTMLCanvasElement>(null);
  const plot = useRef<HTMLCanvasElement>(null);
  const palette = usePalette();
  const layers = useStore(store, (s) => s.params.layers);
  const top = useStore(store, (s) => s.params.top);
  const trained = useStore(store, (s) => s.params.synapses === 'trained');
  const run = useRef(new HierarchyRun()).current;
  const stackH = trained ? 260 : Math.max(220, Math.min(420, 60 * layers));

  const { redraw } = useSimulation(
    store,
    {
      reset: (p, seed) => run.reset(p, seed),
      step: () => run.step(),
      draw: () => {
        if (!stack.current || !plot.current) return;
        paintStack(fitCanvas(stack.current, w, stackH), run, w, stackH, palette);
        paintEnergy(fitCanvas(plot.current, w, 190), run, w, 190, palette);
      },
      describe: () => run.describe(store.getState().params as Params),
    },
    box,
  );
  useEffect(() => redraw(), [palette, w, stackH]);

  const { min, max } = meta.props.layers;
  const setLayers = (n: number) => {
    store.getState().setParam('layers', Math.max(min, Math.min(max, n)));
    store.getState().play();
  };
  return (
    <div className="fig-hierarchy" ref={box}>
      <canvas
        ref={stack}
        role="img"
        aria-label={
          trained
            ? 'A three-layer associative memory learned from four patterns: features at the bottom (the stored pattern below them, a dashed box round the window that gets no input), parts in the middle, one memory neuron per pattern on top; fill shows activation.'
            : `A hierarchical associative memory with ${layers} layers; fill shows each neuron's activation, bars on the right how fast each layer still moves.`
        }
      />
      <canvas ref={plot} role="img" aria-label="Energy against time: the total, the sum of the layer energies and the sum of the synaptic energies." />
      <div className="fig-hierarchy-add" role="group" aria-label="Layers">
        <button type="button" className="btn" onClick={() => setLayers(layers + 1)} disabled={trained || layers >= max} data-action="add-layer">
          Add a layer
        </button>
        <button type="button" className="btn" onClick={() => setLayers(layers - 1)} disabled={trained || layers <= min} data-action="remove-layer">
          Remove a layer
        </button>
      </div>
      <PropControls store={store} hidden={trained ? ['layers', 'width', 'top'] : top === 'softmax' ? [] : ['beta']} />
      <Transport store={store} />
    </div>
  );
}
