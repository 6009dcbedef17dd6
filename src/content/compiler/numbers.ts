import { toString } from 'mdast-util-to-string';
import type { ChapterContext } from './context';
import { EXPERIMENTS } from './experiments';
import type { Action, DirectiveNode } from './tree';

/*
 * Pass 2, `:num[experiment.key]{digits=2}` (or `sig=2`): a number computed at build by an experiment of
 * experiments.ts, formatted with `digits` decimals (default 0) or `sig` significant digits, with thousands
 * separators. Each experiment runs at most once per compile.
 */

export type ExperimentResults = Map<string, Record<string, number> | Error>;

function results(name: string, ctx: ChapterContext): Record<string, number> | Error | undefined {
  const cache = ctx.essay.experiments;
  if (!cache.has(name)) {
    const run = Object.prototype.hasOwnProperty.call(EXPERIMENTS, name) ? EXPERIMENTS[name] : undefined;
    if (!run) return undefined;
    try {
      cache.set(name, run());
    } catch (e) {
      cache.set(name, e instanceof Error ? e : new Error(String(e)));
    }
  }
  return cache.get(name);
}

/** `x` with `digits` decimals or `sig` significant digits, grouped in thousands, negative with a true minus sign (−). */
export function formatNumber(x: number, digits?: number, sig?: number): string {
  const text = sig !== undefined ? x.toLocaleString('en-US', { maximumSignificantDigits: sig }) : x.toLocaleString('en-US', { minimumFractionDigits: digits ?? 0, maximumFractionDigits: digits ?? 0 });
  return text.replace(/^-/, '\u2212');
}

export function numberDirective(d: DirectiveNode, ctx: ChapterContext): Action {
  const at = d.position?.start;
  const fail = (reason: string): Action => {
    ctx.essay.report(ctx.file, at, reason);
    return { replace: [{ type: 'text', value: '??' }] };
  };
  const expr = toString(d).trim();
  const m = /^([A-Za-z]\w*)\.(\w+)$/.exec(expr);
  if (!m) return fail(`:num[${expr}] must name an experiment and a result, e.g. :num[ring.spacing] (experiments: ${Object.keys(EXPERIMENTS).join(', ')})`);
  const r = results(m[1], ctx);
  if (!r) return fail(`unknown experiment "${m[1]}" (known: ${Object.keys(EXPERIMENTS).join(', ')})`);
  if (r instanceof Error) return fail(`experiment "${m[1]}" failed: ${r.message}`);
  const value = Object.prototype.hasOwnProperty.call(r, m[2]) ? r[m[2]] : undefined;
  if (value === undefined) return fail(`experiment "${m[1]}" has no result "${m[2]}" (it has: ${Object.keys(r).join(', ')})`);
  if (!Number.isFinite(value)) return fail(`${expr} is not a finite number (${value})`);
  const attrs = d.attributes ?? {};
  const whole = (k: string) => {
    const v = attrs[k];
    return v === undefined || v === null ? undefined : /^\d{1,2}$/.test(v) ? Number(v) : NaN;
  };
  const digits = whole('digits');
  const sig = whole('sig');
  if (Number.isNaN(digits) || Number.isNaN(sig) || sig === 0) return fail(`:num[${expr}]: digits and sig must be whole numbers (sig at least 1)`);
  const unknown = Object.keys(attrs).filter((k) => k !== 'digits' && k !== 'sig');
  if (unknown.length) return fail(`:num[${expr}]: unknown attribute "${unknown[0]}" (known: digits, sig)`);
  return { replace: [{ type: 'text', value: formatNumber(value, digits, sig) }] };
}
