import { readdirSync, existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { FigureMeta } from '../../lib/figure/spec';
import type { Diagnostic } from '../types';

/*
 * Reads every figure's declaration (`src/figures/<id>/meta.ts`) in Node, for the content checker and the
 * Vite plugin: the same files the browser's registry globs, so markdown is validated against exactly what
 * the figures declare. Must run under a TypeScript-aware loader (tsx).
 */
export async function loadFigureMetas(root: string, bust = ''): Promise<{ figures: Record<string, FigureMeta>; diagnostics: Diagnostic[]; files: string[] }> {
  const dir = join(root, 'src/figures');
  const figures: Record<string, FigureMeta> = {};
  const diagnostics: Diagnostic[] = [];
  const files: string[] = [];
  if (!existsSync(dir)) return { figures, diagnostics, files };
  const folders = readdirSync(dir, { withFileTypes: true }).filter((d) => d.isDirectory() && existsSync(join(dir, d.name, 'meta.ts')));
  const loaded = await Promise.all(
    folders.map(async (d) => {
      const path = join(dir, d.name, 'meta.ts');
      files.push(path);
      try {
        const mod = (await import(pathToFileURL(path).href + (bust ? `?v=${bust}` : ''))) as { meta?: FigureMeta };
        return { folder: d.name, path, meta: mod.meta, error: mod.meta ? null : 'exports no `meta`' };
      } catch (e) {
        return { folder: d.name, path, meta: undefined, error: (e instanceof Error ? e.message : String(e)).split('\n')[0] };
      }
    }),
  );
  for (const { folder, path, meta, error } of loaded) {
    const file = relative(root, path);
    if (!meta) {
      diagnostics.push({ file, line: 1, column: 1, severity: 'error', reason: `figure declaration cannot be loaded: ${error}` });
      continue;
    }
    if (meta.id !== folder) {
      diagnostics.push({ file, line: 1, column: 1, severity: 'error', reason: `figure folder "${folder}" declares id "${meta.id}": they must match` });
      continue;
    }
    figures[meta.id] = meta;
  }
  return { figures, diagnostics, files };
}
