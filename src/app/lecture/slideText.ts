import { SLIDE_MIN_TEXT_PX } from '../../lib/slideText';

/*
 * The slide's floor for a figure's type in the DOM. Every element of the figure whose own font size differs from
 * its parent's gets `font-size: max(<its size>, var(--slide-floor))`, where the slide sets --slide-floor to
 * SLIDE_MIN_TEXT_PX ÷ zoom: small labels grow to the floor, larger type is left alone, and a change of zoom moves
 * the floor without a second pass. A KaTeX formula is raised as a whole, so that its smallest script (a subscript
 * is 0.7 em, a sub-subscript 0.5 em) reaches the floor and the formula keeps its proportions.
 */
const MARK = 'slideFloor';

export function setFloor(body: HTMLElement, zoom: number): void {
  body.style.setProperty('--slide-floor', `${Math.ceil((SLIDE_MIN_TEXT_PX * 100) / zoom) / 100}px`);
}

/** Raise the figure's small type (again, for elements added since the last call). */
export function floorText(body: HTMLElement, figure: HTMLElement): void {
  // Read every size as authored: with the floor at 0 the marked elements show their own sizes again.
  const floor = body.style.getPropertyValue('--slide-floor');
  body.style.setProperty('--slide-floor', '0px');
  const writes: [HTMLElement | SVGElement, string | null][] = [];
  const size = (el: Element) => parseFloat(getComputedStyle(el).fontSize);
  const walk = (el: Element, parentSize: number) => {
    const own = size(el);
    if (el.classList.contains('katex')) {
      const least = smallestScript(el, own);
      if ((el as HTMLElement).dataset[MARK] === undefined) writes.push([el as HTMLElement, `max(${own}px, calc(var(--slide-floor) * ${(own / least).toFixed(3)}))`]);
      return;
    }
    // Every element is marked once seen (so `unfloored` finds only new ones); those with a size of their own raised.
    if ((el as HTMLElement).dataset[MARK] === undefined) writes.push([el as HTMLElement, own !== parentSize ? `max(${own}px, var(--slide-floor))` : null]);
    for (const c of el.children) walk(c, own);
  };
  walk(figure, size(figure.parentElement ?? figure));
  for (const [el, v] of writes) {
    if (v) el.style.fontSize = v;
    el.dataset[MARK] = '';
  }
  body.style.setProperty('--slide-floor', floor);
}

/** The smallest size at which a formula sets any of its visible characters. */
function smallestScript(katex: Element, own: number): number {
  let least = own;
  const walker = document.createTreeWalker(katex, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const el = n.parentElement;
    if (!el || /^[\s\u200b]*$/.test(n.nodeValue ?? '') || el.closest('.katex-mathml')) continue;
    least = Math.min(least, parseFloat(getComputedStyle(el).fontSize));
  }
  return least;
}

/** Whether the figure holds an element the floor has not seen (React re-creates elements as a figure runs). */
export function unfloored(figure: HTMLElement): boolean {
  return figure.querySelector(':not([data-slide-floor], .katex *)') !== null;
}
