import { decodeEdit, encodeEdit, type Edit } from './edits';
import { applyConstraints, changedProps, coerceProp, onChangeOf, type FigureMeta, type PropIssue, type PropSpecs, type PropValues } from './spec';

/*
 * A run's history: what happened to a figure's props since its last restart, so that a link can replay not
 * just "these props from the seed" but the run the reader actually made. Every change that kept the run going
 * is an entry with the step count at which it happened; a change that restarted the run (a restarting prop,
 * Reset, a new seed) starts a new history, with the props of that moment as the run's base. An entry with no
 * values says the run went on stepping after it had settled (the reader pressed Play or Step again), so a
 * replay does not stop at the first convergence.
 *
 * In a URL (key `h`), entries are separated by `;`: `step:prop=value,prop=value`, or `prop=value` alone for
 * another change at the same step as the previous entry, or a bare `step` for "went on after settling". An
 * edit of the state (edits.ts: a pattern dragged, a loop drawn) is an entry `@kind_arg_arg…` of its own:
 *
 *   ?fig=fig-boltzmann&seed=42&at=116&h=40:T=1.2;x=0.3;60:T=0.8;90
 *   ?fig=fig-dispersed-memories&seed=7&at=80&h=12:@move_2_0.31_-0.52;@move_2_0.4_-0.5;30:sigma=2
 *
 * Reading one is validated like every other URL value: a malformed entry, a prop that would restart the run,
 * a value out of range, a step out of order or past `at`: each such entry is dropped, and one notice says so.
 * Pure TypeScript (no DOM): urlState, the figure runtime and the unit tests share it.
 */

export type PropValue = number | boolean | string;

export interface HistoryEntry {
  /** Updates run since the last restart when the change happened (it applies before the next update). */
  step: number;
  /** The props it changed, with their new values; none (and no edit): the run went on after it had settled. */
  values: Readonly<Record<string, PropValue>>;
  /** An edit of the state the reader made at this step (then `values` is empty). */
  edit?: Edit;
}

/** The most entries a link may hold (each costs a kept change when replayed). */
export const MAX_HISTORY = 4000;

/** The URL form of a history, keeping entries up to step `at` (the link's step count). */
export function encodeHistory(entries: readonly HistoryEntry[], at: number): string {
  const parts: string[] = [];
  let last = -1;
  for (const e of entries) {
    if (e.step > at) break;
    const kv = e.edit ? encodeEdit(e.edit) : Object.entries(e.values)
      .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`)
      .join(',');
    parts.push(!kv ? String(e.step) : e.step === last ? kv : `${e.step}:${kv}`);
    last = e.step;
  }
  return parts.join(';');
}

/**
 * Reads a history from its URL form, given the run's base props (already validated) and the link's step count.
 * Returns the valid entries, in order, and at most one notice for all the entries it dropped. Never throws.
 */
export function parseHistory<P extends PropSpecs>(
  meta: FigureMeta<P>,
  text: string,
  base: PropValues<P>,
  at: number,
): { entries: HistoryEntry[]; notices: PropIssue[] } {
  const entries: HistoryEntry[] = [];
  const dropped: string[] = [];
  const parts = text.split(';').filter((p) => p !== '');
  let params = base;
  let last = 0;
  for (const raw of parts) {
    if (entries.length >= MAX_HISTORY) {
      dropped.push(`more than ${MAX_HISTORY} entries`);
      break;
    }
    const read = readEntry(meta, raw, params, last, at);
    if (typeof read === 'string') {
      dropped.push(`“${clip(raw)}”: ${read}`);
      continue;
    }
    entries.push(read.entry);
    params = read.params;
    last = read.entry.step;
  }
  if (!dropped.length) return { entries, notices: [] };
  const message = `ignored ${dropped.length} of ${parts.length} history entries (${dropped[0]}${dropped.length > 1 ? '; …' : ''})`;
  return { entries, notices: [{ prop: 'h', kind: 'range', message }] };
}

/** One entry, checked against the props it applies to; a string says why it was dropped. */
function readEntry<P extends PropSpecs>(
  meta: FigureMeta<P>,
  raw: string,
  params: PropValues<P>,
  last: number,
  at: number,
): { entry: HistoryEntry; params: PropValues<P> } | string {
  const colon = raw.indexOf(':');
  const head = colon < 0 ? (/^\d+$/.test(raw) ? raw : null) : raw.slice(0, colon);
  const body = colon < 0 ? (head === null ? raw : '') : raw.slice(colon + 1);
  let step = last;
  if (head !== null) {
    if (!/^\d{1,9}$/.test(head)) return `the step must be a whole number`;
    step = Number(head);
  }
  if (step < last) return `step ${step} comes before step ${last}`;
  if (step > at) return `step ${step} is after the link's step ${at}`;
  if (body === '') return { entry: { step, values: {} }, params };
  if (body.startsWith('@')) {
    const edit = decodeEdit(meta, body);
    return typeof edit === 'string' ? edit : { entry: { step, values: {}, edit }, params };
  }
  const values: Record<string, PropValue> = {};
  for (const pair of body.split(',')) {
    const eq = pair.indexOf('=');
    const key = decode(eq < 0 ? pair : pair.slice(0, eq));
    const text = eq < 0 ? null : decode(pair.slice(eq + 1));
    if (key === null || text === null) return 'not prop=value';
    if (!Object.prototype.hasOwnProperty.call(meta.props, key)) return `no prop “${clip(key, 20)}”`;
    if (onChangeOf(meta, key) !== 'keep') return `${key} restarts the run, so it cannot change mid-run`;
    if (Object.prototype.hasOwnProperty.call(values, key)) return `${key} twice`;
    const { value, issue } = coerceProp(key, meta.props[key], text);
    if (issue) return issue.message;
    values[key] = value;
  }
  const next = { ...params, ...values } as PropValues<P>;
  const allowed = applyConstraints(meta, next);
  if (allowed.issues.length) return allowed.issues[0].message;
  // Only what actually changed: an entry that changes nothing still marks the run as going on.
  const changed = changedProps(meta, next, params);
  return { entry: { step, values: Object.fromEntries(changed.map((k) => [k, values[k]])) }, params: next };
}

function decode(s: string): string | null {
  try {
    return decodeURIComponent(s);
  } catch {
    return null;
  }
}

function clip(s: string, n = 40): string {
  return s.length > n ? `${s.slice(0, n - 1)}…` : s;
}
