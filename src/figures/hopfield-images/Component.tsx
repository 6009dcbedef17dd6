import { useCallback, useEffect, useRef, useState } from 'react';
import { useStore } from 'zustand';
import type { FigureProps } from '../registry';
import { useFigure } from '../../lib/figure/useFigure';
import { useSimulation } from '../../lib/figure/useSimulation';
import { PropControls, Transport } from '../../lib/figure/Controls';
import { useParentSize } from '../../lib/useParentSize';
import { usePalette } from '../../lib/theme';
import { fitCanvas } from '../../lib/canvas';
import { ACCEPTED_TYPES } from '../../lib/image/admit';
import { PictureMemory, type Params, type ReaderPicture } from './sim';
import { energyAxes, paintEnergy, paintOverlaps, paintPattern, paintSide } from './draw';
import { MAX_READER, meta } from './meta';
import { isWarm, warmUp } from './rules';
import { DrawPad, Thumb } from './Pictures';
import { useSlicedPrepare } from './useSlicedPrepare';
import { UPLOAD_STAGES, useUpload, type FigureMessage } from './useUpload';
import { MAX_STROKE_RUNS, strokeRuns } from './strokes';
import './style.css';

type Brush = 'flip' | 'ink' | 'paper';

export default function HopfieldImages({ store: anyStore }: FigureProps) {
  const store = useFigure(meta, anyStore);
  const { ref: box, width } = useParentSize<HTMLDivElement>(640, 400);
  const palette = usePalette();
  const params = useStore(store, (s) => s.params);
  const model = useRef(new PictureMemory()).current;
  const [reader, setReader] = useState<ReaderPicture[]>([]);
  const readerRef = useRef(reader);
  readerRef.current = reader;
  const [message, setMessage] = useState<FigureMessage | null>(null);
  const [brush, setBrush] = useState<Brush>('flip');
  const [padOpen, setPadOpen] = useState(false);
  // What the gallery shows of the model (its stored set and target). A Reset that changes neither leaves it
  // equal, so React skips the re-render; only a rebuild of the stored set counts up `built`.
  const [view, setView] = useState({ built: 0, target: -1 });
  const shown = useRef<{ patterns: unknown; built: number }>({ patterns: null, built: 0 });
  const sidePainted = useRef<unknown[]>([]);

  const main = useRef<HTMLCanvasElement>(null);
  const side = useRef<HTMLCanvasElement>(null);
  const energy = useRef<HTMLCanvasElement>(null);
  const overlaps = useRef<HTMLCanvasElement>(null);

  const wide = width >= 600;
  const mainSize = Math.floor(Math.max(200, Math.min(wide ? 320 : width, 400)));
  const thumb = wide ? 140 : Math.floor((mainSize - 12) / 2);
  const sideW = wide ? thumb : 2 * thumb + 12;
  const sideH = wide ? 2 * thumb + 44 : thumb + 20;
  const plotW = Math.max(200, wide ? Math.floor((width - 16) / 2) : Math.floor(width));
  const plotH = 150;

  const announce = () => model.recaller && store.getState().setStatus(model.describe(store.getState().params as Params));

  const draw = () => {
    if (!main.current || !model.recaller || prep.current) return;
    const ctx = fitCanvas(main.current, mainSize, mainSize);
    paintPattern(ctx, model.state, model.side, 0, 0, mainSize, palette, model.settled ? -1 : model.lastFlip);
    if (side.current) {
      // The start and target pictures change only when recall starts again: repainting them every frame would
      // only add a canvas to every compositor commit.
      const ctx = fitCanvas(side.current, sideW, sideH);
      const key = [model.probe, model.target, model.patterns, side.current.width, side.current.height, thumb, wide, palette];
      if (key.some((v, k) => v !== sidePainted.current[k])) {
        sidePainted.current = key;
        paintSide(ctx, model, thumb, wide, palette);
      }
    }
    const mode = store.getState().params.mode;
    if (energy.current)
      paintEnergy(fitCanvas(energy.current, plotW, plotH), model.energies, model.traceLen, plotW, plotH, palette, ...energyAxes(model, mode));
    if (overlaps.current) paintOverlaps(fitCanvas(overlaps.current, plotW, plotH), model.overlaps, model.N, model.patterns.rows, model.pictures, model.target, plotW, plotH, palette);
    // While paused, each single step is a deliberate act: say what it did at once (the loop throttles its summary).
    if (!store.getState().playing) announce();
  };

  const { prep, prepare } = useSlicedPrepare(store, model, readerRef);

  const { redraw, edit } = useSimulation(
    store,
    {
      reset: (p, s) => {
        // Compile the recall loops of this rule in an idle task, while the stored set is prepared and before the
        // reader's first sweep (once per rule).
        if (!isWarm(p)) window.setTimeout(() => warmUp(p), 0);
        if (!prepare(p as Params, s)) return;
        model.reset(p, s, readerRef.current);
        if (shown.current.patterns !== model.patterns) shown.current = { patterns: model.patterns, built: shown.current.built + 1 };
        const next = { built: shown.current.built, target: model.target };
        setView((v) => (v.built === next.built && v.target === next.target ? v : next));
      },
      step: (p) => (prep.current ? false : model.step(p)),
      onKeptChange: () => model.onKeptChange(),
      // While the stored set is being prepared the model is not this run's yet; it is reset (and a link replayed) when ready.
      applyEdit: (e) => void (prep.current || model.applyEdit(e)),
      // The reader's own pictures cannot go in a link; the run records how many there were, so a link says so.
      carriedEdits: () => (readerRef.current.length ? [{ kind: 'own', args: [readerRef.current.length] }] : []),
      draw,
      describe: () => (prep.current || !model.recaller ? 'Preparing the stored pictures…' : model.describe(store.getState().params as Params)),
    },
    box,
  );

  useEffect(() => redraw(), [palette, width, view]);

  // A change to the reader's pictures rebuilds the stored set.
  const firstReader = useRef(true);
  useEffect(() => {
    if (firstReader.current) {
      firstReader.current = false;
      return;
    }
    store.getState().reset();
  }, [reader]);

  /*
   * The brush paints on the state while the pointer is down; a pixel changes at most once per stroke (`touched`).
   * Each pointer move is one `paint` edit holding the whole stroke so far (pixel → the value it was set to, so a
   * flip is written as the ink or paper it became); the run keeps only the last one, so a link holds one entry
   * per stroke. A stroke of more runs than one edit holds goes on as a new stroke.
   */
  const strokeId = useRef(0);
  const stroke = useRef<{ id: number; touched: Set<number>; values: Map<number, number> } | null>(null);
  const newStroke = () => (strokeId.current = (strokeId.current + 1) % 1000);
  const paintAt = (e: React.PointerEvent<HTMLCanvasElement>) => {
    const st = stroke.current;
    if (!st || !model.recaller || prep.current) return;
    const r = e.currentTarget.getBoundingClientRect();
    const s = model.side;
    const c = Math.floor(((e.clientX - r.left) / r.width) * s);
    const row = Math.floor(((e.clientY - r.top) / r.height) * s);
    const rad = s >= 48 ? 2 : 1;
    const fresh = new Map<number, number>();
    for (let dr = 1 - rad; dr < rad; dr++)
      for (let dc = 1 - rad; dc < rad; dc++) {
        const rr = row + dr;
        const cc = c + dc;
        if (rr < 0 || cc < 0 || rr >= s || cc >= s) continue;
        const i = rr * s + cc;
        if (st.touched.has(i)) continue;
        st.touched.add(i);
        fresh.set(i, brush === 'flip' ? -model.state[i] : brush === 'ink' ? 1 : -1);
      }
    if (!fresh.size) return;
    for (const [i, v] of fresh) st.values.set(i, v);
    let runs = strokeRuns(st.values);
    if (runs.length > 2 * MAX_STROKE_RUNS) {
      st.id = newStroke();
      st.values = fresh;
      runs = strokeRuns(fresh);
    }
    edit({ kind: 'paint', args: [st.id, ...runs] });
  };
  const onDown = (e: React.PointerEvent<HTMLCanvasElement>) => {
    store.getState().pause();
    e.currentTarget.setPointerCapture?.(e.pointerId);
    stroke.current = { id: newStroke(), touched: new Set(), values: new Map() };
    paintAt(e);
  };
  const onUp = () => {
    stroke.current = null;
  };

  const storeReader = (pic: ReaderPicture) => {
    if (reader.length >= MAX_READER) {
      setMessage({ text: `You can store up to ${MAX_READER} pictures of your own; nothing was stored.`, bad: true });
      return;
    }
    const index = Math.min(params.images, 20) + reader.length + 1;
    setReader((r) => [...r, pic]);
    store.getState().setParam('target', index);
    setMessage({ text: `Stored “${pic.name}” as memory ${index}; it is now the target.`, bad: false });
  };

  const pick = useCallback((mu: number) => store.getState().setParam('target', mu + 1), [store]);

  const upload = useUpload(Number(params.size), setMessage, storeReader);

  return (
    <div className="fig-hopfield-images">
      <div className="fig-hopfield-images-gallery" role="group" aria-label="Stored pictures: choose the one to corrupt">
        {model.names.slice(0, model.pictures).map((name, mu) => (
          <Thumb key={mu} name={name} mu={mu} patterns={model.patterns} side={model.side} palette={palette} selected={mu === model.target} onPick={pick} />
        ))}
        {model.patterns.rows > model.pictures && <span className="fig-hopfield-images-extra">+ {model.patterns.rows - model.pictures} random patterns</span>}
      </div>
      {/* The pictures are sized from their row: the figure's width in the essay, the picture column on a slide. */}
      <div className={`fig-hopfield-images-row ${wide ? 'is-wide' : ''}`} ref={box}>
        <canvas
          ref={main}
          role="img"
          aria-label="The network state s, one pixel per neuron (ink is +1). Drag on it to paint with the brush."
          data-testid="state"
          onPointerDown={onDown}
          onPointerMove={(e) => stroke.current && paintAt(e)}
          onPointerUp={onUp}
          onPointerCancel={onUp}
          style={{ touchAction: 'none', cursor: 'crosshair' }}
        />
        <canvas ref={side} aria-hidden="true" />
      </div>
      <div className="fig-hopfield-images-corrupt" role="group" aria-label="Corrupt the picture">
        <button type="button" className="btn" onClick={() => store.getState().reset()} data-action="corrupt">
          Corrupt with noise
        </button>
        <button
          type="button"
          className="btn"
          data-action="mask"
          onClick={() => {
            store.getState().pause();
            edit({ kind: 'mask', args: [] });
          }}
        >
          Hide half
        </button>
        <label className="control">
          <span className="control-label">brush</span>
          <select value={brush} onChange={(e) => setBrush(e.currentTarget.value as Brush)} aria-label="What the brush does to the pixels you drag over">
            <option value="flip">flips pixels</option>
            <option value="ink">paints ink (+1)</option>
            <option value="paper">paints paper (−1)</option>
          </select>
        </label>
      </div>
      <Transport store={store} />
      <div className={`fig-hopfield-images-row ${wide ? 'is-wide' : ''}`}>
        <canvas ref={energy} role="img" aria-label="Energy E of the state after each update; it never rises." data-testid="energy" />
        <canvas ref={overlaps} role="img" aria-label="Overlap m mu of the state with every stored pattern; the target's bar is highlighted." data-testid="overlaps" />
      </div>
      <PropControls store={store} hidden={params.memory === 'poly' || params.memory === 'rectified' ? ['target'] : ['target', 'n']} />
      <details className="fig-hopfield-images-own" open={padOpen} onToggle={(e) => setPadOpen((e.currentTarget as HTMLDetailsElement).open)}>
        <summary>Store a picture of your own</summary>
        {padOpen && (
          <DrawPad
            side={Number(params.size)}
            palette={palette}
            onStore={(pixels) => (pixels ? storeReader({ name: `drawing ${reader.length + 1}`, side: Number(params.size), pixels }) : setMessage({ text: 'The pad is empty: draw something first. Nothing was stored.', bad: true }))}
          />
        )}
        <label className="fig-hopfield-images-upload" onDrop={upload.onDrop} onDragOver={upload.onDragOver}>
          <span>
            Upload a picture (cropped square, shrunk to {params.size}×{params.size}, then black and white):
          </span>
          <input type="file" accept={ACCEPTED_TYPES} onChange={upload.onChange} data-testid="upload" />
        </label>
        {reader.length > 0 && (
          <button type="button" className="btn" onClick={() => setReader([])}>
            Forget my pictures
          </button>
        )}
      </details>
      {message && (
        <p className={message.bad ? 'figure-problem' : 'figure-hint'} role={message.bad ? 'alert' : 'status'} data-testid="upload-message">
          {message.text}
          {message.stage !== undefined && <progress className="fig-hopfield-images-progress" max={UPLOAD_STAGES} value={message.stage} aria-hidden="true" />}
        </p>
      )}
      {reader.length > 0 && (
        <p className="figure-hint" data-testid="link-note">
          A link to this figure (Copy link) cannot carry {reader.length === 1 ? 'the picture' : `the ${reader.length} pictures`} you stored: it records only how many there were, and whoever opens it is told that {reader.length === 1 ? 'it is' : 'they are'} missing, so their run differs from yours.
        </p>
      )}
    </div>
  );
}
