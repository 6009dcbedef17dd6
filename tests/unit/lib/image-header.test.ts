import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readImageHeader, type ImageHeader } from '../../../src/lib/image/header';

/*
 * The header reader against hand-built files of every format: the size it reads, every cut-short prefix, headers
 * that lie or contradict themselves, formats it only names, and random bytes (it must never throw).
 */

const be16 = (v: number) => [(v >> 8) & 255, v & 255];
const le16 = (v: number) => [v & 255, (v >> 8) & 255];
const be32 = (v: number) => [(v >>> 24) & 255, (v >>> 16) & 255, (v >>> 8) & 255, v & 255];
const le32 = (v: number) => [v & 255, (v >>> 8) & 255, (v >>> 16) & 255, (v >>> 24) & 255];
const le24 = (v: number) => [v & 255, (v >> 8) & 255, (v >> 16) & 255];
const text = (s: string) => [...s].map((c) => c.charCodeAt(0));
const bytes = (...parts: number[][]) => new Uint8Array(parts.flat());

const PNG_SIG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
/** A PNG up to its IHDR chunk's CRC (the reader never checks CRCs, as decoders would). */
const png = (w: number, h: number, chunk = 'IHDR', len = 13) => bytes(PNG_SIG, be32(len), text(chunk), be32(w), be32(h), [8, 6, 0, 0, 0], [0, 0, 0, 0]);

/** A JPEG segment: marker, 2-byte length, payload. */
const seg = (marker: number, payload: number[]) => [0xff, marker, ...be16(payload.length + 2), ...payload];
const sof = (marker: number, w: number, h: number) => seg(marker, [8, ...be16(h), ...be16(w), 3, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1]);
const JFIF = seg(0xe0, [...text('JFIF'), 0, 1, 1, 0, 0, 1, 0, 1, 0, 0]);
const jpeg = (w: number, h: number, ...before: number[][]) => bytes([0xff, 0xd8], JFIF, ...before, seg(0xdb, new Array(65).fill(1)), sof(0xc0, w, h), seg(0xda, [1, 1, 0, 0, 63, 0]), [0x12, 0x34]);

const gif = (w: number, h: number, v = '89a') => bytes(text(`GIF${v}`), le16(w), le16(h), [0xf7, 0, 0]);
const riff = (chunk: string, payload: number[]) => bytes(text('RIFF'), le32(4 + 8 + payload.length), text('WEBP'), text(chunk), le32(payload.length), payload);
const vp8x = (w: number, h: number) => riff('VP8X', [0x10, 0, 0, 0, ...le24(w - 1), ...le24(h - 1)]);
const vp8l = (w: number, h: number, sig = 0x2f) => riff('VP8L', [sig, ...le32((w - 1) | ((h - 1) << 14) | (1 << 28)), 0, 0]);
const vp8 = (w: number, h: number, tag0 = 0x10) => riff('VP8 ', [tag0, 0x02, 0x00, 0x9d, 0x01, 0x2a, ...le16(w), ...le16(h), 0, 0]);
const bmp = (w: number, h: number, dib = 40) =>
  dib === 12 ? bytes(text('BM'), le32(0), le32(0), le32(26), le32(12), le16(w), le16(h), le16(1), le16(24)) : bytes(text('BM'), le32(0), le32(0), le32(54), le32(dib), le32(w), le32(h), le16(1), le16(24), new Array(dib - 16).fill(0));

const image = (format: string, width: number, height: number): ImageHeader => ({ kind: 'image', format, width, height }) as ImageHeader;

