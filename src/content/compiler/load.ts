import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FigureMeta } from '../../lib/figure/spec';
import { prepareBib } from './bib';
import { diskCache } from './cache';
import { CHAPTER_FILE, compileEssay, type CompiledEssay, type ContentSource } from './compile';

/** Every chapter file (`content/NN-slug.md`) and the bibliography, read from disk. */
export function readContent(root: string, contentDir = 'content'): { chapters: ContentSource[]; bib: ContentSource | null; stray: string[] } {
  const dir = join(root, contentDir);
  const chapters: ContentSource[] = [];
  const stray: string[] = [];
  if (existsSync(dir)) {
    for (const name of readdirSync(dir).sort()) {
      if (!name.endsWith('.md')) continue;
      const file = `${contentDir}/${name}`;
      if (!CHAPTER_FILE.test(name)) {
        if (/^\d/.test(name)) stray.push(file);
        continue;
      }
      chapters.push({ file, text: readFileSync(join(dir, name), 'utf8') });
    }
  }
  const bibPath = join(dir, 'references.bib');
  const bib = existsSync(bibPath) ? { file: `${contentDir}/references.bib`, text: readFileSync(bibPath, 'utf8') } : null;
  return { chapters, bib, stray };
}

/** Reads and compiles the whole essay. */
export async function compileFromDisk(root: string, figures: Record<string, FigureMeta>, contentDir = 'content', mode: 'render' | 'check' = 'render'): Promise<CompiledEssay> {
  const { chapters, bib, stray } = readContent(root, contentDir);
  const cacheDir = join(root, 'node_modules/.cache/essay-content');
  const parsed = bib ? await prepareBib(bib.file, bib.text, cacheDir) : null;
  const cache = diskCache(cacheDir);
  const out = await compileEssay({ chapters, bib: parsed, figures, mode, cache });
  cache.save();
  for (const file of stray) {
    out.diagnostics.push({ file, line: 1, column: 1, severity: 'warning', reason: 'not a chapter: chapter files are named NN-slug.md (lower case, digits and hyphens)' });
  }
  return out;
}
