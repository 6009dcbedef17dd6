import { useEffect, useMemo, useRef, useState } from 'react';
import { useStore } from 'zustand';
import type { FigureProps } from '../registry';
import { useFigure } from '../../lib/figure/useFigure';
import { useSimulation } from '../../lib/figure/useSimulation';
import { PropControls, Transport } from '../../lib/figure/Controls';
import { useParentSize } from '../../lib/useParentSize';
import { useOnScreen } from '../../lib/useOnScreen';
import { usePalette } from '../../lib/theme';
import { fitCanvas } from '../../lib/canvas';
import { fromPxInside } from '../../lib/draw/landscape';
import { Dispersed, DOMAIN, MAX_PATTERNS } from './sim';
import { diagramLayout, diagramSigma, paintBackground, paintDiagram, paintLandscape, panelSizes, type Background, type DiagramLayout } from './draw';
import { meta } from './meta';
import './style.css';
import { formatNumber } from '../../lib/format';
import { localPoint } from '../../lib/pointer';

const CREATIVE_SIGMA = 2;
const RECALL_SIGMA = 0.1;

/** The plane's extent: a keyboard move stops at the edge (an edit's coordinates must lie in it). */
const clampPlane = (v: number) => Math.min(DOMAIN.x1, Math.max(DOMAIN.x0, v));