describe('readImageHeader: sizes of well-formed files', () => {
  it('PNG (IHDR)', () => {
    expect(readImageHeader(png(9000, 9000))).toEqual(image('png', 9000, 9000));
    expect(readImageHeader(png(1, 65536))).toEqual(image('png', 1, 65536));
  });
  it('JPEG: baseline, progressive and every other SOFn; APPn, DQT, DHT and fill bytes skipped', () => {
    expect(readImageHeader(jpeg(4032, 3024))).toEqual(image('jpeg', 4032, 3024));
    for (const m of [0xc1, 0xc2, 0xc3, 0xc5, 0xc6, 0xc7, 0xc9, 0xca, 0xcb, 0xcd, 0xce, 0xcf]) {
      expect(readImageHeader(bytes([0xff, 0xd8], JFIF, sof(m, 640, 480)))).toEqual(image('jpeg', 640, 480));
    }
    // DHT (C4), JPG (C8) and DAC (CC) sit in the C0–CF range but are not frame headers.
    const dht = seg(0xc4, [0, ...new Array(16).fill(0)]);
    const dac = seg(0xcc, [0, 0x10]);
    expect(readImageHeader(bytes([0xff, 0xd8], dht, dac, [0xff, 0xff, 0xff], sof(0xc2, 17, 9)))).toEqual(image('jpeg', 17, 9));
    // An EXIF segment holding a thumbnail's own SOF: the reader skips the whole APP1 and reads the real frame.
    const exifThumb = seg(0xe1, [...text('Exif'), 0, 0, 0xff, 0xd8, ...sof(0xc0, 160, 120), ...new Array(500).fill(7)]);
    expect(readImageHeader(jpeg(5000, 4000, exifThumb))).toEqual(image('jpeg', 5000, 4000));
    // Standalone markers (RSTn, TEM) between segments have no length.
    expect(readImageHeader(bytes([0xff, 0xd8, 0xff, 0xd0, 0xff, 0x01], sof(0xc0, 3, 2)))).toEqual(image('jpeg', 3, 2));
  });
  it('GIF (logical screen), both versions', () => {
    expect(readImageHeader(gif(320, 200))).toEqual(image('gif', 320, 200));
    expect(readImageHeader(gif(65535, 1, '87a'))).toEqual(image('gif', 65535, 1));
  });
  it('WebP: VP8X (extended), VP8L (lossless), VP8 (lossy)', () => {
    expect(readImageHeader(vp8x(9000, 16383))).toEqual(image('webp', 9000, 16383));
    expect(readImageHeader(vp8x(16777216, 1))).toEqual(image('webp', 16777216, 1));
    expect(readImageHeader(vp8l(16384, 1))).toEqual(image('webp', 16384, 1));
    expect(readImageHeader(vp8l(123, 4567))).toEqual(image('webp', 123, 4567));
    // The VP8 size fields carry a 2-bit scale in their top bits, which is not part of the size.
    expect(readImageHeader(vp8(0x4000 | 800, 0xc000 | 600))).toEqual(image('webp', 800, 600));
  });
  it('BMP: every DIB header size, top-down and bottom-up', () => {
    for (const dib of [40, 52, 56, 64, 108, 124]) expect(readImageHeader(bmp(1024, 768, dib))).toEqual(image('bmp', 1024, 768));
    expect(readImageHeader(bmp(1024, -768))).toEqual(image('bmp', 1024, 768));
    expect(readImageHeader(bmp(300, 200, 12))).toEqual(image('bmp', 300, 200));
  });
});

const WELL_FORMED = { png: png(9000, 9000), jpeg: jpeg(4032, 3024), gif: gif(320, 200), vp8x: vp8x(9000, 9000), vp8l: vp8l(640, 480), vp8: vp8(640, 480), bmp: bmp(1024, 768), bmp12: bmp(30, 20, 12) };

describe('readImageHeader: files cut short', () => {
  it('every prefix too short for the size is "truncated", asking for more than it has', () => {
    for (const [name, file] of Object.entries(WELL_FORMED)) {
      const full = readImageHeader(file);
      expect(full.kind, name).toBe('image');
      let sawImage = false;
      for (let n = 0; n <= file.length; n++) {
        const h = readImageHeader(file.subarray(0, n));
        if (h.kind === 'image') {
          expect(h, `${name} at ${n} bytes`).toEqual(full);
          sawImage = true;
        } else {
          expect(sawImage, `${name}: a longer prefix must not lose the size (${n} bytes)`).toBe(false);
          expect(h.kind, `${name} at ${n} bytes`).toBe('truncated');
          if (h.kind === 'truncated') expect(h.need, `${name} at ${n} bytes`).toBeGreaterThan(n);
        }
      }
    }
  });
  it('a JPEG whose metadata outruns the bytes read asks for the offset past the segment', () => {
    const big = seg(0xe1, new Array(70_000 - 4).fill(0).slice(0, 65533));
    const file = jpeg(100, 100, big);
    const h = readImageHeader(file.subarray(0, 1000));
    expect(h).toEqual({ kind: 'truncated', format: 'jpeg', need: 2 + JFIF.length + big.length + 1 });
    expect(readImageHeader(file.subarray(0, (h as { need: number }).need + 200))).toEqual(image('jpeg', 100, 100));
  });
});

describe('readImageHeader: headers that lie', () => {
  const damaged = (b: Uint8Array, format: string) => expect(readImageHeader(b)).toMatchObject({ kind: 'damaged', format });
  it('PNG: first chunk not IHDR, IHDR of the wrong length, zero or out-of-range sizes', () => {
    damaged(png(10, 10, 'IDAT'), 'png');
    damaged(png(10, 10, 'IHDR', 14), 'png');
    damaged(png(0, 10), 'png');
    damaged(png(10, 0), 'png');
    damaged(png(0x80000000, 10), 'png');
    damaged(png(0xffffffff, 0xffffffff), 'png');
  });
  it('JPEG: scan before frame, end before frame, impossible lengths, missing markers, zero height (DNL)', () => {
    damaged(bytes([0xff, 0xd8], JFIF, seg(0xda, [1, 2, 3])), 'jpeg');
    damaged(bytes([0xff, 0xd8, 0xff, 0xd9]), 'jpeg');
    damaged(bytes([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x01, 0, 0, 0, 0]), 'jpeg');
    damaged(bytes([0xff, 0xd8], JFIF, [0x00, 0x00], sof(0xc0, 1, 1)), 'jpeg');
    damaged(bytes([0xff, 0xd8], [0xff, 0xc0, 0x00, 0x05, 8, 0, 1]), 'jpeg');
    damaged(bytes([0xff, 0xd8], sof(0xc0, 100, 0)), 'jpeg');
    damaged(bytes([0xff, 0xd8], [0xff, 0x00, 0, 0]), 'jpeg');
  });
  it('GIF with a zero-sized screen; WebP with a foreign first chunk, a lossless stream without its signature, a lossy stream that starts on an inter frame', () => {
    damaged(gif(0, 10), 'gif');
    damaged(riff('ALPH', new Array(20).fill(0)), 'webp');
    damaged(vp8l(10, 10, 0x2e), 'webp');
    damaged(vp8(10, 10, 0x11), 'webp');
    damaged(vp8(0, 10), 'webp');
  });
  it('BMP with a negative width or the impossible height −2³¹', () => {
    damaged(bmp(-5, 10), 'bmp');
    damaged(bmp(5, -0x80000000), 'bmp');
    damaged(bmp(0, 10, 12), 'bmp');
  });
});

