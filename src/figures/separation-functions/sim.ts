import { basinF, basinMap, createRng, matrixFromData, type BasinMap, type BasinSeparation, type Matrix } from '../../core';
import type { PropValues } from '../../lib/figure/spec';
import type { meta } from './meta';

export type Params = PropValues<typeof meta.props>;

export interface Panel {
  key: 'classical' | 'poly' | 'rectified' | 'exp';
  /** TeX of the separation function. */
  tex: string;
  /** Plain-text name for screen readers. */
  name: string;
  /** A short plain-text label for the plot legend. */
  short: string;
  F: BasinSeparation;
}

const SUP = '⁰¹²³⁴⁵⁶⁷⁸⁹';
const sup = (n: number) => String(n).split('').map((d) => SUP[Number(d)]).join('');

/** The four separation functions compared, in order of increasing spikiness. */
export function panels(p: Params): Panel[] {
  return [
    { key: 'classical', tex: 'F(m) = m^2', name: 'classical, F(m) = m²', short: 'm² (classical)', F: { kind: 'poly', n: 2 } },
    { key: 'poly', tex: `F(m) = m^{${p.n}}`, name: `polynomial, F(m) = m^${p.n}`, short: `m${sup(p.n)}`, F: { kind: 'poly', n: p.n } },
    { key: 'rectified', tex: `F(m) = \\max(m,0)^{${p.n}}`, name: `rectified polynomial, F(m) = max(m, 0)^${p.n}`, short: `max(m, 0)${sup(p.n)}`, F: { kind: 'rectified', n: p.n } },
    { key: 'exp', tex: `F(m) = e^{${p.beta}\\,m}`, name: `exponential, F(m) = e^(${p.beta} m)`, short: `e^(${p.beta} m)`, F: { kind: 'exp', beta: p.beta } },
  ];
}

/** K memory angles from the seed, spread so no two start closer than 0.6 rad. */
export function memoryAngles(K: number, seed: number): number[] {
  const rng = createRng((Math.imul(seed, 2654435761) ^ 0x5bd1e995) >>> 0);
  const out: number[] = [];
  let guard = 0;
  while (out.length < K && guard++ < 5000) {
    const a = rng.uniform() * 2 * Math.PI;
    if (out.every((b) => Math.abs(Math.atan2(Math.sin(a - b), Math.cos(a - b))) > 0.6)) out.push(a);
  }
  while (out.length < K) out.push((out.length / K) * 2 * Math.PI);
  return out;
}

export function memoriesFromAngles(angles: readonly number[]): Matrix {
  const d = new Float64Array(2 * angles.length);
  angles.forEach((a, k) => {
    d[2 * k] = Math.cos(a);
    d[2 * k + 1] = Math.sin(a);
  });
  return matrixFromData(angles.length, 2, d);
}

export interface PanelResult {
  panel: Panel;
  map: BasinMap;
  /** Memories with a basin of their own (some start ends on them). */
  kept: number;
  /** Memories whose −ξ_μ is also a minimum (even polynomials only). */
  inverses: number;
  spurious: number;
}

/** Options for every panel's basin map. */
/** Basin map resolution at rest (cells a side); a drag uses a coarser one. */
export const RES_REST = 48;

export const BASIN_OPTIONS = { maxIter: 160 } as const;

/** The counts for a panel's legend and the live summary, from its finished basin map. */
export function summarizePanel(panel: Panel, map: BasinMap, K: number): PanelResult {
  const hit = new Uint8Array(2 * K);
  for (const l of map.label) if (l >= 0) hit[l] = 1;
  let kept = 0;
  let inverses = 0;
  for (let k = 0; k < K; k++) {
    kept += hit[k];
    inverses += hit[K + k];
  }
  return { panel, map, kept, inverses, spurious: map.spurious.length / 2 };
}

/** One panel's basin map (core.basinMap) in one go, with its counts. */
export function computePanel(memories: Matrix, panel: Panel, res: number): PanelResult {
  return summarizePanel(panel, basinMap(memories, panel.F, res, res, BASIN_OPTIONS), memories.rows);
}

/** F(m) / F(1) on m ∈ [−1, 1], for the spikiness plot. */
export function normalisedF(F: BasinSeparation, count = 161): [number, number][] {
  const f1 = basinF(F, 1);
  return Array.from({ length: count }, (_, i) => {
    const m = -1 + (2 * i) / (count - 1);
    return [m, F.kind === 'exp' ? Math.exp(F.beta * (m - 1)) : basinF(F, m) / f1] as [number, number];
  });
}

export function describe(results: PanelResult[], K: number): string {
  return (
    `${K} memories on the circle. ` +
    results
      .map((r) => `${r.panel.name}: ${r.kept} of ${K} keep a basin${r.inverses ? `, ${r.inverses} negatives −ξ are minima too` : ''}${r.spurious ? `, ${r.spurious} spurious state${r.spurious > 1 ? 's' : ''}` : ''}`)
      .join('; ') +
    '.'
  );
}
