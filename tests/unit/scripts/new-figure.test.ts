import { describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ts from 'typescript';
import { figureIdProblem, nextSteps, scaffoldFigure } from '../../../src/scripts/new-figure/scaffold';
import { figureFiles, namesOf } from '../../../src/scripts/new-figure/templates';

const ROOT = join(import.meta.dirname, '..', '..', '..');

/**
 * Type-checks the scaffolded files as if they were in src/figures/<id>/, against the real src/lib and src/core,
 * without writing into src (a compiler host that serves them from memory).
 */
function typeErrors(id: string, files: Record<string, string>): string[] {
  const config = ts.getParsedCommandLineOfConfigFile(join(ROOT, 'tsconfig.json'), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined })!;
  const virtual = new Map(Object.entries(files).map(([name, text]) => [join(ROOT, 'src/figures', id, name), text]));
  const host = ts.createCompilerHost(config.options);
  const { getSourceFile, fileExists, readFile, directoryExists } = host;
  const folder = join(ROOT, 'src/figures', id);
  host.directoryExists = (d) => d === folder || !!directoryExists?.(d);
  host.fileExists = (f) => virtual.has(f) || fileExists(f);
  host.readFile = (f) => virtual.get(f) ?? readFile(f);
  host.getSourceFile = (f, lang, ...rest) => (virtual.has(f) ? ts.createSourceFile(f, virtual.get(f)!, lang) : getSourceFile(f, lang, ...rest));
  const program = ts.createProgram([...virtual.keys()], config.options, host);
  return [...virtual.keys()].flatMap((f) =>
    ts.getPreEmitDiagnostics(program, program.getSourceFile(f)).map((d) => `${f}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`),
  );
}

describe('npm run new-figure', () => {
  it('refuses ids that are not kebab-case, reserved or taken', () => {
    const dir = mkdtempSync(join(tmpdir(), 'new-figure-'));
    try {
      mkdirSync(join(dir, 'energy-landscape'));
      for (const bad of ['', 'Energy', 'energy_landscape', 'energy--landscape', '-energy', 'energy-', '2d-field', 'a'.repeat(41)]) {
        expect(figureIdProblem(bad, dir), bad).toMatch(/kebab-case|longer/);
      }
      expect(figureIdProblem('host', dir)).toMatch(/reserved/);
      expect(figureIdProblem('energy-landscape', dir)).toMatch(/taken/);
      expect(figureIdProblem('particle-swarm', dir)).toBeNull();
      expect(figureIdProblem('ring2-field', dir)).toBeNull();
      expect(() => scaffoldFigure('energy-landscape', dir)).toThrow(/taken/);
      expect(() => scaffoldFigure('Bad', dir)).toThrow(/kebab-case/);
    } finally {
      rmSync(dir, { recursive: true });
    }
  });

  it('writes meta.ts, sim.ts, draw.ts and Component.tsx with the id in place, and says what comes next', () => {
    const dir = mkdtempSync(join(tmpdir(), 'new-figure-'));
    try {
      const written = scaffoldFigure('particle-swarm', dir);
      expect(written.map((p) => p.slice(dir.length + 1)).sort()).toEqual(['particle-swarm/Component.tsx', 'particle-swarm/draw.ts', 'particle-swarm/meta.ts', 'particle-swarm/sim.ts']);
      for (const p of written) expect(existsSync(p)).toBe(true);
      expect(readFileSync(join(dir, 'particle-swarm/meta.ts'), 'utf8')).toContain("id: 'particle-swarm'");
      expect(readFileSync(join(dir, 'particle-swarm/Component.tsx'), 'utf8')).toContain('export default function ParticleSwarm(');
      expect(figureIdProblem('particle-swarm', dir)).toMatch(/taken/);
      expect(nextSteps('particle-swarm')).toContain('::figure[Caption.]{id="particle-swarm"}');
    } finally {
      rmSync(dir, { recursive: true });
    }
  });

  it('names the component and the title from the id', () => {
    expect(namesOf('score-field-2')).toEqual({ id: 'score-field-2', component: 'ScoreField2', title: 'Score field 2' });
  });

  it('scaffolds a figure that type-checks against src/lib and src/core', () => {
    expect(typeErrors('scaffold-check', figureFiles('scaffold-check'))).toEqual([]);
  });
});
