/*
 * The essay's own pixel art: twenty binary pictures drawn by code, never downloaded. Each picture is a
 * predicate on the square [−1, 1]² (u to the right, v upwards), so it can be rasterised at any size
 * (16×16 for a quick network, 64×64 for the benchmark). Ink is +1, paper is −1, which is the ±1 convention
 * of Hopfield's binary neurons. Pure TypeScript: no DOM, so tests and Web Workers can use it.
 */

export interface BuiltinPicture {
  /** A short, human name shown under the thumbnail and read by screen readers. */
  name: string;
  /** True where the picture has ink. */
  ink: (u: number, v: number) => boolean;
}

const disk = (u: number, v: number, cx: number, cy: number, r: number) => (u - cx) ** 2 + (v - cy) ** 2 <= r * r;
const box = (u: number, v: number, x0: number, x1: number, y0: number, y1: number) => u >= x0 && u <= x1 && v >= y0 && v <= y1;
/** Inside the triangle (a, b, c), by the signs of three edge functions. */
function tri(u: number, v: number, ax: number, ay: number, bx: number, by: number, cx: number, cy: number): boolean {
  const s1 = (bx - ax) * (v - ay) - (by - ay) * (u - ax);
  const s2 = (cx - bx) * (v - by) - (cy - by) * (u - bx);
  const s3 = (ax - cx) * (v - cy) - (ay - cy) * (u - cx);
  return (s1 >= 0 && s2 >= 0 && s3 >= 0) || (s1 <= 0 && s2 <= 0 && s3 <= 0);
}

/*
 * A 5×7 bitmap font for the few letters the essay uses (H, O, P, F, E, L, D: Hopfield's initials and friends).
 * Each string is one row, top to bottom; '#' is ink.
 */
const FONT: Record<string, string[]> = {
  H: ['#...#', '#...#', '#...#', '#####', '#...#', '#...#', '#...#'],
  P: ['####.', '#...#', '#...#', '####.', '#....', '#....', '#....'],
  F: ['#####', '#....', '#....', '####.', '#....', '#....', '#....'],
  E: ['#####', '#....', '#....', '####.', '#....', '#....', '#####'],
  A: ['.###.', '#...#', '#...#', '#####', '#...#', '#...#', '#...#'],
  M: ['#...#', '##.##', '#.#.#', '#.#.#', '#...#', '#...#', '#...#'],
};
function letter(ch: string): (u: number, v: number) => boolean {
  const rows = FONT[ch];
  return (u, v) => {
    // The 5×7 cell grid fills [−0.72, 0.72] × [−0.9, 0.9] with strokes slightly fattened.
    const cx = ((u + 0.72) / 1.44) * 5;
    const cy = ((0.9 - v) / 1.8) * 7;
    if (cx < 0 || cx >= 5 || cy < 0 || cy >= 7) return false;
    return rows[Math.floor(cy)][Math.floor(cx)] === '#';
  };
}

function star(u: number, v: number): boolean {
  // A five-pointed star: radius oscillates between outer and inner with the angle.
  const r = Math.hypot(u, v);
  const a = Math.atan2(v, u) - Math.PI / 2;
  const k = Math.abs(((((a / (2 * Math.PI)) * 5) % 1) + 1) % 1 - 0.5) * 2; // 1 at a point, 0 between
  return r <= 0.38 + 0.52 * k ** 1.6;
}

function heart(u: number, v: number): boolean {
  const x = u * 1.25;
  const y = v * 1.25 + 0.15;
  const q = x * x + y * y - 1;
  return q * q * q - x * x * y * y * y <= 0;
}

function spiral(u: number, v: number): boolean {
  const r = Math.hypot(u, v);
  if (r > 0.95) return false;
  const a = Math.atan2(v, u);
  const t = (r / 0.95) * 3 - a / (2 * Math.PI);
  return ((t % 1) + 1) % 1 < 0.45;
}

