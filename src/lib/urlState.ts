import { coerceProp, defaultProps, validateProps, type FigureMeta, type NumberProp, type PropIssue, type PropValues } from './figure/spec';
import { encodeHistory, parseHistory, type HistoryEntry } from './figure/history';

/*
 * A figure's state in a URL, both ways: what a shared link says (props, seed, and where time stands) and what
 * a link means when it is opened. Values from a URL go through exactly the validation the controls use
 * (`validateProps` / `coerceProp`): unknown keys are ignored, out-of-range numbers clamped, mistyped values
 * replaced by the default, and each such case becomes a short notice. Nothing here throws, whatever the URL
 * holds. Pure TypeScript: no DOM, so the same code runs in unit tests and in the build scripts.
 *
 *   ?figure=<id>&beta=4&seed=7&at=120            one figure alone (also embed.html?figure=…, add &embed)
 *   ?fig=<anchor>&beta=4&seed=7&at=120#<anchor>   a figure in the essay: scroll to it, restore its state
 *
 * `at` is the number of updates run since the last reset (the transport's step counter); with the props and
 * the seed it fixes the state exactly (the simulation replays reset + at × step). `steps` is accepted for
 * `at` unless the figure has a prop of that name. (Not `t`, which the essay uses for physical time.)
 * `h` is the run's history (figure/history.ts): the props changed mid-run and the steps at which they
 * changed, e.g. `h=40:T=1.2;60:T=0.8`; the link's props are then the run's props at its last restart.
 */

/** As many updates as a restored link may replay (useSimulation's MAX_RESTORE_STEPS; a test keeps them equal). */
export const MAX_URL_STEPS = 20000;

/** The host's own keys (not figure props). */
const SEED_SPEC: NumberProp = { type: 'number', integer: true, min: 0, max: 2 ** 32 - 1, default: 1, label: 'seed', description: 'random seed' };
const STEPS_SPEC: NumberProp = { type: 'number', integer: true, min: 0, max: MAX_URL_STEPS, default: 0, label: 'at', description: 'updates since reset' };
const SPEED_SPEC: NumberProp = { type: 'number', integer: true, min: 1, max: 64, default: 1, label: 'speed', description: 'updates per frame' };

export interface FigureUrlState<V = Record<string, unknown>> {
  /** Every prop: the declared default unless the URL set it (validated). */
  values: V;
  seed?: number;
  steps?: number;
  speed?: number;
  /** Kept changes of props during the run, replayed at their steps. */
  history?: HistoryEntry[];
  /** What was ignored, clamped or replaced, one short sentence each. */
  notices: PropIssue[];
}

export interface FigureStateSnapshot {
  params: Record<string, unknown>;
  seed: number;
  steps: number;
  speed: number;
  /** The props of the run's last restart (the link's props; `params` when absent) and the kept changes since. */
  base?: Record<string, unknown>;
  history?: readonly HistoryEntry[];
}

/** Query parameters as ordered [key, value] pairs. URLSearchParams never throws on malformed escapes. */
export function queryEntries(search: string): [string, string][] {
  try {
    return [...new URLSearchParams(search)];
  } catch {
    return [];
  }
}

/** The value of a key in a query string, or null. */
export function queryValue(search: string, key: string): string | null {
  for (const [k, v] of queryEntries(search)) if (k === key) return v;
  return null;
}

/** Key names of the host that a figure's own prop of the same name would shadow. */
function stepsKeys(meta: FigureMeta): string[] {
  return Object.prototype.hasOwnProperty.call(meta.props, 'steps') ? ['at'] : ['at', 'steps'];
}

/**
 * Reads a figure's state from query entries. `reserved` keys belong to the page (e.g. `figure`, `fig`,
 * `embed`) and are skipped silently. When a key repeats, the last value wins.
 */
