import { readFileSync } from 'node:fs';

/*
 * Every animated figure's sim, as a unit test drives it in Node (reset, step, and kept changes), and a hash of
 * its state. Shared by the state-hash test (defaults after 40 steps) and the replay property test.
 */

export interface Runner {
  reset(p: Record<string, unknown>, seed: number): void;
  step(p: Record<string, unknown>): boolean;
  onKeptChange?(p: Record<string, unknown>, prev: Record<string, unknown>, changed: readonly string[]): void;
}

/**
 * FNV-1a over the typed arrays reachable from the sim (positions, grids, traces: what the painter draws), in
 * key order but ignoring key names and scalars, so moving a field or renaming it does not change the hash.
 */
export function hashState(root: unknown, extra: string): string {
  let h = 0x811c9dc5;
  const mix = (s: string) => {
    for (let i = 0; i < s.length; i++) {
      h ^= s.charCodeAt(i);
      h = Math.imul(h, 0x01000193) >>> 0;
    }
  };
  const seen = new Set<unknown>();
  const walk = (v: unknown, depth: number): void => {
    if (depth > 8 || v === null || typeof v !== 'object' || seen.has(v)) return;
    seen.add(v);
    if (ArrayBuffer.isView(v)) {
      const a = v as unknown as ArrayLike<number>;
      mix(`[${a.length}]`);
      for (let i = 0; i < a.length; i++) mix(Number.isFinite(a[i]) ? a[i].toPrecision(12) : String(a[i]));
      return;
    }
    if (v instanceof Map || v instanceof Set) return;
    const keys = Array.isArray(v) ? v.keys() : Object.keys(v).sort();
    for (const k of keys) walk((v as Record<string, unknown>)[k], depth + 1);
  };
  walk(root, 0);
  mix(extra);
  return h.toString(16).padStart(8, '0');
}

export type Make = () => Promise<Runner>;
export const sims: Record<string, Make> = {
  'annealed-langevin': async () => new (await import('../../../src/figures/annealed-langevin/sim')).AnnealedLangevin() as unknown as Runner,
  'any-corruption': async () => new (await import('../../../src/figures/any-corruption/sim')).AnyCorruption() as unknown as Runner,
  'attention-step': async () => new (await import('../../../src/figures/attention-step/sim')).AttentionRun() as unknown as Runner,
  boltzmann: async () => new (await import('../../../src/figures/boltzmann/sim')).Walkers() as unknown as Runner,
  'conservative-field': async () => new (await import('../../../src/figures/conservative-field/sim')).ConservativeField() as unknown as Runner,
  'denoising-score-matching': async () => new (await import('../../../src/figures/denoising-score-matching/sim')).Dsm() as unknown as Runner,
  'dispersed-memories': async () => new (await import('../../../src/figures/dispersed-memories/sim')).Dispersed() as unknown as Runner,
  'dye-diffusion': async () => new (await import('../../../src/figures/dye-diffusion/sim')).Dye() as unknown as Runner,
  'energy-descent': async () => new (await import('../../../src/figures/energy-descent/sim')).DescentPair() as unknown as Runner,
  'energy-landscape': async () => new (await import('../../../src/figures/energy-landscape/sim')).Descent() as unknown as Runner,
  'energy-transformer': async () => new (await import('../../../src/figures/energy-transformer/sim')).Block() as unknown as Runner,
  'fixed-points': async () => new (await import('../../../src/figures/fixed-points/sim')).FixedPoints() as unknown as Runner,
  hierarchy: async () => new (await import('../../../src/figures/hierarchy/sim')).HierarchyRun() as unknown as Runner,
  'hopfield-images': async () => {
    const m = new (await import('../../../src/figures/hopfield-images/sim')).PictureMemory();
    // The stored set moved into `m.sets` (stored.ts); hash it in the layout the baseline was recorded with.
    const view = () => {
      const { sets, ...rest } = m as unknown as Record<string, unknown> & { sets: Record<string, unknown> };
      return Object.assign(Object.create(m), rest, { randomCache: sets.randomCache, stored: sets.stored });
    };
    return {
      reset: (p, s) => m.reset(p as never, s, []),
      step: (p) => m.step(p as never),
      onKeptChange: () => m.onKeptChange(),
      applyEdit: (e: unknown) => m.applyEdit(e as never),
      get state() {
        return view();
      },
    } as Runner;
  },
  'landscape-duality': async () => new (await import('../../../src/figures/landscape-duality/sim')).Duality() as unknown as Runner,
  'memorization-generalization': async () => {
    const mod = await import('../../../src/figures/memorization-generalization/sim');
    const file = JSON.parse(readFileSync(new URL('../../../public/data/memorization.json', import.meta.url), 'utf8'));
    const { drawable } = mod.decodeRuns(file);
    const r = new mod.Replay();
    return {
      reset: (p) => r.load(drawable.find((d) => mod.runKey(d.width, d.K) === mod.runKey(Number(p.width), p.K as number)) ?? null),
      step: () => r.step(),
      state: r,
    } as Runner;
  },
  'optimizer-sampling': async () => new (await import('../../../src/figures/optimizer-sampling/sim')).Race() as unknown as Runner,
  'sde-vs-ode': async () => new (await import('../../../src/figures/sde-vs-ode/sim')).SdeVsOde() as unknown as Runner,
  'side-by-side': async () => new (await import('../../../src/figures/side-by-side/sim')).SideBySide() as unknown as Runner,
  tinybrain: async () => new (await import('../../../src/figures/tinybrain/sim')).TinyBrainRun() as unknown as Runner,
};

