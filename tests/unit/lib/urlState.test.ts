import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { defaultProps, type FigureMeta, type PropSpecs } from '../../../src/lib/figure/spec';
import { MAX_RESTORE_STEPS } from '../../../src/lib/figure/useSimulation';
import { embedSnippet, essayFigureLink, MAX_URL_STEPS, parseFigureState, queryEntries, singleFigureLink } from '../../../src/lib/urlState';
import { meta as landscape } from '../../../src/figures/energy-landscape/meta';
import { meta as sdeVsOde } from '../../../src/figures/sde-vs-ode/meta';

const metas = Object.values(import.meta.glob<{ meta: FigureMeta }>('../../../src/figures/*/meta.ts', { eager: true })).map((m) => m.meta);

function inRange(meta: FigureMeta, values: Record<string, unknown>) {
  for (const [k, spec] of Object.entries(meta.props as PropSpecs)) {
    const v = values[k];
    if (spec.type === 'number') {
      expect(typeof v).toBe('number');
      expect(Number.isFinite(v)).toBe(true);
      expect(v as number).toBeGreaterThanOrEqual(spec.min);
      expect(v as number).toBeLessThanOrEqual(spec.max);
      if (spec.integer) expect(Number.isInteger(v)).toBe(true);
    } else if (spec.type === 'boolean') expect(typeof v).toBe('boolean');
    else expect(spec.options).toContain(v);
  }
}

describe('parseFigureState', () => {
  it('keeps in-range values without a notice', () => {
    const s = parseFigureState(landscape, queryEntries('?beta=8&memories=5&seed=42&at=120&speed=4'));
    expect(s.values).toMatchObject({ beta: 8, memories: 5 });
    expect([s.seed, s.steps, s.speed]).toEqual([42, 120, 4]);
    expect(s.notices).toEqual([]);
  });

  it('clamps out-of-range values and says so', () => {
    const s = parseFigureState(landscape, queryEntries('?beta=1e9&memories=-3&at=99999999'));
    expect(s.values.beta).toBe(100);
    expect(s.values.memories).toBe(1);
    expect(s.steps).toBe(MAX_URL_STEPS);
    expect(s.notices.map((n) => n.kind)).toEqual(['range', 'range', 'range']);
  });

  it('ignores unknown keys and garbage, with a short notice each', () => {
    const s = parseFigureState(landscape, queryEntries('?bogus=1&beta=abc&seed=xyz&__proto__=1&constructor=2'));
    expect(s.values).toEqual(defaultProps(landscape));
    expect(s.seed).toBeUndefined();
    expect(s.notices).toHaveLength(5);
    for (const n of s.notices) expect(n.message.length).toBeLessThan(170);
    expect(Object.getPrototypeOf(s.values)).toBe(Object.prototype);
  });

  it('skips the page’s reserved keys silently', () => {
    const s = parseFigureState(landscape, queryEntries('?figure=energy-landscape&embed&fig=x'), ['figure', 'embed', 'fig']);
    expect(s.notices).toEqual([]);
  });

  it('reads `steps` as `at` unless the figure has a prop of that name', () => {
    expect(parseFigureState(landscape, queryEntries('?steps=30')).steps).toBe(30);
    const s = parseFigureState(sdeVsOde, queryEntries('?steps=30&at=5'));
    expect(s.values.steps).toBe(30);
    expect(s.steps).toBe(5);
  });

  it('never throws and always yields values the controls accept (random query strings, every figure)', () => {
    const key = fc.oneof(fc.constantFrom('seed', 'at', 't', 'steps', 'speed', 'beta', 'memories', 'sigma', 'alpha', 'particles', '__proto__', 'toString', ''), fc.string());
    const value = fc.oneof(fc.string(), fc.double().map(String), fc.integer().map(String), fc.constantFrom('NaN', 'Infinity', '-0', '1e400', '%', '%E0%A4%A', 'true', ''));
    fc.assert(
      fc.property(fc.constantFrom(...metas), fc.array(fc.tuple(key, value), { maxLength: 8 }), fc.string(), (meta, pairs, junk) => {
        const search = '?' + pairs.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&') + '&' + junk;
        const s = parseFigureState(meta, queryEntries(search));
        inRange(meta, s.values as Record<string, unknown>);
        if (s.seed !== undefined) expect(Number.isInteger(s.seed) && s.seed >= 0 && s.seed < 2 ** 32).toBe(true);
        if (s.steps !== undefined) expect(Number.isInteger(s.steps) && s.steps >= 0 && s.steps <= MAX_URL_STEPS).toBe(true);
        if (s.speed !== undefined) expect(Number.isInteger(s.speed) && s.speed >= 1 && s.speed <= 64).toBe(true);
      }),
      { numRuns: 800, seed: 7 },
    );
  });
});

describe('links', () => {
  it('round-trip: a state written as a link reads back as the same state', () => {
    fc.assert(
      fc.property(fc.constantFrom(...metas), fc.integer({ min: 0, max: 2 ** 32 - 1 }), fc.integer({ min: 0, max: MAX_URL_STEPS }), fc.integer({ min: 1, max: 64 }), fc.nat(), (meta, seed, steps, speed, pick) => {
        // A valid random state: each prop at its default, its min, its max or an option.
        const params: Record<string, unknown> = { ...(defaultProps(meta) as Record<string, unknown>) };
        for (const [k, spec] of Object.entries(meta.props as PropSpecs)) {
          if (spec.type === 'number') params[k] = [spec.default, spec.min, spec.max][pick % 3];
          else if (spec.type === 'boolean') params[k] = pick % 2 === 0;
          else params[k] = spec.options[pick % spec.options.length];
        }
        const link = essayFigureLink('http://x.test/essay/index.html?old=1#old', `fig-${meta.id}`, meta, { params, seed, steps, speed });
        const url = new URL(link);
        expect(url.pathname).toBe('/essay/index.html');
        expect(url.hash).toBe(`#fig-${meta.id}`);
        const back = parseFigureState(meta, queryEntries(url.search), ['fig']);
        expect(back.notices).toEqual([]);
        expect(back.values).toEqual(params);
        if (meta.animated || meta.seeded) expect(back.seed).toBe(seed);
        expect(back.steps ?? 0).toBe(steps);
        expect(back.speed ?? 1).toBe(speed);
      }),
      { numRuns: 300, seed: 11 },
    );
  });

  it('embed links point at embed.html and the snippet is an iframe', () => {
    const link = singleFigureLink('file:///media/usb/dist/index.html?x#y', landscape, { params: { ...defaultProps(landscape), beta: 8 }, seed: 3, steps: 10, speed: 1 }, true);
    expect(link).toBe('file:///media/usb/dist/embed.html?figure=energy-landscape&beta=8&seed=3&at=10');
    expect(embedSnippet(link, 'A "title" <b>')).toBe(
      '<iframe src="file:///media/usb/dist/embed.html?figure=energy-landscape&amp;beta=8&amp;seed=3&amp;at=10" title="A &quot;title&quot; &lt;b>" width="640" height="360" style="border:0;max-width:100%" loading="lazy" allow="clipboard-write"></iframe>',
    );
  });

  it('the URL step limit is the simulation’s', () => {
    expect(MAX_URL_STEPS).toBe(MAX_RESTORE_STEPS);
  });
});
