import katex from 'katex';
import { describe, expect, it } from 'vitest';
import { leanMathml, splitTypeset, typesetFile, typesetScript } from '../../../src/content/compiler/typeset';

const inline = (tex: string) => katex.renderToString(tex, { output: 'htmlAndMathml' });
const display = (tex: string) => katex.renderToString(tex, { output: 'htmlAndMathml', displayMode: true });
const chapter = `<article class="chapter" id="c"><p>Energy ${inline('E(\\mathbf{s}) = -\\sum_\\mu F(\\xi_\\mu \\cdot s)')} and a score ${inline('\\nabla_x \\log p')}.</p>
<div class="equation">${display('\\sigma_{t}^{2} = \\frac{1}{2}\\left(\\beta + \\sqrt{x}\\right)')}</div><p>No math here: &lt;span class="katex"&gt; is text.</p></article>`;

/** Puts formula i's typeset HTML back at the end of `.katex[data-k="i"]`, as the page does. */
function refill(html: string, typeset: string[]): string {
  let out = html;
  typeset.forEach((t, i) => {
    const open = `<span class="katex" data-k="${i}">`;
    const at = out.indexOf(open);
    expect(at).toBeGreaterThanOrEqual(0);
    // The formula's .katex holds only its MathML now: its end is the end of that MathML span.
    const mathml = out.indexOf('</math></span>', at) + '</math></span>'.length;
    out = out.slice(0, at) + '<span class="katex">' + out.slice(at + open.length, mathml) + t + out.slice(mathml);
  });
  return out;
}

describe('a chapter served as MathML, its typesetting apart', () => {
  it('takes out each formula’s typeset HTML, numbered in order, and putting it back gives the chapter again', () => {
    const split = splitTypeset(chapter);
    expect(split.typeset).toHaveLength(3);
    expect(split.html).not.toContain('katex-html');
    expect(split.html.match(/<math/g)).toHaveLength(3);
    expect(split.typeset.every((t) => t.startsWith('<span class="katex-html" aria-hidden="true">') && t.endsWith('</span>'))).toBe(true);
    // The MathML left in the page is lean: no namespace, no TeX source; putting the typesetting back gives the
    // chapter KaTeX wrote, but for that.
    expect(split.html).not.toMatch(/xmlns|<semantics|<annotation/);
    expect(split.html.match(/<math>|<math display="block">/g)).toHaveLength(3);
    const lean = chapter.replace(/<span class="katex-mathml">[\s\S]*?<\/math><\/span>/g, (m) => leanMathml(m));
    expect(refill(split.html, split.typeset)).toBe(lean);
    // Text that merely looks like KaTeX's markup is escaped, and left alone.
    expect(split.html).toContain('&lt;span class="katex"&gt; is text.');
  });

  it('keeps every element of the formula itself when it makes the MathML lean', () => {
    const mathml = (tex: string) => /<math[\s\S]*<\/math>/.exec(katex.renderToString(tex, { output: 'mathml' }))![0];
    for (const tex of ['x', 'E = -\\log \\sum_\\mu e^{\\beta \\xi_\\mu \\cdot x}', '\\begin{aligned} a &= b \\\\ c &= d \\end{aligned}']) {
      const full = mathml(tex);
      const lean = leanMathml(full);
      const inner = /<semantics>([\s\S]*)<annotation/.exec(full)![1];
      expect(lean).toBe(`<math>${inner}</math>`);
    }
  });

  it('leaves a chapter without math as it is', () => {
    expect(splitTypeset('<p>plain</p>')).toEqual({ html: '<p>plain</p>', typeset: [] });
  });

  it('refuses markup it cannot read, rather than cutting it wrongly', () => {
    expect(() => splitTypeset('<span class="katex"><span class="katex-mathml">x')).toThrow(/unclosed/);
    expect(() => splitTypeset('<span class="katex"><span class="katex-mathml">x</span></span>')).toThrow(/without KaTeX's typeset HTML/);
  });

  it('writes a file that hands the page the chapter and its formulas, in ASCII and safe inside a script', () => {
    const { typeset } = splitTypeset(chapter);
    const script = typesetScript('diffusion-models', [...typeset, '</script><b>σ</b>']);
    expect(/^[\x00-\x7f]*$/.test(script)).toBe(true);
    expect(script).not.toContain('</script');
    let detail: unknown;
    const document = { dispatchEvent: (e: { detail: unknown }) => (detail = e.detail) };
    class CustomEvent {
      constructor(
        readonly type: string,
        readonly init: { detail: unknown },
      ) {}
      get detail() {
        return this.init.detail;
      }
    }
    new Function('document', 'CustomEvent', script)(document, CustomEvent);
    expect(detail).toEqual({ chapter: 'diffusion-models', typeset: [...typeset, '</script><b>σ</b>'] });
    expect(typesetFile('diffusion-models', script)).toMatch(/^assets\/typeset-diffusion-models-[0-9a-f]{10}\.js$/);
  });
});
