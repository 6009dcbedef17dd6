import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { compileEssay, parseMathMeta, type ContentSource } from '../../../src/content/compiler/compile';
import { prepareBib, type ParsedBib } from '../../../src/content/compiler/bib';
import { formatDiagnostic } from '../../../src/content/types';
import { meta as landscape } from '../../../src/figures/energy-landscape/meta';

let bib: ParsedBib;
beforeAll(async () => {
  bib = await prepareBib('content/references.bib', readFileSync('tests/fixtures/essay/references.bib', 'utf8'));
});
const figures = { 'energy-landscape': landscape };

function chapter(name: string, body: string, front = 'title: T\nsummary: S'): ContentSource {
  return { file: `content/${name}`, text: `---\n${front}\n---\n${body}` };
}

function compile(...chapters: ContentSource[]) {
  return compileEssay({ chapters, bib, figures });
}
type Compiled = Awaited<ReturnType<typeof compile>>;

/** Errors as `file:line:col: reason`, for exact matching. */
async function errors(...chapters: ContentSource[]): Promise<string[]> {
  return (await compile(...chapters)).diagnostics.filter((d) => d.severity === 'error')
    .map(formatDiagnostic);
}

function html(out: Compiled, i = 0): string {
  return out.contents[i].segments.map((s) => (s.kind === 'html' ? s.html : `[figure ${s.figure}]`)).join('\n');
}

