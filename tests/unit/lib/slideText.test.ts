import { describe, expect, it } from 'vitest';
import { SLIDE_MIN_TEXT_PX, slideFont } from '../../../src/lib/slideText';

describe('slideFont: a slide canvas draws no text under 24 page pixels', () => {
  it('raises a small font to the floor for the zoom, with 4 % to spare, and keeps the rest of the font', () => {
    const f = slideFont('italic 11px Georgia, serif', 1.5);
    const px = Number(/([\d.]+)px/.exec(f)![1]);
    expect(f).toMatch(/^italic [\d.]+px Georgia, serif$/);
    expect(px * 1.5).toBeGreaterThanOrEqual(SLIDE_MIN_TEXT_PX * 1.04);
    expect(px * 1.5).toBeLessThan(SLIDE_MIN_TEXT_PX * 1.04 + 0.2);
  });
  it('leaves type that is already large enough alone', () => {
    expect(slideFont('600 20px system-ui', 2)).toBe('600 20px system-ui');
    expect(slideFont('bold 3em serif', 1.2)).toBe('bold 3em serif');
  });
});
