import { existsSync, mkdirSync, readdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FigureMeta } from '../../lib/figure/spec';
import { prepareBib } from './bib';
import { CHAPTER_FILE, compileEssay, type CompiledEssay, type ContentCache, type ContentSource } from './compile';

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

/**
 * A ContentCache on disk (node_modules/.cache/essay-content): one JSON file per parsed chapter, keyed by the
 * hash of its text, and the set of formulas KaTeX has already accepted. Files this run did not use are
 * removed when it is saved.
 */
export function diskCache(dir: string): ContentCache & { save(): void } {
  const texFile = join(dir, 'tex-ok.json');
  let tex: Set<string>;
  try {
    tex = new Set(JSON.parse(readFileSync(texFile, 'utf8')) as string[]);
  } catch {
    tex = new Set();
  }
  const texUsed = new Set<string>();
  const treesUsed = new Set<string>();
  const newTrees = new Map<string, string>();
  return {
    tree(key) {
      treesUsed.add(key);
      try {
        return readFileSync(join(dir, `md-${key}.json`), 'utf8');
      } catch {
        return undefined;
      }
    },
    setTree(key, json) {
      treesUsed.add(key);
      newTrees.set(key, json);
    },
    texOk(key) {
      if (!tex.has(key)) return false;
      texUsed.add(key);
      return true;
    },
    setTexOk(key) {
      texUsed.add(key);
    },
    save() {
      try {
        mkdirSync(dir, { recursive: true });
        for (const [key, json] of newTrees) writeFileSync(join(dir, `md-${key}.json`), json);
        for (const f of readdirSync(dir)) {
          const m = /^md-([0-9a-f]+)\.json$/.exec(f);
          if (m && !treesUsed.has(m[1])) unlinkSync(join(dir, f));
        }
        if (texUsed.size !== tex.size || [...texUsed].some((k) => !tex.has(k))) writeFileSync(texFile, JSON.stringify([...texUsed]));
      } catch {
        /* read-only checkout: no cache */
      }
    },
  };
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
