import { describe, expect, it } from 'vitest';
import { hasRawTex, mathPieces, toUnicode, toUnicodeChecked, typesetText } from '../../../src/lib/notation';
import { speak } from '../../../src/lib/speech';

describe('mathPieces', () => {
  it('reads braced, bracketed and bare-word scripts after a base', () => {
    expect(mathPieces('x^{t+1}')).toEqual([{ kind: 'text', text: 'x' }, { kind: 'sup', text: 't+1' }]);
    expect(mathPieces('σ_max = 3')).toEqual([{ kind: 'text', text: 'σ' }, { kind: 'sub', text: 'max' }, { kind: 'text', text: ' = 3' }]);
    expect(mathPieces('e^(−βE(x))')).toEqual([{ kind: 'text', text: 'e' }, { kind: 'sup', text: '(−βE(x))' }]);
    expect(mathPieces('E_β(x)')).toEqual([{ kind: 'text', text: 'E' }, { kind: 'sub', text: 'β' }, { kind: 'text', text: '(x)' }]);
  });
  it('expands backslash commands and leaves stray underscores alone', () => {
    expect(typesetText('\\nabla\\log p_\\theta')).toBe('∇log pθ');
    expect(mathPieces('a _ b')).toEqual([{ kind: 'text', text: 'a _ b' }]);
  });
});

describe('toUnicode', () => {
  it('uses Unicode scripts where every character has one', () => {
    expect(toUnicode('σ_max')).toBe('σₘₐₓ');
    expect(toUnicode('x^{t+1}')).toBe('xᵗ⁺¹');
    expect(toUnicode('τ_h')).toBe('τₕ');
  });
  it('says when a script has no Unicode form, and still shows no TeX syntax', () => {
    const r = toUnicodeChecked('ξ_μ');
    expect(r.exact).toBe(false);
    expect(hasRawTex(r.text)).toBe(false);
  });
});

describe('speak', () => {
  it.each([
    ['x^{t+1}', 'x at step t plus one'],
    ['x^t', 'x at step t'],
    ['ξ_μ', 'xi mu'],
    ['σ_max', 'sigma max'],
    ['∇log p_θ', 'gradient of log p theta'],
    ['σ²', 'sigma squared'],
    ['x⁰₁', 'x at step zero one'],
    ['τ_h → 0', 'tau h to 0'],
    ['ξᵀ softmax(βξx)', 'xi transpose softmax of beta xi x'],
    ['σ(T)', 'sigma of T'],
    ['halt at T (Trick 1)', 'halt at T (Trick 1)'],
    ['1/β', '1 over beta'],
    ['F(x) = xⁿ', 'F of x equals x to the n'],
    ['\\sigma_{\\max}', 'sigma max'],
  ])('%s → %s', (tex, words) => {
    expect(speak(tex)).toBe(words);
  });
  it('leaves no symbol a screen reader would spell out', () => {
    for (const s of ['E_ATT (attention)', 'α = Δt/τ', 'x ← x − α∇E_β(x)', 'N_x', 'L_top']) expect(speak(s)).toMatch(/^[\w\s(),.]+$/);
  });
});
