import type { HistoryEntry } from './history';
import type { Run } from './run';
import type { PropSpecs, PropValues } from './spec';

/*
 * Replaying a run from a link: restart at the link's base props and seed, then update up to `target` times,
 * applying each history entry at its step (through `Run.change` or `Run.edit`, as the reader's was, so the replayed
 * run records the same history). `advance` works for a bounded time and can be called again: the page paints
 * and answers the reader between pieces (replayDriver.ts). Like the synchronous replay it replaces, it stops
 * early once the run has converged, unless the history says the run went on. Pure TypeScript: a unit test
 * replays links in Node with `advance()` (no budget).
 */

/** Where a figure's replay stands, for the progress indicator and for tests (`data-replay` on the figure). */
export interface ReplayStatus {
  status: 'running' | 'done' | 'cancelled';
  /** Updates replayed so far, and the link's step count. */
  step: number;
  target: number;
  /** The replay's expected wall time, from the step rate of its first pieces (null: too short to say). */
  estimateMs: number | null;
}

/** How much stepping to time before estimating how long a replay will take. */
const RATE_AFTER_MS = 40;

export class Replay<P extends PropSpecs> {
  private next = 0;
  /** The step of the last entry applied: the run went on from there, settled or not. */
  private lastApplied = -1;
  /** Updates and milliseconds of the pieces measured so far (not the first: it pays for compiling the step). */
  private timed = { pieces: 0, steps: 0, ms: 0 };

  constructor(
    readonly run: Run<P>,
    base: PropValues<P>,
    seed: number,
    readonly entries: readonly HistoryEntry[],
    readonly target: number,
  ) {
    // The link's history holds the edits the run began with (at step 0): carry nothing else over.
    run.restart(base, seed, []);
  }

  private due(): boolean {
    return this.next < this.entries.length && this.entries[this.next].step === this.run.steps;
  }

  /**
   * Whether the replay has reached its step with every entry applied, or has converged with none left (the
   * run was left there, unless its last entry was made at this very step: the reader went on from it).
   */
  get done(): boolean {
    if (this.run.busy || this.due()) return false;
    if (this.run.steps >= this.target) return true;
    return this.run.converged && this.next >= this.entries.length && this.lastApplied !== this.run.steps;
  }

  /**
   * Replays for about `budgetMs` (at least one update or entry, and not starting an update the average cost
   * of one would take past the budget). Returns whether the replay is done.
   */
  advance(budgetMs = Infinity, now: () => number = () => performance.now()): boolean {
    const t0 = now();
    // A costly update or edit (one a sim spreads over frames live) is spread over pieces here too.
    const deadline = t0 + budgetMs;
    let n = 0;
    for (;;) {
      if (!this.run.workUntil(deadline)) break;
      while (this.due()) {
        const e = this.entries[this.next++];
        this.lastApplied = e.step;
        if (e.edit) {
          this.run.edit(e.edit, deadline);
          if (this.run.busy) break;
          continue;
        }
        // A validated history only holds kept changes; should one restart the run, the rest no longer applies.
        if (this.run.change({ ...this.run.params, ...e.values }) === 'restarted') this.next = this.entries.length;
      }
      if (this.run.busy) break;
      if (this.done) break;
      if (this.run.step(deadline) === null) break;
      n++;
      const spent = now() - t0;
      if (spent + spent / n > budgetMs) break;
    }
    if (n > 0 && this.timed.pieces++ > 0) {
      this.timed.steps += n;
      this.timed.ms += now() - t0;
    }
    return this.done;
  }

  /** Updates per millisecond of stepping, once about RATE_AFTER_MS of it has been measured (else null). */
  get rate(): number | null {
    return this.timed.ms >= RATE_AFTER_MS ? this.timed.steps / this.timed.ms : null;
  }
}
