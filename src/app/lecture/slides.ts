import type { ChapterContent, ChapterInfo, EssayManifest, FigureInfo, SectionInfo } from '../../content';
import { chooseKeySentence, paragraphSentences, type ParagraphSentences } from './keySentence';

/*
 * The essay as a deck of slides, read from the compiled essay (no second source of truth):
 *
 *   title                       the essay's title page
 *   chapter  (id = slug)        "Chapter n", title, summary; notes: frontmatter `lecture` + notes before ##
 *   section  (id = heading id)  each `##` heading with its key sentence (the first full sentence under it
 *                               that stands alone: keySentence.ts)
 *   equation (id = eq-<label>)  each key equation: the ones that carry a survey number
 *   figure   (id = fig-…)       each figure, full screen, live
 *
 * Slide ids are the essay's element ids, so `L` opens the slide of what the reader was looking at and Esc
 * returns to the same place. Speaker notes come from `:::notes` blocks (their section's slides) and from the
 * chapter's frontmatter `lecture`.
 */

interface Base {
  id: string;
  /** Speaker notes for this slide, as HTML. */
  notes: string[];
  chapter?: ChapterInfo;
}
export type Slide =
  | (Base & { kind: 'title' })
  | (Base & { kind: 'chapter'; chapter: ChapterInfo })
  | (Base & { kind: 'section'; chapter: ChapterInfo; section: SectionInfo; keyHtml: string })
  | (Base & { kind: 'equation'; chapter: ChapterInfo; section?: SectionInfo; html: string; number: number; survey?: string })
  | (Base & { kind: 'figure'; chapter: ChapterInfo; section?: SectionInfo; figure: FigureInfo });

function escapeHtml(t: string): string {
  return t.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
}

/** How many paragraphs under a heading are searched for its key sentence. */
const KEY_PARAGRAPHS = 3;

interface Parsed {
  /** Key sentence HTML by section id. */
  keys: Map<string, string>;
  /** Equation HTML (typeset) by anchor. */
  equations: Map<string, string>;
  /** Order of equations and figures: `eq-…` anchors and `#<figure number>`, in reading order. */
  order: string[];
}

function parseChapter(content: ChapterContent): Parsed {
  const keys = new Map<string, string>();
  const equations = new Map<string, string>();
  const order: string[] = [];
  const parser = new DOMParser();
  let pendingSection: string | null = null;
  let paragraphs: ParagraphSentences[] = [];
  const closeSection = () => {
    if (pendingSection && paragraphs.length) keys.set(pendingSection, chooseKeySentence(paragraphs));
    pendingSection = null;
    paragraphs = [];
  };
  for (const seg of content.segments) {
    if (seg.kind === 'figure') {
      order.push(`#${seg.figure}`);
      continue;
    }
    const doc = parser.parseFromString(`<div>${seg.html}</div>`, 'text/html');
    const root = doc.body.firstElementChild!;
    for (const el of root.querySelectorAll('h2[id], h3[id], h4[id], h5[id], h6[id], p, .equation[id]')) {
      if (/^H\d$/.test(el.tagName)) {
        closeSection();
        pendingSection = el.id;
      } else if (el.tagName === 'P') {
        if (pendingSection && paragraphs.length < KEY_PARAGRAPHS && !el.closest('.aside, .lecture-notes, .footnotes, blockquote, li, table') && (el.textContent ?? '').trim().length > 0) {
          const isEquation = (e: Element | null) => !!e?.matches('.equation');
          paragraphs.push({ sentences: paragraphSentences(el), beforeEquation: isEquation(el.nextElementSibling), afterEquation: isEquation(el.previousElementSibling) });
        }
      } else {
        const math = el.querySelector('.equation-math');
        if (math) equations.set(el.id, math.innerHTML);
        order.push(el.id);
      }
    }
  }
  closeSection();
  return { keys, equations, order };
}

/** The `##` section a heading of any depth belongs to. */
function topSections(chapter: ChapterInfo): { top: SectionInfo; under: Set<string> }[] {
  const out: { top: SectionInfo; under: Set<string> }[] = [];
  for (const s of chapter.sections) {
    if (s.depth <= 2 || !out.length) out.push({ top: s, under: new Set([s.id]) });
    else out[out.length - 1].under.add(s.id);
  }
  return out;
}

export function buildSlides(manifest: EssayManifest, contents: Record<string, ChapterContent>): Slide[] {
  const slides: Slide[] = [{ kind: 'title', id: 'title', notes: [] }];
  for (const chapter of manifest.chapters) {
    const content = contents[chapter.slug];
    const parsed = content ? parseChapter(content) : null;
    const chapterNotes = [...(chapter.lecture ? [`<p>${escapeHtml(chapter.lecture)}</p>`] : []), ...(content?.notes ?? [])];
    slides.push({ kind: 'chapter', id: chapter.slug, chapter, notes: chapterNotes });
    const groups = topSections(chapter);
    const sectionOf = (id: string) => groups.find((g) => g.under.has(id));
    // Items before the first heading belong to the chapter slide's group.
    const items = new Map<string, Slide[]>();
    const push = (key: string, s: Slide) => {
      const list = items.get(key) ?? [];
      list.push(s);
      items.set(key, list);
    };
    const keyEquations = chapter.equations.filter((e) => e.survey);
    const eqByAnchor = new Map(keyEquations.map((e) => [e.anchor, e]));
    const figByNumber = new Map(chapter.figures.map((f) => [f.number, f]));
    const order = parsed ? parsed.order : [...keyEquations.map((e) => e.anchor), ...chapter.figures.map((f) => `#${f.number}`)];
    for (const ref of order) {
      if (ref.startsWith('#')) {
        const f = figByNumber.get(Number(ref.slice(1)));
        if (!f) continue;
        const g = sectionOf(f.section);
        push(g?.top.id ?? chapter.slug, { kind: 'figure', id: f.anchor, chapter, section: g?.top, figure: f, notes: [] });
      } else {
        const e = eqByAnchor.get(ref);
        if (!e) continue;
        const g = sectionOf(e.section);
        const html = parsed?.equations.get(ref) ?? `<pre>${escapeHtml(e.tex)}</pre>`;
        push(g?.top.id ?? chapter.slug, { kind: 'equation', id: e.anchor, chapter, section: g?.top, html, number: e.number, survey: e.survey, notes: [] });
      }
    }
    for (const s of items.get(chapter.slug) ?? []) slides.push({ ...s, notes: chapterNotes });
    for (const g of groups) {
      const notes = chapter.sections.filter((s) => g.under.has(s.id)).flatMap((s) => s.notes);
      const keyHtml = parsed?.keys.get(g.top.id) ?? '';
      slides.push({ kind: 'section', id: g.top.id, chapter, section: g.top, keyHtml, notes });
      for (const s of items.get(g.top.id) ?? []) slides.push({ ...s, notes });
    }
  }
  return slides;
}
