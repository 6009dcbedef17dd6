import { mathPieces } from './notation';
import { speak } from './speech';

/*
 * A label, legend entry or status line in the essay's notation ("σ_max", "x^{t+1}", "E_β"), typeset with
 * <sub>/<sup> so it reads like the equations beside it (no KaTeX: controls render in every figure). Screen
 * readers get the words (`speak`) instead of the glyphs, unless `spoken` is false because the surrounding
 * control already carries them in its aria-label.
 */
export function MathText({ text, spoken = true, className }: { text: string; spoken?: boolean; className?: string }) {
  const pieces = mathPieces(text);
  if (pieces.every((p) => p.kind === 'text') && !spoken) return <span className={className}>{text}</span>;
  const visible = pieces.map((p, i) => (p.kind === 'sub' ? <sub key={i}>{p.text}</sub> : p.kind === 'sup' ? <sup key={i}>{p.text}</sup> : p.text));
  if (!spoken) return <span className={className}>{visible}</span>;
  return (
    <span className={className}>
      <span aria-hidden="true">{visible}</span>
      <span className="sr-only">{speak(text)}</span>
    </span>
  );
}

/**
 * The same inside an SVG <text> of font size `size` px: <tspan>s raised or lowered by `dy` (SVG text takes no
 * <sub>/<sup>; dy in pixels, not baseline-shift, so the posters' SVG renderer draws them too).
 */
export function SvgMath({ text, size = 11 }: { text: string; size?: number }) {
  let at = 0;
  return (
    <>
      {mathPieces(text).map((p, i) => {
        const to = p.kind === 'sub' ? 0.25 * size : p.kind === 'sup' ? -0.4 * size : 0;
        const dy = to - at;
        at = to;
        return (
          <tspan key={i} dy={dy ? dy.toFixed(2) : undefined} fontSize={p.kind === 'text' ? undefined : (0.75 * size).toFixed(1)}>
            {p.text}
          </tspan>
        );
      })}
    </>
  );
}

/**
 * For text a figure writes outside React (readouts refreshed every frame): replaces `el`'s children with the
 * typeset pieces of `text`, unless it already shows that text.
 */
export function setMathText(el: HTMLElement, text: string): void {
  if (el.dataset.math === text) return;
  el.dataset.math = text;
  el.replaceChildren(...mathNodes(text));
}

/** The typeset pieces of `text` as DOM nodes. */
export function mathNodes(text: string): Node[] {
  return mathPieces(text).map((p) => (p.kind === 'text' ? document.createTextNode(p.text) : Object.assign(document.createElement(p.kind), { textContent: p.text })));
}
