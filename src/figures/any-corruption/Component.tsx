import { useRef } from 'react';
import type { FigureProps } from '../registry';
import { useFigure } from '../../lib/figure/useFigure';
import { useSimulation } from '../../lib/figure/useSimulation';
import { PropControls, Transport } from '../../lib/figure/Controls';
import { useParentSize } from '../../lib/useParentSize';
import { usePalette } from '../../lib/theme';
import { fitCanvas } from '../../lib/canvas';
import { Tex } from '../../lib/Tex';
import { AnyCorruption, KINDS } from './sim';
import { COLS, LABEL_H, marksFor, paintEnergies, paintGrid } from './draw';
import { meta } from './meta';
import './style.css';

const COLS_SHORT = ['x(0)', 'descent', 'one step', 'DAM'];
const ROWS_SHORT = ['noise', 'mask', 'blur', 'pixels'];
const ONE_STEP = String.raw`\begin{aligned} D_\sigma(x) &= x + \sigma^2 \nabla_x \log p_\sigma(x) \\ &= \xi^\top \operatorname{softmax}\!\big(-\tfrac{\beta}{2}\lVert x - \xi_\mu\rVert^2\big), \quad \beta = 1/\sigma^2 \end{aligned}`;

export default function AnyCorruptionFigure({ store: anyStore }: FigureProps) {
  const store = useFigure(meta, anyStore);
  const { ref: box, width } = useParentSize<HTMLDivElement>(560, 400);
  const narrow = width < 420;
  const label = narrow ? 48 : 110;
  const gap = 8;
  const tile = Math.max(44, Math.min(96, Math.floor((width - label - 3 * gap) / 4)));
  const gridW = 4 * tile + 3 * gap;
  const gridH = 4 * (tile + LABEL_H) + 3 * gap;
  const grid = useRef<HTMLCanvasElement>(null);
  const plot = useRef<HTMLCanvasElement>(null);
  const palette = usePalette();
  const model = useRef(new AnyCorruption()).current;
  const plotW = Math.max(200, Math.min(width, 560));

  const draw = () => {
    const marks = marksFor(model);
    if (grid.current) paintGrid(fitCanvas(grid.current, gridW, gridH), model, tile, gap, palette, marks);
    if (plot.current) paintEnergies(fitCanvas(plot.current, plotW, 110), model, plotW, 110, palette);
  };

  useSimulation(
    store,
    {
      reset: (p, s) => model.reset(p, s),
      step: (p) => model.step(p),
      draw,
      describe: () => model.describe(),
    },
    box,
  );

  return (
    <div className="fig-any-corruption" ref={box}>
      <div className="fig-any-corruption-layout" style={{ gridTemplateColumns: `${label}px ${gridW}px` }}>
        <div />
        <div className="fig-any-corruption-heads" style={{ gridTemplateColumns: `repeat(4, ${tile}px)`, columnGap: gap }}>
          {(narrow ? COLS_SHORT : COLS).map((c, i) => (
            <span key={c} title={COLS[i]}>
              {c}
            </span>
          ))}
        </div>
        <div className="fig-any-corruption-rowlabels" style={{ gridTemplateRows: `repeat(4, ${tile + LABEL_H}px)`, rowGap: gap }}>
          {KINDS.map((k, i) => (
            <span key={k.kind} title={k.label}>
              {narrow ? ROWS_SHORT[i] : k.label}
            </span>
          ))}
        </div>
        <canvas
          ref={grid}
          role="img"
          aria-label="Four rows, one per corruption of the same stored picture. Columns: the corrupted picture, the associative memory descending its energy, the one-step denoiser, and the binary dense associative memory."
        />
      </div>
      <p className="figure-hint">Under each picture: ✓ when the nearest stored picture is the right one with cosine overlap above 0.9, and that overlap. Energy descent keeps going until it reaches a fixed point; the denoiser takes one step.</p>
      <div className="fig-any-corruption-eq">
        <Tex tex={ONE_STEP} display />
      </div>
      <canvas ref={plot} className="fig-any-corruption-plot" role="img" aria-label="Energy of each row's state against descent step: it only ever falls." />
      <PropControls store={store} />
      <Transport store={store} />
    </div>
  );
}
