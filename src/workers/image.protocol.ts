/*
 * The messages between the image worker (image.worker.ts) and the page (image.client.ts). Types only: both sides
 * import this module, and neither imports the other.
 *
 * In:  { type: 'shrink', id, file, name, format, side }: decode `file` (already admitted by its header) and shrink
 *      it to a side × side ±1 pattern.
 * Out: { type: 'stage', id, stage: 'shrinking' } once decoded
 *      | { type: 'done', id, pixels, decodeMs, shrinkMs } (pixels' buffer is transferred)
 *      | { type: 'refused', id, message }: a sentence for the reader (damaged data, a lying header, a flat picture)
 *      | { type: 'unsupported', id, message }: this worker cannot decode here (no createImageBitmap or 2-D
 *        OffscreenCanvas in workers); the page does it itself.
 */

export type ImageRequest = { type: 'shrink'; id: number; file: Blob; name: string; format: string; side: number };
export type ImageResponse =
  | { type: 'stage'; id: number; stage: 'shrinking' }
  | { type: 'done'; id: number; pixels: Float64Array; decodeMs: number; shrinkMs: number }
  | { type: 'refused'; id: number; message: string }
  | { type: 'unsupported'; id: number; message: string };
