import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { defaultProps, type FigureMeta } from '../../../src/lib/figure/spec';
import { hashState, sims } from './sims';

/*
 * Every animated figure's state after N updates at its defaults, seed 1, hashed. The hashes in
 * state-hashes.json were recorded before the figures were reshaped; a change here means a figure's default
 * state no longer looks the same.
 */

const STEPS = 40;
const SEED = 1;

const recorded: Record<string, string> = JSON.parse(readFileSync(new URL('./state-hashes.json', import.meta.url), 'utf8'));

describe('figure state at defaults is unchanged', () => {
  for (const [id, make] of Object.entries(sims)) {
    it(id, async () => {
      const { meta } = (await import(`../../../src/figures/${id}/meta.ts`)) as { meta: FigureMeta };
      const p = defaultProps(meta) as Record<string, unknown>;
      const sim = await make();
      sim.reset(p, SEED);
      for (let i = 0; i < STEPS && !sim.step(p); i++);
      const state = (sim as { state?: { describe?: (p: unknown) => string } }).state ?? (sim as { describe?: (p: unknown) => string });
      const h = hashState(state, typeof state.describe === 'function' ? state.describe(p) : '');
      if (process.env.RECORD_HASHES) recorded[id] = h;
      else expect(h).toBe(recorded[id]);
    });
  }
  it.runIf(!!process.env.RECORD_HASHES)('records', async () => {
    const { writeFileSync } = await import('node:fs');
    writeFileSync(new URL('./state-hashes.json', import.meta.url), JSON.stringify(recorded, null, 2) + '\n');
  });
});
