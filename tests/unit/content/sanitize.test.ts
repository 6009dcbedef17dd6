import { beforeAll, describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { compileEssay, type ContentSource } from '../../../src/content/compiler/compile';
import { compileFromDisk } from '../../../src/content/compiler/load';
import { loadFigureMetas } from '../../../src/content/compiler/figureMetas';
import { formatDiagnostic } from '../../../src/content/types';
import type { FigureMeta } from '../../../src/lib/figure/spec';

/*
 * Authored HTML against the essay's allowlist: one fixture chapter per hazard (tests/fixtures/hazards/, the
 * hazard on line 7 unless said otherwise), each rejected at its place with its reason, in check and render
 * mode alike, and nothing of it left in the rendered HTML.
 */
const DIR = 'tests/fixtures/hazards';
const EXPECTED: Record<string, [string, RegExp]> = {
  '01-script.md': ['7:1', /<script> element/],
  '02-svg-script.md': ['7:16', /<script> element/],
  '03-event-handler.md': ['7:13', /event-handler attribute onclick/],
  '04-image-onerror.md': ['7:18', /event-handler attribute onerror/],
  '05-javascript-link.md': ['7:3', /unsafe link: a javascript: URL/],
  '06-javascript-href.md': ['7:6', /unsafe HTML: a javascript: URL/],
  '07-javascript-definition.md': ['9:1', /unsafe link: a javascript: URL/],
  '08-javascript-autolink.md': ['7:13', /unsafe link: a javascript: URL/],
  '09-data-image.md': ['7:10', /unsafe image: a data: URL/],
  '10-data-href.md': ['7:4', /unsafe HTML: a data: URL/],
  '11-iframe.md': ['7:1', /an <iframe> element/],
  '12-object.md': ['7:1', /an <object> element/],
  '13-embed.md': ['7:1', /an <embed> element/],
  '14-remote-image.md': ['7:16', /unsafe image: a remote resource "https:\/\/example.com\/logo.png"/],
  '15-remote-img-src.md': ['7:6', /a remote resource "http:\/\/example.com\/track.gif"/],
  '16-protocol-relative-src.md': ['7:6', /a remote resource "\/\/example.com\/track.gif"/],
  '17-remote-srcset.md': ['7:18', /a remote resource "https:\/\/example.com\/a@2x.png 2x"/],
  '18-remote-poster.md': ['7:1', /a <video> element/],
  '19-remote-stylesheet.md': ['7:1', /a <link> element/],
  '20-style-element.md': ['7:1', /a <style> element/],
  '21-style-url.md': ['7:12', /a style attribute with url\(\)/],
  '22-form.md': ['7:1', /a <form> element/],
  '23-meta-refresh.md': ['7:1', /a <meta> element/],
  '24-base.md': ['7:1', /a <base> element/],
};
const UNSAFE_OUTPUT = /<script|<iframe|<object|<embed|<link|<style|<meta|<base|<form|<video|\son\w+=|="\s*(?:javascript|data):|src="(?:https?:)?\/\/|srcset|url\(/i;

let figures: Record<string, FigureMeta>;
beforeAll(async () => {
  figures = (await loadFigureMetas(process.cwd())).figures;
});
const fixtures = readdirSync(DIR).filter((f) => f.endsWith('.md')).sort();
const source = (name: string): ContentSource => ({ file: `${DIR}/${name}`, text: readFileSync(`${DIR}/${name}`, 'utf8') });
const errors = (out: { diagnostics: Parameters<typeof formatDiagnostic>[0][] }) => out.diagnostics.filter((d) => d.severity === 'error').map(formatDiagnostic);

describe('every hazard is rejected at its place, and none reaches the output', () => {
  it('has a fixture per expectation', () => expect(fixtures).toEqual(Object.keys(EXPECTED)));
  for (const name of fixtures) {
    it(name, async () => {
      const [place, reason] = EXPECTED[name];
      for (const mode of ['check', 'render'] as const) {
        const out = await compileEssay({ chapters: [source(name)], bib: null, figures, mode });
        const errs = errors(out);
        expect(errs[0]?.startsWith(`${DIR}/${name}:${place}: unsafe `), `${mode}: ${errs.join('\n')}`).toBe(true);
        expect(errs[0]).toMatch(reason);
        if (mode === 'render') {
          const html = out.contents[0].segments.map((s) => (s.kind === 'html' ? s.html : '')).join('\n');
          expect(html).not.toMatch(UNSAFE_OUTPUT);
          expect(html).toContain('<a href="https://example.com/">normal link</a>');
          expect(html).toContain('<span id="sym-x"></span>');
        }
      }
    });
  }
});

describe('attributes outside the allowlist', () => {
  it('are reported at the attribute, and dropped from the output', async () => {
    const text = '---\ntitle: T\nsummary: S\n---\nA <span title="ok" contenteditable="true">span</span>.';
    const out = await compileEssay({ chapters: [{ file: 'content/01-a.md', text }], bib: null, figures });
    expect(errors(out)).toEqual(['content/01-a.md:5:20: unsafe HTML: attribute contenteditable="true" is not allowed on <span>']);
    const html = out.contents[0].segments.map((s) => (s.kind === 'html' ? s.html : '')).join('');
    expect(html).toContain('<span title="ok">span</span>');
  });
});

describe('what the essay needs passes', () => {
  it('external links, relative images, glossary anchors, tables, footnotes, asides and math', async () => {
    const text = [
      '---',
      'title: T',
      'summary: S',
      '---',
      'A [link](https://example.com/a?b=c#d), <a href="https://example.com/">another</a>, mail <mailto:a@b.org>, and',
      '<span id="sym-beta"></span>$\\beta$ [$\\beta$](#sym-beta) with ![a still](snapshots/energy-landscape.png).[^n]',
      '',
      '| a | b |',
      '|:--|--:|',
      '| $x^2$ | $\\sqrt{2}$ |',
      '',
      ':::aside',
      'An <em>aside</em> with <kbd>L</kbd>, <sub>2</sub> and <abbr title="associative memory">AM</abbr>.',
      ':::',
      '',
      '$$',
      '\\left(\\frac{a}{b}\\right) \\xrightarrow{t} \\overbrace{x+y}^{z} \\htmlClass{hl}{w} \\color{red}{r}',
      '$$',
      '',
      '[^n]: A note.',
    ].join('\n');
    const out = await compileEssay({ chapters: [{ file: 'content/01-a.md', text }], bib: null, figures });
    expect(out.diagnostics.map(formatDiagnostic)).toEqual([]);
    const html = out.contents[0].segments.map((s) => (s.kind === 'html' ? s.html : '')).join('');
    expect(html).toContain('<a href="https://example.com/a?b=c#d">link</a>');
    expect(html).toContain('<img src="snapshots/energy-landscape.png" alt="a still">');
    expect(html).toContain('<svg');
    expect(html).toContain('<math');
  });
  it('the real essay: check passes, and the sanitizer removes nothing from its rendered HTML', async () => {
    const out = await compileFromDisk(process.cwd(), figures, 'content', 'render');
    expect(errors(out)).toEqual([]);
    expect(out.contents.flatMap((c) => c.segments).filter((s) => s.kind === 'html').length).toBeGreaterThan(9);
  });
});

describe('npm run check', () => {
  it('fails on the hazard fixtures and lists each one', () => {
    const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/content/compiler/check.ts'], { env: { ...process.env, ESSAY_CONTENT: DIR }, encoding: 'utf8', timeout: 120_000 });
    expect(r.status).toBe(1);
    for (const [name, [place]] of Object.entries(EXPECTED)) expect(r.stdout).toContain(`${DIR}/${name}:${place}: unsafe `);
  }, 120_000);
});
