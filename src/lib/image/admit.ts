import { formatName, HEADER_BYTES, readImageHeader, type ImageFormat, type ImageHeader } from './header';

/*
 * Whether a reader's upload may be decoded at all, judged from its byte size and its header alone, with the
 * sentence to show if not. No DOM: a Blob's slice is read (Node has Blob too, so tests run this as it runs in a
 * browser). Nothing is decoded here; the decode happens only for an image that passed.
 *
 * The limits. The figure keeps at most 64×64 pixels of any picture, so a large one gains nothing; what it costs
 * is decoding, which allocates 4 bytes a pixel at once and takes time in proportion to the pixels.
 * - 8 MB of file: a phone photo is 2–6 MB.
 * - 40 megapixels: a 160 MB decode, which a phone's browser still affords; it admits every common camera and
 *   phone photo (12–24 MP, and 8 MB of JPEG rarely holds more) and refuses the pathological ones (a 9000×9000
 *   PNG of one colour is 80 KB of file but 324 MB, and half a minute, of decoding).
 * - 8192 pixels a side: the largest canvas side some browsers draw, and a bound on panoramas' strips.
 */

export const UPLOAD_LIMITS = { bytes: 8 * 1024 * 1024, side: 8192, pixels: 40_000_000 } as const;

/** The formats the figure accepts, for the file picker and for its refusals. */
export const ACCEPTED_TYPES = 'image/png,image/jpeg,image/gif,image/webp,image/bmp';
export const ACCEPTED_NAMES = 'PNG, JPEG, GIF, WebP or BMP';

export type Admission = { ok: true; format: ImageFormat; width: number; height: number } | { ok: false; message: string };

const NOTHING = 'Nothing was stored.';
const mp = (px: number) => (px / 1e6).toFixed(px < 1e7 ? 1 : 0);

/** True if a picture of w × h pixels is within UPLOAD_LIMITS (checked on the header, and again after decoding). */
export const withinLimits = (w: number, h: number): boolean => w <= UPLOAD_LIMITS.side && h <= UPLOAD_LIMITS.side && w * h <= UPLOAD_LIMITS.pixels;

/** The refusal of a picture of w × h pixels, naming its size and the limits. */
export const tooLarge = (name: string, w: number, h: number): string =>
  `“${name}” is ${w}×${h} pixels (${mp(w * h)} megapixels); the limit is ${UPLOAD_LIMITS.side} pixels a side and ${UPLOAD_LIMITS.pixels / 1e6} megapixels. Shrink it first: the figure keeps at most 64×64 pixels. ${NOTHING}`;

/** The verdict on a file named `name` whose header reads `h` (with all of the file read, if `h` is truncated). */
export function judgeHeader(name: string, h: ImageHeader): Admission {
  const q = `“${name}”`;
  switch (h.kind) {
    case 'image': {
      const { width: w, height: ht } = h;
      return withinLimits(w, ht) ? { ok: true, format: h.format, width: w, height: ht } : { ok: false, message: tooLarge(name, w, ht) };
    }
    case 'truncated':
      if (h.format) return { ok: false, message: `${q} looks like a ${formatName(h.format)} file but ends before its header does (the file is cut short). ${NOTHING}` };
      return { ok: false, message: `${q} is not a picture the figure can read: it accepts ${ACCEPTED_NAMES} files. ${NOTHING}` };
    case 'damaged':
      return { ok: false, message: `${q} could not be read as a picture: it looks like a ${formatName(h.format)} file, but ${h.reason}. ${NOTHING}` };
    case 'svg':
      return { ok: false, message: `${q} is an SVG drawing, made of shapes rather than pixels; the figure accepts ${ACCEPTED_NAMES} pictures, so export it as a PNG first. ${NOTHING}` };
    case 'unsupported':
      if (h.known) return { ok: false, message: `${q} is a ${h.known} file, which the figure cannot read: it accepts ${ACCEPTED_NAMES} pictures. ${NOTHING}` };
      return { ok: false, message: `${q} is not a picture the figure can read: it accepts ${ACCEPTED_NAMES} files. ${NOTHING}` };
  }
}

/** A file as the figure sees it: its bytes (through slice) and name. A File is one. */
export interface NamedBlob {
  readonly name: string;
  readonly size: number;
  slice(start?: number, end?: number): Blob;
}

/** The most bytes read in search of a JPEG's frame header (metadata ahead of it rarely passes 200 KB). */
const MAX_HEADER_READ = 1024 * 1024;

/**
 * Reads as little of the file as its header needs (64 KB, more only for a JPEG with long metadata) and judges it.
 * Resolves, never rejects, except if the browser cannot read the file at all.
 */
export async function admitImage(file: NamedBlob): Promise<Admission> {
  if (file.size > UPLOAD_LIMITS.bytes) {
    return { ok: false, message: `“${file.name}” is ${(file.size / 1048576).toFixed(1)} MB; the limit is ${UPLOAD_LIMITS.bytes / 1048576} MB. ${NOTHING}` };
  }
  let end = Math.min(file.size, HEADER_BYTES);
  for (;;) {
    const h = readImageHeader(new Uint8Array(await file.slice(0, end).arrayBuffer()));
    if (h.kind !== 'truncated' || end >= file.size) return judgeHeader(file.name, h);
    if (end >= MAX_HEADER_READ) return { ok: false, message: `“${file.name}” has more than ${MAX_HEADER_READ / 1048576} MB of metadata before its size, so the figure does not read it. ${NOTHING}` };
    end = Math.min(file.size, MAX_HEADER_READ, Math.max(h.need, 2 * end));
  }
}
