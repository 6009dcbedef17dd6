import { useEffect, useMemo, useRef, useState } from 'react';
import { useStore } from 'zustand';
import type { FigureProps } from '../registry';
import { useFigure } from '../../lib/figure/useFigure';
import { useSimulation } from '../../lib/figure/useSimulation';
import { PropControls, Transport } from '../../lib/figure/Controls';
import { useParentSize } from '../../lib/useParentSize';
import { prefersReducedMotion, usePalette } from '../../lib/theme';
import { fitCanvas } from '../../lib/canvas';
import { lattice as latticeOf } from '../../lib/draw/arrows';
import { LinePlot, type Series } from '../../lib/LinePlot';
import type { TrainedRun, TrainRequest, TrainResponse } from '../../workers/train-score.worker';
import { CLASS_NAMES, DATA_URL, decodeRuns, phaseCurves, PLANE, Replay, runKey, type Params, type PrecomputedFile, type RunStats } from './sim';
import { classColours, paintPlane, PlaneLayer } from './draw';
import { ReplayAhead } from './replay.client';
import { meta } from './meta';
import { MathText } from '../../lib/MathText';
import './style.css';

const TRAIN_STEPS = 3000;
/** How long a run that has just appeared waits for its replay to be computed ahead before it plays anyway. */
const AUTOPLAY_WAIT_MS = 2000;
const CLASS_VARS = ['var(--mg-memorized)', 'var(--mg-spurious)', 'var(--mg-generalized)'];

type Training = { phase: 'idle' } | { phase: 'running'; id: number; K: number; width: number } | { phase: 'error'; message: string };