export function parseFigureState<M extends FigureMeta>(meta: M, entries: [string, string][], reserved: readonly string[] = []): FigureUrlState<PropValues<M['props']>> {
  const raw: Record<string, string> = Object.create(null);
  for (const [k, v] of entries) if (!reserved.includes(k)) raw[k] = v;
  const notices: PropIssue[] = [];
  const host = (keys: string[], spec: NumberProp): number | undefined => {
    let out: number | undefined;
    for (const k of keys) {
      if (!(k in raw)) continue;
      const text = raw[k];
      const { value, issue } = coerceProp(k, spec, text);
      delete raw[k];
      if (issue) notices.push(issue);
      // A value that is not a number at all is dropped (the host keeps its own); a fractional or out-of-range
      // one is rounded and clamped, as the controls would.
      if (!issue || (text.trim() !== '' && Number.isFinite(Number(text)))) out = value as number;
    }
    return out;
  };
  const seed = host(['seed'], SEED_SPEC);
  const steps = host(stepsKeys(meta), STEPS_SPEC);
  const speed = host(['speed'], SPEED_SPEC);
  const h = 'h' in raw ? raw.h : undefined;
  delete raw.h;
  const plain: Record<string, string> = {};
  for (const k of Object.keys(raw)) Object.defineProperty(plain, k, { value: raw[k], enumerable: true, configurable: true, writable: true });
  const { values, issues } = validateProps(meta, plain);
  const out = { values: values as PropValues<M['props']>, seed, steps, speed, notices: [...notices, ...shorten(issues)] };
  if (h === undefined) return out;
  if (!meta.animated && !meta.edits) return { ...out, notices: [...out.notices, { prop: 'h', kind: 'unknown', message: 'ignored the history "h": this figure has no run to replay' }] };
  const history = parseHistory(meta, h, out.values, meta.animated ? (steps ?? 0) : 0);
  if (meta.animated) return { ...out, history: history.entries, notices: [...out.notices, ...history.notices] };
  // A still figure's history holds only the reader's edits of its state (at step 0): there is no run.
  const edits = history.entries.filter((e) => e.edit);
  const others = history.entries.length - edits.length;
  const notice: PropIssue[] = others ? [{ prop: 'h', kind: 'unknown', message: `ignored ${others} history entries that are not edits: this figure has no run to replay` }] : [];
  return { ...out, history: edits, notices: [...out.notices, ...history.notices, ...notice] };
}

/** Unknown-key messages from validateProps list every prop; a URL notice only needs the key. */
function shorten(issues: PropIssue[]): PropIssue[] {
  return issues.map((i) => (i.kind === 'unknown' ? { ...i, message: `ignored unknown setting "${clip(i.prop)}"` } : { ...i, message: clip(i.message, 160) }));
}

function clip(s: string, n = 40): string {
  return s.length > n ? `${s.slice(0, n - 1)}…` : s;
}

/**
 * The query entries that describe a state: every prop that differs from its declared default, the seed,
 * `at` when time has moved, and the speed when it is not 1. Opening them with `parseFigureState` gives the
 * same props, seed and step count back.
 */
export function figureStateEntries(meta: FigureMeta, s: FigureStateSnapshot): [string, string][] {
  const out: [string, string][] = [];
  const defaults = defaultProps(meta) as Record<string, unknown>;
  // An animated figure's link replays its run: the props it restarted with, then its history. A still figure
  // has no run: its props are simply the current ones.
  const props = meta.animated && s.base ? s.base : s.params;
  for (const k of Object.keys(meta.props)) {
    const v = props[k];
    if (v === undefined || v === defaults[k]) continue;
    out.push([k, typeof v === 'number' ? formatNumber(v) : String(v)]);
  }
  if (meta.animated || meta.seeded) out.push(['seed', String(s.seed >>> 0)]);
  const at = Math.min(s.steps, MAX_URL_STEPS);
  if (s.steps > 0) out.push(['at', String(at)]);
  const h = s.history?.length && (meta.animated || meta.edits) ? encodeHistory(s.history, at) : '';
  if (h) out.push(['h', h]);
  if (s.speed !== 1) out.push(['speed', String(s.speed)]);
  return out;
}

/** Shortest decimal that reads back as the same double. */
function formatNumber(v: number): string {
  return String(v);
}

/** `h` keeps its separators (`:` `;` `,` `=` `@` are plain in a query value) so a link's history stays readable. */
function encode(entries: [string, string][]): string {
  const plain = (v: string) => encodeURIComponent(v).replace(/%3A/g, ':').replace(/%3B/g, ';').replace(/%2C/g, ',').replace(/%3D/g, '=').replace(/%40/g, '@');
  return entries.map(([k, v]) => `${encodeURIComponent(k)}=${k === 'h' ? plain(v) : encodeURIComponent(v)}`).join('&');
}

/** Link to a figure in the essay: `?fig=<anchor>&…#<anchor>`, relative to `base` (the page's URL). */
export function essayFigureLink(base: string, anchor: string, meta: FigureMeta, s: FigureStateSnapshot): string {
  return `${pagePath(base)}?${encode([['fig', anchor], ...figureStateEntries(meta, s)])}#${encodeURIComponent(anchor)}`;
}

/** Link to one figure alone (the single-figure route), or to its embed page. */
export function singleFigureLink(base: string, meta: FigureMeta, s: FigureStateSnapshot, embed = false): string {
  const path = embed ? pagePath(base).replace(/[^/]*$/, 'embed.html') : pagePath(base);
  return `${path}?${encode([['figure', meta.id], ...figureStateEntries(meta, s)])}`;
}

/** The iframe snippet for a course page or slides. */
export function embedSnippet(src: string, title: string): string {
  const esc = (t: string) => t.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
  return `<iframe src="${esc(src)}" title="${esc(title)}" width="640" height="360" style="border:0;max-width:100%" loading="lazy" allow="clipboard-write"></iframe>`;
}

/** The page's URL without query or hash. */
function pagePath(href: string): string {
  const cut = href.search(/[?#]/);
  return cut < 0 ? href : href.slice(0, cut);
}
