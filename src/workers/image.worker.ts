/// <reference lib="webworker" />
import { bitmapToPattern, ImageRefusal, undecodable } from '../lib/image/shrink';
import type { ImageRequest, ImageResponse } from './image.protocol';

/*
 * Decodes a reader's picture and shrinks it to the figure's pattern, off the page's thread: createImageBitmap
 * decodes the file, an OffscreenCanvas draws its centred square at side × side, and the ±1 pattern goes back
 * with its buffer transferred. The file was admitted by its header first (lib/image/admit.ts), so nothing larger
 * than the limits is decoded, unless the header lied, which bitmapToPattern catches after decoding.
 * The messages are in image.protocol.ts.
 */

const ctx = self as unknown as DedicatedWorkerGlobalScope;
const post = (m: ImageResponse, transfer: Transferable[] = []) => ctx.postMessage(m, transfer);

async function shrink({ id, file, name, format, side }: ImageRequest): Promise<void> {
  if (typeof createImageBitmap !== 'function' || typeof OffscreenCanvas !== 'function') {
    post({ type: 'unsupported', id, message: 'no createImageBitmap or OffscreenCanvas in workers' });
    return;
  }
  const t0 = performance.now();
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(file);
  } catch {
    post({ type: 'refused', id, message: undecodable(name, format).message });
    return;
  }
  const t1 = performance.now();
  post({ type: 'stage', id, stage: 'shrinking' });
  try {
    const pixels = bitmapToPattern(name, bitmap, side, new OffscreenCanvas(side, side));
    post({ type: 'done', id, pixels, decodeMs: t1 - t0, shrinkMs: performance.now() - t1 }, [pixels.buffer]);
  } catch (e) {
    if (e instanceof ImageRefusal) post({ type: 'refused', id, message: e.message });
    // Anything else (no 2-D context on an OffscreenCanvas, say) is this worker's limitation, not the file's.
    else post({ type: 'unsupported', id, message: e instanceof Error ? e.message : String(e) });
  } finally {
    bitmap.close();
  }
}

ctx.onmessage = (e: MessageEvent<ImageRequest>) => {
  if (e.data.type === 'shrink') void shrink(e.data);
};
