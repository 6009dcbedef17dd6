import { createHash } from 'node:crypto';

/*
 * A chapter's math, served in two layers (issue 13). KaTeX writes every formula twice: MathML, which the
 * browser can lay out by itself and screen readers read, and its own typeset HTML (`.katex-html`), which looks
 * like TeX. The typeset HTML was about 60 % of the essay's bytes and of its elements. Past the first chapter the page
 * keeps only the MathML, shown by the browser (styles.css, `.katex[data-k]`), and each chapter's typeset HTML goes
 * to a file of its own that the app puts back as the reader comes near the chapter
 * (src/content/runtime/typesetMath.ts). Without JavaScript, the browser's MathML is what the reader sees.
 */

const KATEX = '<span class="katex">';
const TYPESET = '<span class="katex-html" aria-hidden="true">';

export interface SplitTypeset {
  /** The chapter's HTML, each formula's `.katex` numbered (`data-k="i"`) and its typeset HTML taken out. */
  html: string;
  /** The typeset HTML taken out, formula i at index i. */
  typeset: string[];
}

/** Where the `<span>` opened at `open` ends (just past its `</span>`). */
function spanEnd(html: string, open: number): number {
  let depth = 0;
  let i = open;
  for (;;) {
    const o = html.indexOf('<span', i);
    const c = html.indexOf('</span>', i);
    if (c < 0) throw new Error(`typeset: unclosed <span> at offset ${open}`);
    if (o >= 0 && o < c) {
      depth++;
      i = o + 5;
    } else {
      depth--;
      i = c + 7;
      if (depth === 0) return i;
    }
  }
}

const NAMESPACE = ' xmlns="http://www.w3.org/1998/Math/MathML"';
const TEX_SOURCE = /<semantics>([\s\S]*?)<annotation encoding="application\/x-tex">[\s\S]*?<\/annotation><\/semantics>/g;

/**
 * KaTeX's MathML, lighter: in an HTML page `<math>` needs no namespace, and the `<semantics>` wrapper only carries
 * the TeX source (an `<annotation>` that is never shown or read aloud). Together a fifth of the page's bytes.
 */
export function leanMathml(mathml: string): string {
  return mathml.replaceAll(NAMESPACE, '').replace(TEX_SOURCE, '$1');
}

/** Takes KaTeX's typeset HTML out of `html` (see the top of this file), and leaves its MathML lean. */
export function splitTypeset(html: string): SplitTypeset {
  const typeset: string[] = [];
  let out = '';
  let at = 0;
  for (let k = html.indexOf(KATEX); k >= 0; k = html.indexOf(KATEX, at)) {
    const end = spanEnd(html, k);
    const t = html.indexOf(TYPESET, k);
    if (t < 0 || t > end) throw new Error(`typeset: a formula without KaTeX's typeset HTML at offset ${k}`);
    const tEnd = spanEnd(html, t);
    out += html.slice(at, k) + `<span class="katex" data-k="${typeset.length}">` + leanMathml(html.slice(k + KATEX.length, t)) + html.slice(tEnd, end);
    typeset.push(html.slice(t, tEnd));
    at = end;
  }
  return { html: out + html.slice(at), typeset };
}

/**
 * The file that hands a chapter's typeset HTML to the page: a classic script (it loads over file:// too, where
 * `fetch` is refused) that dispatches `mips:typeset` with the chapter and the HTML of each formula.
 */
export function typesetScript(chapter: string, typeset: string[]): string {
  const json = JSON.stringify({ chapter, typeset })
    .replace(/<\//g, '<\\/')
    .replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return `document.dispatchEvent(new CustomEvent("mips:typeset",{detail:${json}}));\n`;
}

/** A content-addressed file name for a chapter's typeset script. */
export function typesetFile(chapter: string, script: string): string {
  return `assets/typeset-${chapter}-${createHash('sha256').update(script).digest('hex').slice(0, 10)}.js`;
}
