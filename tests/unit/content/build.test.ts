import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';

/*
 * The Vite plugin stops `vite build` on content errors and lists each as file:line:col: reason.
 * (One real build of a fixture with every kind of error; it stops at the start, before bundling.)
 */
describe('vite build with content errors', () => {
  it('fails and names every error with its place', () => {
    const r = spawnSync('npx', ['vite', 'build', '--outDir', '/tmp/dist-broken-content'], {
      env: { ...process.env, ESSAY_CONTENT: 'tests/fixtures/broken', VITEST: '' },
      encoding: 'utf8',
      timeout: 120_000,
    });
    const out = r.stdout + r.stderr;
    expect(r.status).not.toBe(0);
    for (const line of [
      'tests/fixtures/broken/01-broken.md:6:17: unknown citation key "nobody1999nothing"',
      'tests/fixtures/broken/01-broken.md:6:60: undefined equation label eq:nowhere',
      'tests/fixtures/broken/01-broken.md:12:1: duplicate equation label eq:twice (first defined at tests/fixtures/broken/01-broken.md:8)',
      'tests/fixtures/broken/01-broken.md:13:',
      'tests/fixtures/broken/01-broken.md:16:10: unknown figure "no-such-figure"',
      'tests/fixtures/broken/01-broken.md:18:32: figure "energy-landscape": beta = 1000 is outside [0.1, 100]',
      'tests/fixtures/broken/01-broken.md:18:42: figure "energy-landscape": energy-landscape has no prop "betta"',
    ]) {
      expect(out).toContain(line);
    }
  }, 120_000);
});
