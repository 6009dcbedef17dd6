import { ImageRefusal, shrinkOnPage } from '../lib/image/shrink';
import type { ImageRequest, ImageResponse } from './image.protocol';

/*
 * Decodes and shrinks a reader's picture in the image worker, one worker per picture, terminated when it answers,
 * is cancelled, or its figure unmounts. The page only receives the finished ±1 pattern. Where the browser has no
 * module workers or no OffscreenCanvas (or the worker says it cannot decode), the page decodes it itself.
 */

export interface ShrinkJob {
  /** The side × side ±1 pattern; rejects with an ImageRefusal (a sentence for the reader), or an AbortError if cancelled. */
  promise: Promise<Float64Array>;
  /** Stops at once (terminates the worker); the promise rejects with an AbortError. */
  cancel(): void;
}

export interface ShrinkRequest {
  file: Blob;
  /** The file's name, for the reader's messages. */
  name: string;
  /** The format its header gave (PNG, JPEG, …), for the reader's messages. */
  format: string;
  side: number;
  /** Called once the picture is decoded and is being shrunk. */
  onShrinking?: () => void;
}

const workersWork = () => typeof Worker === 'function' && typeof OffscreenCanvas === 'function';
const aborted = () => new DOMException('The upload was replaced or the figure closed.', 'AbortError');
let nextId = 1;

export function shrinkImage(req: ShrinkRequest): ShrinkJob {
  if (!workersWork()) return onPage(req);
  const id = nextId++;
  let worker: Worker | null = new Worker(new URL('./image.worker.ts', import.meta.url), { type: 'module' });
  let pageJob: ShrinkJob | null = null;
  let fail: (e: Error) => void = () => {};
  const stop = () => {
    worker?.terminate();
    worker = null;
  };
  const promise = new Promise<Float64Array>((resolve, reject) => {
    fail = reject;
    const fallBack = () => {
      stop();
      pageJob = onPage(req);
      pageJob.promise.then(resolve, reject);
    };
    worker!.onmessage = (e: MessageEvent<ImageResponse>) => {
      const m = e.data;
      if (!worker || m.id !== id) return;
      if (m.type === 'stage') req.onShrinking?.();
      else if (m.type === 'unsupported') fallBack();
      else {
        stop();
        if (m.type === 'done') resolve(m.pixels);
        else reject(new ImageRefusal(m.message));
      }
    };
    // A worker that cannot even start (an old browser without module workers) leaves the page to do it.
    worker!.onerror = (e) => {
      e.preventDefault();
      if (worker) fallBack();
    };
  });
  worker.postMessage({ type: 'shrink', id, file: req.file, name: req.name, format: req.format, side: req.side } satisfies ImageRequest);
  return {
    promise,
    cancel: () => {
      stop();
      pageJob?.cancel();
      fail(aborted());
    },
  };
}

/** The page-thread fallback, cancellable in that its answer is dropped. */
function onPage(req: ShrinkRequest): ShrinkJob {
  let cancelled = false;
  let fail: (e: Error) => void = () => {};
  const promise = new Promise<Float64Array>((resolve, reject) => {
    fail = reject;
    shrinkOnPage(req.file, req.name, req.format, req.side).then(
      (p) => !cancelled && resolve(p),
      (e) => !cancelled && reject(e),
    );
  });
  return {
    promise,
    cancel: () => {
      cancelled = true;
      fail(aborted());
    },
  };
}