export default function MemorizationGeneralization({ store: anyStore }: FigureProps) {
  const store = useFigure(meta, anyStore);
  const { ref: box, width: boxWidth } = useParentSize<HTMLDivElement>(720, 400);
  const wide = boxWidth >= 700;
  const size = Math.max(240, Math.min(wide ? Math.floor((boxWidth - 16) / 2) : boxWidth, 520));
  const plotW = wide ? size : Math.max(240, Math.min(boxWidth, 520));
  const canvas = useRef<HTMLCanvasElement>(null);
  const rootEl = useRef<HTMLDivElement>(null);
  const palette = usePalette();
  const params = useStore(store, (s) => s.params);
  const width = Number(params.width);
  const [runs, setRuns] = useState<Map<string, TrainedRun>>(() => new Map());
  const [file, setFile] = useState<PrecomputedFile | null>(null);
  const [stats, setStats] = useState<RunStats[]>([]);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [training, setTraining] = useState<Training>({ phase: 'idle' });
  const [kText, setKText] = useState(String(params.K));
  const worker = useRef<Worker | null>(null);
  // Progress goes straight to the DOM: ten updates a second must not re-render the figure.
  const progressBar = useRef<HTMLProgressElement>(null);
  const progressText = useRef<HTMLSpanElement>(null);
  const nextId = useRef(1);
  const replay = useRef(new Replay()).current;
  const ahead = useRef(new ReplayAhead()).current;
  replay.ahead = ahead;
  const still = useRef(new PlaneLayer()).current;
  const autoplay = useRef<() => void>(() => {});
  const field = useRef<{ points: Float64Array; vectors: Float64Array }>({ points: new Float64Array(0), vectors: new Float64Array(0) });
  const run = runs.get(runKey(width, params.K)) ?? null;
  const runRef = useRef(run);
  runRef.current = run;

  const view = useMemo(() => ({ width: size, height: size, ...PLANE }), [size]);

  // The shipped sweep: fetched once (≈ 0.5 MB), decoded off the critical path.
  useEffect(() => {
    let alive = true;
    fetch(DATA_URL)
      .then((r) => (r.ok ? r.json() : Promise.reject(new Error(`HTTP ${r.status}`))))
      .then((f: PrecomputedFile) => {
        if (!alive) return;
        const { drawable, stats: st } = decodeRuns(f);
        setFile(f);
        setStats(st);
        setRuns((old) => {
          const m = new Map(old);
          for (const r of drawable) if (!m.has(runKey(r.width, r.K))) m.set(runKey(r.width, r.K), r);
          return m;
        });
      })
      .catch((e: unknown) => alive && setLoadError(`Could not load the precomputed results (${e instanceof Error ? e.message : String(e)}); you can still train any K live.`));
    return () => {
      alive = false;
    };
  }, []);

  // Release the workers on unmount. The replay's worker starts at once, so it is ready when a run arrives.
  useEffect(() => {
    ahead.start();
    return () => {
      worker.current?.terminate();
      autoplay.current();
      ahead.stop();
    };
  }, []);

  // The field is computed again only when what it shows changes, so a restart of the same run repaints nothing still.
  const fieldOf = useRef<unknown[]>([]);
  const computeField = () => {
    const n = size < 360 ? 13 : 17;
    const key = [replay.run, store.getState().params.sigma, view, n];
    if (key.every((k, i) => k === fieldOf.current[i])) return;
    fieldOf.current = key;
    const pts = latticeOf(view, n);
    field.current = { points: pts, vectors: replay.field(pts, store.getState().params.sigma) };
  };

  const draw = () => {
    if (!canvas.current) return;
    paintPlane(fitCanvas(canvas.current, size, size), view, palette, classColours(rootEl.current), replay.run, field.current.points, field.current.vectors, replay.xs, replay.done, still);
  };

  const { redraw } = useSimulation(
    store,
    {
      reset: () => {
        ahead.prepare(runRef.current);
        replay.load(runRef.current);
        computeField();
      },
      step: () => replay.step(),
      // σ only picks which slice of the learned field is drawn: the samples carry on.
      onKeptChange: () => computeField(),
      draw,
      describe: () => replay.describe(store.getState().params as Params),
    },
    box,
  );

  // A run appearing for the current (K, width) — loaded, or just trained — restarts the replay.
  // Deferred to its own task, so the render that brought the run and the replay's reset never add up to one long task.
  useEffect(() => {
    if (replay.run === run) return;
    ahead.prepare(run);
    const t = setTimeout(() => {
      store.getState().reset();
      // It plays once the worker holds the replay's states (or after a moment without them). A K chosen meanwhile
      // restarts the replay with the new run, which then plays in its place, unless the reader has stepped it.
      if (!run || prefersReducedMotion()) return;
      autoplay.current();
      autoplay.current = ahead.whenReady(run, AUTOPLAY_WAIT_MS, () =>
        requestAnimationFrame(() => {
          const st = store.getState();
          if (st.steps === 0) st.play();
        }),
      );
    }, 0);
    return () => clearTimeout(t);
  }, [run]);

  useEffect(() => {
    computeField();
    redraw();
  }, [palette, size]);

  useEffect(() => setKText(String(params.K)), [params.K]);

  const startTraining = () => {
    if (training.phase === 'running') return;
    const K = params.K;
    const id = nextId.current++;
    if (!worker.current) {
      worker.current = new Worker(new URL('../../workers/train-score.worker.ts', import.meta.url), { type: 'module' });
    }
    const w = worker.current;
    setTraining({ phase: 'running', id, K, width });
    if (progressBar.current) progressBar.current.value = 0;
    if (progressText.current) progressText.current.textContent = `training K = ${K}, width ${width}: starting…`;
    w.onmessage = (e: MessageEvent<TrainResponse>) => {
      const m = e.data;
      if (m.id !== id) return;
      if (m.type === 'progress') {
        if (progressBar.current) progressBar.current.value = m.done / m.total;
        if (progressText.current) progressText.current.textContent = `training K = ${K}, width ${width}: step ${m.done} of ${m.total}, DSM loss ${m.loss.toFixed(3)}`;
      } else if (m.type === 'done') {
        setRuns((old) => new Map(old).set(runKey(m.run.width, m.run.K), { ...m.run, source: 'live' }));
        setTraining({ phase: 'idle' });
        store.getState().setStatus(`Trained K = ${m.run.K} at width ${m.run.width} in ${(m.ms / 1000).toFixed(1)} s.`);
      } else if (m.type === 'cancelled') setTraining({ phase: 'idle' });
      else if (m.type === 'error') setTraining({ phase: 'error', message: m.message });
    };
    const msg: TrainRequest = { type: 'train', id, K, width, steps: TRAIN_STEPS, seed: file?.seed ?? 1 };
    w.postMessage(msg);
  };
  const cancelTraining = () => {
    if (training.phase !== 'running' || !worker.current) return;
    const msg: TrainRequest = { type: 'cancel', id: training.id };
    worker.current.postMessage(msg);
  };

  const commitK = (text: string) => {
    setKText(text);
    const v = Number(text);
    if (Number.isInteger(v) && v >= 2 && v <= 1000) store.getState().setParam('K', v);
  };
  const kValid = (() => {
    const v = Number(kText);
    return Number.isInteger(v) && v >= 2 && v <= 1000;
  })();

  // The phase diagram: fractions against K (mean over the seeds available) for the chosen width, and the generalized
  // fraction for every width.
  const curves = useMemo(() => phaseCurves(stats, [...runs.values()].filter((r) => r.source === 'live')), [stats, runs]);
  const mine = curves.get(width) ?? [];
  const fractionSeries: Series[] = CLASS_NAMES.map((name, c) => ({ label: name, color: CLASS_VARS[c], points: mine.map((r) => [r.K, r.fractions[c]] as const), dashed: c === 1 }));
  const widthSeries: Series[] = [...curves.keys()]
    .sort((a, b) => a - b)
    .map((w, i) => ({
      label: `width ${w}`,
      color: ['var(--accent-2)', 'var(--accent)', 'var(--fg)', 'var(--score)'][i % 4],
      points: (curves.get(w) ?? []).map((r) => [r.K, r.fractions[2]] as const),
      dashed: w !== width,
    }));
  const seedsHere = mine.find((r) => r.K === params.K)?.seeds ?? 0;
  const sweepKs = file?.ks ?? [2, 4, 8, 16, 32, 64, 128, 256, 512, 1000];
  const running = training.phase === 'running' ? training : null;
  const [m, s, g] = run?.fractions ?? [NaN, NaN, NaN];

  return (
    <div ref={rootEl} className="fig-memorization-generalization">
      <div ref={box} className="fig-memorization-generalization-panels">
        <canvas
          ref={canvas}
          role="img"
          aria-label={`Samples of a score network trained on ${params.K} points of the unit circle (black dots), with its learned score field at σ = ${params.sigma}. Settled samples: discs memorized, diamonds spurious, small dots generalized.`}
        />
        <div className="fig-memorization-generalization-plots" style={{ width: plotW }}>
          <LinePlot
            series={fractionSeries}
            width={plotW}
            height={wide ? Math.round(size * 0.55) : 190}
            xLabel="training points K (log scale)"
            yLabel="fraction of samples"
            xDomain={[2, 1000]}
            yDomain={[0, 1]}
            xLog
            marks={[{ x: params.K, label: `K = ${params.K}`, color: 'var(--accent-2)' }]}
            title={`Fractions of memorized, spurious and generalized samples against K, width ${width}`}
          />
          <LinePlot
            series={widthSeries}
            width={plotW}
            height={wide ? Math.round(size * 0.42) : 160}
            xLabel="K (log scale)"
            yLabel="generalized"
            xDomain={[2, 1000]}
            yDomain={[0, 1]}
            xLog
            title="Generalized fraction against K for each network width"
          />
        </div>
      </div>
      <p className="fig-memorization-generalization-legend" aria-hidden="true">
        <span className="mg-key mg-key-data">
          <MathText text="training point ξ_μ" spoken={false} />
        </span>
        <span className="mg-key mg-key-m">memorized</span>
        <span className="mg-key mg-key-s">spurious</span>
        <span className="mg-key mg-key-g">generalized</span>
        <span className="mg-key mg-key-f">
          <MathText text="learned score s_θ(x, σ)" spoken={false} />
        </span>
      </p>
      <p className="fig-memorization-generalization-readout" data-testid="fractions">
        {run
          ? `K = ${run.K}, width ${run.width}: memorized ${m.toFixed(2)} · spurious ${s.toFixed(2)} · generalized ${g.toFixed(2)} — DSM loss ${run.heldOutLoss.toFixed(3)} vs ${run.exactLoss.toFixed(3)} for the exact score${run.source === 'live' ? ' (trained here)' : ''}${seedsHere > 1 ? `; the plot shows the mean over ${seedsHere} seeds` : ''}`
          : file || loadError
            ? `K = ${params.K} at width ${width} has no result yet: train it (about ${width >= 64 ? 'half a minute' : 'ten seconds'}).`
            : 'Loading the precomputed sweep…'}
      </p>
      {loadError && (
        <p className="figure-problem" role="alert">
          {loadError}
        </p>
      )}
      <div className="fig-memorization-generalization-k" role="group" aria-label="Training-set size K">
        <label className="control">
          <span className="control-label">K</span>
          <input type="number" min={2} max={1000} step={1} value={kText} onChange={(e) => commitK(e.currentTarget.value)} aria-invalid={!kValid} aria-label="K: how many training points on the circle (2 to 1000)" />
        </label>
        {!kValid && <span className="figure-problem">K must be a whole number from 2 to 1000.</span>}
        {sweepKs.map((k) => (
          <button key={k} type="button" className="btn btn-small" aria-pressed={params.K === k} onClick={() => commitK(String(k))} data-k={k}>
            {k}
          </button>
        ))}
      </div>
      <div className="fig-memorization-generalization-train" role="group" aria-label="Training">
        <button type="button" className="btn btn-primary" onClick={startTraining} disabled={!!running} data-action="train">
          {run ? 'Retrain' : 'Train'} K = {params.K} at width {width}
        </button>
        <button type="button" className="btn" onClick={cancelTraining} disabled={!running} data-action="cancel">
          Cancel
        </button>
        <progress ref={progressBar} max={1} defaultValue={0} aria-label="Training progress" data-testid="progress" hidden={!running} />
        <span ref={progressText} className="fig-memorization-generalization-progress" data-testid="progress-text" aria-live="off" hidden={!running} />
        {training.phase === 'error' && <span className="figure-problem">training failed: {training.message}</span>}
      </div>
      <PropControls store={store} hidden={['K']} />
      <Transport store={store} />
    </div>
  );
}