export default function DispersedMemories({ store: anyStore }: FigureProps) {
  const store = useFigure(meta, anyStore);
  const { ref: box, width } = useParentSize<HTMLDivElement>(720, 400);
  const { size, diagW, diagH } = panelSizes(width);
  const landscape = useRef<HTMLCanvasElement>(null);
  const diagram = useRef<HTMLCanvasElement>(null);
  const palette = usePalette();
  const params = useStore(store, (s) => s.params);
  const seed = useStore(store, (s) => s.seed);
  const model = useRef(new Dispersed()).current;
  const bg = useRef<Background | null>(null);
  const bgKey = useRef('');
  const drag = useRef<{ index: number; pointer: number } | null>(null);
  const [version, setVersion] = useState(0);
  // A separate element: the shared observer keeps one listener per element, and useSimulation watches `box`.
  const root = useRef<HTMLDivElement>(null);
  const onScreen = useOnScreen(root);

  const view = useMemo(() => ({ width: size, height: size, ...DOMAIN }), [size]);
  const layout: DiagramLayout = useMemo(() => diagramLayout(diagW, diagH), [diagW, diagH]);

  const draw = () => {
    if (landscape.current) {
      const key = `${model.version}:${model.sigma}:${size}:${palette.dark}:${palette.accent}`;
      if (!bg.current || bgKey.current !== key) {
        bg.current = paintBackground(model.grid(), view, palette);
        bgKey.current = key;
      }
      paintLandscape(fitCanvas(landscape.current, size, size), model, bg.current, view, palette);
    }
    if (diagram.current) paintDiagram(fitCanvas(diagram.current, diagW, diagH), model, layout, palette);
  };

  const { redraw, edit } = useSimulation(
    store,
    {
      reset: (p, s) => model.reset(p, s),
      step: (p) => model.step(p),
      onKeptChange: (p, prev) => model.onKeptChange(p, prev),
      applyEdit: (e) => model.applyEdit(e),
      carriedEdits: (p, s) => model.carriedEdits(p, s),
      draw,
      describe: () => model.describe(),
    },
    box,
  );

  // The bifurcation diagram grows a few slices per frame (≤ 6 ms each) whenever it is incomplete and on screen.
  useEffect(() => {
    if (!onScreen || model.diagramDone()) return;
    let raf = 0;
    const tick = () => {
      const done = model.growDiagram(6);
      redraw();
      if (!done) raf = requestAnimationFrame(tick);
    };
    raf = requestAnimationFrame(tick);
    return () => cancelAnimationFrame(raf);
  }, [onScreen, version, seed, params.memories]);

  useEffect(() => {
    redraw();
  }, [palette, size, diagW, diagH]);

  /**
   * An edit of the patterns goes through the run (recorded for links; the particles move again); then a new
   * landscape and diagram. Selecting is not an edit: it changes no state the dynamics read.
   */
  const edited = (e?: Parameters<typeof edit>[0]) => {
    if (e) edit(e);
    setVersion((v) => v + 1);
    store.getState().setStatus(model.describe());
    redraw();
  };
  const add = (x: number, y: number) => edited({ kind: 'add', args: [x, y] });
  const remove = () => edited({ kind: 'remove', args: [model.selected] });
  const move = (i: number, x: number, y: number) => edit({ kind: 'move', args: [i, x, y] });

  const planeAt = (e: React.PointerEvent<HTMLCanvasElement>) => {
    return fromPxInside(view, ...localPoint(e, e.currentTarget));
  };
  const onDown = (e: React.PointerEvent<HTMLCanvasElement>) => {
    const [x, y] = planeAt(e);
    const hitR = (14 / size) * (DOMAIN.x1 - DOMAIN.x0);
    let i = model.hit(x, y, hitR);
    if (i < 0) {
      if (model.k >= MAX_PATTERNS) {
        store.getState().setStatus(`At most ${MAX_PATTERNS} patterns: remove one first.`);
        return;
      }
      add(x, y);
      i = model.k - 1;
    }
    model.selected = i;
    drag.current = { index: i, pointer: e.pointerId };
    e.currentTarget.setPointerCapture(e.pointerId);
    edited();
  };
  const onMove = (e: React.PointerEvent<HTMLCanvasElement>) => {
    if (!drag.current || drag.current.pointer !== e.pointerId) return;
    const [x, y] = planeAt(e);
    move(drag.current.index, x, y);
    // Keep the diagram alive while dragging: a few milliseconds of slices per pointer move.
    model.growDiagram(4);
    redraw();
  };
  const onUp = (e: React.PointerEvent<HTMLCanvasElement>) => {
    if (!drag.current || drag.current.pointer !== e.pointerId) return;
    drag.current = null;
    edited();
  };
  const onKey = (e: React.KeyboardEvent<HTMLCanvasElement>) => {
    const step = e.shiftKey ? 0.25 : 0.05;
    const i = model.selected;
    const moves: Record<string, [number, number]> = { ArrowLeft: [-step, 0], ArrowRight: [step, 0], ArrowUp: [0, step], ArrowDown: [0, -step] };
    if (moves[e.key]) {
      move(i, clampPlane(model.patterns[2 * i] + moves[e.key][0]), clampPlane(model.patterns[2 * i + 1] + moves[e.key][1]));
    } else if (e.key === 'Delete' || e.key === 'Backspace') {
      remove();
    } else if (e.key === 'n' || e.key === ']') {
      model.selected = (model.selected + 1) % model.k;
    } else if (e.key === '[') {
      model.selected = (model.selected + model.k - 1) % model.k;
    } else if (e.key === 'a' || e.key === '+') {
      if (model.k < MAX_PATTERNS) add(0.3 * Math.cos(model.k), 0.3 * Math.sin(model.k));
    } else return;
    e.preventDefault();
    edited();
  };

  const onDiagram = (e: React.PointerEvent<HTMLCanvasElement>) => {
    if (e.type === 'pointermove' && e.buttons === 0) return;
    const s = diagramSigma(layout, localPoint(e, e.currentTarget)[0]);
    store.getState().setParam('sigma', Math.round(s * 1000) / 1000);
    if (e.type === 'pointerdown') e.currentTarget.setPointerCapture(e.pointerId);
  };

  const setSigma = (s: number) => {
    store.getState().setParam('sigma', s);
    const st = store.getState();
    if (!st.playing) st.play();
  };

  return (
    <div ref={root} className="fig-dispersed-memories">
      <div ref={box} className="fig-dispersed-memories-panels">
        <canvas
          ref={landscape}
          tabIndex={0}
          role="img"
          aria-label="Energy landscape E beta of the smoothed patterns. Rings with crosses are the patterns xi mu; filled dots are the attractors at this σ, crosses the saddles; small dots are particles. Click empty space to add a pattern, drag one to move it; with the keyboard: arrows move the selected pattern, n selects the next, a adds, Delete removes."
          onPointerDown={onDown}
          onPointerMove={onMove}
          onPointerUp={onUp}
          onPointerCancel={onUp}
          onKeyDown={onKey}
          style={{ touchAction: 'none', cursor: 'crosshair' }}
        />
        <canvas
          ref={diagram}
          role="img"
          aria-label={`Bifurcation diagram: fixed points of E beta along the patterns' main axis against σ on a log scale; the vertical line marks σ = ${formatNumber(params.sigma)}. Click or drag on it to set σ.`}
          onPointerDown={onDiagram}
          onPointerMove={onDiagram}
          style={{ touchAction: 'none', cursor: 'ew-resize' }}
          data-testid="bifurcation"
        />
      </div>
      <p className="figure-hint">Click empty space to add a pattern, drag a pattern to move it; select with a tap, then Delete (or the button) removes it. Drag along the diagram to sweep σ.</p>
      <div className="fig-dispersed-memories-actions" role="group" aria-label="Patterns and presets">
        <button type="button" className="btn" data-action="creative" onClick={() => setSigma(CREATIVE_SIGMA)}>
          Creative generation (σ = {CREATIVE_SIGMA})
        </button>
        <button type="button" className="btn" data-action="recall" onClick={() => setSigma(RECALL_SIGMA)}>
          Memory recall (σ = {RECALL_SIGMA})
        </button>
        <button type="button" className="btn" data-action="add-pattern" disabled={model.k >= MAX_PATTERNS} onClick={() => add(0.3 * Math.cos(model.k), 0.3 * Math.sin(model.k))}>
          Add pattern
        </button>
        <button type="button" className="btn" data-action="next-pattern" onClick={() => ((model.selected = (model.selected + 1) % model.k), edited())}>
          Select next
        </button>
        <button type="button" className="btn" data-action="remove-pattern" disabled={model.k <= 1} onClick={remove}>
          Remove selected
        </button>
        <span className="fig-dispersed-memories-count" data-testid="pattern-count" data-version={version}>
          {model.k} patterns
        </span>
      </div>
      <PropControls store={store} />
      <Transport store={store} />
    </div>
  );
}
