/*
 * The essay's notation in plain strings: labels, legends and status lines are written as in TeX
 * ("σ_max", "x^{t+1}", "E_β", "\nabla"), and this module turns them into what a reader meets:
 * pieces with sub- and superscripts to typeset (`mathPieces`, drawn by <MathText> and `fillMath`), Unicode
 * for places that take no markup (`toUnicode`, e.g. <option>), and words for screen readers (`speak`).
 * Pure: no DOM, so the build, Node tests and canvas painters use it alike.
 *
 * The syntax: `_` or `^` after a letter, digit, prime or closing bracket starts a script, which is `{…}`, `(…)`
 * (a superscript only, kept with its brackets), or a run of letters and digits ("σ_max", "E_ATT"). Backslash
 * commands from the table below become their symbols. Anything else is text.
 */

export interface MathPiece {
  kind: 'text' | 'sub' | 'sup';
  text: string;
}

const COMMANDS: Record<string, string> = {
  alpha: 'α', beta: 'β', gamma: 'γ', delta: 'δ', epsilon: 'ε', varepsilon: 'ε', zeta: 'ζ', eta: 'η', theta: 'θ',
  kappa: 'κ', lambda: 'λ', mu: 'μ', nu: 'ν', xi: 'ξ', pi: 'π', rho: 'ρ', sigma: 'σ', tau: 'τ', phi: 'φ', chi: 'χ',
  psi: 'ψ', omega: 'ω', Delta: 'Δ', Sigma: 'Σ', nabla: '∇', partial: '∂', top: 'ᵀ', times: '×', cdot: '·',
  log: 'log', exp: 'exp', max: 'max', min: 'min', infty: '∞', leftarrow: '←', to: '→', approx: '≈', propto: '∝', le: '≤', ge: '≥',
  ell: 'ℓ', sim: '~', in: '∈', sqrt: '√', ldots: '…',
};

const SCRIPT_BASE = /[\p{L}\p{N}′)\]]/u;
const WORD = /[\p{L}\p{N}]/u;

/** Replaces `\command`s by their symbols (unknown ones are kept). */
function expandCommands(s: string): string {
  return s.replace(/\\([A-Za-z]+)(\s?)/g, (m, name: string, space: string) => {
    const sym = COMMANDS[name];
    if (sym === undefined) return m;
    return /^[a-z]{2,}$/.test(sym) ? sym + space : sym;
  });
}

/** Splits a string into text and script pieces. Scripts nest only one level (a script's own `_`/`^` stays text). */
export function mathPieces(input: string): MathPiece[] {
  const s = expandCommands(input);
  const out: MathPiece[] = [];
  let text = '';
  let i = 0;
  while (i < s.length) {
    const c = s[i];
    if ((c === '_' || c === '^') && i > 0 && SCRIPT_BASE.test(s[i - 1]) && i + 1 < s.length) {
      const script = readScript(s, i + 1, c === '^');
      if (script) {
        if (text) out.push({ kind: 'text', text });
        text = '';
        out.push({ kind: c === '_' ? 'sub' : 'sup', text: script.text });
        i = script.end;
        continue;
      }
    }
    text += c;
    i++;
  }
  if (text) out.push({ kind: 'text', text });
  return out;
}

function readScript(s: string, at: number, sup: boolean): { text: string; end: number } | null {
  const open = s[at];
  if (open === '{' || (sup && open === '(')) {
    const close = open === '{' ? '}' : ')';
    let depth = 0;
    for (let j = at; j < s.length; j++) {
      if (s[j] === open) depth++;
      else if (s[j] === close && --depth === 0) return { text: open === '{' ? s.slice(at + 1, j) : s.slice(at, j + 1), end: j + 1 };
    }
    return null;
  }
  let j = at;
  while (j < s.length && WORD.test(s[j])) j++;
  return j > at ? { text: s.slice(at, j), end: j } : null;
}

const SUB: Record<string, string> = {
  '0': '₀', '1': '₁', '2': '₂', '3': '₃', '4': '₄', '5': '₅', '6': '₆', '7': '₇', '8': '₈', '9': '₉', '+': '₊', '-': '₋', '−': '₋',
  '=': '₌', '(': '₍', ')': '₎', a: 'ₐ', e: 'ₑ', h: 'ₕ', i: 'ᵢ', j: 'ⱼ', k: 'ₖ', l: 'ₗ', m: 'ₘ', n: 'ₙ', o: 'ₒ', p: 'ₚ',
  r: 'ᵣ', s: 'ₛ', t: 'ₜ', u: 'ᵤ', v: 'ᵥ', x: 'ₓ', β: 'ᵦ', γ: 'ᵧ', ρ: 'ᵨ', φ: 'ᵩ', χ: 'ᵪ',
};
const SUP: Record<string, string> = {
  '0': '⁰', '1': '¹', '2': '²', '3': '³', '4': '⁴', '5': '⁵', '6': '⁶', '7': '⁷', '8': '⁸', '9': '⁹', '+': '⁺', '-': '⁻', '−': '⁻',
  '=': '⁼', '(': '⁽', ')': '⁾', a: 'ᵃ', b: 'ᵇ', c: 'ᶜ', d: 'ᵈ', e: 'ᵉ', f: 'ᶠ', g: 'ᵍ', h: 'ʰ', i: 'ⁱ', j: 'ʲ', k: 'ᵏ',
  l: 'ˡ', m: 'ᵐ', n: 'ⁿ', o: 'ᵒ', p: 'ᵖ', r: 'ʳ', s: 'ˢ', t: 'ᵗ', u: 'ᵘ', v: 'ᵛ', w: 'ʷ', x: 'ˣ', y: 'ʸ', z: 'ᶻ',
  T: 'ᵀ', E: 'ᴱ', β: 'ᵝ', γ: 'ᵞ', δ: 'ᵟ', θ: 'ᶿ', φ: 'ᵠ', χ: 'ᵡ', ' ': '',
};

/** A script in Unicode script characters, or null when one of its characters has no such form (e.g. a subscript μ). */
export function scriptToUnicode(text: string, kind: 'sub' | 'sup'): string | null {
  const table = kind === 'sub' ? SUB : SUP;
  let out = '';
  for (const ch of text) {
    const m = table[ch];
    if (m === undefined) return null;
    out += m;
  }
  return out;
}

/**
 * The string in plain Unicode, for places that take no markup. A script with no Unicode form is kept as the
 * base followed by the script at full size ("ξ_μ" → "ξμ"), so nothing of the TeX syntax shows; `exact`
 * reports whether every script found its Unicode form.
 */
export function toUnicodeChecked(s: string): { text: string; exact: boolean } {
  let exact = true;
  const text = mathPieces(s)
    .map((p) => {
      if (p.kind === 'text') return p.text;
      const u = scriptToUnicode(p.text, p.kind);
      if (u === null) exact = false;
      return u ?? p.text;
    })
    .join('');
  return { text, exact };
}

export function toUnicode(s: string): string {
  return toUnicodeChecked(s).text;
}

/** Whether a visible string still shows TeX syntax once typeset: an unmatched `_`, `^`, `\cmd`, or braces. */
export function hasRawTex(visible: string): boolean {
  return /[_^{}]|\\[A-Za-z]/.test(visible);
}

/** The text a reader sees once `s` is typeset (scripts inline, without the syntax): what `hasRawTex` checks. */
export function typesetText(s: string): string {
  return mathPieces(s)
    .map((p) => p.text)
    .join('');
}
