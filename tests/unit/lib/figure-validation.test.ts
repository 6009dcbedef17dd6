import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyConstraints, changedProps, defaultProps, keepsRun, rangeOf, validateProps, type FigureMeta, type PropSpec, type PropSpecs, type PropValues } from '../../../src/lib/figure/spec';

/* Every figure's declaration, read from disk as the registry would, and checked against random bags of raw input. */

const metas: FigureMeta[] = Object.values(import.meta.glob<{ meta: FigureMeta }>('../../../src/figures/*/meta.ts', { eager: true })).map((m) => m.meta);

/** Any raw value a URL or markdown could hold for a prop: good, out of range, mistyped or garbage. */
function rawFor(spec: PropSpec): fc.Arbitrary<unknown> {
  const junk = fc.oneof(fc.string(), fc.constantFrom('', 'NaN', 'Infinity', '-1e308', '1e9', 'true', '__proto__'));
  if (spec.type === 'number') {
    const span = spec.max - spec.min;
    return fc.oneof(
      fc.double({ min: spec.min - span, max: spec.max + span, noNaN: true }),
      fc.double({ min: spec.min - span, max: spec.max + span, noNaN: true }).map(String),
      fc.integer({ min: Math.floor(spec.min - span), max: Math.ceil(spec.max + span) }).map(String),
      junk,
    );
  }
  if (spec.type === 'boolean') return fc.oneof(fc.boolean(), fc.constantFrom('true', 'false', '0', '1', ''), junk);
  return fc.oneof(fc.constantFrom(...spec.options), junk);
}

function rawBag(meta: FigureMeta): fc.Arbitrary<Record<string, unknown>> {
  const entries = Object.fromEntries(Object.entries(meta.props).map(([k, spec]) => [k, rawFor(spec)]));
  return fc.record(entries, { requiredKeys: [] });
}

/** Every value in range and every constraint met. */
function expectRunnable(meta: FigureMeta, values: Record<string, unknown>): void {
  for (const [k, spec] of Object.entries(meta.props)) {
    const v = values[k];
    if (spec.type === 'number') {
      expect(typeof v, `${meta.id}.${k}`).toBe('number');
      const { min, max } = rangeOf(meta, k, values as PropValues<PropSpecs>);
      expect(v as number, `${meta.id}.${k}`).toBeGreaterThanOrEqual(min);
      expect(v as number, `${meta.id}.${k}`).toBeLessThanOrEqual(max);
      expect(v as number).toBeGreaterThanOrEqual(spec.min);
      expect(v as number).toBeLessThanOrEqual(spec.max);
      if (spec.integer) expect(Number.isInteger(v)).toBe(true);
    } else if (spec.type === 'boolean') {
      expect(typeof v).toBe('boolean');
    } else {
      expect(spec.options).toContain(v);
    }
  }
}

describe('figure props are validated together', () => {
  it.each(metas.map((m) => [m.id, m] as const))('%s: defaults are runnable', (_id, meta) => {
    expectRunnable(meta, defaultProps(meta));
    expect(applyConstraints(meta, defaultProps(meta)).issues).toEqual([]);
  });

  it.each(metas.map((m) => [m.id, m] as const))('%s: no raw bag leaves a value out of range or a constraint broken', (_id, meta) => {
    fc.assert(
      fc.property(rawBag(meta), (raw) => {
        const { values, issues } = validateProps(meta, raw);
        expectRunnable(meta, values);
        // Each prop gets at most one notice.
        const props = issues.map((i) => i.prop);
        expect(new Set(props).size).toBe(props.length);
      }),
      { numRuns: 150 },
    );
  });

  it('any-corruption: a picture past K is taken as K, and the notice says what was used', async () => {
    const { meta } = await import('../../../src/figures/any-corruption/meta');
    const { values, issues } = validateProps(meta, { memory: '20', memories: '6' });
    expect(values.memory).toBe(6);
    expect(issues).toEqual([{ prop: 'memory', kind: 'range', message: 'memory = 20 is outside [1, 6] for 6 stored pictures; using 6' }]);
    // Out of the declared range too: one notice, quoting what was written.
    expect(validateProps(meta, { memory: '99', memories: '3' }).issues.map((i) => i.message)).toEqual(['memory = 99 is outside [1, 3] for 3 stored pictures; using 3']);
  });

  it('keep or restart is read from the declaration: any restart prop in a change restarts', async () => {
    const { meta } = await import('../../../src/figures/dispersed-memories/meta');
    const a = defaultProps(meta);
    expect(keepsRun(meta, changedProps(meta, { ...a, sigma: 1 }, a))).toBe(true);
    expect(keepsRun(meta, changedProps(meta, { ...a, sigma: 1, alpha: 0.5 }, a))).toBe(true);
    expect(keepsRun(meta, changedProps(meta, { ...a, sigma: 1, memories: 3 }, a))).toBe(false);
    expect(changedProps(meta, { ...a }, a)).toEqual([]);
  });
});
