import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { FigureMeta } from '../../../src/lib/figure/spec';
import { hasRawTex, toUnicode, toUnicodeChecked, typesetText } from '../../../src/lib/notation';
import { speak } from '../../../src/lib/speech';

/*
 * No reader meets raw TeX: every control label, option and description a figure declares shows no `_`, `^`,
 * braces or `\command` once typeset, and reads as words; and no figure draws or writes such a string without
 * going through the typesetting helpers (fillMath, <MathText>, speak).
 */

const metas: FigureMeta[] = Object.values(import.meta.glob<{ meta: FigureMeta }>('../../../src/figures/*/meta.ts', { eager: true })).map((m) => m.meta);

describe('figure declarations', () => {
  for (const meta of metas) {
    it(`${meta.id}: labels, options and descriptions show no raw TeX and read as words`, () => {
      for (const [name, spec] of Object.entries(meta.props)) {
        const where = `${meta.id}.${name}`;
        expect(hasRawTex(typesetText(spec.label)), `${where} label "${spec.label}"`).toBe(false);
        expect(speak(spec.aria ?? spec.label), `${where} spoken label`).toMatch(/^[\w\s(),.'+-]+$/);
        expect(hasRawTex(toUnicode(spec.description)), `${where} description`).toBe(false);
        expect(speak(spec.description), `${where} spoken description`).not.toMatch(/[_^{}\\]/);
        if (spec.type === 'enum') {
          for (const o of spec.optionLabels ?? spec.options) {
            const u = toUnicodeChecked(o);
            expect(u.exact && !hasRawTex(u.text), `${where} option "${o}" (an <option> takes no markup: use Unicode scripts)`).toBe(true);
          }
        }
      }
    });
  }
});

const RAW = /(?:[\p{L})])(?:_(?:\{|[\p{L}\d])|\^(?:\{|\(|[\p{L}\d]))/u;
const SRC = join(__dirname, '../../../src');

function sourceFiles(): string[] {
  const out: string[] = [];
  for (const dir of readdirSync(join(SRC, 'figures'))) {
    for (const f of ['Component.tsx', 'draw.ts', 'poster.ts']) {
      try {
        readFileSync(join(SRC, 'figures', dir, f));
        out.push(join('figures', dir, f));
      } catch {
        /* the figure has no such file */
      }
    }
  }
  return [...out, ...readdirSync(join(SRC, 'lib/draw')).map((f) => join('lib/draw', f)), 'lib/LinePlot.tsx'];
}

/** The contents of the string literals in a piece of code, template holes removed. */
function literals(code: string): string[] {
  return [...code.matchAll(/'([^']*)'|"([^"]*)"|`([^`]*)`/g)].map((m) => (m[1] ?? m[2] ?? m[3]).replace(/\$\{[^}]*\}/g, ''));
}

/** The visible strings a line hands to a reader unprocessed: fillText's text, an aria-label, or JSX text. */
function visibleRaw(line: string, prev: string): string | null {
  const t = line.trim();
  if (/^(\*|\/\/|\/\*)/.test(t) || /String\.raw|tex[=:]/i.test(t)) return null;
  const fill = /fillText\((.*)$/.exec(t);
  if (fill && literals(fill[1]).some((s) => RAW.test(s))) return t;
  const aria = /aria-label=(?:"([^"]*)"|\{`([^`]*)`\})/.exec(t);
  if (aria && RAW.test((aria[1] ?? aria[2]).replace(/\$\{[^}]*\}/g, ''))) return t;
  const jsxText = prev.trim().endsWith('>') && !/^[<{/)}]/.test(t) && !/[;,({]$|=>$/.test(t) && !/\b(const|let|return|import|if)\b/.test(t);
  if (jsxText && RAW.test(t.replace(/<[^>]*>|\{[^}]*\}/g, ''))) return t;
  return null;
}

describe('figure sources', () => {
  it('draw and write no raw TeX outside the typesetting helpers', () => {
    const found: string[] = [];
    for (const file of sourceFiles()) {
      const lines = readFileSync(join(SRC, file), 'utf8').split('\n');
      lines.forEach((line, i) => {
        const hit = visibleRaw(line, lines[i - 1] ?? '');
        if (hit) found.push(`${file}:${i + 1}: ${hit}`);
      });
    }
    expect(found).toEqual([]);
  });
});

describe('the glossary (shown as text by the notation figure and the glossary tips)', () => {
  it('has meanings free of raw TeX', async () => {
    const { GLOSSARY } = await import('../../../src/lib/glossary/glossary');
    for (const g of GLOSSARY) expect(hasRawTex(g.meaning), `${g.id}: "${g.meaning}"`).toBe(false);
  });
});