describe('a correct chapter', () => {
  let out: Compiled;
  beforeAll(async () => {
    out = await compile(src, chapter('02-next.md', '## Again\n\nBack to @eq:lse [@pham2025memorization].\n\n::figure{id="energy-landscape"}\n'));
  });
  const src = chapter(
    '01-intro.md',
    [
      'Text [@hoover2023memory] and $\\beta$.', // line 5
      '',
      '$$ {#eq:lse survey=11}',
      'E = -\\beta^{-1}\\log\\sum_\\mu e^{-\\beta}',
      '$$',
      '',
      'See @eq:lse and @eq:grad; again [@ambrogioni2023search; @hoover2023memory].[^n]',
      '',
      '[^n]: A note.',
      '',
      '## Falling down',
      '',
      '::figure[Descent on $E$.]{id="energy-landscape" beta=4 memories=3 seed=7}',
      '',
      ':::aside',
      'An aside.',
      ':::',
      '',
      ':::notes',
      'Say this aloud.',
      ':::',
      '',
      '$$ {#eq:grad}',
      '\\nabla E',
      '$$',
      '',
      '$$',
      'x = y',
      '$$',
      '',
      'A ratio 3:2 and a:b stay text. Pinpoint [@hoover2023memory, Eq. 10].',
    ].join('\n'),
  );

  it('has no diagnostics', () => {
    expect(out.diagnostics.map(formatDiagnostic)).toEqual([]);
  });
  it('numbers labelled equations across the essay, with the survey number beside', () => {
    const [c1] = out.manifest.chapters;
    expect(c1.equations.map((e) => [e.label, e.number, e.survey, e.section])).toEqual([
      ['lse', 1, '11', 'intro'],
      ['grad', 2, undefined, 'falling-down'],
    ]);
    const h = html(out);
    expect(h).toContain('id="eq-lse"');
    expect(h).toMatch(/class="equation-number">\(1\)<span class="equation-survey">survey Eq\. 11<\/span>/);
    expect(h).toContain('<a class="eqref" href="#eq-grad" data-eq="grad">(2)</a>');
    expect(html(out, 1)).toContain('<a class="eqref" href="#eq-lse" data-eq="lse">(1)</a>');
  });
  it('typesets math at build time (KaTeX HTML, no TeX left for the browser)', () => {
    const h = html(out);
    expect(h).toContain('class="katex-display"');
    expect(h).toContain('class="katex"');
    expect(h).not.toContain('math-inline');
    expect(h).not.toContain('language-math');
  });
  it('numbers citations in order of first use and lists only cited works', () => {
    expect(out.manifest.bibliography.map((b) => [b.key, b.number])).toEqual([
      ['hoover2023memory', 1],
      ['ambrogioni2023search', 2],
      ['pham2025memorization', 3],
    ]);
    expect(html(out)).toContain('<a class="cite" href="#ref-ambrogioni2023search" data-cite="ambrogioni2023search">2</a>, <a class="cite" href="#ref-hoover2023memory" data-cite="hoover2023memory">1</a>');
    const survey = out.manifest.bibliography[0];
    expect(survey.short).toBe('Hoover et al., 2023');
    expect(survey.html).toContain('arXiv:2309.16750');
  });
  it('splits the body around figures, numbered across the essay, with typeset captions', () => {
    expect(out.contents[0].segments.filter((s) => s.kind === 'figure')).toEqual([{ kind: 'figure', figure: 1 }]);
    const [f1] = out.manifest.chapters[0].figures;
    expect(f1).toMatchObject({ number: 1, id: 'energy-landscape', anchor: 'fig-energy-landscape', attrs: { beta: '4', memories: '3', seed: '7' }, index: 0, section: 'falling-down' });
    expect(f1.caption).toContain('Descent on <span class="katex">');
    expect(out.manifest.chapters[1].figures[0]).toMatchObject({ number: 2, anchor: 'fig-energy-landscape-2', index: 0, caption: '' });
  });
  it('gives sections ids unique across the essay and keeps speaker notes out of sight', () => {
    expect(out.manifest.chapters.map((c) => c.sections.map((s) => s.id))).toEqual([['falling-down'], ['again']]);
    expect(out.manifest.chapters[0].sections[0].notes).toEqual(['<p>Say this aloud.</p>']);
    const h = html(out);
    expect(h).toContain('<h3 id="falling-down">Falling down</h3>');
    expect(h).toContain('<div class="lecture-notes" hidden data-notes="falling-down">');
    expect(h).toContain('<div class="aside" role="note"><p>An aside.</p></div>');
  });
  it('prefixes footnote ids by chapter', () => {
    const h = html(out);
    expect(h).toContain('id="intro-fn-n"');
    expect(h).toContain('id="intro-footnote-label"');
    expect(h).not.toContain('"footnote-label"');
  });
  it('leaves prose colons alone', () => {
    expect(html(out)).toContain('A ratio 3:2 and a:b stay text.');
  });
  it('keeps a citation locator', () => {
    expect(html(out)).toContain('[<a class="cite" href="#ref-hoover2023memory" data-cite="hoover2023memory">1</a>, Eq. 10]');
  });
  it('keeps frontmatter in the manifest', () => {
    expect(out.manifest.chapters.map((c) => [c.slug, c.number, c.title, c.summary])).toEqual([
      ['intro', 1, 'T', 'S'],
      ['next', 2, 'T', 'S'],
    ]);
  });
});

