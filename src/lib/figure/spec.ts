import type { EditSpecs } from './edits';

/*
 * A figure's declaration: the one place that says what a figure is called and which props it takes, what a
 * change of each prop does to a running figure (keep or restart), and which combinations of props are allowed.
 * The markdown checker, the figure catalogue, the generated controls, the animation loop, lecture mode and URL
 * state all read it. This file is pure TypeScript (no DOM, no React) so the build-time content checker can
 * import it in Node.
 */

/** What a change of a prop does to a running figure: carry on from the current state, or start again. */
export type OnChange = 'keep' | 'restart';

interface PropBase {
  /**
   * A short label in the essay's notation, e.g. "β", "σ_max" or "x^{t+1}": `_`/`^` scripts are typeset
   * (src/lib/notation.ts), never shown raw.
   */
  label: string;
  /** The label in words for screen readers, where the automatic reading (src/lib/speech.ts) is not the best. */
  aria?: string;
  description: string;
  /**
   * 'keep': the run carries on from its current state (e.g. β while particles fly; the simulation's
   * `onKeptChange` may refresh what depends on it). 'restart' (the default): the run starts again from its
   * initial state. A change of several props at once restarts if any of them says 'restart'.
   */
  onChange?: OnChange;
}

export interface NumberProp extends PropBase {
  type: 'number';
  min: number;
  max: number;
  /** Slider step; integers use 1. */
  step?: number;
  integer?: boolean;
  /** Log-scale slider, for quantities like β or σ that span decades. */
  log?: boolean;
  default: number;
}
export interface BooleanProp extends PropBase {
  type: 'boolean';
  default: boolean;
}
export interface EnumProp extends PropBase {
  type: 'enum';
  options: readonly string[];
  /** Optional human labels for the options, same order. */
  optionLabels?: readonly string[];
  default: string;
}
export type PropSpec = NumberProp | BooleanProp | EnumProp;
export type PropSpecs = Record<string, PropSpec>;

/** The value type a prop spec describes. */
export type PropValue<S extends PropSpec> = S extends NumberProp ? number : S extends BooleanProp ? boolean : string;
export type PropValues<P extends PropSpecs> = { [K in keyof P]: PropValue<P[K]> };

/**
 * A number prop's range as it depends on the other props, e.g. any-corruption's picture μ ≤ K:
 * `memory: (v) => ({ max: v.memories, because: `for ${v.memories} memories` })`. It narrows the declared range
 * (never widens it) and the value is clamped into it; `because` ends the notice ("… for 6 memories; using 6").
 */
export interface RangeLimit {
  min?: number;
  max?: number;
  because: string;
}
/** Declared with method syntax so a figure's constraints still fit the general `FigureMeta` (parameter bivariance). */
type Limiter<P extends PropSpecs> = { limit(values: PropValues<P>): RangeLimit }['limit'];
export type PropConstraints<P extends PropSpecs> = { [K in keyof P]?: Limiter<P> };

export interface FigureMeta<P extends PropSpecs = PropSpecs> {
  /** Kebab-case id; markdown embeds it as `::figure{id="…"}` and its root carries `data-figure="<id>"`. */
  id: string;
  title: string;
  /** One sentence: what the figure shows and the question it answers. */
  summary: string;
  props: P;
  /**
   * Props whose allowed range depends on other props. Applied after each prop is checked alone, in the order
   * written here, to every bag of values a figure receives (markdown, URL, controls), so no combination of
   * in-range values can leave a figure unable to run.
   */
  constraints?: PropConstraints<P>;
  /**
   * Whether the figure has dynamics: true means its sim is stepped by the animation loop and the transport
   * (play/pause/step/reset/speed) is shown, and a link records how many steps have run. false means a static
   * or purely interactive figure: its sim computes what it shows from props (and the seed, if `seeded`) in one
   * go, nothing steps, and `notes` explains which FIGURES.md promises do not apply.
   */
  animated: boolean;
  /** Whether the figure uses the seed (random starts or noise). */
  seeded?: boolean;
  /** Which of the FIGURES.md promises do not apply, and why. */
  notes?: string;
  /**
   * What the reader can do to the state besides props (drag a pattern, draw a loop): each edit's arguments
   * and their ranges (edits.ts). A run records every edit at its step, so a link replays it.
   */
  edits?: EditSpecs;
}

