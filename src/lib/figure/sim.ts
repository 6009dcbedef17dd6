import type { Edit } from './edits';
import type { PropSpecs, PropValues } from './spec';

/**
 * What a figure's `sim.ts` gives the animation loop: the whole simulation from props and seed, no DOM, so it
 * runs in Node (a unit test drives it as reset + n × step, like d3-force's `tick`). `reset` must be
 * deterministic in (params, seed): a deep link replays a run as reset + `steps` × step.
 */
export interface FigureSim<P extends PropSpecs> {
  reset(params: PropValues<P>, seed: number): void;
  /**
   * One update of the dynamics. Returns true once it has converged; the loop then stops by itself. With a
   * finite `deadline` (performance.now() ms) a sim whose update can outlast a frame may do part of it and
   * return null: the rest is put off to `work`, and the update counts once that finishes it. Without one
   * it always does the whole update.
   */
  step(params: PropValues<P>, deadline?: number): boolean | null;
  /**
   * Work the sim put off to keep frames short (the rest of an update begun with a deadline, or of an edit
   * applied with one), continued until `deadline` (Infinity finishes it). Returns null while work is left;
   * then the result of the update it finished (true when converged), or false. Done in order, in pieces,
   * it must leave exactly the state doing it at once would: live runs and replayed links agree.
   */
  work?(params: PropValues<P>, deadline: number): boolean | null;
  /** Whether `work` has anything left. */
  hasWork?(): boolean;
  /**
   * Asked before an edit while put-off work of an earlier edit is left: drops that work if this edit makes it
   * moot (a new scrub of the time slider replaces one still on its way) and says so; otherwise the run finishes
   * it first. A slider dragged at a heavy setting then never waits for positions it has already left.
   */
  dropWork?(edit: Edit): boolean;
  /**
   * After a change of props that all declare `onChange: 'keep'`: refresh what depends on them (e.g. the
   * critical points at a new σ) and carry on. Optional; without it a kept change only repaints.
   */
  onKeptChange?(params: PropValues<P>, previous: PropValues<P>, changed: readonly (keyof P & string)[]): void;
  /**
   * Applies one of the edits the meta declares (arguments already checked and rounded) and carries on. With a
   * finite `deadline` a costly edit may leave its rest to `work`.
   */
  applyEdit?(edit: Edit, params: PropValues<P>, deadline?: number): void;
  /**
   * The edits that outlive a restart at these props and seed, asked just before `reset` (e.g. patterns the
   * reader placed, kept by Reset but not by a new seed). `reset` itself always starts from the seed's state;
   * the run applies these after it and records them at step 0, so a link replays them too.
   */
  carriedEdits?(params: PropValues<P>, seed: number): Edit[];
}