describe('every content error has its file:line:col and a one-line reason', () => {
  it('an unknown figure', async () => {
    expect(await errors(chapter('01-a.md', '\n::figure{id="nope" beta=2}'))).toEqual(['content/01-a.md:6:10: unknown figure "nope" (known: energy-landscape)']);
  });
  it('a figure without an id', async () => {
    expect(await errors(chapter('01-a.md', '::figure{beta=2}'))).toEqual(['content/01-a.md:5:1: ::figure needs an id, e.g. ::figure[Caption]{id="energy-landscape"}']);
  });
  it('an unknown (or misspelt) attribute', async () => {
    expect(await errors(chapter('01-a.md', '::figure{id="energy-landscape" betta=2}'))).toEqual([
      'content/01-a.md:5:32: figure "energy-landscape": energy-landscape has no prop "betta" (it takes: memories, beta, alpha, particles)',
    ]);
  });
  it('a mistyped attribute', async () => {
    expect(await errors(chapter('01-a.md', '::figure{id="energy-landscape" memories=two}'))).toEqual([
      'content/01-a.md:5:32: figure "energy-landscape": memories must be a number between 1 and 12 (got "two")',
    ]);
    expect(await errors(chapter('01-a.md', '::figure{id="energy-landscape" memories=2.5}'))).toEqual(['content/01-a.md:5:32: figure "energy-landscape": memories must be a whole number (got 2.5)']);
    expect(await errors(chapter('01-a.md', '::figure{id="energy-landscape" seed=x}'))).toEqual(['content/01-a.md:5:32: figure "energy-landscape": seed must be a whole number (got "x")']);
  });
  it('a value out of range', async () => {
    expect(await errors(chapter('01-a.md', 'Text.\n\n::figure{id="energy-landscape" beta=1000}'))).toEqual(['content/01-a.md:7:32: figure "energy-landscape": beta = 1000 is outside [0.1, 100]']);
  });
  it('an unknown citation key', async () => {
    expect(await errors(chapter('01-a.md', 'As shown [@hoover2023memory; @nobody1999nothing].'))).toEqual([
      'content/01-a.md:5:30: unknown citation key "nobody1999nothing" (not in content/references.bib)',
    ]);
  });
  it('a reference to an undefined equation label', async () => {
    expect(await errors(chapter('01-a.md', 'First line.\nSee @eq:missing here.'))).toEqual(['content/01-a.md:6:5: undefined equation label eq:missing']);
  });
  it('a duplicated label, also across chapters', async () => {
    const a = chapter('01-a.md', '$$ {#eq:x}\na\n$$');
    const b = chapter('02-b.md', 'Text.\n\n$$ {#eq:x}\nb\n$$');
    expect(await errors(a, b)).toEqual(['content/02-b.md:7:1: duplicate equation label eq:x (first defined at content/01-a.md:5)']);
  });
  it('TeX that KaTeX cannot parse, in display and inline math', async () => {
    expect(await errors(chapter('01-a.md', '$$ {#eq:bad}\nx = 1\n\\alpha + \\foo\n$$'))).toEqual(['content/01-a.md:7:10: TeX error: Undefined control sequence: \\foo']);
    expect(await errors(chapter('01-a.md', 'Inline $a + \\bar$ here.'))).toEqual(["content/01-a.md:5:17: TeX error: Unexpected end of input in a macro argument, expected '}'"]);
  });
  it('broken YAML', async () => {
    const bad: ContentSource = { file: 'content/01-a.md', text: '---\ntitle: T\nsummary: [unclosed\n---\nBody.' };
    const out = await errors(bad);
    expect(out).toHaveLength(1);
    expect(out[0]).toMatch(/^content\/01-a\.md:[34]:\d+: broken YAML frontmatter: /);
  });
  it('a frontmatter without a title, or not closed, or missing', async () => {
    expect(await errors(chapter('01-a.md', 'Body.', 'summary: S'))).toEqual(['content/01-a.md:1:1: the frontmatter needs a title (a string)']);
    expect(await errors({ file: 'content/01-a.md', text: '---\ntitle: T\nBody.' })).toEqual(['content/01-a.md:1:1: the YAML frontmatter is not closed by a line with ---']);
    expect(await errors({ file: 'content/01-a.md', text: 'Body.' })).toContain('content/01-a.md:1:1: missing YAML frontmatter (--- title: … summary: … ---) at the top of the chapter');
  });
  it('equation attributes on the fence', async () => {
    expect(await errors(chapter('01-a.md', '$$ {#fig:x}\na\n$$'))).toEqual(['content/01-a.md:5:1: equation labels start with #eq:, e.g. {#eq:lse} (got "#fig:x")']);
    expect(await errors(chapter('01-a.md', '$$ {#eq:x number=3}\na\n$$'))).toEqual(['content/01-a.md:5:1: unknown equation attribute "number=3" (known: #eq:label, survey=N)']);
  });
  it('an unknown directive, and a figure inside a container', async () => {
    expect(await errors(chapter('01-a.md', ':::warning\nHi\n:::'))).toEqual(['content/01-a.md:5:1: unknown directive :::warning (known: ::figure, ::notation-table, :::aside, :::notes)']);
    expect(await errors(chapter('01-a.md', ':::aside\n::figure{id="energy-landscape"}\n:::'))).toEqual([
      'content/01-a.md:6:1: a ::figure must stand on its own line at the top level of the chapter (not inside a list, quote or aside)',
    ]);
  });
  it('a badly named chapter file', async () => {
    expect(await errors({ file: 'content/1-a.md', text: '---\ntitle: T\n---\n' })).toEqual(['content/1-a.md:1:1: chapter files are named NN-slug.md (lower case), e.g. 03-hopfield.md; got 1-a.md']);
  });
  it('a duplicated BibTeX key', async () => {
    const dup = await prepareBib('content/references.bib', '@misc{a2020b,\n title={One}, year={2020}\n}\n\n@misc{a2020b,\n title={Two}, year={2020}\n}\n');
    const out = await compileEssay({ chapters: [], bib: dup, figures });
    expect(out.diagnostics.map(formatDiagnostic)).toEqual(['content/references.bib:5:1: duplicate BibTeX key "a2020b" (first defined on line 1)']);
  });
  it('reports every problem at once, in file order', async () => {
    const out = await errors(chapter('01-a.md', '[@nope]\n\n@eq:nope\n\n::figure{id="nope"}'), chapter('02-b.md', '$\\foo$'));
    expect(out.map((e) => e.split(': ')[0])).toEqual(['content/01-a.md:5:2', 'content/01-a.md:7:1', 'content/01-a.md:9:10', 'content/02-b.md:5:2']);
  });
});