/** Declares a figure. Returns its argument, typed, so `meta.props` keeps its literal shape. */
export function defineFigure<P extends PropSpecs>(meta: FigureMeta<P>): FigureMeta<P> {
  return meta;
}

export interface PropIssue {
  prop: string;
  /** 'unknown' = no such prop; 'type' = wrong type, default used; 'range' = clamped to the allowed range. */
  kind: 'unknown' | 'type' | 'range';
  message: string;
}

/** Every prop at its declared default. */
export function defaultProps<P extends PropSpecs>(meta: FigureMeta<P>): PropValues<P> {
  const out: Record<string, unknown> = {};
  for (const [k, spec] of Object.entries(meta.props)) out[k] = spec.default;
  return out as PropValues<P>;
}

/**
 * Coerces one raw value (a string from markdown or a URL, or a typed value from a control) against its spec.
 * Returns the value to use and, when the input was not acceptable as is, an issue describing what happened.
 */
export function coerceProp(name: string, spec: PropSpec, raw: unknown): { value: number | boolean | string; issue?: PropIssue } {
  if (spec.type === 'number') {
    const n = typeof raw === 'number' ? raw : typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : NaN;
    if (!Number.isFinite(n)) {
      return { value: spec.default, issue: { prop: name, kind: 'type', message: `${name} must be a number between ${spec.min} and ${spec.max} (got "${String(raw)}")` } };
    }
    let v = spec.integer ? Math.round(n) : n;
    if (spec.integer && v !== n) {
      return { value: clamp(v, spec.min, spec.max), issue: { prop: name, kind: 'type', message: `${name} must be a whole number (got ${n})` } };
    }
    if (v < spec.min || v > spec.max) {
      v = clamp(v, spec.min, spec.max);
      return { value: v, issue: { prop: name, kind: 'range', message: `${name} = ${n} is outside [${spec.min}, ${spec.max}]; using ${v}` } };
    }
    return { value: v };
  }
  if (spec.type === 'boolean') {
    if (typeof raw === 'boolean') return { value: raw };
    if (raw === 'true' || raw === '1' || raw === '') return { value: true };
    if (raw === 'false' || raw === '0') return { value: false };
    return { value: spec.default, issue: { prop: name, kind: 'type', message: `${name} must be true or false (got "${String(raw)}")` } };
  }
  const s = String(raw);
  if (spec.options.includes(s)) return { value: s };
  return { value: spec.default, issue: { prop: name, kind: 'type', message: `${name} must be one of ${spec.options.join(', ')} (got "${s}")` } };
}

/** What a prop's change does to a running figure (its declared `onChange`, 'restart' unless it says 'keep'). */
export function onChangeOf(meta: FigureMeta, prop: string): OnChange {
  return meta.props[prop]?.onChange ?? 'restart';
}

/** The props whose values differ between two bags. */
export function changedProps<P extends PropSpecs>(meta: FigureMeta<P>, next: PropValues<P>, prev: PropValues<P>): (keyof P & string)[] {
  return Object.keys(meta.props).filter((k) => !Object.is(next[k], prev[k]));
}

/** Whether a change of these props keeps the run: every one of them declares `onChange: 'keep'`. */
export function keepsRun(meta: FigureMeta, changed: readonly string[]): boolean {
  return changed.every((k) => onChangeOf(meta, k) === 'keep');
}

export type { FigureSim } from './sim';

/** A number prop's allowed range given the other values: the declared range narrowed by its constraint. */
export function rangeOf<P extends PropSpecs>(meta: FigureMeta<P>, prop: keyof P & string, values: PropValues<P>): { min: number; max: number; because?: string } {
  const spec = meta.props[prop];
  if (spec.type !== 'number') throw new Error(`${meta.id}.${prop} is not a number prop`);
  const limit = meta.constraints?.[prop]?.(values);
  let min = Math.max(spec.min, limit?.min ?? -Infinity);
  let max = Math.min(spec.max, limit?.max ?? Infinity);
  if (spec.integer) {
    min = Math.ceil(min);
    max = Math.floor(max);
  }
  if (max < min) max = min;
  return limit ? { min, max, because: limit.because } : { min, max };
}

