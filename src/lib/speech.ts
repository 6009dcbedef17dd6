import { mathPieces, type MathPiece } from './notation';

/*
 * The essay's notation as words, for screen readers: "σ_max" → "sigma max", "x^{t+1}" → "x at step t plus one",
 * "∇log p_θ" → "gradient of log p theta", "σ²" → "sigma squared", "σ(T)" → "sigma of T". A subscript is read after its base (as one
 * reads ξ_μ aloud: "xi mu"); a superscript on x that is a step index (t, t+1, 0) reads "at step …", a power 2 or 3
 * reads "squared"/"cubed", ᵀ reads "transpose", any other reads "to the …". Pure.
 */

const GREEK: Record<string, string> = {
  α: 'alpha', β: 'beta', γ: 'gamma', δ: 'delta', ε: 'epsilon', ζ: 'zeta', η: 'eta', θ: 'theta', κ: 'kappa',
  λ: 'lambda', μ: 'mu', ν: 'nu', ξ: 'xi', π: 'pi', ρ: 'rho', σ: 'sigma', τ: 'tau', φ: 'phi', χ: 'chi', ψ: 'psi',
  ω: 'omega', Δ: 'Delta', Σ: 'sum', ℓ: 'ell',
};
const SYMBOLS: Record<string, string> = {
  '∇': 'gradient of', '∂': 'partial', '←': 'becomes', '→': 'to', '≈': 'approximately', '∝': 'proportional to',
  '≤': 'at most', '≥': 'at least', '<': 'less than', '>': 'greater than', '=': 'equals', '+': 'plus', '−': 'minus',
  '×': 'times', '·': 'times', '/': 'over', '∞': 'infinity', '∈': 'in', '√': 'square root of', '‖': 'norm', '…': 'to',
  '~': 'distributed as', '±': 'plus or minus',
};
const NUMBERS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];

const UNI_SUB = '₀₁₂₃₄₅₆₇₈₉₊₋₌₍₎ₐₑₕᵢⱼₖₗₘₙₒₚᵣₛₜᵤᵥₓᵦᵧᵨᵩᵪ';
const UNI_SUB_PLAIN = '0123456789+−=()aehijklmnoprstuvxβγρφχ';
const UNI_SUP = '⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁼⁽⁾ᵃᵇᶜᵈᵉᶠᵍʰⁱʲᵏˡᵐⁿᵒᵖʳˢᵗᵘᵛʷˣʸᶻᴱᵝᵞᵟᶿᵠᵡ';
const UNI_SUP_PLAIN = '0123456789+−=()abcdefghijklmnoprstuvwxyzEβγδθφχ';

/** Unicode sub/superscript characters back to scripts, so "x⁰₁" reads like "x^0_1". */
function unicodeScripts(pieces: MathPiece[]): MathPiece[] {
  const out: MathPiece[] = [];
  const push = (kind: MathPiece['kind'], ch: string) => {
    const last = out[out.length - 1];
    if (last && last.kind === kind) last.text += ch;
    else out.push({ kind, text: ch });
  };
  for (const p of pieces) {
    if (p.kind !== 'text') {
      out.push({ ...p });
      continue;
    }
    for (const ch of p.text) {
      const sub = UNI_SUB.indexOf(ch);
      const sup = UNI_SUP.indexOf(ch);
      if (ch === 'ᵀ') push('sup', 'T');
      else if (sub >= 0) push('sub', [...UNI_SUB_PLAIN][sub]);
      else if (sup >= 0) push('sup', [...UNI_SUP_PLAIN][sup]);
      else push('text', ch);
    }
  }
  return out;
}

/** Words for plain text: Greek letters and operators become names, runs of spaces collapse. */
function wordsOf(text: string, inScript: boolean): string {
  let out = '';
  let prev = '';
  // A bracket right after a symbol is a function's argument ("σ(T)": "sigma of T"); any other is kept.
  const opened: boolean[] = [];
  for (const ch of text) {
    if (GREEK[ch]) out += ` ${GREEK[ch]} `;
    else if (SYMBOLS[ch]) out += ` ${SYMBOLS[ch]} `;
    else if (ch === '-' && inScript) out += ' minus ';
    else if (ch === '(') {
      const argument = /[\p{L}\p{N}]/u.test(prev);
      opened.push(argument || inScript);
      out += argument ? ' of ' : inScript ? ' ' : ch;
    } else if (ch === ')') out += opened.pop() ? ' ' : ch;
    else out += ch;
    prev = ch;
  }
  if (inScript) out = out.replace(/\b\d+\b/g, (d) => NUMBERS[Number(d)] ?? d);
  return out;
}

function supWords(base: string, sup: string): string {
  const s = sup.trim();
  if (s === 'T' || s === '⊤') return ' transpose';
  if (s === '2') return ' squared';
  if (s === '3') return ' cubed';
  if (/x\s*$/.test(base) && /^(t|k|\d+|t\s*[+−-]\s*\d+)$/.test(s)) return ` at step ${wordsOf(s, true)}`;
  return ` to the ${wordsOf(s, true)}`;
}

/** The string read aloud, in words. */
export function speak(s: string): string {
  const pieces = unicodeScripts(mathPieces(s));
  let out = '';
  for (const p of pieces) {
    if (p.kind === 'text') out += wordsOf(p.text, false);
    else if (p.kind === 'sub') out += ` ${wordsOf(p.text, true)} `;
    else out += `${supWords(out, p.text)} `;
  }
  return out
    .replace(/\s+/g, ' ')
    .replace(/\s+([,.;:)])/g, '$1')
    .replace(/\(\s+/g, '(')
    .trim();
}
