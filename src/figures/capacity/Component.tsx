import { useEffect, useMemo, useRef, useState } from 'react';
import { useStore } from 'zustand';
import type { FigureProps } from '../registry';
import { useFigure } from '../../lib/figure/useFigure';
import { PropControls, SeedControl } from '../../lib/figure/Controls';
import { useParentSize } from '../../lib/useParentSize';
import { useOnScreen } from '../../lib/useOnScreen';
import type { Series } from '../../lib/LinePlot';
import { LegendPlot } from '../../lib/LegendPlot';
import { Tex } from '../../lib/Tex';
import { cachedCapacity, runCapacityInWorker, type CapacityOutcome, type CapacityRun } from '../../lib/capacity/client';
import { crossing, K_MAX_FACTOR, MEMORY_KINDS, MEMORY_LABELS, theoryCapacity, type CapacityCurve, type CapacitySpec, type MemoryKind } from '../../lib/capacity/spec';
import { meta } from './meta';
import './style.css';

const COLORS: Record<MemoryKind, string> = { classical: 'var(--accent)', poly3: 'var(--accent-2)', poly4: 'var(--score)', exp: 'var(--memory)' };
const PROBES = 4;
const MIN_OVERLAP = 0.95;

type RunState = { phase: 'idle' | 'running' | 'done' | 'cancelled' | 'error'; done: number; total: number; curves: CapacityCurve[]; ms?: number; cached?: boolean; error?: string };

function fmtK(k: number): string {
  if (k >= 1e6) return k.toExponential(1).replace('e+', ' × 10^');
  return k >= 100 ? Math.round(k).toLocaleString('en-US') : k.toFixed(1).replace(/\.0$/, '');
}

function texK(k: number): string {
  if (k >= 1e6) {
    const [m, e] = k.toExponential(1).split('e+');
    return `${m} \\times 10^{${e}}`;
  }
  return fmtK(k).replace(/,/g, '{,}');
}

