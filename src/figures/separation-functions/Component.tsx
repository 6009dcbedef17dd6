import { useEffect, useMemo, useRef, useState } from 'react';
import { useStore } from 'zustand';
import type { FigureProps } from '../registry';
import { useFigure } from '../../lib/figure/useFigure';
import { PropControls, SeedControl } from '../../lib/figure/Controls';
import { useParentSize } from '../../lib/useParentSize';
import { usePalette } from '../../lib/theme';
import { fitCanvas } from '../../lib/canvas';
import { LinePlot } from '../../lib/LinePlot';
import { Tex } from '../../lib/Tex';
import { BasinMapper } from '../../core';
import { BASIN_OPTIONS, describe, memoriesFromAngles, summarizePanel, memoryAngles, panels, RES_REST, type Params, type Panel, type PanelResult } from './sim';
import { basinGrid, MEMORY_COLORS, paintBasins, separationPlot, separationSeries } from './draw';
import { meta } from './meta';
import { roundEdit } from '../../lib/figure/edits';
import { speak } from '../../lib/speech';
import './style.css';
import { localPoint } from '../../lib/pointer';

/** Basin-map resolution while dragging (fast) and at rest (sharp). */
const RES_DRAG = 26;


export default function SeparationFunctions({ store: anyStore }: FigureProps) {
  const store = useFigure(meta, anyStore);
  const { ref: box, width } = useParentSize<HTMLDivElement>(640, 400);
  // The F plot is sized from its own box: the figure's width in the essay, the column beside the basins on a slide.
  const { ref: plotBox, width: plotWidth } = useParentSize<HTMLDivElement>(640, 220);
  const palette = usePalette();
  const params = useStore(store, (s) => s.params);
  const seed = useStore(store, (s) => s.seed);
  const angles = useRef<number[]>(memoryAngles(params.K, seed));
  const [version, setVersion] = useState(0);
  const [selected, setSelected] = useState(0);
  const [results, setResults] = useState<(PanelResult | null)[]>([null, null, null, null]);
  const canvases = useRef<(HTMLCanvasElement | null)[]>([]);
  const dragging = useRef<number | null>(null);
  const ps = useMemo(() => panels(params as Params), [params.n, params.beta]);

  // New memories when K or the seed changes, or, on opening a link, where the link's reader had dragged them.
  useEffect(() => {
    const st = store.getState();
    const linked = st.targetHistory.filter((e) => e.edit?.kind === 'angles').pop()?.edit;
    const fits = linked !== undefined && linked.args.length === params.K;
    angles.current = fits ? [...linked.args] : memoryAngles(params.K, seed);
    store.setState({ targetHistory: [], history: fits ? [{ step: 0, values: {}, edit: linked }] : [] });
    if (linked && !fits) st.setStatus(`The link placed ${linked.args.length} memories, not K = ${params.K}: the seed places them instead.`);
    setSelected((s) => Math.min(s, params.K - 1));
    setVersion((v) => v + 1);
  }, [params.K, seed]);

  /** A drag or a keyboard move is done: keep the angles as a link writes them, and record them for Copy link. */
  const record = () => {
    const edit = roundEdit(meta.edits!.angles, { kind: 'angles', args: angles.current });
    angles.current = [...edit.args];
    store.setState({ history: [{ step: 0, values: {}, edit }] });
  };

  // Recompute the four basin maps a few rows at a time, at most ~8 ms per frame, so no frame blocks for long.
  useEffect(() => {
    const res = dragging.current !== null ? RES_DRAG : RES_REST;
    const memories = memoriesFromAngles(angles.current);
    const mappers = ps.map((p) => new BasinMapper(memories, p.F, res, res, BASIN_OPTIONS));
    let panel = 0;
    let row = 0;
    let raf = 0;
    const frame = () => {
      const t0 = performance.now();
      while (panel < ps.length && performance.now() - t0 < 8) {
        const next = Math.min(res, row + 2);
        mappers[panel].rows(row, next);
        row = next;
        if (row >= res) {
          const r = summarizePanel(ps[panel], mappers[panel].result(), memories.rows);
          const idx = panel;
          setResults((prev) => prev.map((p, j) => (j === idx ? r : p)));
          panel++;
          row = 0;
        }
      }
      if (panel < ps.length) raf = requestAnimationFrame(frame);
    };
    raf = requestAnimationFrame(frame);
    return () => cancelAnimationFrame(raf);
  }, [version, ps]);

  const { cols, size } = basinGrid(width);

  // Paint only the panels whose map changed (each finished panel would otherwise repaint all four), or all of
  // them when the size, the palette or the selected memory changed.
  const painted = useRef<{ maps: (PanelResult | null)[]; size: number; palette: unknown; selected: number }>({ maps: [], size: 0, palette: null, selected: -1 });
  useEffect(() => {
    const memories = memoriesFromAngles(angles.current);
    const last = painted.current;
    const all = last.size !== size || last.palette !== palette || last.selected !== selected;
    results.forEach((r, i) => {
      const c = canvases.current[i];
      if (!c || !r || r.map.label.length === 0) return;
      if (!all && last.maps[i] === r) return;
      paintBasins(fitCanvas(c, size, size), r.map, memories, size, palette, selected);
      last.maps[i] = r;
    });
    painted.current = { maps: last.maps, size, palette, selected };
  }, [results, size, palette, selected]);

  // The live summary.
  useEffect(() => {
    if (results.some((r) => !r)) return;
    store.getState().setStatus(describe(results as PanelResult[], params.K));
  }, [results]);

  const pick = (e: React.PointerEvent<HTMLCanvasElement>): [number, number] => {
    const el = e.currentTarget as HTMLElement;
    const [px, py] = localPoint(e, el);
    const r = el.offsetWidth / 2 - 10;
    return [(px - el.offsetWidth / 2) / r, -(py - el.offsetHeight / 2) / r];
  };
  const onDown = (e: React.PointerEvent<HTMLCanvasElement>) => {
    const [x, y] = pick(e);
    let best = -1;
    let bd = 0.35;
    angles.current.forEach((a, k) => {
      const d = Math.hypot(x - Math.cos(a), y - Math.sin(a));
      if (d < bd) {
        bd = d;
        best = k;
      }
    });
    if (best < 0) return;
    e.currentTarget.setPointerCapture?.(e.pointerId);
    dragging.current = best;
    setSelected(best);
  };
  const onMove = (e: React.PointerEvent<HTMLCanvasElement>) => {
    if (dragging.current === null) return;
    const [x, y] = pick(e);
    angles.current[dragging.current] = Math.atan2(y, x);
    setVersion((v) => v + 1);
  };
  const onUp = () => {
    if (dragging.current === null) return;
    dragging.current = null;
    record();
    setVersion((v) => v + 1);
  };

  // The F plot does not depend on the memories: built once per (n, β) and width, not at every pointer move.
  const fSeries = useMemo(() => separationSeries(ps), [ps]);
  const fPlot = useMemo(() => <LinePlot {...separationPlot(fSeries, plotWidth)} />, [fSeries, plotWidth]);
  const deg = Math.round((((angles.current[selected] ?? 0) * 180) / Math.PI + 360) % 360);

  return (
    <div className="fig-separation-functions">
      {/* On a lecture slide the F plot is a reference: it sits with the controls, the basins get the picture column. */}
      <div ref={plotBox} className="fig-separation-functions-plot" data-slide-aside>
        {fPlot}
      </div>
      {/* Sized from the grid's own box: the figure's width in the essay, the picture column on a lecture slide. */}
      <div className="fig-separation-functions-grid" ref={box} style={{ gridTemplateColumns: `repeat(${cols}, ${size}px)` }}>
        {ps.map((p: Panel, i) => {
          const r = results[i];
          return (
            <figure key={p.key} className="fig-separation-functions-panel" data-panel={p.key}>
              <canvas
                ref={(el) => {
                  canvases.current[i] = el;
                }}
                role="img"
                aria-label={speak(`Basins with ${p.name}: each colour, outlined and numbered, is the memory that descent from that point reaches; grey is a spurious state.`)}
                onPointerDown={onDown}
                onPointerMove={onMove}
                onPointerUp={onUp}
                onPointerCancel={onUp}
                style={{ touchAction: 'none', cursor: 'grab' }}
              />
              <figcaption>
                <Tex tex={p.tex} />
                <span className="fig-separation-functions-count" data-testid={`kept-${p.key}`}>
                  {r ? `${r.kept} of ${params.K} kept${r.inverses ? `, ${r.inverses} −ξ` : ''}${r.spurious ? `, ${r.spurious} spurious` : ''}` : '…'}
                </span>
              </figcaption>
            </figure>
          );
        })}
      </div>
      <p className="figure-hint">Drag a memory (a dot on the circle) to move it. Colours are basins, outlined; each memory’s basin holds its numbered dot; grey marks starts that end in a spurious state (×); pale tints, labelled −μ, mark basins of a negative −ξ<sub>μ</sub>.</p>
      <div className="fig-separation-functions-move" role="group" aria-label="Move a memory with the keyboard">
        <label className="control">
          <span className="control-label">move ξ</span>
          <select value={selected} onChange={(e) => setSelected(Number(e.currentTarget.value))} aria-label="Which memory to move">
            {angles.current.map((_, k) => (
              <option key={k} value={k} style={{ color: MEMORY_COLORS[k % MEMORY_COLORS.length] }}>
                {k + 1}
              </option>
            ))}
          </select>
        </label>
        <label className="control control-number">
          <span className="control-label">angle</span>
          <input
            type="range"
            min={0}
            max={359}
            step={1}
            value={deg}
            aria-label={`Angle of memory ${selected + 1} on the circle, in degrees`}
            onChange={(e) => {
              angles.current[selected] = (Number(e.currentTarget.value) * Math.PI) / 180;
              record();
              setVersion((v) => v + 1);
            }}
          />
          <output>{deg}°</output>
        </label>
        <SeedControl store={store} />
      </div>
      <PropControls store={store} />
    </div>
  );
}
