import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FigureMeta } from '../../lib/figure/spec';
import { prepareBib } from './bib';
import type { Diagnostic } from '../types';
import { diskCache } from './cache';
import { decodeUtf8 } from './text';
import { CHAPTER_FILE, compileEssay, type CompiledEssay, type ContentSource } from './compile';

/** Every chapter file (`content/NN-slug.md`) and the bibliography, read from disk. */
export function readContent(root: string, contentDir = 'content'): { chapters: ContentSource[]; bib: ContentSource | null; stray: string[]; diagnostics: Diagnostic[] } {
  const dir = join(root, contentDir);
  const chapters: ContentSource[] = [];
  const stray: string[] = [];
  const diagnostics: Diagnostic[] = [];
  const read = (file: string, path: string): ContentSource => {
    const { text, invalid } = decodeUtf8(readFileSync(path));
    if (invalid) diagnostics.push({ file, ...invalid, severity: 'error', reason: 'invalid UTF-8 (save the file as UTF-8)' });
    return { file, text };
  };
  if (existsSync(dir)) {
    for (const name of readdirSync(dir).sort()) {
      if (!name.endsWith('.md')) continue;
      const file = `${contentDir}/${name}`;
      if (!CHAPTER_FILE.test(name)) {
        if (/^\d/.test(name)) stray.push(file);
        continue;
      }
      chapters.push(read(file, join(dir, name)));
    }
  }
  const bibPath = join(dir, 'references.bib');
  const bib = existsSync(bibPath) ? read(`${contentDir}/references.bib`, bibPath) : null;
  return { chapters, bib, stray, diagnostics };
}

/** Reads and compiles the whole essay. */
export async function compileFromDisk(root: string, figures: Record<string, FigureMeta>, contentDir = 'content', mode: 'render' | 'check' = 'render'): Promise<CompiledEssay> {
  const { chapters, bib, stray, diagnostics } = readContent(root, contentDir);
  const cacheDir = join(root, 'node_modules/.cache/essay-content');
  const parsed = bib ? await prepareBib(bib.file, bib.text, cacheDir) : null;
  const cache = diskCache(cacheDir);
  const out = await compileEssay({ chapters, bib: parsed, figures, mode, cache });
  cache.save();
  out.diagnostics.unshift(...diagnostics);
  for (const file of stray) {
    out.diagnostics.push({ file, line: 1, column: 1, severity: 'warning', reason: 'not a chapter: chapter files are named NN-slug.md (lower case, digits and hyphens)' });
  }
  return out;
}
