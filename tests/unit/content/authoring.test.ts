import { describe, expect, it } from 'vitest';
import { compileEssay, type ContentSource } from '../../../src/content/compiler/compile';
import { formatDiagnostic } from '../../../src/content/types';
import { meta as landscape } from '../../../src/figures/energy-landscape/meta';

/* Cross-references (`@ch:`, `@Ch:`, `@fig:`), symbol anchors, the notation table and computed numbers. */

const figures = { 'energy-landscape': landscape };

function chapter(name: string, body: string): ContentSource {
  return { file: `content/${name}`, text: `---\ntitle: T\nsummary: S\n---\n${body}` };
}

async function compile(...chapters: ContentSource[]) {
  const out = await compileEssay({ chapters, bib: null, figures });
  const html = out.contents.map((c) => c.segments.map((s) => (s.kind === 'html' ? s.html : `[figure ${s.figure}]`)).join('\n'));
  const errors = out.diagnostics.filter((d) => d.severity === 'error').map(formatDiagnostic);
  return { out, html, errors };
}

describe('@ch: and @fig: references', () => {
  it('link "chapter N" / "Chapter N" by slug, forward and backward', async () => {
    const { html, errors } = await compile(
      chapter('01-intro.md', '@Ch:next follows; see @ch:next\'s figure.'),
      chapter('02-next.md', 'Back in @ch:intro.'),
    );
    expect(errors).toEqual([]);
    expect(html[0]).toContain('<a class="xref" href="#next" data-xref-chapter="next">Chapter 2</a> follows; see <a class="xref" href="#next" data-xref-chapter="next">chapter 2</a>\'s figure.');
    expect(html[1]).toContain('Back in <a class="xref" href="#intro" data-xref-chapter="intro">chapter 1</a>.');
  });
  it('link "Figure N" with the essay-wide number; a second instance is id-2', async () => {
    const { html, errors } = await compile(
      chapter('01-intro.md', 'See @fig:energy-landscape-2 and @fig:energy-landscape.\n\n::figure{id="energy-landscape"}'),
      chapter('02-next.md', '::figure{id="energy-landscape"}'),
    );
    expect(errors).toEqual([]);
    expect(html[0]).toContain('<a class="xref" href="#fig-energy-landscape-2" data-xref-figure="energy-landscape-2">Figure 2</a> and <a class="xref" href="#fig-energy-landscape" data-xref-figure="energy-landscape">Figure 1</a>.');
  });
  it('work in figure captions', async () => {
    const { out } = await compile(chapter('01-intro.md', '::figure[As in @ch:intro.]{id="energy-landscape"}'));
    expect(out.manifest.chapters[0].figures[0].caption).toBe('As in <a class="xref" href="#intro" data-xref-chapter="intro">chapter 1</a>.');
  });
  it('report an unknown chapter or figure at its place', async () => {
    const { errors, html } = await compile(chapter('01-intro.md', 'Line.\nSee @ch:nope and @fig:gone.'));
    expect(errors).toEqual([
      'content/01-intro.md:6:5: unknown chapter "nope" (known: intro)',
      'content/01-intro.md:6:18: unknown figure "gone" (known: none)',
    ]);
    expect(html[0]).toContain('(ch:nope?)');
  });
});

describe('glossary symbols', () => {
  it(':sym{#id} becomes the empty anchor sym-id, next to the text around it', async () => {
    const { html, errors } = await compile(chapter('01-intro.md', ':sym{#p}:sym{#theta}$\\log p_\\theta$ and a :sym{#x}particle $x$.'));
    expect(errors).toEqual([]);
    expect(html[0]).toContain('<p><span id="sym-p"></span><span id="sym-theta"></span><span class="katex">');
    expect(html[0]).toContain('a <span id="sym-x"></span>particle');
  });
  it('reports an unknown or twice-anchored symbol', async () => {
    const { errors } = await compile(chapter('01-intro.md', 'A :sym{#nope} and :sym{#x}, :sym{#x}.'));
    expect(errors[0]).toMatch(/^content\/01-intro\.md:5:3: unknown symbol "nope" \(the glossary has: t, s, theta,/);
    expect(errors[1]).toBe('content/01-intro.md:5:29: symbol "x" is anchored twice (mark only its first use)');
  });
  it('::notation-table needs every glossary symbol anchored somewhere in the essay', async () => {
    const { errors } = await compile(chapter('01-intro.md', 'Text :sym{#x}.\n\n::notation-table'));
    expect(errors).toEqual([expect.stringMatching(/^content\/01-intro\.md:7:1: the notation table links to symbols no :sym\{#id\} anchors: t, s, theta, .*drift \(mark each at its first use\)$/)]);
    expect(errors[0]).not.toMatch(/\bx,/);
  });
  it('::notation-table renders every glossary row, symbols typeset and linked to their first use', async () => {
    const { GLOSSARY } = await import('../../../src/lib/glossary/glossary');
    const { html } = await compile(chapter('01-intro.md', '::notation-table'));
    expect(html[0].match(/<tr>/g)).toHaveLength(GLOSSARY.length + 1);
    expect(html[0]).toContain('<th>Symbol</th>');
    // Each symbol's link is named in words, not in TeX.
    expect(html[0]).toMatch(/<td><a href="#sym-xstar" aria-label="x star"><span class="katex">/);
    expect(html[0]).toMatch(/<a href="#sym-p" aria-label="p theta \(x\)">/);
    expect(html[0]).toMatch(/<a href="#sym-domega" aria-label="d omega t">/);
    expect(html[0]).not.toMatch(/aria-label="[^"]*\\/);
    expect(html[0]).toContain('<td>a fixed point of the memory-retrieval dynamics</td>');
  });
});

describe(':num[experiment.key]', () => {
  it('formats a computed number with digits or significant digits', async () => {
    const { html, errors } = await compile(chapter('01-intro.md', 'Spacing :num[ring.spacing]{digits=3}; about :num[capacity.cubicNoError784]{sig=2}; $N/(2\\ln N) \\approx$ :num[capacity.classicalNoError784].'));
    expect(errors).toEqual([]);
    expect(html[0]).toContain('Spacing 0.006; about 15,000; ');
    expect(html[0]).toMatch(/<\/span> 59\.<\/p>/);
  });
  it('reports an unknown experiment, result or attribute at its place', async () => {
    const { errors } = await compile(chapter('01-intro.md', 'A :num[nope.x], :num[ring.nope] and :num[ring.spacing]{digits=x} :num[ring.spacing]{round=2}.'));
    expect(errors).toEqual([
      'content/01-intro.md:5:3: unknown experiment "nope" (known: ring, memorization, capacity, separation, capacitySweep, optimizers, energyTransformer, sideBySide, fixedPoints, anyCorruption, dsm, annealedLangevin, sdeVsOde, attentionStep, hopfieldSizes, tinybrainClassical, conservativeParticles, energyLandscape, hierarchyLearned)',
      'content/01-intro.md:5:17: experiment "ring" has no result "nope" (it has: spacing, farthest1, farthestMin, farthestMax)',
      'content/01-intro.md:5:37: :num[ring.spacing]: digits and sig must be whole numbers (sig at least 1)',
      'content/01-intro.md:5:66: :num[ring.spacing]: unknown attribute "round" (known: digits, sig)',
    ]);
  });
  it('leaves words like "ratio:num" to the prose', async () => {
    const { html, errors } = await compile(chapter('01-intro.md', 'A ratio:num and 3:2.'));
    expect(errors).toEqual([]);
    expect(html[0]).toContain('A ratio:num and 3:2.');
  });
});
