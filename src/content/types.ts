/*
 * The shape of the compiled essay: what the build-time pipeline (src/content/compiler) produces and what the
 * runtime (src/content/runtime, src/app) and lecture mode read. Plain data, JSON-serialisable.
 */

/** One `##` (or deeper) heading inside a chapter. */
export interface SectionInfo {
  /** Element id, unique across the whole essay: deep link `#<id>`. */
  id: string;
  title: string;
  /** The heading's inner HTML (math typeset), for tables of contents. */
  titleHtml?: string;
  /** Markdown depth: 2 for `##`, 3 for `###`. */
  depth: number;
  /** Labels of the numbered equations under this heading (before the next heading of any depth). */
  equations: string[];
  /** Essay-wide figure numbers under this heading. */
  figures: number[];
  /** Speaker notes (`:::notes` blocks) under this heading, as HTML. */
  notes: string[];
}

export interface EquationInfo {
  /** Label without the `eq:` prefix, e.g. `lse` for `{#eq:lse}`. */
  label: string;
  /** Essay-wide number, shown as "(n)". */
  number: number;
  /** The survey's equation number, from `survey=N`. */
  survey?: string;
  /** The TeX source. */
  tex: string;
  /** Element id: `eq-<label>`. */
  anchor: string;
  /** Id of the section it sits in (or the chapter's id before the first heading). */
  section: string;
}

export interface FigureInfo {
  /** Essay-wide number: "Figure n". */
  number: number;
  /** Figure id in the registry (src/figures/<id>/). */
  id: string;
  /** Element id for deep links, `fig-<id>` (or `fig-<id>-2` for a second instance). */
  anchor: string;
  /** Raw attributes as written (validated at build time; FigureHost validates again). */
  attrs: Record<string, string>;
  /** Caption HTML (math already typeset), or '' to use the figure's summary. */
  caption: string;
  /** Index of this figure within its chapter (0-based); with the chapter slug it keys the figure's store. */
  index: number;
  section: string;
}

export interface ChapterInfo {
  /** From the file name without its number: `01-introduction.md` → `introduction`. Also the element id. */
  slug: string;
  /** 1-based position in the essay. */
  number: number;
  /** Source file, relative to the project root. */
  file: string;
  title: string;
  summary: string;
  /** Frontmatter `lecture` (speaker notes for the chapter), if any. */
  lecture?: string;
  sections: SectionInfo[];
  equations: EquationInfo[];
  figures: FigureInfo[];
  /** Citation keys in order of first use in this chapter. */
  citations: string[];
}

/** A run of prose HTML, or a figure placeholder to be mounted by FigureHost. */
export type Segment = { kind: 'html'; html: string } | { kind: 'figure'; figure: number };

export interface ChapterContent {
  slug: string;
  /** The body (without the title, which the shell renders from ChapterInfo), split around figures. */
  segments: Segment[];
  /** `:::notes` blocks of the chapter before its first heading, as HTML. */
  notes: string[];
}

export interface BibEntryInfo {
  key: string;
  /** 1-based number in order of first citation across the essay. */
  number: number;
  /** Formatted reference as HTML (authors, year, title, venue, link). */
  html: string;
  /** Short form, e.g. "Hoover et al., 2023". */
  short: string;
  url?: string;
}

export interface EssayManifest {
  chapters: ChapterInfo[];
  /** Cited entries only, in citation order. */
  bibliography: BibEntryInfo[];
}

export interface Diagnostic {
  file: string;
  line: number;
  column: number;
  reason: string;
  severity: 'error' | 'warning';
}

export function formatDiagnostic(d: Diagnostic): string {
  return `${d.file}:${d.line}:${d.column}: ${d.severity === 'warning' ? 'warning: ' : ''}${d.reason}`;
}
