/*
 * A section slide's key sentence: the first full sentence under the heading that stands alone. Not a lead-in
 * ("…differentiate with respect to x:", or any words that run on into a display equation), and not the
 * continuation of an equation ("where β is…"): those need the equation to make sense, so the next sentence
 * that ends with a full stop and stands alone is taken instead.
 */

/** One sentence of a paragraph, as split by `paragraphSentences`. */
export interface Sentence {
  html: string;
  /** The sentence's words outside math and code. */
  prose: string;
  /** The sentence's whole text, math included. */
  text: string;
  /** Whether it ends with a full stop, a question or an exclamation mark (the paragraph's tail may not). */
  terminated: boolean;
}

/** A paragraph under a heading, split into sentences, and where it stands. */
export interface ParagraphSentences {
  sentences: Sentence[];
  /** A display equation follows the paragraph directly. */
  beforeEquation: boolean;
  /** A display equation precedes the paragraph directly. */
  afterEquation: boolean;
}

const ABBREVIATIONS = /(?:\b(?:e\.g|i\.e|Eq|Eqs|Fig|cf|vs|al|etc|resp|approx|Sec|No)|\b[A-Z])\.$/;
/** Shorter sentences ("**Particle.**") are lead-ins of the sentence after them and stay joined to it. */
const MIN_SENTENCE = 40;

/** Where sentences end in `text` (offsets just after the mark), given `seen` characters of the sentence before it. */
export function sentenceEnds(text: string, seen: number): number[] {
  const ends: number[] = [];
  let start = 0;
  const re = /[.!?](?=\s|$)/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const end = m.index + 1;
    if (ABBREVIATIONS.test(text.slice(0, end))) continue;
    if (seen + end - start < MIN_SENTENCE) continue;
    ends.push(end);
    start = end;
    seen = 0;
  }
  return ends;
}

/** Whether a sentence is a lead-in or a continuation rather than a key sentence (see the header). */
export function isLeadIn(s: Sentence, position: { first: boolean; last: boolean }, p: Omit<ParagraphSentences, 'sentences'>): boolean {
  const prose = s.prose.trim();
  // Words that run on into the display equation after them, or end with a colon, introduce it.
  if (!s.terminated || /:\s*$/.test(prose)) return true;
  // "where β is the inverse temperature." right after an equation continues the equation's sentence.
  const word = /^[a-z]\S*/.exec(prose)?.[0];
  return position.first && p.afterEquation && !!word && s.text.trim().startsWith(word);
}

/** The key sentence's HTML among a section's paragraphs, in order; the first sentence if none qualifies. */
export function chooseKeySentence(paragraphs: ParagraphSentences[]): string {
  for (const p of paragraphs) {
    const n = p.sentences.length;
    for (let i = 0; i < n; i++) {
      if (!isLeadIn(p.sentences[i], { first: i === 0, last: i === n - 1 }, p)) return p.sentences[i].html;
    }
  }
  return paragraphs.find((p) => p.sentences.length)?.sentences[0].html ?? '';
}

/** A citation or footnote mark removed before a full stop leaves "read ." behind: close the gap. */
function tidy(html: string): string {
  return html.replace(/\s+(?=[.,;:!?](?:\s|<|$))/g, '').trim();
}

/** Splits a paragraph into sentences (citations, footnote marks and notes removed; math and code never split). */
export function paragraphSentences(p: Element): Sentence[] {
  const el = p.cloneNode(true) as Element;
  el.querySelectorAll('.cite-group, sup, .lecture-notes, [data-footnote-ref]').forEach((n) => n.remove());
  const doc = el.ownerDocument;
  const out: Sentence[] = [];
  const push = (range: Range, prose: string, terminated: boolean) => {
    const box = doc.createElement('div');
    box.append(range.cloneContents());
    if (box.textContent?.trim()) out.push({ html: tidy(box.innerHTML), prose, text: range.toString(), terminated });
  };
  const walker = doc.createTreeWalker(el, NodeFilter.SHOW_TEXT, {
    acceptNode: (n) => (n.parentElement?.closest('.katex, code') ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
  });
  let range = doc.createRange();
  range.setStart(el, 0);
  let prose = '';
  for (let n = walker.nextNode() as Text | null; n; n = walker.nextNode() as Text | null) {
    let from = 0;
    for (const end of sentenceEnds(n.data, prose.length)) {
      range.setEnd(n, end);
      push(range, prose + n.data.slice(from, end), true);
      range = doc.createRange();
      range.setStart(n, end);
      prose = '';
      from = end;
    }
    prose += n.data.slice(from);
  }
  range.setEnd(el, el.childNodes.length);
  push(range, prose, false);
  return out;
}
