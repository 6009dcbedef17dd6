import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { shrinkImage } from '../../../src/workers/image.client';
import { ImageRefusal } from '../../../src/lib/image/shrink';
import type { ImageRequest, ImageResponse } from '../../../src/workers/image.protocol';

/*
 * The image client against a stand-in Worker: it resolves the worker's pattern, turns a refusal into the
 * reader's sentence, terminates the worker on every outcome and on cancel, and decodes on the page when the
 * worker cannot (or when the browser has no workers or OffscreenCanvas).
 */

/** Omit distributed over the union, so each message keeps its own fields. */
type Answer = ImageResponse extends infer R ? (R extends ImageResponse ? Omit<R, 'id'> : never) : never;

class FakeWorker {
  static last: FakeWorker | null = null;
  onmessage: ((e: MessageEvent<ImageResponse>) => void) | null = null;
  onerror: ((e: ErrorEvent) => void) | null = null;
  sent: ImageRequest[] = [];
  terminated = false;
  constructor(
    public url: URL,
    public options: WorkerOptions,
  ) {
    FakeWorker.last = this;
  }
  postMessage(m: ImageRequest) {
    this.sent.push(m);
  }
  terminate() {
    this.terminated = true;
  }
  answer(m: Answer) {
    this.onmessage?.({ data: { ...m, id: this.sent[0].id } as ImageResponse } as MessageEvent<ImageResponse>);
  }
}

const request = (onShrinking?: () => void) => ({ file: new Blob(['x']), name: 'cat.png', format: 'PNG', side: 16, onShrinking });

beforeEach(() => {
  vi.stubGlobal('Worker', FakeWorker);
  vi.stubGlobal('OffscreenCanvas', class {});
  // The page fallback decodes with createImageBitmap; here it always fails, so a fallback shows as that refusal.
  vi.stubGlobal('createImageBitmap', () => Promise.reject(new Error('cannot decode')));
});
afterEach(() => vi.unstubAllGlobals());

describe('shrinkImage', () => {
  it('spawns the module worker with the request, reports the shrinking stage, resolves the pattern and terminates the worker', async () => {
    const shrinking = vi.fn();
    const job = shrinkImage(request(shrinking));
    const w = FakeWorker.last!;
    expect(w.url.pathname).toMatch(/image\.worker\.ts$/);
    expect(w.options).toEqual({ type: 'module' });
    expect(w.sent[0]).toMatchObject({ type: 'shrink', name: 'cat.png', format: 'PNG', side: 16 });
    w.answer({ type: 'stage', stage: 'shrinking' });
    expect(shrinking).toHaveBeenCalledOnce();
    const pixels = new Float64Array([1, -1]);
    w.answer({ type: 'done', pixels, decodeMs: 1, shrinkMs: 1 });
    await expect(job.promise).resolves.toBe(pixels);
    expect(w.terminated).toBe(true);
  });

  it('a refusal becomes an ImageRefusal with the worker’s sentence; messages for another id are ignored', async () => {
    const job = shrinkImage(request());
    const w = FakeWorker.last!;
    w.onmessage?.({ data: { type: 'done', id: -1, pixels: new Float64Array(1), decodeMs: 0, shrinkMs: 0 } } as MessageEvent<ImageResponse>);
    w.answer({ type: 'refused', message: '“cat.png” is damaged.' });
    const err = await job.promise.catch((e) => e);
    expect(err).toBeInstanceOf(ImageRefusal);
    expect(err.message).toBe('“cat.png” is damaged.');
    expect(w.terminated).toBe(true);
  });

  it('cancel terminates the worker and rejects with an AbortError; later answers change nothing', async () => {
    const job = shrinkImage(request());
    const w = FakeWorker.last!;
    job.cancel();
    expect(w.terminated).toBe(true);
    w.answer({ type: 'done', pixels: new Float64Array(1), decodeMs: 0, shrinkMs: 0 });
    await expect(job.promise).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('falls back to the page when the worker cannot decode, cannot start, or workers or OffscreenCanvas are missing', async () => {
    const damaged = /“cat.png” could not be read as a picture: its header is that of a PNG file, but its image data is damaged/;
    const a = shrinkImage(request());
    FakeWorker.last!.answer({ type: 'unsupported', message: 'no OffscreenCanvas in workers' });
    await expect(a.promise).rejects.toThrow(damaged);
    expect(FakeWorker.last!.terminated).toBe(true);

    const b = shrinkImage(request());
    FakeWorker.last!.onerror?.({ preventDefault: () => {} } as ErrorEvent);
    await expect(b.promise).rejects.toThrow(damaged);

    FakeWorker.last = null;
    vi.stubGlobal('OffscreenCanvas', undefined);
    await expect(shrinkImage(request()).promise).rejects.toThrow(damaged);
    expect(FakeWorker.last).toBeNull();
  });
});
