import type { ChapterContext, Place } from './context';
import type { ParsedChapter } from './parse';
import type { DirectiveNode } from './tree';
import type { RootContent as MdContent } from 'mdast';
import { hnode } from './tree';

/*
 * Pass 1 for cross-references: the number of every chapter (by slug) and of every figure (by id, and
 * `id-2`, `id-3` for later instances), known before pass 2 so a reference may point forward. Pass 2 turns
 * `@ch:slug` into "chapter N", `@Ch:slug` into "Chapter N" (for a sentence start) and `@fig:id` into
 * "Figure N", each linked to its target.
 */

export interface XrefTargets {
  /** Chapter slug → its number in reading order. */
  chapters: Map<string, number>;
  /** Figure anchor suffix (`id`, `id-2`, …) → the figure's number through the essay. */
  figures: Map<string, number>;
}

/** Numbers chapters and top-level `::figure`s whose id is declared, in the order pass 2 will number them. */
export function collectTargets(chapters: ParsedChapter[], declared: Record<string, unknown>): XrefTargets {
  const figures = new Map<string, number>();
  const seen = new Map<string, number>();
  for (const ch of chapters) {
    for (const node of ch.tree.children) {
      if (node.type !== 'leafDirective') continue;
      const d = node as unknown as DirectiveNode;
      const id = d.name === 'figure' ? d.attributes?.id : undefined;
      if (!id || !Object.prototype.hasOwnProperty.call(declared, id)) continue;
      const n = (seen.get(id) ?? 0) + 1;
      seen.set(id, n);
      figures.set(n === 1 ? id : `${id}-${n}`, figures.size + 1);
    }
  }
  return { chapters: new Map(chapters.map((c, i) => [c.slug, i + 1])), figures };
}

/** The matches pass 2 replaces: `@ch:slug`, `@Ch:slug`, `@fig:id`. */
export const XREF = /@(ch|Ch|fig):([A-Za-z0-9_]+(?:-[A-Za-z0-9_]+)*)/g;

/** One `@ch:` / `@Ch:` / `@fig:` reference → a link, or a marked gap and an error. */
export function xref(kind: string, target: string, at: Place, ctx: ChapterContext): MdContent {
  const { essay } = ctx;
  const isFig = kind === 'fig';
  const n = isFig ? essay.targets.figures.get(target) : essay.targets.chapters.get(target);
  if (n === undefined) {
    const known = [...(isFig ? essay.targets.figures : essay.targets.chapters).keys()].join(', ') || 'none';
    essay.report(ctx.file, at, `unknown ${isFig ? 'figure' : 'chapter'} "${target}" (known: ${known})`);
    return hnode('span', { className: ['xref-missing'] }, [{ type: 'text', value: `(${kind}:${target}?)` }]);
  }
  const word = isFig ? 'Figure' : kind === 'Ch' ? 'Chapter' : 'chapter';
  const href = isFig ? `#fig-${target}` : `#${target}`;
  return hnode('a', { className: ['xref'], href, ...(isFig ? { dataXrefFigure: target } : { dataXrefChapter: target }) }, [{ type: 'text', value: `${word} ${n}` }]);
}
