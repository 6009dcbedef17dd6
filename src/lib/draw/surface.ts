/*
 * Where painters get off-screen canvases and paths. In the browser these are the DOM's; the build's poster
 * script (src/scripts/posters) installs @napi-rs/canvas's, so the same painters draw in Node with no browser.
 */

export interface Surfaces {
  /** A blank off-screen canvas of `width` × `height` pixels. */
  canvas(width: number, height: number): HTMLCanvasElement;
  /** An empty Path2D. */
  path(): Path2D;
}

const dom: Surfaces = {
  canvas: (width, height) => {
    const c = document.createElement('canvas');
    c.width = width;
    c.height = height;
    return c;
  },
  path: () => new Path2D(),
};

let current: Surfaces = dom;

/** Replaces the DOM's canvases and paths (Node tools only; the browser never calls it). */
export function installSurfaces(s: Surfaces): void {
  current = s;
}

/** A blank off-screen canvas of `width` × `height` pixels. */
export function offscreenCanvas(width: number, height: number): HTMLCanvasElement {
  return current.canvas(width, height);
}

/** An empty Path2D. */
export function newPath(): Path2D {
  return current.path();
}
