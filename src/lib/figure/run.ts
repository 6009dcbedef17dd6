import { changedProps, keepsRun, type FigureMeta, type FigureSim, type PropSpecs, type PropValues } from './spec';
import type { HistoryEntry, PropValue } from './history';
import { editProblem, replacesEdit, roundEdit, type Edit } from './edits';

/*
 * A figure's run as the reader makes it, and the record that lets a link replay it: the props and seed it
 * restarted with (`base`, `seed`), the updates since (`steps`), and every kept change with the step at which
 * it happened (`history`). The animation loop and the replay drive the sim only through a Run, so what is
 * recorded is exactly what the sim was given: each update uses `params`, the props of the last restart or
 * kept change (not whatever the store holds at that instant). Pure TypeScript: the unit tests drive Runs in
 * Node, live and replayed.
 */
export class Run<P extends PropSpecs> {
  /** The props the sim was last given (by a restart or a kept change); every update uses them. */
  params!: PropValues<P>;
  /** The props of the last restart. */
  base!: PropValues<P>;
  seed = 0;
  steps = 0;
  converged = false;
  /** Kept changes since the last restart, in order (appended to, never rewritten). */
  history: HistoryEntry[] = [];
  /** Whether the run has been started at all. */
  started = false;
  /** An update was begun with a deadline and its rest is the sim's `work`: it is not counted yet. */
  private midStep = false;

  /** `sim` is read at each use: a figure may hand the loop a new sim object on every render. */
  constructor(
    readonly meta: FigureMeta<P>,
    readonly sim: () => FigureSim<P>,
  ) {}

  /**
   * Start again from the initial state at these props and seed: a new history begins here. The edits that
   * outlive a restart (the sim's `carriedEdits`, unless `carry` says which: a replay carries none) are applied
   * again and recorded at step 0.
   */
  restart(params: PropValues<P>, seed: number, carry?: readonly Edit[]): void {
    const carried = carry ?? (this.started ? (this.sim().carriedEdits?.(params, seed) ?? []) : []);
    this.params = params;
    this.base = params;
    this.seed = seed;
    this.steps = 0;
    this.converged = false;
    this.history = [];
    this.started = true;
    this.midStep = false;
    this.sim().reset(params, seed);
    for (const e of carried) this.edit(e);
  }

  /**
   * An edit of the state (edits.ts), recorded at the current step. Its arguments are rounded first, so the
   * sim gets exactly what a link will say. Throws on an edit the figure does not declare (a bug, not input).
   */
  edit(raw: Edit, deadline = Infinity): void {
    const problem = editProblem(this.meta, raw);
    if (problem) throw new Error(`${this.meta.id}: ${problem}`);
    if (this.midStep || !this.sim().dropWork?.(raw)) this.finish();
    const edit = roundEdit(this.meta.edits![raw.kind], raw);
    const last = this.history[this.history.length - 1];
    if (last?.edit && last.step === this.steps && replacesEdit(this.meta, last.edit, edit)) this.history.pop();
    this.history.push({ step: this.steps, values: {}, edit });
    this.converged = false;
    this.sim().applyEdit?.(edit, this.params, deadline);
  }

  /**
   * New props. A change of props that all declare `onChange: 'keep'` carries the run on (the sim's
   * `onKeptChange`) and is recorded at the current step; any other change restarts the run.
   */
  change(next: PropValues<P>): 'none' | 'kept' | 'restarted' {
    const changed = changedProps(this.meta, next, this.params);
    if (!changed.length) return 'none';
    this.finish();
    if (!keepsRun(this.meta, changed)) {
      this.restart(next, this.seed);
      return 'restarted';
    }
    const prev = this.params;
    this.params = next;
    const values: Record<string, PropValue> = {};
    for (const k of changed) values[k] = next[k] as PropValue;
    this.history.push({ step: this.steps, values });
    this.sim().onKeptChange?.(next, prev, changed);
    return 'kept';
  }

  /**
   * One update. Going on after the run has settled is recorded too (a replay would otherwise stop there).
   * With a finite `deadline` the sim may do only part of it (see FigureSim.step): then null, and the update
   * is counted when `workUntil` finishes it. Put-off work is always finished before a new update begins.
   */
  step(deadline = Infinity): boolean | null {
    if (!this.workUntil(deadline)) return null;
    if (this.converged && this.history[this.history.length - 1]?.step !== this.steps) this.history.push({ step: this.steps, values: {} });
    const converged = this.sim().step(this.params, deadline);
    if (converged === null) {
      this.midStep = true;
      return null;
    }
    this.steps++;
    this.converged = converged;
    return converged;
  }

  /** Whether the sim has put-off work (a begun update, or the rest of an edit). */
  get busy(): boolean {
    return this.midStep || !!this.sim().hasWork?.();
  }

  /** Goes on with put-off work until `deadline`; true once none is left (a finished update is counted). */
  workUntil(deadline: number): boolean {
    if (!this.busy) return true;
    const sim = this.sim();
    const result = sim.work ? sim.work(this.params, deadline) : false;
    if (result === null) return false;
    if (this.midStep) {
      this.midStep = false;
      this.steps++;
      this.converged = result;
    }
    return true;
  }

  /**
   * Finishes put-off work at once. Done before anything a link records (an edit, a change of props), so the
   * record holds whole updates only, as a replay makes them.
   */
  finish(): void {
    this.workUntil(Infinity);
  }

  /**
   * A figure set the step counter or the settled flag itself (the store's, e.g. a figure that marks its run
   * unsettled): follow it. A count back at 0 starts a new history at the current props. (An edit of the state
   * goes through `edit`, which keeps the count and records the edit.)
   */
  adopt(steps: number, converged: boolean): void {
    this.converged = converged;
    if (steps === this.steps) return;
    this.steps = steps;
    if (steps === 0) {
      this.base = this.params;
      this.history = [];
    }
  }
}
