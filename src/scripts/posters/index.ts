import { readdirSync, existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { createCanvas, GlobalFonts, Image, Path2D, type Canvas, type SKRSContext2D } from '@napi-rs/canvas';
import { hostAttrs, transportAttr, validateProps, type FigureMeta, type PropSpecs } from '../../lib/figure/spec';
import { POSTER_FONT, type FigurePoster } from '../../lib/figure/poster';
import { LinePlot, type LinePlotProps } from '../../lib/LinePlot';
import { PALETTES, PALETTE_VARS, type Palette, type ThemeName } from '../../lib/palette';
import { installSurfaces } from '../../lib/draw/surface';
import { DEFAULT_SEED } from '../../lib/figure/store';

/*
 * Figure posters, drawn at build time in Node with no browser: for each figure, its own `poster.ts` runs the
 * figure's sim at the given props and seed and paints with the figure's draw code onto an @napi-rs/canvas
 * context, at the essay column's width and 2× device pixels, one PNG per theme.
 */

export interface PosterRequest {
  /** Opaque to the renderer (e.g. the figure's anchor); returned with each result. */
  key: string;
  /** The figure id (its folder in src/figures). */
  id: string;
  /** The markdown attributes, validated as the figure validates them. */
  attrs: Record<string, string>;
}

export type PosterResult =
  | { key: string; id: string; theme: ThemeName; png?: Uint8Array; webp?: Uint8Array; width: number; height: number; alt: string; ms: number }
  | { key: string; id: string; skipped: string };

/**
 * The default container width in CSS pixels: the essay column holds figures 640 px wide (42rem less its padding)
 * up to 1600 px viewports, 704 px from there (the default: the figures lay themselves out as on a large screen) and
 * 768 px from 2400 px; `opts.width` picks another.
 */
export const POSTER_WIDTH = 704;
/** Device pixels per CSS pixel. */
export const POSTER_SCALE = 2;
/** The tallest poster, in CSS pixels; taller drawings are cut. */
const MAX_HEIGHT = 1000;

/** Encodings: lossless PNG (default), or lossy WebP (about a tenth of the bytes for the heatmaps). */
export type PosterFormat = 'png' | 'webp';
const WEBP_QUALITY = 82;

/** Figures with no picture to draw, and why. */
export const SKIPPED: Record<string, string> = {
  'comparison-table': 'a table of text (HTML), not a picture',
  notation: 'a notation table (HTML and KaTeX), not a picture',
};

const FIGURES = join(import.meta.dirname, '..', '..', 'figures');
const PUBLIC = join(import.meta.dirname, '..', '..', '..', 'public');

const jsonCache = new Map<string, Promise<unknown>>();
/** A JSON file under public/, read once per process. */
function publicJson(path: string): Promise<unknown> {
  if (!/^[\w./-]+\.json$/.test(path) || path.includes('..')) return Promise.reject(new Error(`not a public JSON path: ${path}`));
  let hit = jsonCache.get(path);
  if (!hit) {
    hit = readFile(join(PUBLIC, path), 'utf8').then((t) => JSON.parse(t) as unknown);
    jsonCache.set(path, hit);
  }
  return hit;
}

/** Every figure id (a folder of src/figures with a meta.ts). */
export function figureIds(): string[] {
  return readdirSync(FIGURES, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(FIGURES, d.name, 'meta.ts')))
    .map((d) => d.name)
    .sort();
}

let ready = false;
function setUp(): void {
  if (ready) return;
  ready = true;
  installSurfaces({ canvas: (w, h) => createCanvas(w, h) as unknown as HTMLCanvasElement, path: () => new Path2D() as unknown as globalThis.Path2D });
  for (const dir of ['/usr/share/fonts/truetype/dejavu', '/usr/share/fonts/truetype/liberation']) if (existsSync(dir)) GlobalFonts.loadFontsFromDir(dir);
}

interface Loaded {
  meta: FigureMeta;
  poster: FigurePoster<PropSpecs, unknown>;
}
async function load(id: string): Promise<Loaded | string> {
  if (SKIPPED[id]) return SKIPPED[id];
  if (!/^[a-z0-9-]+$/.test(id) || !existsSync(join(FIGURES, id, 'meta.ts'))) return `no figure called "${id}"`;
  if (!existsSync(join(FIGURES, id, 'poster.ts'))) return 'the figure declares no poster.ts';
  const [{ meta }, { poster }] = await Promise.all([import(`../../figures/${id}/meta.ts`), import(`../../figures/${id}/poster.ts`)]);
  return { meta, poster };
}


/** The LinePlot's SVG with the stylesheet's custom properties replaced by the palette's colours. */
export function plotSvg(props: LinePlotProps, palette: Palette): string {
  let svg = renderToStaticMarkup(createElement(LinePlot, props));
  for (const [field, name] of Object.entries(PALETTE_VARS)) svg = svg.replaceAll(`var(${name})`, palette[field as keyof typeof PALETTE_VARS]);
  svg = svg.replaceAll('var(--font-ui)', POSTER_FONT);
  return svg.replace('<svg ', `<svg xmlns="http://www.w3.org/2000/svg" font-family="${POSTER_FONT}" `);
}

