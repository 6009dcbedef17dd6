import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { defaultProps, type FigureMeta } from '../../../src/lib/figure/spec';
import { encodeHistory, parseHistory, type HistoryEntry } from '../../../src/lib/figure/history';
import { essayFigureLink, parseFigureState, queryEntries } from '../../../src/lib/urlState';
import { meta as boltzmann } from '../../../src/figures/boltzmann/meta';
import { meta as landscape } from '../../../src/figures/energy-landscape/meta';

const metas = Object.values(import.meta.glob<{ meta: FigureMeta }>('../../../src/figures/*/meta.ts', { eager: true })).map((m) => m.meta);
const base = defaultProps(boltzmann);

describe('a run’s history in a link', () => {
  it('round-trips, with later changes at the same step and a bare step for "went on after settling"', () => {
    const entries: HistoryEntry[] = [
      { step: 40, values: { T: 1.2 } },
      { step: 40, values: { x: 0.3, tilt: -0.1 } },
      { step: 60, values: { T: 0.8 } },
      { step: 90, values: {} },
    ];
    const text = encodeHistory(entries, 116);
    expect(text).toBe('40:T=1.2;x=0.3,tilt=-0.1;60:T=0.8;90');
    expect(parseHistory(boltzmann, text, base, 116)).toEqual({ entries, notices: [] });
    // Entries after the link's step are left out.
    expect(encodeHistory(entries, 50)).toBe('40:T=1.2;x=0.3,tilt=-0.1');
  });

  it('writes h readably in a link, and the link’s props are the run’s props at its last restart', () => {
    const link = essayFigureLink('https://x.test/', 'fig-boltzmann', boltzmann, {
      params: { ...base, T: 1.2 },
      base: { ...base, walkers: 300 },
      seed: 42,
      steps: 116,
      speed: 1,
      history: [{ step: 40, values: { T: 1.2 } }],
    });
    expect(link).toBe('https://x.test/?fig=fig-boltzmann&walkers=300&seed=42&at=116&h=40:T=1.2#fig-boltzmann');
    const s = parseFigureState(boltzmann, queryEntries(new URL(link).search), ['fig']);
    expect(s.values.walkers).toBe(300);
    expect(s.values.T).toBe(base.T);
    expect(s.history).toEqual([{ step: 40, values: { T: 1.2 } }]);
    expect(s.notices).toEqual([]);
  });

  it('drops malformed, restarting, out-of-range and out-of-order entries with one notice, keeping the rest', () => {
    const text = '10:T=2;x:T=1;20:walkers=5;30:T=3;25:T=1;30:nope=1;40:T=abc;50:T;60:T=%E0%A4%A;70:T=1,T=2;200:T=1;80:tilt=0.5;90:T=99';
    const { entries, notices } = parseHistory(boltzmann, text, base, 116);
    expect(entries).toEqual([
      { step: 10, values: { T: 2 } },
      { step: 30, values: { T: 3 } },
      { step: 80, values: { tilt: 0.5 } },
    ]);
    expect(notices).toHaveLength(1);
    expect(notices[0].message).toMatch(/^ignored 10 of 13 history entries \(“x:T=1”: the step must be a whole number; …\)$/);
    expect(parseFigureState(boltzmann, queryEntries('?at=5&h=3:walkers=9')).notices.map((n) => n.prop)).toEqual(['h']);
  });

  it('never throws and yields only kept changes in range, in order, up to the link’s step (random h, every figure)', () => {
    const animated = metas.filter((m) => m.animated);
    const piece = fc.oneof(fc.constantFrom(':', ';', ',', '=', '%', '-', '.', 'e', 'true', 'T', 'x', 'beta', 'alpha', 'direction', 'reverse'), fc.nat(300).map(String), fc.string({ maxLength: 4 }));
    fc.assert(
      fc.property(fc.constantFrom(...animated), fc.array(piece, { maxLength: 30 }), fc.nat(200), (meta, parts, at) => {
        const s = parseFigureState(meta, [['h', parts.join('')], ['at', String(at)]]);
        let last = 0;
        for (const e of s.history ?? []) {
          expect(e.step).toBeGreaterThanOrEqual(last);
          expect(e.step).toBeLessThanOrEqual(at);
          last = e.step;
          for (const k of Object.keys(e.values)) expect(meta.props[k]?.onChange).toBe('keep');
        }
        expect(s.notices.filter((n) => n.prop === 'h').length).toBeLessThanOrEqual(1);
      }),
      { numRuns: 400 },
    );
  });

  it('is ignored, with a notice, by a figure that has no run', () => {
    const still = metas.find((m) => !m.animated)!;
    const s = parseFigureState(still, queryEntries('?h=1:x=2'));
    expect(s.history).toBeUndefined();
    expect(s.notices.map((n) => n.prop)).toEqual(['h']);
    expect(parseFigureState(landscape, queryEntries('?h=')).notices).toEqual([]);
  });

  it('no figure declares a prop called h', () => {
    for (const m of metas) expect(Object.keys(m.props)).not.toContain('h');
  });
});
