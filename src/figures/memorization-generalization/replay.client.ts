import type { TrainedRun } from '../../workers/train-score.worker';
import type { StepSource } from './sim';
import type { ReplayRequest, ReplayState } from './replay.worker';

/*
 * The figure's side of replay.worker.ts: asks for the states of the run on show and holds them for Replay.step
 * (a StepSource). The states of the last run asked for are kept, so replaying it again costs the main thread
 * only copies. The worker is started when the figure mounts and terminated when it unmounts.
 */
export class ReplayAhead implements StepSource {
  private worker: Worker | null = null;
  private run: TrainedRun | null = null;
  private states: Float64Array[] = [];
  private complete = false;
  private waiting: (() => void)[] = [];
  private id = 0;

  /** Starts the worker (before any run is known, so it is ready when one is). */
  start(): void {
    if (this.worker || typeof Worker === 'undefined') return;
    this.worker = new Worker(new URL('./replay.worker.ts', import.meta.url), { type: 'module' });
    this.worker.onmessage = (e: MessageEvent<ReplayState>) => {
      if (e.data.id !== this.id) return;
      this.states[e.data.step] = e.data.xs;
      if (e.data.last) this.finish();
    };
    // A worker that fails leaves the states missing: the replay then computes every update itself.
    this.worker.onerror = () => {
      this.stop();
      this.finish();
    };
    this.ask();
  }

  /** Computes `run`'s states ahead, unless they are already held or being computed. */
  prepare(run: TrainedRun | null): void {
    if (run === this.run) return;
    this.run = run;
    this.states = [];
    this.complete = false;
    this.ask();
  }

  private ask(): void {
    this.id++;
    if (this.run && this.worker) this.worker.postMessage({ id: this.id, run: this.run } satisfies ReplayRequest);
  }

  /**
   * Calls `fn` once every state of `run` is held (at once if they are, or if there is no worker), or after `ms`
   * whichever comes first; a run asked for meanwhile takes the place of `run`. Returns a cancel. The figure starts playing a run this way, so the replay finds its
   * states ready instead of racing the worker for them on a busy machine.
   */
  whenReady(run: TrainedRun, ms: number, fn: () => void): () => void {
    if (!this.worker || (run === this.run && this.complete)) {
      fn();
      return () => {};
    }
    let done = false;
    const go = () => {
      if (done) return;
      done = true;
      clearTimeout(t);
      fn();
    };
    const t = setTimeout(go, ms);
    this.waiting.push(go);
    return () => {
      done = true;
      clearTimeout(t);
    };
  }

  private finish(): void {
    this.complete = true;
    const w = this.waiting;
    this.waiting = [];
    for (const go of w) go();
  }

  after(run: TrainedRun, step: number): Float64Array | undefined {
    return run === this.run ? this.states[step] : undefined;
  }

  stop(): void {
    this.worker?.terminate();
    this.worker = null;
    this.run = null;
    this.states = [];
  }
}
