import type { GlossaryEntry } from '../../lib/glossary/glossary';

/* What a row of the notation table says to a screen reader for its link to the symbol's first use. */

export function firstUseLabel(g: GlossaryEntry): string {
  return `First use of ${g.marker ? g.char + g.marker : g.char}`;
}
