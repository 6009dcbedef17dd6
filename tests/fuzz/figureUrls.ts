import fc from 'fast-check';
import type { FigureMeta, PropSpec } from '../../src/lib/figure/spec';

/*
 * Figure URLs for fuzzing, from each figure's declared props: valid values, both ends of every range, values
 * far outside them, garbage, unknown keys, repeated keys and huge `at`/`seed`/`speed`. The unit test pushes
 * over a thousand of them through the pure URL parsing; the e2e spec opens some in the real page.
 */

/** The keys the single-figure route keeps for itself (src/app/embed/SingleFigure.tsx). */
export const ROUTE_KEYS = ['figure', 'embed', 'theme'];

const GARBAGE = ['', ' ', 'NaN', 'Infinity', '-Infinity', '1e309', '-1e309', '5e-324', '0x1F', '1,5', '--1', 'null', 'undefined', '[]', '{}', '💥', '%E0%A4%A', '<img src=x onerror=alert(1)>', '9'.repeat(400)];
const HUGE = ['1e12', '4294967296', '18446744073709551616', '-1', '-4294967296', '1e308', '2.5', '20001', '99999999999999999999999'];

function value(spec: PropSpec): fc.Arbitrary<string> {
  const junk = fc.oneof(fc.constantFrom(...GARBAGE), fc.string());
  if (spec.type === 'number') {
    const inside = fc.double({ min: spec.min, max: spec.max, noNaN: true }).map(String);
    return fc.oneof(fc.constantFrom(String(spec.min), String(spec.max)), inside, fc.double().map(String), fc.integer().map(String), fc.constantFrom(...HUGE), junk);
  }
  if (spec.type === 'boolean') return fc.oneof(fc.constantFrom('true', 'false', '1', '0', 'yes', 'TRUE'), junk);
  return fc.oneof(fc.constantFrom(...spec.options), junk);
}

const host = fc.tuple(fc.constantFrom('seed', 'at', 'steps', 'speed'), fc.oneof(fc.constantFrom(...HUGE, ...GARBAGE), fc.nat().map(String), fc.double().map(String)));
const unknown = fc.tuple(fc.oneof(fc.string({ minLength: 1 }), fc.constantFrom('__proto__', 'constructor', 'toString', 'hasOwnProperty', 'fig')), fc.string());
const tail = fc.constantFrom('', '', '&%E0%A4%A', '&=', '&&', '&%', '#%', '#%E0%A4%A');

/** A random query string (no leading "?") for `meta`'s single-figure route. */
export function figureQuery(meta: FigureMeta): fc.Arbitrary<string> {
  const names = Object.keys(meta.props);
  const prop = names.length ? fc.constantFrom(...names).chain((k) => value(meta.props[k]).map((v) => [k, v] as [string, string])) : host;
  const entry = fc.oneof({ weight: 4, arbitrary: prop }, { weight: 2, arbitrary: host }, { weight: 1, arbitrary: unknown });
  return fc.tuple(fc.array(entry, { maxLength: 10 }), tail).map(([entries, t]) => `figure=${meta.id}&${new URLSearchParams(entries).toString()}${t}`);
}

/**
 * Every prop at one of its extremes at once (numbers at `end`, enums at their first or last option, booleans
 * true or false), with the host keys pushed past their limits.
 */
export function extremeQuery(meta: FigureMeta, end: 'min' | 'max'): string {
  const q = new URLSearchParams({ figure: meta.id });
  for (const [k, spec] of Object.entries(meta.props)) {
    if (spec.type === 'number') q.set(k, String(spec[end]));
    else if (spec.type === 'boolean') q.set(k, String(end === 'max'));
    else q.set(k, end === 'min' ? spec.options[0] : spec.options[spec.options.length - 1]);
  }
  q.set('seed', end === 'max' ? '99999999999' : '-5');
  q.set('at', end === 'max' ? '1e12' : '-1');
  q.set('speed', end === 'max' ? '1000' : '0');
  return q.toString();
}