describe('check mode finds the same problems without rendering', () => {
  it('reports TeX errors at the same place', async () => {
    const src = chapter('01-a.md', 'Inline $a + \\frac{1}$ and\n\n$$ {#eq:bad}\nx\n\\alpha + \\foo\n$$\n\n[@nope] @eq:none');
    const render = (await compileEssay({ chapters: [src], bib, figures })).diagnostics.map(formatDiagnostic);
    const check = (await compileEssay({ chapters: [src], bib, figures, mode: 'check' })).diagnostics.map(formatDiagnostic);
    expect(check).toEqual(render);
    expect(check).toHaveLength(4);
  });
});

describe('parseMathMeta', () => {
  it('reads a label and a survey number', () => {
    expect(parseMathMeta('{#eq:lse survey=11}')).toEqual({ label: 'lse', survey: '11' });
    expect(parseMathMeta('{#eq:am.energy}')).toEqual({ label: 'am.energy', survey: undefined });
    expect(parseMathMeta('')).toEqual({});
  });
  it('rejects a survey number without a label and stray text', () => {
    expect(parseMathMeta('{survey=3}').problem).toMatch(/needs a label/);
    expect(parseMathMeta('label').problem).toMatch(/unexpected text/);
  });
});

describe('glossary marks (written at build, not by the page)', () => {
  it('makes a display equation with a Table 2 symbol a focusable group, and leaves one without alone', async () => {
    const out = await compile(chapter('01-g.md', '## G\n\n$$\n\\tau \\frac{dx}{dt} = -\\nabla E\n$$\n\n$$\n1 + 1 = 2\n$$\n'));
    const h = html(out);
    expect(out.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(h).toMatch(/<span class="katex-display" data-glossary="yes" tabindex="0" aria-describedby="glossary-tip" role="group" aria-label="Equation\. Use the left and right arrow keys/);
    expect(h).toMatch(/<span class="katex-display" data-glossary="none">/);
    expect(h.match(/tabindex/g)).toHaveLength(1);
  });
});
