/*
 * An image's format and dimensions, read from the first bytes of its file before anything decodes it. Pure: it
 * takes bytes (no DOM, no Blob), never throws, and never reads past the array it is given. A reader's upload is
 * judged from this (see admit.ts), so a 9000×9000 picture is refused before a decoder spends half a minute on it.
 *
 * Formats and where their size lives:
 *   PNG   signature, then the IHDR chunk: width, height (uint32 BE) at bytes 16 and 20.
 *   JPEG  SOI, then marker segments (APPn, DQT, DHT, … each with a 2-byte length) until a start-of-frame marker
 *         SOF0–SOF15 (not DHT C4, JPG C8, DAC CC): height, width (uint16 BE) after the precision byte.
 *   GIF   "GIF87a"/"GIF89a", then the logical screen: width, height (uint16 LE) at 6 and 8.
 *   WebP  RIFF "WEBP", then the first chunk: VP8X (canvas size − 1, 24-bit LE), VP8L (14-bit fields after the
 *         0x2F signature) or VP8 (14-bit fields after the key frame's start code 9D 01 2A).
 *   BMP   "BM", then the DIB header: 16-bit sizes in the old 12-byte core header, else int32 LE (height negative
 *         for a top-down bitmap).
 * Based on the formats' specifications (PNG 1.2 §11.2.2, ITU T.81 Annex B, GIF89a §18, the WebP container
 * specification, and Microsoft's BITMAPINFOHEADER).
 */

export type ImageFormat = 'png' | 'jpeg' | 'gif' | 'webp' | 'bmp';

/** What the first bytes of a file say. */
export type ImageHeader =
  /** A supported raster image of this size. */
  | { kind: 'image'; format: ImageFormat; width: number; height: number }
  /** The bytes end before the size is known; reading `need` bytes from the start would get further. */
  | { kind: 'truncated'; format: ImageFormat | null; need: number }
  /** A supported format whose header contradicts itself (zero size, a missing chunk, a bad marker). */
  | { kind: 'damaged'; format: ImageFormat; reason: string }
  /** An SVG drawing (text, not pixels). */
  | { kind: 'svg' }
  /** Not a supported image; `known` names a recognised format the figure does not take (HEIC, TIFF, PDF…). */
  | { kind: 'unsupported'; known: string | null };

/** Bytes enough for every format's size except a JPEG with long metadata segments ahead of its frame header. */
export const HEADER_BYTES = 64 * 1024;

const FORMAT_NAMES: Record<ImageFormat, string> = { png: 'PNG', jpeg: 'JPEG', gif: 'GIF', webp: 'WebP', bmp: 'BMP' };
/** The format's usual name (PNG, JPEG, …). */
export const formatName = (f: ImageFormat): string => FORMAT_NAMES[f];

const u16be = (b: Uint8Array, i: number) => (b[i] << 8) | b[i + 1];
const u16le = (b: Uint8Array, i: number) => b[i] | (b[i + 1] << 8);
const u24le = (b: Uint8Array, i: number) => b[i] | (b[i + 1] << 8) | (b[i + 2] << 16);
const u32be = (b: Uint8Array, i: number) => b[i] * 0x1000000 + ((b[i + 1] << 16) | (b[i + 2] << 8) | b[i + 3]);
const i32le = (b: Uint8Array, i: number) => b[i] | (b[i + 1] << 8) | (b[i + 2] << 16) | (b[i + 3] << 24);
const u32le = (b: Uint8Array, i: number) => i32le(b, i) >>> 0;
const ascii = (b: Uint8Array, i: number, n: number) => String.fromCharCode(...b.subarray(i, i + n));
const startsWith = (b: Uint8Array, sig: readonly number[]) => sig.every((v, i) => b[i] === v);

const PNG_SIG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** Width and height as an image header, or 'damaged' if either is zero. */
function sized(format: ImageFormat, width: number, height: number): ImageHeader {
  if (width <= 0 || height <= 0) return { kind: 'damaged', format, reason: `its header gives a size of ${width}×${height}` };
  return { kind: 'image', format, width, height };
}
const truncated = (format: ImageFormat | null, need: number): ImageHeader => ({ kind: 'truncated', format, need });

function png(b: Uint8Array): ImageHeader {
  if (b.length < 24) return truncated('png', 24);
  if (u32be(b, 8) !== 13 || ascii(b, 12, 4) !== 'IHDR') return { kind: 'damaged', format: 'png', reason: 'its first chunk is not the IHDR header' };
  const w = u32be(b, 16);
  const h = u32be(b, 20);
  // PNG limits each side to 2³¹ − 1.
  if (w > 0x7fffffff || h > 0x7fffffff) return { kind: 'damaged', format: 'png', reason: 'its header gives a size beyond what PNG allows' };
  return sized('png', w, h);
}

/** Start-of-frame markers: C0–CF except DHT (C4), JPG (C8) and DAC (CC). */
const isSof = (m: number) => m >= 0xc0 && m <= 0xcf && m !== 0xc4 && m !== 0xc8 && m !== 0xcc;
/** Markers without a length: TEM, RST0–RST7, SOI. */
const isStandalone = (m: number) => m === 0x01 || (m >= 0xd0 && m <= 0xd8);

