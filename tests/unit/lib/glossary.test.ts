import { describe, expect, it } from 'vitest';
import { GLOSSARY, lookupSymbol } from '../../../src/lib/glossary/glossary';

describe('notation glossary (survey Table 2)', () => {
  it('has the twenty-one rows of Table 2 (the drift included), each with a unique id and a first-use anchor', () => {
    expect(GLOSSARY).toHaveLength(21);
    expect(new Set(GLOSSARY.map((g) => g.id)).size).toBe(21);
    for (const g of GLOSSARY) expect(g.firstUse).toMatch(/^sym-/);
  });
  it('looks up base letters, aliases and the fixed-point marker', () => {
    expect(lookupSymbol('x')?.id).toBe('x');
    expect(lookupSymbol('x', '⋆')?.id).toBe('xstar');
    expect(lookupSymbol('x', '∗')?.id).toBe('xstar');
    expect(lookupSymbol('x', 't')?.id).toBe('x');
    expect(lookupSymbol('ε')?.id).toBe('eps');
    expect(lookupSymbol('ξ')?.id).toBe('xi');
    expect(lookupSymbol('β')).toBeUndefined();
    // f_θ (a generic network) and f(x, t) (the drift) share a letter; the subscript θ picks the first.
    expect(lookupSymbol('f', 'θ')?.id).toBe('ftheta');
    expect(lookupSymbol('f')?.id).toBe('drift');
  });
  it('every first-use anchor exists in the chapters', async () => {
    const { readFileSync, readdirSync } = await import('node:fs');
    const all = readdirSync('content').filter((f) => f.endsWith('.md')).map((f) => readFileSync(`content/${f}`, 'utf8')).join('\n');
    // `:sym{#id}` is what the compiler turns into the anchor `sym-id`.
    for (const g of GLOSSARY) expect(g.firstUse === `sym-${g.id}` && all.includes(`:sym{#${g.id}}`), g.firstUse).toBe(true);
  });
});
