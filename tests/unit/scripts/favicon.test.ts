import { readFileSync } from 'node:fs';
import { Image } from '@napi-rs/canvas';
import { describe, expect, it } from 'vitest';
import { rasterIcon } from '../../../src/scripts/faviconPlugin';

describe('the built page’s icons', () => {
  const svg = readFileSync(new URL('../../../public/favicon.svg', import.meta.url));

  it('are PNGs of the asked size, drawn from public/favicon.svg', () => {
    for (const size of [32, 180]) {
      const png = rasterIcon(svg, size);
      expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
      const img = new Image();
      img.src = png;
      expect([img.width, img.height]).toEqual([size, size]);
    }
  });

  it('refuse a file that is not a picture, saying which', () => {
    expect(() => rasterIcon(Buffer.from('not an svg'), 32)).toThrow(/favicon\.svg/);
  });
});
