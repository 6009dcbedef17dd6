import type { Root as MdRoot } from 'mdast';
import type { Root as HRoot, RootContent as HContent } from 'hast';
import type { ChapterContent, Segment, SectionInfo } from '../types';
import type { ChapterContext } from './context';
import { KATEX_OPTIONS, nameMathLinks, texErrorPlace, texReason } from './math';
import { htmlGate } from './sanitize';
import { markGlossary } from './glossaryMarks';

/*
 * Pass 3 (render mode): the transformed mdast → hast, every formula typeset by KaTeX (at build time: the page
 * ships no KaTeX JavaScript for the chapters), then HTML segments split around the figures, with the
 * figures' captions, the headings' HTML and the speaker notes collected for the manifest.
 */

/** The HTML half of the pipeline, loaded only when rendering (a check does without it, and starts faster). */
async function renderers() {
  const [{ unified }, { default: remarkRehype }, { default: rehypeKatex }, { toHtml }, { VFile }] = await Promise.all([
    import('unified'),
    import('remark-rehype'),
    import('rehype-katex'),
    import('hast-util-to-html'),
    import('vfile'),
  ]);
  return { unified, remarkRehype, rehypeKatex, toHtml, VFile };
}

/**
 * Renders a chapter. Every piece of HTML passes the sanitizer (sanitize.ts); `reportRemovals` is false when
 * the chapter's authored HTML already failed its check (audit.ts), which said where and why.
 */
export async function renderChapter(tree: MdRoot, ctx: ChapterContext, reportRemovals: boolean): Promise<ChapterContent> {
  const [{ unified, remarkRehype, rehypeKatex, toHtml, VFile }, gate] = await Promise.all([renderers(), htmlGate()]);
  const { file, info } = ctx;
  const vfile = new VFile({ path: file, value: ctx.body });
  const hast = unified()
    .use(remarkRehype, {
      allowDangerousHtml: true,
      clobberPrefix: `${info.slug}-`,
      footnoteLabel: 'Notes',
      footnoteLabelTagName: 'h3',
      footnoteLabelProperties: { className: ['footnotes-title'] },
      footnoteBackLabel: (i: number) => `Back to reference ${i + 1}`,
    })
    .use(rehypeKatex, KATEX_OPTIONS)
    .runSync(tree, vfile) as HRoot;
  for (const msg of vfile.messages) {
    if (msg.source !== 'rehype-katex') continue;
    ctx.essay.report(file, texErrorPlace(msg.place, msg.cause, msg.ancestors), `TeX error: ${texReason(msg.cause)}`);
  }

  // Footnote ids must be unique on a page that holds every chapter.
  fixFootnoteLabel(hast, `${info.slug}-footnote-label`);
  nameMathLinks(hast);
  markGlossary(hast);

  // The body keeps the authors' HTML (checked by the allowlist); captions, headings and notes never did.
  const html = (children: HContent[], allowDangerousHtml = false) => {
    const out = gate(toHtml({ type: 'root', children }, { allowDangerousHtml }).trim());
    if (out.removed && reportRemovals) ctx.essay.report(file, children[0]?.position?.start, `${out.removed} (removed from the output)`);
    return out.html;
  };
  const segments: Segment[] = [];
  const notes: string[] = [];
  let buffer: HContent[] = [];
  let current: SectionInfo | undefined;
  const flush = () => {
    const h = buffer.length ? html(buffer, true) : '';
    if (h) segments.push({ kind: 'html', html: h });
    buffer = [];
  };
  for (const node of hast.children) {
    if (node.type === 'element' && node.tagName === 'figure-slot') {
      flush();
      const number = Number(node.properties.dataNumber);
      const fi = info.figures.find((f) => f.number === number);
      if (fi) fi.caption = html(node.children);
      segments.push({ kind: 'figure', figure: number });
      continue;
    }
    if (node.type === 'element' && /^h[2-6]$/.test(node.tagName) && typeof node.properties.id === 'string') {
      current = ctx.sectionById.get(node.properties.id);
      if (current) current.titleHtml = html(node.children);
    }
    if (node.type === 'element' && Array.isArray(node.properties.className) && node.properties.className.includes('lecture-notes')) {
      (current ? current.notes : notes).push(html(node.children));
    }
    buffer.push(node);
  }
  flush();
  return { slug: info.slug, segments, notes };
}

function fixFootnoteLabel(node: HRoot | HContent, id: string): void {
  if (node.type === 'element') {
    if (node.properties.id === 'footnote-label') node.properties.id = id;
    const d = node.properties.ariaDescribedBy as unknown;
    if ((Array.isArray(d) && d.includes('footnote-label')) || d === 'footnote-label') node.properties.ariaDescribedBy = [id];
  }
  if ('children' in node) for (const c of node.children) fixFootnoteLabel(c as HContent, id);
}
