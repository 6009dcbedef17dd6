import { memo, useEffect, useMemo, useRef, useState } from 'react';
import { useStore } from 'zustand';
import type { FigureProps } from '../registry';
import { useFigure } from '../../lib/figure/useFigure';
import { PropControls, SeedControl } from '../../lib/figure/Controls';
import { useParentSize } from '../../lib/useParentSize';
import { useWatched } from '../../lib/useWatched';
import { LinePlot } from '../../lib/LinePlot';
import { Tex } from '../../lib/Tex';
import { cachedCapacity, runCapacityInWorker, type CapacityOutcome, type CapacityRun } from '../../workers/capacity.client';
import { K_MAX_FACTOR, MEMORY_LABELS, type CapacitySpec } from '../../lib/capacity/spec';
import { capacitySpec, describeRun, fmtK, kMaxFor, MIN_OVERLAP, summaryRows, type Params, type RunState } from './sim';
import { capacityPlot, COLORS, texK } from './draw';
import { meta } from './meta';
import './style.css';

// A run re-renders the figure a few times a second with its progress: the controls and notes, which it does not
// change, are memoised so those renders touch only the chart, the progress and the table.
const Props = memo(PropControls);
const Seed = memo(SeedControl);

export default function Capacity({ store: anyStore }: FigureProps) {
  const store = useFigure(meta, anyStore);
  // The chart is sized from its own box: the figure's width in the essay, the picture column on a lecture slide.
  const { ref: chart, width } = useParentSize<HTMLDivElement>(640, 400);
  const watched = useWatched(chart);
  const params = useStore(store, (s) => s.params);
  const seed = useStore(store, (s) => s.seed);
  const spec = useMemo(() => capacitySpec(params, seed), [params.N, params.corruption, params.trials, seed]);
  const [run, setRun] = useState<RunState>({ phase: 'idle', done: 0, total: 1, curves: [] });
  const active = useRef<CapacityRun | null>(null);

  const show = (out: CapacityOutcome, how: Partial<RunState>) => setRun({ phase: 'done', done: 1, total: 1, curves: out.curves, ms: out.ms, of: params as Params, ...how });
  /** Runs the experiment in the worker; `fresh` computes it again even when the cache holds it ("Run again"). */
  const start = (fresh: boolean) => {
    active.current?.cancel();
    const hit = fresh ? undefined : cachedCapacity(spec);
    if (hit) return show(hit, { cached: true });
    setRun({ phase: 'running', done: 0, total: 1, curves: [], of: params as Params });
    active.current = runCapacityInWorker(spec, {
      onProgress: (done, total, curves) => setRun({ phase: 'running', done, total, curves, of: params as Params }),
      onDone: (out: CapacityOutcome) => {
        active.current = null;
        show(out, { rerun: fresh });
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

  // A cached result shows at once. Otherwise the experiment starts once the reader has had the chart in view for
  // a moment (not merely scrolled past it), once per setting; until then the last result stays, labelled as
  // such. Slider drags are debounced.
  const startedFor = useRef<CapacitySpec | null>(null);
  useEffect(() => {
    if (startedFor.current === spec) return; // this setting is shown, running or was cancelled by the reader
    const hit = cachedCapacity(spec);
    if (hit || !watched) {
      active.current?.cancel();
      active.current = null;
    }
    if (hit) {
      startedFor.current = spec;
      show(hit, { cached: true });
      return;
    }
    if (!watched) {
      setRun((r) => ({ ...r, phase: 'waiting', done: 0, total: 1, curves: r.phase === 'done' ? r.curves : [] }));
      return;
    }
    const t = setTimeout(() => {
      startedFor.current = spec;
      start(false);
    }, 250);
    return () => clearTimeout(t);
  }, [spec, watched]);

  // Release the worker on unmount.
  useEffect(() => () => active.current?.cancel(), []);

  const N = params.N;
  const kMax = kMaxFor(N);
  const rows = useMemo(() => summaryRows(run, N), [run, N]);

  // The live text summary.
  useEffect(() => {
    const st = store.getState();
    st.setStatus(describeRun(run, rows, N));
    st.setProblem(run.phase === 'error' ? `The capacity experiment failed: ${run.error}` : null);
  }, [run, N]);

  const plotW = Math.max(260, Math.min(width, 760));
  const chartProps = useMemo(() => capacityPlot(run, run.of ?? (params as Params), plotW), [run, params, plotW]);
  const progress = run.phase === 'running' ? run.done / Math.max(1, run.total) : run.phase === 'done' ? 1 : run.done / Math.max(1, run.total);

  return (
    <div className="fig-capacity">
      <div ref={chart} data-testid="capacity-chart" data-phase={run.phase} data-watched={watched}>
        <LinePlot {...chartProps} />
      </div>
      <div className="fig-capacity-run" role="group" aria-label="Run the experiment">
        {run.phase === 'running' ? (
          <button type="button" className="btn" onClick={cancel} data-action="cancel">
            Cancel
          </button>
        ) : (
          <button
            type="button"
            className="btn btn-primary"
            onClick={() => start(run.phase === 'done')}
            data-action="run"
            title={run.phase === 'done' ? 'Computes the experiment again in the worker, without reading the cache (the same seed gives the same curves)' : undefined}
          >
            {run.phase === 'done' ? 'Run again' : 'Run'}
          </button>
        )}
        <progress max={1} value={progress} aria-label="Experiment progress" data-testid="progress" />
        <span className="fig-capacity-progress-text" data-testid="progress-text">
          {progressText(run)}
        </span>
        <Seed store={store} />
      </div>
      <Props store={store} />
      {/* On a lecture slide the table sits beside the chart, with the controls. */}
      <div className="fig-capacity-table-wrap" data-slide-aside>
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
                <td>{!r.curve ? '…' : r.ninety !== null ? fmtK(r.ninety) : r.complete ? `> ${fmtK(kMax)}` : '…'}</td>
                <td data-testid={`half-${r.kind}`}>{!r.curve ? '…' : r.half !== null ? fmtK(r.half) : r.complete ? `> ${fmtK(kMax)}` : '…'}</td>
                <td>{r.half !== null ? (r.half / N).toFixed(3) : r.complete ? `> ${K_MAX_FACTOR}` : '…'}</td>
                <td>
                  <Tex tex={`${r.theory.formula} \\approx ${texK(r.theory.K)}`} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Notes N={N} />
    </div>
  );
}

/** The notes under the table: what counts as a recall, the published capacities, and the survey's MNIST arithmetic. */
const Notes = memo(function Notes({ N }: { N: number }) {
  return (
    <>
      <p className="figure-hint">
        A recall counts as a success when the final overlap ξ·s/N is at least {MIN_OVERLAP}. The published numbers: the classical capacity α<sub>c</sub> ≈ 0.138 (Amit, Gutfreund and Sompolinsky), Krotov and Hopfield&apos;s no-error estimate for F = xⁿ, and
        Demircigil et al.&apos;s 2<sup>N/2</sup> for F = eˣ, which at N = {N} is far off this chart.
      </p>
      <aside className="fig-capacity-mnist" aria-label="The survey's MNIST arithmetic">
        <strong>MNIST, as the survey counts it.</strong> Each image is N = 784 binary pixels. The classical network holds about{' '}
        <Tex tex="0.14\,N = 0.14 \times 784 \approx 110" /> images, and fewer still because digits are correlated. The exponential memory holds up to{' '}
        <Tex tex="2^{N/2} = 2^{392} \approx 1.0 \times 10^{118}" /> uncorrelated patterns.
      </aside>
    </>
  );
});

/** The words beside the progress bar: how far a run is, and whether what is shown was computed or read from the cache. */
function progressText(run: RunState): string {
  if (run.phase === 'running') return `${run.done} / ${run.total}`;
  if (run.phase === 'cancelled') return 'cancelled';
  if (run.phase === 'waiting') return run.curves.length ? 'last result shown; starts when in view' : 'starts when in view';
  if (run.phase !== 'done') return '';
  if (run.cached) return 'cached result (same settings and seed); Run again computes it anew';
  return `${((run.ms ?? 0) / 1000).toFixed(2)} s${run.rerun ? ', computed again' : ''}`;
}
