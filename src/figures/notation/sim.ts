import { GLOSSARY, type GlossaryEntry } from '../../lib/glossary/glossary';

/*
 * The notation table has no props and no dynamics (meta `animated: false`): its state is the glossary, the same
 * data the essay's symbol tooltips read. No DOM.
 */

export interface NotationRow {
  entry: GlossaryEntry;
  /** The anchor of the symbol's first use in the essay. */
  href: string;
}

export function notationRows(): NotationRow[] {
  return GLOSSARY.map((entry) => ({ entry, href: `#${entry.firstUse}` }));
}
