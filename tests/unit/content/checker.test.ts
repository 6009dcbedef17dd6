import { describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compileEssay, type ContentSource } from '../../../src/content/compiler/compile';
import { compileFromDisk } from '../../../src/content/compiler/load';
import { MAX_BLOCK_CHARS } from '../../../src/content/compiler/parse';
import { decodeUtf8 } from '../../../src/content/compiler/text';
import { formatDiagnostic } from '../../../src/content/types';

/* The checker's edge cases: bad encodings, huge lines, an unclosed $$ and broken frontmatter, each reported once. */

const chapter = (name: string, body: string, front = 'title: T\nsummary: S'): ContentSource => ({ file: `content/${name}`, text: `---\n${front}\n---\n${body}` });
async function errors(...chapters: ContentSource[]): Promise<string[]> {
  const out = await compileEssay({ chapters, bib: null, figures: {}, mode: 'check' });
  return out.diagnostics.filter((d) => d.severity === 'error').map(formatDiagnostic);
}

describe('invalid UTF-8', () => {
  const bytes = (...parts: (string | number[])[]) => new Uint8Array(parts.flatMap((p) => (typeof p === 'string' ? [...Buffer.from(p, 'utf8')] : p)));
  it('is located by line and column (columns count characters)', () => {
    expect(decodeUtf8(bytes('ok\n'))).toEqual({ text: 'ok\n' });
    expect(decodeUtf8(bytes('line one\nβeta ', [0xff], ' rest')).invalid).toEqual({ line: 2, column: 6 });
    expect(decodeUtf8(bytes([0xc3, 0x28])).invalid).toEqual({ line: 1, column: 1 });
    expect(decodeUtf8(bytes('a\nb\nend', [0xe2, 0x82])).invalid).toEqual({ line: 3, column: 4 });
    expect(decodeUtf8(bytes('x', [0xff])).text).toBe('x\uFFFD');
  });
  it('is reported for a chapter and for the .bib, and the rest still compiles', async () => {
    const root = mkdtempSync(join(tmpdir(), 'essay-utf8-'));
    mkdirSync(join(root, 'content'));
    writeFileSync(join(root, 'content/01-a.md'), Buffer.concat([Buffer.from('---\ntitle: T\nsummary: S\n---\n\nCaf'), Buffer.from([0xe9]), Buffer.from(' au lait [@k].\n')]));
    writeFileSync(join(root, 'content/references.bib'), Buffer.concat([Buffer.from('@misc{k,\n  title = {Na'), Buffer.from([0xef, 0xbb]), Buffer.from('ve},\n  year = {2020}\n}\n')]));
    const out = await compileFromDisk(root, {}, 'content', 'check');
    expect(out.diagnostics.filter((d) => d.severity === 'error').map(formatDiagnostic).sort()).toEqual([
      'content/01-a.md:6:4: invalid UTF-8 (save the file as UTF-8)',
      'content/references.bib:2:14: invalid UTF-8 (save the file as UTF-8)',
    ]);
    expect(out.manifest.bibliography.map((b) => b.key)).toEqual(['k']);
  });
});

describe('a very long line', () => {
  it('a 1 MB single line is reported once, at its line, without being parsed', async () => {
    const unit = 'Particles fall on $E_\\beta(x)$ toward the memories [@a] as in @eq:x, with *emphasis* and [a link](#x). ';
    const line = unit.repeat(Math.ceil(1_000_000 / unit.length));
    const out = await errors(chapter('01-a.md', `$$ {#eq:x}\nx\n$$\n\n${line}\n\nAfter it, @eq:x.`));
    expect(out).toEqual([`content/01-a.md:9:1: this block of text is ${line.trimEnd().length} characters long (at most ${MAX_BLOCK_CHARS}): split it into paragraphs (a blank line between them)`]);
  });
  it('long paragraphs within the limit pass', async () => {
    const words = 'word '.repeat(Math.floor((MAX_BLOCK_CHARS - 10) / 5));
    expect(await errors(chapter('01-a.md', `${words}\n\n${words}`))).toEqual([]);
  });
});

describe('an unclosed $$', () => {
  it('is reported once, at its opening line, without cascades in this or other chapters', async () => {
    const a = chapter('01-a.md', 'Text.\n\n$$ {#eq:open}\nx = 1\n\nMore prose with $\\alpha$.\n\n$$ {#eq:later}\ny\n$$\n\nSee @eq:later.');
    const b = chapter('02-b.md', 'Back to @eq:later and @eq:open.');
    expect(await errors(a, b)).toEqual(['content/01-a.md:7:1: unclosed $$ display math (no closing $$ line before the end of the chapter or of its block)']);
  });
  it('inside a quote, and closed ones in quotes and lists are fine', async () => {
    expect(await errors(chapter('01-a.md', '> $$\n> x\n> $$\n\n- item\n\n  $$\n  y\n  $$'))).toEqual([]);
    expect(await errors(chapter('01-a.md', '> $$\n> x\n\nAfter.'))).toEqual(['content/01-a.md:5:3: unclosed $$ display math (no closing $$ line before the end of the chapter or of its block)']);
  });
});

describe('broken frontmatter', () => {
  it('broken YAML is reported once, at its place, and the chapter still defines its labels', async () => {
    const a = chapter('01-a.md', '$$ {#eq:a}\nx\n$$', 'title: T\nsummary: [unclosed\nlecture: x');
    const b = chapter('02-b.md', 'See @eq:a.');
    const out = await errors(a, b);
    expect(out).toHaveLength(1);
    expect(out[0]).toMatch(/^content\/01-a\.md:[34]:\d+: broken YAML frontmatter: /);
  });
  it('an unclosed frontmatter is reported once', async () => {
    const a: ContentSource = { file: 'content/01-a.md', text: '---\ntitle: T\n\n$$ {#eq:a}\nx\n$$' };
    expect(await errors(a, chapter('02-b.md', 'See @eq:a.'))).toEqual(['content/01-a.md:1:1: the YAML frontmatter is not closed by a line with ---']);
  });
});

describe('the fixtures on disk', () => {
  it('are valid UTF-8', () => {
    for (const f of ['tests/fixtures/essay/01-first.md', 'tests/fixtures/essay/references.bib']) expect(decodeUtf8(readFileSync(f)).invalid).toBeUndefined();
  });
});
