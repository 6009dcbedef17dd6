import { useMemo } from 'react';
import katex from 'katex';

/**
 * Typesets TeX inside a figure (equations that change with the figure's state). Static math in the
 * chapters is rendered at build time instead, so only figures that use this component load KaTeX.
 * A TeX error shows the source in the error colour rather than throwing.
 */
export function Tex({ tex, display = false, className }: { tex: string; display?: boolean; className?: string }) {
  const html = useMemo(() => katex.renderToString(tex, { displayMode: display, throwOnError: false, trust: (ctx) => ctx.command === '\\htmlClass' || ctx.command === '\\htmlData', strict: false }), [tex, display]);
  return <span className={className} dangerouslySetInnerHTML={{ __html: html }} />;
}