describe('readImageHeader: what it is not', () => {
  it('recognises SVG documents, with or without prolog, comments, doctype and BOM', () => {
    const svgs = [
      '<svg xmlns="http://www.w3.org/2000/svg" width="9000" height="9000"></svg>',
      '<?xml version="1.0" encoding="UTF-8"?>\n<!-- Generator: an editor -->\n<svg>',
      '\ufeff<?xml version="1.0"?><!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "x.dtd"><SVG viewBox="0 0 1 1">',
      '   \n<svg\n  width="1">',
    ];
    for (const s of svgs) expect(readImageHeader(new TextEncoder().encode(s)), s).toEqual({ kind: 'svg' });
    expect(readImageHeader(new TextEncoder().encode('<!DOCTYPE html><html><body><svg></svg></body></html>')).kind).toBe('unsupported');
    expect(readImageHeader(new TextEncoder().encode('<svgfoo>not an svg element, but long enough to judge</svgfoo>')).kind).toBe('unsupported');
  });
  it('names HEIC, AVIF, TIFF, PDF and ICO; anything else is unsupported and unnamed', () => {
    const pad = (b: number[]) => bytes(b, new Array(40).fill(0));
    expect(readImageHeader(pad([0, 0, 0, 24, ...text('ftypheic')]))).toEqual({ kind: 'unsupported', known: 'HEIC' });
    expect(readImageHeader(pad([0, 0, 0, 24, ...text('ftypavif')]))).toEqual({ kind: 'unsupported', known: 'AVIF' });
    expect(readImageHeader(pad(text('II*\0')))).toEqual({ kind: 'unsupported', known: 'TIFF' });
    expect(readImageHeader(pad(text('MM\0*')))).toEqual({ kind: 'unsupported', known: 'TIFF' });
    expect(readImageHeader(pad(text('%PDF-1.7')))).toEqual({ kind: 'unsupported', known: 'PDF' });
    expect(readImageHeader(pad([0, 0, 1, 0, 1, 0]))).toEqual({ kind: 'unsupported', known: 'ICO' });
    expect(readImageHeader(pad([0, 0, 0, 24, ...text('ftypmp42')]))).toEqual({ kind: 'unsupported', known: null });
    expect(readImageHeader(new TextEncoder().encode('BMW 3 series owner’s manual, chapter one: the engine'))).toEqual({ kind: 'unsupported', known: null });
  });
  it('asks for more bytes before judging a file shorter than any signature needs', () => {
    expect(readImageHeader(new Uint8Array(0))).toEqual({ kind: 'truncated', format: null, need: 32 });
    expect(readImageHeader(new TextEncoder().encode('hello'))).toEqual({ kind: 'truncated', format: null, need: 32 });
  });
});

describe('readImageHeader: fuzz', () => {
  const valid = (h: ImageHeader) => {
    if (h.kind === 'image') return Number.isInteger(h.width) && Number.isInteger(h.height) && h.width > 0 && h.height > 0;
    if (h.kind === 'truncated') return Number.isInteger(h.need) && h.need > 0;
    return ['damaged', 'svg', 'unsupported'].includes(h.kind);
  };
  it('never throws on random bytes, and returns a well-formed answer', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 600 }), (b) => valid(readImageHeader(b))),
      { numRuns: 3000 },
    );
  });
  it('never throws on a real signature followed by random bytes, nor on a well-formed file with bytes overwritten', () => {
    const starts = Object.values(WELL_FORMED).map((f) => f.subarray(0, 16));
    fc.assert(
      fc.property(fc.constantFrom(...starts), fc.uint8Array({ maxLength: 400 }), (sig, tail) => valid(readImageHeader(bytes([...sig], [...tail])))),
      { numRuns: 3000 },
    );
    const files = Object.values(WELL_FORMED);
    fc.assert(
      fc.property(fc.constantFrom(...files), fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { maxLength: 6 }), (file, edits) => {
        const b = file.slice();
        for (const [i, v] of edits) b[i % b.length] = v;
        return valid(readImageHeader(b));
      }),
      { numRuns: 3000 },
    );
  });
});