/**
 * Clamps every constrained prop into its range given the others (in the order `constraints` lists them).
 * Returns new values and one 'range' issue per prop it moved; `shown` gives the value to quote in a notice
 * (the raw input, when the prop was already clamped alone). Pure.
 */
export function applyConstraints<P extends PropSpecs>(
  meta: FigureMeta<P>,
  input: PropValues<P>,
  shown: Partial<Record<string, unknown>> = {},
): { values: PropValues<P>; issues: PropIssue[] } {
  const values = { ...input } as Record<string, unknown>;
  const issues: PropIssue[] = [];
  for (const prop of Object.keys(meta.constraints ?? {})) {
    const v = values[prop] as number;
    const { min, max, because } = rangeOf(meta, prop, values as PropValues<P>);
    if (v >= min && v <= max) continue;
    const used = clamp(v, min, max);
    values[prop] = used;
    issues.push({ prop, kind: 'range', message: `${prop} = ${String(shown[prop] ?? v)} is outside [${min}, ${max}] ${because}; using ${used}` });
  }
  return { values: values as PropValues<P>, issues };
}

/**
 * Validates a bag of raw attributes against a figure's declaration. Unknown keys are reported and ignored,
 * mistyped values fall back to the default, out-of-range numbers are clamped, and then the props are checked
 * together (`constraints`), so the result is always a combination the figure can run. Never throws.
 */
export function validateProps<P extends PropSpecs>(
  meta: FigureMeta<P>,
  raw: Record<string, unknown>,
  ignore: readonly string[] = [],
): { values: PropValues<P>; issues: PropIssue[] } {
  const values = defaultProps(meta) as Record<string, unknown>;
  const issues: PropIssue[] = [];
  for (const [k, v] of Object.entries(raw)) {
    if (ignore.includes(k)) continue;
    const spec = meta.props[k];
    if (!spec || !Object.prototype.hasOwnProperty.call(meta.props, k)) {
      issues.push({ prop: k, kind: 'unknown', message: `${meta.id} has no prop "${k}" (it takes: ${Object.keys(meta.props).join(', ') || 'none'})` });
      continue;
    }
    const { value, issue } = coerceProp(k, spec, v);
    values[k] = value;
    if (issue) issues.push(issue);
  }
  const clamped = Object.fromEntries(issues.filter((i) => i.kind === 'range').map((i) => [i.prop, raw[i.prop]]));
  const together = applyConstraints(meta, values as PropValues<P>, clamped);
  // A prop moved by its constraint gets one notice, not two: a clamp quotes what the reader wrote; a value that
  // was replaced for its type says so, then what the other props made of it.
  const kept = issues.filter((i) => !together.issues.some((t) => t.prop === i.prop && i.kind === 'range'));
  for (const t of together.issues) {
    const earlier = kept.findIndex((i) => i.prop === t.prop);
    if (earlier < 0) kept.push(t);
    else kept[earlier] = { ...kept[earlier], message: `${kept[earlier].message}; then ${t.message}` };
  }
  return { values: together.values, issues: kept };
}

function clamp(v: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, v));
}

/** Attributes that set a figure's playback rather than its props (seed, update count, speed). */
export const TRANSPORT_ATTRS = ['seed', 'steps', 'speed'] as const;

/**
 * Attributes FigureHost handles itself, so prop validation must skip them: the id, the caption, and each
 * transport attribute the figure does not declare as a prop of its own (sde-vs-ode has a `steps` prop).
 */
export function hostAttrs(meta: FigureMeta): string[] {
  return ['id', 'caption', ...TRANSPORT_ATTRS.filter((k) => !Object.prototype.hasOwnProperty.call(meta.props, k))];
}

/** A transport attribute's value, unless the figure declares a prop of that name (then it is the prop's). */
export function transportAttr(meta: FigureMeta, attrs: Record<string, unknown>, key: (typeof TRANSPORT_ATTRS)[number]): number | undefined {
  if (Object.prototype.hasOwnProperty.call(meta.props, key)) return undefined;
  const v = attrs[key];
  if (typeof v === 'number' && Number.isInteger(v) && v >= 0) return v;
  return typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : undefined;
}