export default function Capacity({ store: anyStore }: FigureProps) {
  const store = useFigure(meta, anyStore);
  const { ref: box, width } = useParentSize<HTMLDivElement>(640, 400);
  const onScreen = useOnScreen(box);
  const params = useStore(store, (s) => s.params);
  const seed = useStore(store, (s) => s.seed);
  const spec: CapacitySpec = useMemo(() => ({ N: params.N, corruption: params.corruption, trials: params.trials, probes: PROBES, minOverlap: MIN_OVERLAP, seed }), [params.N, params.corruption, params.trials, seed]);
  const [run, setRun] = useState<RunState>({ phase: 'idle', done: 0, total: 1, curves: [] });
  const active = useRef<CapacityRun | null>(null);

  const start = () => {
    active.current?.cancel();
    const hit = cachedCapacity(spec);
    if (hit) {
      setRun({ phase: 'done', done: 1, total: 1, curves: hit.curves, ms: hit.ms, cached: true });
      return;
    }
    setRun({ phase: 'running', done: 0, total: 1, curves: [] });
    active.current = runCapacityInWorker(spec, {
      onProgress: (done, total, curves) => setRun({ phase: 'running', done, total, curves }),
      onDone: (out: CapacityOutcome) => {
        active.current = null;
        setRun({ phase: 'done', done: 1, total: 1, curves: out.curves, ms: out.ms });
      },
      onError: (message) => {
        active.current = null;
        setRun((r) => ({ ...r, phase: 'error', error: message }));
      },
    });
  };
  const cancel = () => {
    active.current?.cancel();
    active.current = null;
    setRun((r) => ({ ...r, phase: 'cancelled' }));
  };

  // Show a cached result at once; otherwise run when the figure is (near) on screen. Slider drags are debounced.
  useEffect(() => {
    const hit = cachedCapacity(spec);
    if (hit) {
      active.current?.cancel();
      active.current = null;
      setRun({ phase: 'done', done: 1, total: 1, curves: hit.curves, ms: hit.ms, cached: true });
      return;
    }
    if (!onScreen) return;
    const t = setTimeout(start, 250);
    return () => clearTimeout(t);
  }, [spec, onScreen]);

  // Release the worker on unmount.
  useEffect(() => () => active.current?.cancel(), []);

  const N = params.N;
  const kMax = K_MAX_FACTOR * N;
  const series: Series[] = MEMORY_KINDS.map((kind) => ({ label: MEMORY_LABELS[kind], color: COLORS[kind], dashed: kind === 'exp', points: (run.curves.find((c) => c.kind === kind)?.points ?? []).map((p) => [p.K, p.recallRate] as const) }));
  const marks = MEMORY_KINDS.filter((k) => k !== 'exp')
    .map((k) => ({ k, t: theoryCapacity(k, N) }))
    .filter(({ t }) => t.K >= 1 && t.K <= kMax)
    .map(({ k, t }) => ({ x: t.K, label: k === 'classical' ? '0.138 N' : `n=${k === 'poly3' ? 3 : 4} bound`, color: COLORS[k] }));

  const rows = MEMORY_KINDS.map((kind) => {
    const c = run.curves.find((x) => x.kind === kind);
    const log = kind !== 'classical';
    const half = c ? crossing(c.points, 0.5, log) : null;
    const ninety = c ? crossing(c.points, 0.9, log) : null;
    const complete = !!c && (c.stoppedEarly || run.phase === 'done');
    return { kind, c, half, ninety, complete, theory: theoryCapacity(kind, N) };
  });

  // The live text summary.
  useEffect(() => {
    const st = store.getState();
    if (run.phase === 'running') st.setStatus(`Running the experiment at N = ${N}: ${run.done} of ${run.total} points done.`);
    else if (run.phase === 'cancelled') st.setStatus(`Cancelled after ${run.done} of ${run.total} points; press Run to start again.`);
    else if (run.phase === 'error') st.setStatus('The experiment failed.');
    else if (run.phase === 'done') {
      const parts = rows.map((r) => (r.half !== null ? `${MEMORY_LABELS[r.kind]} falls to 50% recall at K ≈ ${fmtK(r.half)} (K/N = ${(r.half / N).toFixed(3)})` : `${MEMORY_LABELS[r.kind]} still recalls at K = ${fmtK(kMax)}`));
      st.setStatus(`Done at N = ${N}${run.cached ? ' (from the cache)' : ` in ${((run.ms ?? 0) / 1000).toFixed(1)} s`}: ${parts.join('; ')}.`);
    }
    st.setProblem(run.phase === 'error' ? `The capacity experiment failed: ${run.error}` : null);
  }, [run, N]);

  const plotW = Math.max(260, Math.min(width, 760));
  const progress = run.phase === 'running' ? run.done / Math.max(1, run.total) : run.phase === 'done' ? 1 : run.done / Math.max(1, run.total);

  return (
    <div className="fig-capacity" ref={box}>
      <LegendPlot
        legend={plotW < 520 ? 'below' : 'bottom-right'}
        xTickFormat={(t) => (t >= 1000 ? `${t / 1000}k` : String(t))}
        series={series}
        width={plotW}
        height={Math.round(Math.min(340, Math.max(220, plotW * 0.5))) + (plotW < 520 ? 70 : 0)}
        xLog
        xDomain={[1, kMax]}
        yDomain={[0, 1]}
        xLabel={plotW < 520 ? `K stored (N = ${N}, ρ = ${Math.round(params.corruption * 100)}%)` : `K, stored random patterns (N = ${N}, ${Math.round(params.corruption * 100)}% of bits flipped)`}
        yLabel="recall rate"
        marks={marks}
        title={`Recall rate against the number of stored patterns K at N = ${N}, for the classical network and three dense associative memories`}
      />
      <div className="fig-capacity-run" role="group" aria-label="Run the experiment">
        {run.phase === 'running' ? (
          <button type="button" className="btn" onClick={cancel} data-action="cancel">
            Cancel
          </button>
        ) : (
          <button type="button" className="btn btn-primary" onClick={start} data-action="run">
            {run.phase === 'done' ? 'Run again' : 'Run'}
          </button>
        )}
        <progress max={1} value={progress} aria-label="Experiment progress" data-testid="progress" />
        <span className="fig-capacity-progress-text" data-testid="progress-text">
          {run.phase === 'running' ? `${run.done} / ${run.total}` : run.phase === 'done' ? (run.cached ? 'cached' : `${((run.ms ?? 0) / 1000).toFixed(2)} s`) : run.phase === 'cancelled' ? 'cancelled' : ''}
        </span>
        <SeedControl store={store} />
      </div>
      <PropControls store={store} />
      <div className="fig-capacity-table-wrap">
        <table className="fig-capacity-table" data-testid="capacity-table">
          <caption>Where recall breaks down, measured here and predicted</caption>
          <thead>
            <tr>
              <th scope="col">memory</th>
              <th scope="col">K at 90% recall</th>
              <th scope="col">K at 50% recall</th>
              <th scope="col">K/N at 50%</th>
              <th scope="col">published</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.kind} data-memory={r.kind}>
                <th scope="row">
                  <span className="fig-capacity-swatch" style={{ background: COLORS[r.kind] }} aria-hidden="true" /> {MEMORY_LABELS[r.kind]}
                </th>
                <td>{!r.c ? '…' : r.ninety !== null ? fmtK(r.ninety) : r.complete ? `> ${fmtK(kMax)}` : '…'}</td>
                <td data-testid={`half-${r.kind}`}>{!r.c ? '…' : r.half !== null ? fmtK(r.half) : r.complete ? `> ${fmtK(kMax)}` : '…'}</td>
                <td>{r.half !== null ? (r.half / N).toFixed(3) : r.complete ? `> ${K_MAX_FACTOR}` : '…'}</td>
                <td>
                  <Tex tex={`${r.theory.formula} \\approx ${texK(r.theory.K)}`} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="figure-hint">
        A recall counts as a success when the final overlap ξ·s/N is at least {MIN_OVERLAP}. The published numbers: the classical capacity α_c ≈ 0.138 (Amit, Gutfreund and Sompolinsky), Krotov and Hopfield&apos;s no-error estimate for F = xⁿ, and
        Demircigil et al.&apos;s 2<sup>N/2</sup> for F = eˣ, which at N = {N} is far off this chart.
      </p>
      <aside className="fig-capacity-mnist" aria-label="The survey's MNIST arithmetic">
        <strong>MNIST, as the survey counts it.</strong> Each image is N = 784 binary pixels. The classical network holds about{' '}
        <Tex tex="0.14\,N = 0.14 \times 784 \approx 110" /> images, and fewer still because digits are correlated. The exponential memory holds up to{' '}
        <Tex tex="2^{N/2} = 2^{392} \approx 1.0 \times 10^{118}" /> uncorrelated patterns.
      </aside>
    </div>
  );
}
