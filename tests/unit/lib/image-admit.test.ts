import { describe, expect, it } from 'vitest';
import { admitImage, UPLOAD_LIMITS, type NamedBlob } from '../../../src/lib/image/admit';

/*
 * Admission of an upload from its size and header alone, on Node's Blob (as the browser's File): the refusals
 * name the size and the limit, or the accepted formats; only the header is read.
 */

const be16 = (v: number) => [(v >> 8) & 255, v & 255];
const be32 = (v: number) => [(v >>> 24) & 255, (v >>> 16) & 255, (v >>> 8) & 255, v & 255];
const text = (s: string) => [...s].map((c) => c.charCodeAt(0));
const PNG_HEAD = (w: number, h: number) => [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, ...be32(13), ...text('IHDR'), ...be32(w), ...be32(h), 8, 0, 0, 0, 0, 0, 0, 0, 0];
/** A JPEG whose frame header follows `appSegments` APP2 segments of 64 KB (as long ICC profiles are). */
function jpegHead(w: number, h: number, appSegments: number): Uint8Array<ArrayBuffer> {
  const sof = [0xff, 0xc0, ...be16(17), 8, ...be16(h), ...be16(w), 3, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1];
  const out = new Uint8Array(2 + appSegments * 65537 + sof.length).fill(0x41);
  out.set([0xff, 0xd8]);
  for (let k = 0; k < appSegments; k++) out.set([0xff, 0xe2, 0xff, 0xff], 2 + k * 65537);
  out.set(sof, 2 + appSegments * 65537);
  return out;
}

/** A named blob that records how far each read reached. */
function file(name: string, parts: BlobPart[]): NamedBlob & { reads: number[] } {
  const blob = new Blob(parts);
  const reads: number[] = [];
  return {
    name,
    size: blob.size,
    reads,
    slice: (start?: number, end?: number) => {
      reads.push(end ?? blob.size);
      return blob.slice(start, end);
    },
  };
}

describe('admitImage', () => {
  it('refuses a 9000×9000 PNG from its first bytes, naming its size and the limits', async () => {
    const f = file('huge.png', [new Uint8Array(PNG_HEAD(9000, 9000)), new Uint8Array(3_000_000)]);
    const a = await admitImage(f);
    expect(a.ok).toBe(false);
    if (a.ok) return;
    expect(a.message).toContain('“huge.png” is 9000×9000 pixels (81 megapixels)');
    expect(a.message).toContain('the limit is 8192 pixels a side and 40 megapixels');
    expect(a.message).toContain('Nothing was stored.');
    expect(Math.max(...f.reads)).toBeLessThanOrEqual(64 * 1024);
  });

  it('refuses by megapixels under the side limit, and by side under the megapixel limit; admits up to both', async () => {
    const refused = async (w: number, h: number) => !(await admitImage(file('a.png', [new Uint8Array(PNG_HEAD(w, h))]))).ok;
    expect(await refused(7000, 7000)).toBe(true); // 49 MP, sides under 8192
    expect(await refused(8193, 100)).toBe(true); // a strip
    expect(await refused(8192, 4882)).toBe(false); // 39.99 MP
    expect(await refused(6000, 4000)).toBe(false); // a 24 MP camera
    expect(await admitImage(file('p.png', [new Uint8Array(PNG_HEAD(640, 480))]))).toEqual({ ok: true, format: 'png', width: 640, height: 480 });
  });

  it('refuses more than 8 MB before reading a byte', async () => {
    const f = file('big.jpg', [new Uint8Array(UPLOAD_LIMITS.bytes + 1)]);
    const a = await admitImage(f);
    expect(a).toEqual({ ok: false, message: '“big.jpg” is 8.0 MB; the limit is 8 MB. Nothing was stored.' });
    expect(f.reads).toEqual([]);
  });

  it('reads further into a JPEG whose metadata passes 64 KB, and gives up past 1 MB', async () => {
    const f = file('icc.jpg', [jpegHead(4000, 3000, 3)]);
    expect(await admitImage(f)).toEqual({ ok: true, format: 'jpeg', width: 4000, height: 3000 });
    expect(f.reads.length).toBeGreaterThan(1);
    const g = file('deep.jpg', [jpegHead(10, 10, 17)]);
    const a = await admitImage(g);
    expect(a.ok).toBe(false);
    expect(!a.ok && a.message).toContain('more than 1 MB of metadata');
  });

  it('says which formats it takes when the bytes are none of them: text, SVG, HEIC, an empty file, a cut-short PNG', async () => {
    const msg = async (name: string, parts: BlobPart[]) => {
      const a = await admitImage(file(name, parts));
      return a.ok ? '' : a.message;
    };
    expect(await msg('notes.txt', ['not a picture'])).toBe('“notes.txt” is not a picture the figure can read: it accepts PNG, JPEG, GIF, WebP or BMP files. Nothing was stored.');
    expect(await msg('empty.png', [])).toContain('it accepts PNG, JPEG, GIF, WebP or BMP files');
    expect(await msg('logo.svg', ['<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg"/>'])).toContain('is an SVG drawing');
    expect(await msg('logo.svg', ['<svg/>'])).toContain('export it as a PNG first');
    expect(await msg('IMG_0001.HEIC', [new Uint8Array([0, 0, 0, 24, ...text('ftypheic'), ...new Array(40).fill(0)])])).toContain('is a HEIC file, which the figure cannot read');
    expect(await msg('cut.png', [new Uint8Array(PNG_HEAD(10, 10).slice(0, 20))])).toContain('cut short');
    expect(await msg('zero.png', [new Uint8Array(PNG_HEAD(0, 10))])).toBe('“zero.png” could not be read as a picture: it looks like a PNG file, but its header gives a size of 0×10. Nothing was stored.');
  });
});
