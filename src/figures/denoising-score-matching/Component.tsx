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
import { Tex } from '../../lib/Tex';
import { LinePlot } from '../../lib/LinePlot';
import { TermButton, termAt, useTermHighlight } from '../../lib/termHighlight';
import { DOMAIN, Dsm, type Params } from './sim';
import { DsmLayers, errorPlot, paint, paintBackground } from './draw';
import { meta } from './meta';
import { MathText } from '../../lib/MathText';

type Highlight = 'none' | 'target' | 'score';

const EQ =
  '\\begin{gathered}\\ell(\\sigma) = \\tfrac12\\,\\mathbb{E}\\,\\big\\lVert s_\\theta(\\tilde x, \\sigma) - \\htmlClass{fig-dsm-target}{\\big(-\\tfrac{\\tilde x - \\xi}{\\sigma^2}\\big)}\\big\\rVert^2 \\\\ \\mathbb{E}\\Big[-\\tfrac{\\tilde x - \\xi}{\\sigma^2}\\,\\Big|\\,\\tilde x\\Big] = \\htmlClass{fig-dsm-score}{\\nabla_{\\tilde x}\\log p_\\sigma(\\tilde x)}\\end{gathered}';

export default function DenoisingScoreMatching({ store: anyStore }: FigureProps) {
  const store = useFigure(meta, anyStore);
  const { box, size, view } = useSquareView(DOMAIN);
  const canvas = useRef<HTMLCanvasElement>(null);
  const palette = usePalette();
  const params = useStore(store, (s) => s.params);
  const seed = useStore(store, (s) => s.seed);
  // The status line changes a few times a second while running; it is what re-renders the convergence plot.
  useStore(store, (s) => s.status);
  const model = useRef(new Dsm()).current;
  const heat = useRef<HTMLCanvasElement | null>(null);
  const layers = useRef(new DsmLayers()).current;
  // The heat image depends only on the grid (a new one only when σ changes) and the theme: a restart reuses it.
  const heatOf = useRef<{ grid: unknown; palette: unknown }>({ grid: null, palette: null });
  const refreshHeat = () => {
    if (!model.grid || (heatOf.current.grid === model.grid && heatOf.current.palette === palette)) return;
    heat.current = paintBackground(model.grid, palette);
    heatOf.current = { grid: model.grid, palette };
  };
  const { hl, setHl, hlRef } = useTermHighlight<Highlight>('none');
  const { redraw } = useSimulation(
    store,
    {
      reset: (p, s) => {
        model.reset(p, s);
        refreshHeat();
      },
      step: (p) => model.step(p),
      draw: () => {
        if (!canvas.current || !heat.current) return;
        paint(fitCanvas(canvas.current, size, size), model, heat.current, view, palette, store.getState().params.sigma, { highlight: hlRef.current }, layers);
        // The loop refreshes the status at most every 400 ms while playing; a single step while paused must show at once.
        if (!store.getState().playing) store.getState().setStatus(model.describe(store.getState().params as Params));
      },
      describe: () => model.describe(store.getState().params as Params),
    },
    box,
  );

  useEffect(() => {
    refreshHeat();
    redraw();
  }, [palette, view, seed, hl]);

  const onEqOver = (e: React.PointerEvent) => setHl(termAt<Highlight>(e.target, { 'fig-dsm-target': 'target', 'fig-dsm-score': 'score' }, 'none'));


  return (
    <div className="fig-denoising-score-matching" data-hl={hl}>
      <div className="fig-dsm-eq" onPointerOver={onEqOver} onPointerLeave={() => setHl('none')} data-testid="equation">
        <Tex tex={EQ} display />
      </div>
      <div ref={box} className="figure-canvas-box">
        <canvas
          ref={canvas}
          role="img"
          aria-label="Perturbed samples with their denoising targets (orange), the running bin averages of the targets (blue) and the true score (green)."
        />
      </div>
      <p className="fig-dsm-legend">
        <TermButton term="target" none="none" setHl={setHl} swatch="var(--accent-2)">
          latest x̃ and its target −(x̃−ξ)/σ²
        </TermButton>
        <TermButton term="target" none="none" setHl={setHl} swatch="var(--accent)">
          average of targets per bin
        </TermButton>
        <TermButton term="score" none="none" setHl={setHl} swatch="var(--score)">
          <MathText text="true score ∇log p_σ" />
        </TermButton>
      </p>
      <div className="fig-dsm-plot" data-testid="error-plot">
        <LinePlot {...errorPlot(model, params as Params, Math.min(size, 480))} />
      </div>
      <PropControls store={store} />
      <Transport store={store} />
    </div>
  );
}
