import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * What compileEssay may remember between runs, keyed by content hashes: parsed markdown trees, and the
 * inputs already found good (formulas KaTeX accepted, chapters whose authored HTML passed the allowlist).
 */
export interface ContentCache {
  tree(key: string): string | undefined;
  setTree(key: string, json: string): void;
  ok(key: string): boolean;
  setOk(key: string): void;
}

/** A cache key: the SHA-1 of the parts. */
export function contentKey(...parts: string[]): string {
  const h = createHash('sha1');
  for (const p of parts) h.update(p).update('\0');
  return h.digest('hex');
}

/**
 * A ContentCache on disk (node_modules/.cache/essay-content): one JSON file per parsed chapter, and the set
 * of keys found good. Files this run did not use are removed when it is saved.
 */
export function diskCache(dir: string): ContentCache & { save(): void } {
  const okFile = join(dir, 'ok.json');
  let good: Set<string>;
  try {
    good = new Set(JSON.parse(readFileSync(okFile, 'utf8')) as string[]);
  } catch {
    good = new Set();
  }
  const okUsed = new Set<string>();
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
    ok(key) {
      if (!good.has(key)) return false;
      okUsed.add(key);
      return true;
    },
    setOk(key) {
      okUsed.add(key);
    },
    save() {
      try {
        mkdirSync(dir, { recursive: true });
        for (const [key, json] of newTrees) writeFileSync(join(dir, `md-${key}.json`), json);
        for (const f of readdirSync(dir)) {
          const m = /^md-([0-9a-f]+)\.json$/.exec(f);
          if (m && !treesUsed.has(m[1])) unlinkSync(join(dir, f));
        }
        if (okUsed.size !== good.size || [...okUsed].some((k) => !good.has(k))) writeFileSync(okFile, JSON.stringify([...okUsed]));
      } catch {
        /* read-only checkout: no cache */
      }
    },
  };
}
