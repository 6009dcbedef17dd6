import type { FigureMeta } from '../../lib/figure/spec';
import type { ChapterInfo, Diagnostic, SectionInfo } from '../types';
import type { BibRecord, ParsedBib } from './bib';
import type { LabelDef } from './labels';
import type { ExperimentResults } from './numbers';
import type { XrefTargets } from './xrefs';

/*
 * The state the compiler's passes share: the essay-wide registries (ids, labels, citation numbers, figure
 * numbers) and, per chapter, the manifest entry being filled in.
 */

/** A 1-based place in a chapter. */
export interface Place {
  line: number;
  column: number;
}

/** Records one diagnostic (an error unless told otherwise). */
export type Report = (file: string, at: Place | undefined, reason: string, severity?: Diagnostic['severity']) => void;

/** Collects diagnostics into `into`. */
export function reporter(into: Diagnostic[]): Report {
  return (file, at, reason, severity = 'error') => into.push({ file, line: at?.line ?? 1, column: at?.column ?? 1, reason, severity });
}

export interface EssayContext {
  report: Report;
  /** The parsed bibliography, or null when there is no references.bib. */
  bib: ParsedBib | null;
  entries: Map<string, BibRecord>;
  figures: Record<string, FigureMeta>;
  labels: Map<string, LabelDef>;
  /** Chapter and figure numbers, for `@ch:` and `@fig:` references. */
  targets: XrefTargets;
  /** Results of the experiments behind `:num[…]`, each run at most once per compile. */
  experiments: ExperimentResults;
  /** Glossary ids anchored by `:sym{#id}`, and where `::notation-table`s stand. */
  symbols: { anchored: Set<string>; tables: { file: string; at: Place | undefined }[] };
  /** Citation key → its number, in order of first use through the essay. */
  citeOrder: Map<string, number>;
  figureCount: number;
  /** Figure id → how many instances so far (the second gets anchor `fig-<id>-2`). */
  figureAnchors: Map<string, number>;
  /** Reserves an element id unique on the page: `base`, or `base-2`, `base-3`, … */
  uniqueId(base: string): string;
}

export interface ChapterContext {
  essay: EssayContext;
  file: string;
  /** The markdown body (frontmatter blanked), for slicing the source of a node. */
  body: string;
  info: ChapterInfo;
  sectionById: Map<string, SectionInfo>;
  /** Id of the section being read (the chapter's slug before its first heading). */
  section: string;
  /** Figures seen so far in this chapter. */
  figureIndex: number;
}

/** The id registry: ids the shell uses are taken from the start. */
export function idRegistry(): (base: string) => string {
  const used = new Set<string>(['title', 'contents', 'references', 'main', 'essay', 'content']);
  return (base) => {
    let id = base;
    for (let i = 2; used.has(id); i++) id = `${base}-${i}`;
    used.add(id);
    return id;
  };
}
