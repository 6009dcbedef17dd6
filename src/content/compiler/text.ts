/** Small text helpers for the content pipeline. */

/** HTML-escapes text (one definition, shared with the page's static HTML). */
export { escapeHtml } from '../essayHtml';

/** 1-based line and column of a 0-based offset in `text`. */
export function lineColAt(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let last = -1;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      last = i;
    }
  }
  return { line, column: offset - last };
}

/** GitHub-style slug: lower case, letters/digits/hyphens. Non-Latin letters are kept. */
export function slugify(s: string): string {
  return (
    s
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[^\p{L}\p{N}\s-]/gu, '')
      .trim()
      .replace(/\s+/g, '-')
      .replace(/-+/g, '-') || 'section'
  );
}

/**
 * Decodes UTF-8. Invalid bytes become U+FFFD in `text` (so the file can still be compiled) and `invalid` is the
 * place of the first one: its line, and its column counted in characters of the valid text before it.
 */
export function decodeUtf8(bytes: Uint8Array): { text: string; invalid?: { line: number; column: number } } {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    // The first bad byte is the end of the shortest prefix that does not decode (streaming holds back a
    // sequence that is merely incomplete): a binary search over prefix lengths.
    let lo = 1;
    let hi = bytes.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (decodes(bytes.subarray(0, mid))) lo = mid + 1;
      else hi = mid;
    }
    // A sequence cut short is only found wrong at the byte after it: point at its first byte.
    let bad = lo - 1;
    if (!decodes(bytes.subarray(0, bad), false)) while (bad > 0 && (bytes[bad - 1] & 0xc0) === 0x80) bad--;
    if (!decodes(bytes.subarray(0, bad), false)) bad--;
    const lineStart = bytes.lastIndexOf(10, bad - 1) + 1;
    let line = 1;
    for (let i = bytes.indexOf(10); i >= 0 && i < lineStart; i = bytes.indexOf(10, i + 1)) line++;
    const before = new TextDecoder('utf-8').decode(bytes.subarray(lineStart, bad));
    return { text: new TextDecoder('utf-8').decode(bytes), invalid: { line, column: before.length + 1 } };
  }
}

function decodes(prefix: Uint8Array, stream = true): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(prefix, { stream });
    return true;
  } catch {
    return false;
  }
}

/** `s` with every character but line breaks turned into a space: same length, same lines. */
export function blankOut(s: string): string {
  return s
    .split('\n')
    .map((l) => ' '.repeat(l.length))
    .join('\n');
}
