import { memo, useEffect, useRef, useState } from 'react';
import type { Matrix } from '../../core';
import type { Palette } from '../../lib/theme';
import { fitCanvas } from '../../lib/canvas';
import { paintPattern } from './draw';

/* The gallery thumbnail of a stored picture, and the pad on which the reader draws a picture of their own. */

/**
 * One gallery thumbnail. It is memoised and repaints only when its picture, colours or selection change: the
 * figure re-renders at every Reset and pause, and twenty canvases repainted (or, worse, replaced) each time
 * cost a long task and slow compositor commits at the largest memory.
 */
export const Thumb = memo(function Thumb({ name, mu, patterns, side, palette, selected, onPick }: { name: string; mu: number; patterns: Matrix; side: number; palette: Palette; selected: boolean; onPick: (mu: number) => void }) {
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    // Each thumbnail paints in a task of its own, a moment after the gallery mounts: twenty of them painted in
    // the commit that also starts recall on a large memory would make it one long task.
    const timer = window.setTimeout(() => {
      if (!ref.current) return;
      const N = patterns.cols;
      paintPattern(fitCanvas(ref.current, 40, 40), patterns.data.subarray(mu * N, (mu + 1) * N), side, 0, 0, 40, palette, -1, selected ? palette.accent : undefined);
    }, 0);
    return () => clearTimeout(timer);
  }, [palette, selected, patterns, side, mu]);
  return (
    <button type="button" className="fig-hopfield-images-thumb" aria-pressed={selected} onClick={() => onPick(mu)} title={name} aria-label={`Picture ${mu + 1}: ${name}`}>
      <canvas ref={ref} aria-hidden="true" />
    </button>
  );
});

/** A side × side pixel pad for drawing a picture to store. Calls onStore(null) if the pad is empty. */
export function DrawPad({ side, palette, onStore }: { side: number; palette: Palette; onStore: (pixels: Float64Array | null) => void }) {
  const pixels = useRef(new Float64Array(side * side).fill(-1));
  const ref = useRef<HTMLCanvasElement>(null);
  const drawing = useRef(0);
  const [erase, setErase] = useState(false);
  const size = 220;
  const paint = () => ref.current && paintPattern(fitCanvas(ref.current, size, size), pixels.current, side, 0, 0, size, palette);
  useEffect(() => {
    if (pixels.current.length !== side * side) pixels.current = new Float64Array(side * side).fill(-1);
    paint();
  }, [side, palette]);
  const at = (e: React.PointerEvent<HTMLCanvasElement>) => {
    const r = e.currentTarget.getBoundingClientRect();
    const c = Math.floor(((e.clientX - r.left) / r.width) * side);
    const row = Math.floor(((e.clientY - r.top) / r.height) * side);
    const rad = Math.max(1, Math.round(side / 16));
    for (let dr = 1 - rad; dr < rad; dr++)
      for (let dc = 1 - rad; dc < rad; dc++) {
        const rr = row + dr;
        const cc = c + dc;
        if (rr >= 0 && cc >= 0 && rr < side && cc < side) pixels.current[rr * side + cc] = drawing.current;
      }
    paint();
  };
  return (
    <div className="fig-hopfield-images-pad">
      <canvas
        ref={ref}
        role="img"
        aria-label="Drawing pad: drag to draw in ink"
        data-testid="pad"
        style={{ touchAction: 'none', cursor: 'crosshair' }}
        onPointerDown={(e) => {
          e.currentTarget.setPointerCapture?.(e.pointerId);
          drawing.current = erase || e.button === 2 ? -1 : 1;
          at(e);
        }}
        onPointerMove={(e) => drawing.current !== 0 && at(e)}
        onPointerUp={() => (drawing.current = 0)}
        onPointerCancel={() => (drawing.current = 0)}
        onContextMenu={(e) => e.preventDefault()}
      />
      <div className="fig-hopfield-images-pad-buttons">
        <label className="control control-boolean">
          <input type="checkbox" checked={erase} onChange={(e) => setErase(e.currentTarget.checked)} />
          <span>eraser</span>
        </label>
        <button
          type="button"
          className="btn"
          onClick={() => {
            pixels.current.fill(-1);
            paint();
          }}
        >
          Clear
        </button>
        <button
          type="button"
          className="btn btn-primary"
          data-action="store-drawing"
          onClick={() => {
            const p = pixels.current;
            let ink = 0;
            for (let i = 0; i < p.length; i++) if (p[i] > 0) ink++;
            onStore(ink === 0 ? null : p.slice());
          }}
        >
          Store this drawing
        </button>
      </div>
    </div>
  );
}
