import type { FigureMeta } from './spec';

/*
 * Edits: what a reader does to a figure's state that no prop describes (drags a pattern, draws a loop, moves a
 * start point). Like a kept change of props, an edit is recorded in the run's history with the step at which it
 * happened, so a link replays it at the same step. A figure declares the edits it takes in its meta (`edits`),
 * with the range of each argument; its sim applies them (`applyEdit`). Arguments are rounded to the declared
 * digits before the sim sees them, live and replayed alike, so the link's decimal text gives the same state.
 *
 * In a history (history.ts) an edit is an entry of its own: `@kind_arg_arg…`, e.g. `40:@move_2_0.31_-0.52`.
 * Pure TypeScript (no DOM).
 */

export interface Edit {
  kind: string;
  args: readonly number[];
}

/** An argument's allowed range, `[min, max]`, and 'integer' for an index or a count. */
export type EditArg = readonly [number, number] | readonly [number, number, 'integer'];

export interface EditSpec {
  /** What the edit does, for the catalogue and for notices. */
  description: string;
  /** Each argument's allowed range, in order. */
  args: readonly EditArg[];
  /**
   * The last `of` ranges may repeat, up to `max` times in all (a list of points: `of: 2`). Without it the
   * edit takes exactly `args.length` arguments.
   */
  repeat?: { of: number; max: number };
  /** Decimals kept of each argument (default 3). */
  digits?: number;
  /**
   * A later edit of this kind at the same step replaces an earlier one whose first `replaces` arguments are the
   * same (a drag's moves within one frame: only where it ended matters). Unset: every edit is kept.
   */
  replaces?: number;
}

export type EditSpecs = Record<string, EditSpec>;

const KIND = /^[a-z][a-zA-Z0-9]{0,23}$/;

/** The edit's arguments rounded to its declared digits (what the sim is given and the link says). */
export function roundEdit(spec: EditSpec, edit: Edit): Edit {
  const f = 10 ** (spec.digits ?? 3);
  // + 0 turns −0 into 0, so "-0" never appears in a link.
  return { kind: edit.kind, args: edit.args.map((a) => Math.round(a * f) / f + 0) };
}

/** Why an edit cannot apply to this figure, or null when it can. */
export function editProblem(meta: FigureMeta, edit: Edit): string | null {
  const spec = Object.prototype.hasOwnProperty.call(meta.edits ?? {}, edit.kind) ? meta.edits![edit.kind] : undefined;
  if (!spec) return `no edit “${edit.kind.slice(0, 24)}”`;
  const n = edit.args.length;
  const fixed = spec.args.length - (spec.repeat?.of ?? 0);
  if (spec.repeat) {
    const reps = (n - fixed) / spec.repeat.of;
    if (!Number.isInteger(reps) || reps < 1 || reps > spec.repeat.max) return `${edit.kind} takes ${fixed ? `${fixed} + ` : ''}${spec.repeat.of} × (1 to ${spec.repeat.max}) numbers`;
  } else if (n !== spec.args.length) return `${edit.kind} takes ${spec.args.length} numbers`;
  for (let i = 0; i < n; i++) {
    const a = edit.args[i];
    const [lo, hi, integer] = argSpec(spec, i);
    if (!Number.isFinite(a) || a < lo || a > hi) return `${edit.kind}'s number ${i + 1} must be in [${lo}, ${hi}]`;
    if (integer && !Number.isInteger(a)) return `${edit.kind}'s number ${i + 1} must be a whole number`;
  }
  return null;
}

/** The range of an edit's `i`-th argument (repeated ranges included). */
export function argSpec(spec: EditSpec, i: number): EditArg {
  const fixed = spec.args.length - (spec.repeat?.of ?? 0);
  return spec.args[i < fixed ? i : fixed + ((i - fixed) % (spec.repeat?.of ?? 1))];
}

/** The history form of an edit: `@kind_arg_arg…`. */
export function encodeEdit(edit: Edit): string {
  return ['@' + edit.kind, ...edit.args.map(String)].join('_');
}

/** Reads `@kind_arg_arg…` (checked against the figure's declaration); a string says why it cannot. */
export function decodeEdit(meta: FigureMeta, text: string): Edit | string {
  const [head, ...rest] = text.slice(1).split('_');
  if (!KIND.test(head)) return 'not an edit';
  if (!rest.every((a) => /^-?\d+(\.\d+)?(e-?\d+)?$/.test(a))) return `${head}'s numbers are not all numbers`;
  const edit = { kind: head, args: rest.map(Number) };
  const problem = editProblem(meta, edit);
  if (problem) return problem;
  return roundEdit(meta.edits![head], edit);
}

/** Whether `later` replaces `earlier` (same kind, same step, same first `replaces` arguments). */
export function replacesEdit(meta: FigureMeta, earlier: Edit, later: Edit): boolean {
  const n = meta.edits?.[later.kind]?.replaces;
  if (n === undefined || earlier.kind !== later.kind) return false;
  for (let i = 0; i < n; i++) if (earlier.args[i] !== later.args[i]) return false;
  return true;
}