function jpeg(b: Uint8Array): ImageHeader {
  let i = 2;
  for (;;) {
    if (i >= b.length) return truncated('jpeg', i + 1);
    if (b[i] !== 0xff) return { kind: 'damaged', format: 'jpeg', reason: 'a marker is missing between its segments' };
    // Any number of 0xFF fill bytes may precede a marker.
    while (i < b.length && b[i] === 0xff) i++;
    if (i >= b.length) return truncated('jpeg', i + 1);
    const m = b[i++];
    if (isStandalone(m)) continue;
    if (m === 0xd9 || m === 0xda || m === 0x00) return { kind: 'damaged', format: 'jpeg', reason: 'its image data begins before any frame header' };
    if (i + 2 > b.length) return truncated('jpeg', i + 2);
    const len = u16be(b, i);
    if (len < 2) return { kind: 'damaged', format: 'jpeg', reason: 'a segment has an impossible length' };
    if (isSof(m)) {
      if (len < 8) return { kind: 'damaged', format: 'jpeg', reason: 'its frame header is too short' };
      if (i + 7 > b.length) return truncated('jpeg', i + 7);
      // Height 0 defers the height to a DNL marker after the first scan; no browser decodes that reliably.
      return sized('jpeg', u16be(b, i + 5), u16be(b, i + 3));
    }
    i += len;
  }
}

function gif(b: Uint8Array): ImageHeader {
  if (b.length < 10) return truncated('gif', 10);
  return sized('gif', u16le(b, 6), u16le(b, 8));
}

function webp(b: Uint8Array): ImageHeader {
  if (b.length < 16) return truncated('webp', 30);
  const chunk = ascii(b, 12, 4);
  if (chunk === 'VP8X') {
    if (b.length < 30) return truncated('webp', 30);
    return sized('webp', u24le(b, 24) + 1, u24le(b, 27) + 1);
  }
  if (chunk === 'VP8L') {
    if (b.length < 25) return truncated('webp', 25);
    if (b[20] !== 0x2f) return { kind: 'damaged', format: 'webp', reason: 'its lossless stream lacks its signature' };
    const bits = b[21] | (b[22] << 8) | (b[23] << 16) | (b[24] << 24);
    return sized('webp', (bits & 0x3fff) + 1, ((bits >>> 14) & 0x3fff) + 1);
  }
  if (chunk === 'VP8 ') {
    if (b.length < 30) return truncated('webp', 30);
    if ((b[20] & 1) !== 0 || b[23] !== 0x9d || b[24] !== 0x01 || b[25] !== 0x2a) return { kind: 'damaged', format: 'webp', reason: 'its first frame is not a key frame' };
    return sized('webp', u16le(b, 26) & 0x3fff, u16le(b, 28) & 0x3fff);
  }
  return { kind: 'damaged', format: 'webp', reason: `its first chunk is “${chunk.replace(/[^\x20-\x7e]/g, '?')}”, not an image` };
}

/** DIB header sizes: BITMAPCOREHEADER, BITMAPINFOHEADER, its V2/V3 extensions, OS/2 v2, BITMAPV4HEADER, BITMAPV5HEADER. */
const BMP_DIB_SIZES = [12, 40, 52, 56, 64, 108, 124];

function bmp(b: Uint8Array): ImageHeader {
  if (u32le(b, 14) === 12) {
    if (b.length < 22) return truncated('bmp', 22);
    return sized('bmp', u16le(b, 18), u16le(b, 20));
  }
  if (b.length < 26) return truncated('bmp', 26);
  const h = i32le(b, 22);
  // Height −2³¹ has no positive counterpart in int32.
  return sized('bmp', i32le(b, 18), h === -0x80000000 ? 0 : Math.abs(h));
}

/** Formats recognised only to name them in the refusal: ISO-BMFF brands (HEIC, AVIF), TIFF, PDF, ICO. */
function otherFormat(b: Uint8Array): string | null {
  if (b.length >= 12 && ascii(b, 4, 4) === 'ftyp') {
    const brand = ascii(b, 8, 4);
    if (/^(avif|avis)$/.test(brand)) return 'AVIF';
    if (/^(heic|heix|hevc|hevx|heim|heis|mif1|msf1)$/.test(brand)) return 'HEIC';
    return null;
  }
  if (startsWith(b, [0x49, 0x49, 0x2a, 0x00]) || startsWith(b, [0x4d, 0x4d, 0x00, 0x2a])) return 'TIFF';
  if (startsWith(b, [0x25, 0x50, 0x44, 0x46, 0x2d])) return 'PDF';
  if (startsWith(b, [0x00, 0x00, 0x01, 0x00]) && b.length >= 6 && u16le(b, 4) > 0) return 'ICO';
  return null;
}

/** True if the bytes are the start of an SVG document: optional BOM, XML prolog or comments, then `<svg`. */
function isSvg(b: Uint8Array): boolean {
  const text = ascii(b, 0, Math.min(b.length, 4096)).replace(/^\xef\xbb\xbf/, '');
  return /^\s*(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*|<!DOCTYPE[^>]*>\s*)*<svg[\s/>]/i.test(text);
}

/** Reads the format and size from the first bytes of a file. Never throws; see ImageHeader for the outcomes. */
export function readImageHeader(bytes: Uint8Array): ImageHeader {
  const b = bytes;
  if (b.length >= 8 && startsWith(b, PNG_SIG)) return png(b);
  if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return jpeg(b);
  if (b.length >= 6 && /^GIF8[79]a$/.test(ascii(b, 0, 6))) return gif(b);
  if (b.length >= 12 && ascii(b, 0, 4) === 'RIFF' && ascii(b, 8, 4) === 'WEBP') return webp(b);
  // "BM" alone is a weak signature (a text file may begin so): it counts only with a known DIB header size.
  if (b.length >= 18 && b[0] === 0x42 && b[1] === 0x4d && BMP_DIB_SIZES.includes(u32le(b, 14))) return bmp(b);
  if (isSvg(b)) return { kind: 'svg' };
  const known = otherFormat(b);
  // Too few bytes to tell a file from the start of some format's signature: ask for more before judging.
  if (!known && b.length < 32) return truncated(null, 32);
  return { kind: 'unsupported', known };
}
