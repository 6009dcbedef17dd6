import { binarizeRgba } from '../patterns/binarize';
import { tooLarge, withinLimits } from './admit';

/*
 * From a decoded picture to the figure's side × side ±1 pattern: its centred square drawn over white into a
 * small canvas, then binarised. The same code runs in the image worker (on an OffscreenCanvas) and, where a
 * browser has no workers or no OffscreenCanvas, on the page (on a detached <canvas>).
 */

/** A canvas the pattern can be drawn into: an OffscreenCanvas in a worker, an HTMLCanvasElement on the page. */
export type SmallCanvas = OffscreenCanvas | HTMLCanvasElement;

/** A failure with the sentence to show the reader (the file name is already in it). */
export class ImageRefusal extends Error {}

/**
 * Draws the bitmap's centred square, smoothed down to side × side over white, into `canvas` and binarises it.
 * Throws ImageRefusal if the decoded size passes the limits (a header that lied) or the picture is one flat colour.
 */
export function bitmapToPattern(name: string, bitmap: ImageBitmap, side: number, canvas: SmallCanvas): Float64Array {
  if (!withinLimits(bitmap.width, bitmap.height)) throw new ImageRefusal(tooLarge(name, bitmap.width, bitmap.height));
  canvas.width = side;
  canvas.height = side;
  const ctx = canvas.getContext('2d', { willReadFrequently: true }) as OffscreenCanvasRenderingContext2D | CanvasRenderingContext2D | null;
  if (!ctx) throw new Error('canvas: 2-D context unavailable');
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, side, side);
  const s = Math.min(bitmap.width, bitmap.height);
  ctx.imageSmoothingQuality = 'high';
  ctx.drawImage(bitmap, (bitmap.width - s) / 2, (bitmap.height - s) / 2, s, s, 0, 0, side, side);
  try {
    return binarizeRgba(ctx.getImageData(0, 0, side, side).data, side);
  } catch (e) {
    if (e instanceof Error && e.message.startsWith('image:')) throw new ImageRefusal(`“${name}”: ${e.message.slice(7)}. Nothing was stored.`);
    throw e;
  }
}

/** The refusal of a file whose header passed but whose data the browser could not decode. */
export const undecodable = (name: string, format: string): ImageRefusal =>
  new ImageRefusal(`“${name}” could not be read as a picture: its header is that of a ${format} file, but its image data is damaged. Nothing was stored.`);

/** Decodes and shrinks on the page's own thread: only for browsers without workers or OffscreenCanvas. */
export async function shrinkOnPage(file: Blob, name: string, format: string, side: number): Promise<Float64Array> {
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(file);
  } catch {
    throw undecodable(name, format);
  }
  try {
    return bitmapToPattern(name, bitmap, side, document.createElement('canvas'));
  } finally {
    bitmap.close();
  }
}
