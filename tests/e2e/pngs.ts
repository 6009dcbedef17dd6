import { crc32, deflateSync } from 'node:zlib';

/*
 * Valid PNG files built in Node for the upload tests: 8-bit greyscale, no filtering, one IDAT. A one-colour
 * 9000×9000 picture is 80 KB of file, well under the byte limit, and 81 megapixels once decoded.
 */

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])) >>> 0, 0);
  return Buffer.concat([head, data, crc]);
}

/** A greyscale PNG of width × height whose pixel (x, y) is shade(x, y) (0 black … 255 white); all white without shade. */
export function greyPng(width: number, height: number, shade?: (x: number, y: number) => number): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 0, 0, 0, 0], 8);
  const raw = Buffer.alloc((width + 1) * height, 255);
  for (let y = 0; y < height; y++) {
    raw[y * (width + 1)] = 0; // filter type: none
    if (shade) for (let x = 0; x < width; x++) raw[y * (width + 1) + 1 + x] = shade(x, y);
  }
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

/** A dark disk on white, side × side. */
export const diskPng = (side = 64) => greyPng(side, side, (x, y) => ((x - side / 2) ** 2 + (y - side / 2) ** 2 < (side / 3) ** 2 ? 0 : 255));

/** The same PNG with its image data overwritten from byte 60 on: the header reads, the decode fails. */
export const damagedPng = (side = 64) => {
  const b = diskPng(side);
  b.fill(0x5a, 60, b.length - 12);
  return b;
};