async function drawSvg(ctx: SKRSContext2D, svg: string, x: number, y: number): Promise<void> {
  const img = new Image();
  // onload fires inside the src setter, while the image is still borrowed: draw once the setter has returned.
  await new Promise<void>((resolve, reject) => {
    img.onload = () => setImmediate(resolve);
    img.onerror = reject;
    img.src = Buffer.from(svg);
  });
  ctx.drawImage(img, x, y);
}

type Drawn = Extract<PosterResult, { theme: ThemeName }>;

/**
 * Encodes on libuv's thread pool while the next poster is drawn on the main thread (the two cores both work), with
 * at most MAX_IN_FLIGHT images waiting, so memory stays bounded.
 */
class Encoder {
  private inFlight: Promise<void>[] = [];
  constructor(private readonly formats: PosterFormat[]) {}

  async add(canvas: Canvas, result: Drawn): Promise<void> {
    const job = (async () => {
      const t0 = performance.now();
      if (this.formats.includes('png')) result.png = new Uint8Array(await canvas.encode('png'));
      if (this.formats.includes('webp')) result.webp = new Uint8Array(await canvas.encode('webp', WEBP_QUALITY));
      result.ms += performance.now() - t0;
    })();
    this.inFlight.push(job);
    if (this.inFlight.length > MAX_IN_FLIGHT) await this.inFlight.shift();
  }

  async done(): Promise<void> {
    await Promise.all(this.inFlight);
    this.inFlight = [];
  }
}
const MAX_IN_FLIGHT = 3;

async function renderOne(req: PosterRequest, fig: Loaded, width: number, themes: ThemeName[], encoder: Encoder): Promise<PosterResult[]> {
  const t0 = performance.now();
  const { meta, poster } = fig;
  const { values: props } = validateProps(meta, req.attrs, hostAttrs(meta));
  const seed = transportAttr(meta, req.attrs, 'seed') ?? DEFAULT_SEED;
  const steps = transportAttr(meta, req.attrs, 'steps') ?? (typeof poster.steps === 'function' ? poster.steps(props) : poster.steps);
  const state = await poster.run({ props, seed, steps, publicJson });
  let ms = performance.now() - t0;
  const out: Drawn[] = [];
  for (const theme of themes) {
    const t1 = performance.now();
    const palette = PALETTES[theme];
    const canvas = createCanvas(width * POSTER_SCALE, MAX_HEIGHT * POSTER_SCALE);
    const ctx = canvas.getContext('2d');
    ctx.scale(POSTER_SCALE, POSTER_SCALE);
    ctx.fillStyle = palette.bg;
    ctx.fillRect(0, 0, width, MAX_HEIGHT);
    const plot = (p: LinePlotProps, x: number, y: number) => drawSvg(ctx, plotSvg(p, palette), x, y);
    const drawn = await poster.draw(ctx as unknown as CanvasRenderingContext2D, state, { width, palette, props, plot });
    const height = Math.max(1, Math.min(MAX_HEIGHT, Math.ceil(drawn.height)));
    const cropped = createCanvas(width * POSTER_SCALE, height * POSTER_SCALE);
    cropped.getContext('2d').drawImage(canvas, 0, 0);
    const result: Drawn = { key: req.key, id: req.id, theme, width: width * POSTER_SCALE, height: height * POSTER_SCALE, alt: drawn.alt, ms: ms + performance.now() - t1 };
    ms = 0;
    out.push(result);
    await encoder.add(cropped, result);
  }
  return out;
}

/**
 * Draws each requested figure's poster in each theme (default both), encoded in each format (default PNG only:
 * `png` is set; with 'webp' in `formats`, `webp` too). A figure with no picture, or one whose poster fails, comes
 * back as `{ skipped: reason }`; nothing throws for one figure.
 */
export async function renderPosters(requests: PosterRequest[], opts: { themes?: ThemeName[]; formats?: PosterFormat[]; width?: number } = {}): Promise<PosterResult[]> {
  setUp();
  const themes = opts.themes ?? ['light', 'dark'];
  const encoder = new Encoder(opts.formats ?? ['png']);
  const width = Math.round(opts.width ?? POSTER_WIDTH);
  const out: PosterResult[] = [];
  for (const req of requests) {
    const fig = await load(req.id);
    if (typeof fig === 'string') {
      out.push({ key: req.key, id: req.id, skipped: fig });
      continue;
    }
    try {
      out.push(...(await renderOne(req, fig, width, themes, encoder)));
    } catch (err) {
      out.push({ key: req.key, id: req.id, skipped: `the poster failed: ${err instanceof Error ? err.message : String(err)}` });
    }
  }
  await encoder.done();
  return out;
}
