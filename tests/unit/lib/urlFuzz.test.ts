import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { FigureMeta, NumberProp } from '../../../src/lib/figure/spec';
import { MAX_URL_STEPS, parseFigureState, queryEntries } from '../../../src/lib/urlState';
import { extremeQuery, figureQuery, ROUTE_KEYS } from '../../fuzz/figureUrls';

/*
 * Over a thousand generated figure URLs (every figure, 50 random queries each plus both extremes) through the
 * pure parsing the single-figure route uses: nothing throws, every prop comes back declared-type and in range,
 * and seed, `at` and speed stay within the host's limits.
 */
const metas = Object.values(import.meta.glob<{ meta: FigureMeta }>('../../../src/figures/*/meta.ts', { eager: true })).map((m) => m.meta);
const PER_FIGURE = 50;

function check(meta: FigureMeta, query: string) {
  const s = parseFigureState(meta, queryEntries(`?${query}`), ROUTE_KEYS);
  for (const [k, spec] of Object.entries(meta.props)) {
    const v = s.values[k];
    if (spec.type === 'number') {
      const n = v as number;
      expect(Number.isFinite(n), `${query}: ${k}`).toBe(true);
      expect(n >= (spec as NumberProp).min && n <= (spec as NumberProp).max, `${query}: ${k} = ${n}`).toBe(true);
      if (spec.integer) expect(Number.isInteger(n), `${query}: ${k}`).toBe(true);
    } else if (spec.type === 'boolean') expect(typeof v, `${query}: ${k}`).toBe('boolean');
    else expect(spec.options, `${query}: ${k}`).toContain(v);
  }
  if (s.seed !== undefined) expect(Number.isInteger(s.seed) && s.seed >= 0 && s.seed <= 2 ** 32 - 1, `${query}: seed`).toBe(true);
  if (s.steps !== undefined) expect(Number.isInteger(s.steps) && s.steps >= 0 && s.steps <= MAX_URL_STEPS, `${query}: at`).toBe(true);
  if (s.speed !== undefined) expect(Number.isInteger(s.speed) && s.speed >= 1 && s.speed <= 64, `${query}: speed`).toBe(true);
  for (const n of s.notices) expect(n.message.length, query).toBeGreaterThan(0);
  return s.notices.length;
}

describe('fuzzed figure URLs through the pure parsing', () => {
  it(`${PER_FIGURE} random queries and both extremes per figure: typed, in range, never thrown`, () => {
    expect(metas.length).toBeGreaterThan(20);
    let urls = 0;
    let notices = 0;
    for (const [i, meta] of metas.entries()) {
      const queries = [...fc.sample(figureQuery(meta), { numRuns: PER_FIGURE, seed: 1000 + i }), extremeQuery(meta, 'min'), extremeQuery(meta, 'max')];
      for (const q of queries) {
        notices += check(meta, q);
        urls++;
      }
    }
    expect(urls).toBeGreaterThanOrEqual(1000);
    // Garbage is reported, not silently swallowed.
    expect(notices).toBeGreaterThan(urls / 2);
    console.info(`url fuzz: ${urls} URLs over ${metas.length} figures, ${notices} notices`);
  });
});
