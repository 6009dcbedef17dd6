/*
 * A figure's declaration: the one place that says what a figure is called and which props it takes.
 * The markdown checker, the figure catalogue, the generated controls, lecture mode and URL state all read it.
 * This file is pure TypeScript (no DOM, no React) so the build-time content checker can import it in Node.
 */

export interface NumberProp {
  type: 'number';
  min: number;
  max: number;
  /** Slider step; integers use 1. */
  step?: number;
  integer?: boolean;
  /** Log-scale slider, for quantities like β or σ that span decades. */
  log?: boolean;
  default: number;
  /** A short label in the essay's notation, e.g. "β" or "σ". */
  label: string;
  description: string;
}
export interface BooleanProp {
  type: 'boolean';
  default: boolean;
  label: string;
  description: string;
}
export interface EnumProp {
  type: 'enum';
  options: readonly string[];
  /** Optional human labels for the options, same order. */
  optionLabels?: readonly string[];
  default: string;
  label: string;
  description: string;
}
export type PropSpec = NumberProp | BooleanProp | EnumProp;
export type PropSpecs = Record<string, PropSpec>;

/** The value type a prop spec describes. */
export type PropValue<S extends PropSpec> = S extends NumberProp ? number : S extends BooleanProp ? boolean : string;
export type PropValues<P extends PropSpecs> = { [K in keyof P]: PropValue<P[K]> };

export interface FigureMeta<P extends PropSpecs = PropSpecs> {
  /** Kebab-case id; markdown embeds it as `::figure{id="…"}` and its root carries `data-figure="<id>"`. */
  id: string;
  title: string;
  /** One sentence: what the figure shows and the question it answers. */
  summary: string;
  props: P;
  /**
   * Whether the figure has dynamics (play/pause/step/reset/seed). A static or purely interactive figure says
   * `false` and explains in `notes` which promises do not apply.
   */
  animated: boolean;
  /** Whether the figure uses the seed (random starts or noise). */
  seeded?: boolean;
  /** Which of the FIGURES.md promises do not apply, and why. */
  notes?: string;
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

/**
 * Validates a bag of raw attributes against a figure's declaration. Unknown keys are reported and ignored,
 * mistyped values fall back to the default, out-of-range numbers are clamped. Never throws.
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
  return { values: values as PropValues<P>, issues };
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
