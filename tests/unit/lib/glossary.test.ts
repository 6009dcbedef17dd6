import { describe, expect, it } from 'vitest';
import { GLOSSARY, lookupSymbol } from '../../../src/lib/glossary/glossary';

describe('notation glossary (survey Table 2)', () => {
  it('has the twenty rows of Table 2, each with a unique id and a first-use anchor', () => {
    expect(GLOSSARY).toHaveLength(20);
    expect(new Set(GLOSSARY.map((g) => g.id)).size).toBe(20);
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
  });
  it('every first-use anchor exists in the chapters', async () => {
    const { readFileSync, readdirSync } = await import('node:fs');
    const all = readdirSync('content').filter((f) => f.endsWith('.md')).map((f) => readFileSync(`content/${f}`, 'utf8')).join('\n');
    for (const g of GLOSSARY) expect(all.includes(`id="${g.firstUse}"`), g.firstUse).toBe(true);
  });
});