export const BUILTIN_PICTURES: readonly BuiltinPicture[] = [
  { name: 'smiley', ink: (u, v) => (disk(u, v, 0, 0, 0.92) && !disk(u, v, 0, 0, 0.78)) || disk(u, v, -0.32, 0.28, 0.14) || disk(u, v, 0.32, 0.28, 0.14) || (disk(u, v, 0, 0.05, 0.55) && !disk(u, v, 0, 0.18, 0.55) && v < -0.1) },
  { name: 'house', ink: (u, v) => tri(u, v, -0.9, 0.1, 0.9, 0.1, 0, 0.88) || (box(u, v, -0.7, 0.7, -0.9, 0.1) && !box(u, v, -0.15, 0.15, -0.9, -0.35) && !box(u, v, -0.55, -0.3, -0.35, -0.1) && !box(u, v, 0.3, 0.55, -0.35, -0.1)) },
  { name: 'heart', ink: heart },
  { name: 'star', ink: star },
  { name: 'tree', ink: (u, v) => tri(u, v, -0.8, -0.45, 0.8, -0.45, 0, 0.2) || tri(u, v, -0.62, 0.0, 0.62, 0.0, 0, 0.55) || tri(u, v, -0.42, 0.4, 0.42, 0.4, 0, 0.92) || box(u, v, -0.13, 0.13, -0.92, -0.45) },
  { name: 'moon', ink: (u, v) => disk(u, v, 0, 0, 0.85) && !disk(u, v, 0.38, 0.22, 0.68) },
  { name: 'arrow', ink: (u, v) => box(u, v, -0.88, 0.2, -0.2, 0.2) || tri(u, v, 0.1, 0.65, 0.1, -0.65, 0.9, 0) },
  { name: 'letter H', ink: letter('H') },
  { name: 'checkerboard', ink: (u, v) => ((Math.floor((u + 1) * 2) + Math.floor((v + 1) * 2)) & 1) === 0 },
  { name: 'ring', ink: (u, v) => disk(u, v, 0, 0, 0.9) && !disk(u, v, 0, 0, 0.5) },
  { name: 'cross', ink: (u, v) => box(u, v, -0.25, 0.25, -0.9, 0.9) || box(u, v, -0.9, 0.9, -0.25, 0.25) },
  { name: 'diagonal stripes', ink: (u, v) => ((Math.floor((u + v + 4) * 2.5) & 1) === 0) },
  { name: 'spiral', ink: spiral },
  { name: 'letter P', ink: letter('P') },
  { name: 'triangle', ink: (u, v) => tri(u, v, -0.92, -0.8, 0.92, -0.8, 0, 0.88) },
  { name: 'diamond', ink: (u, v) => Math.abs(u) + Math.abs(v) <= 0.92 },
  { name: 'saltire', ink: (u, v) => Math.abs(u - v) < 0.32 || Math.abs(u + v) < 0.32 },
  { name: 'letter F', ink: letter('F') },
  { name: 'sun', ink: (u, v) => disk(u, v, 0, 0, 0.45) || (Math.hypot(u, v) < 0.95 && Math.hypot(u, v) > 0.58 && ((((Math.atan2(v, u) / (2 * Math.PI)) * 12) % 1) + 1) % 1 < 0.45) },
  { name: 'letter M', ink: letter('M') },
];

/**
 * Rasterises a picture on a side × side grid: entry r·side + c is +1 (ink) or −1 (paper), row 0 at the top.
 * Samples each pixel at its centre (as Observable Plot's raster does).
 */
export function rasterize(pic: BuiltinPicture, side: number, out = new Float64Array(side * side)): Float64Array {
  for (let r = 0; r < side; r++) {
    const v = 1 - ((r + 0.5) / side) * 2;
    for (let c = 0; c < side; c++) {
      const u = ((c + 0.5) / side) * 2 - 1;
      out[r * side + c] = pic.ink(u, v) ? 1 : -1;
    }
  }
  return out;
}

/** The first `count` built-in pictures at the given size, one ±1 row each. */
export function builtinPatterns(count: number, side: number): Float64Array[] {
  const n = Math.max(0, Math.min(count, BUILTIN_PICTURES.length));
  return BUILTIN_PICTURES.slice(0, n).map((p) => rasterize(p, side));
}
