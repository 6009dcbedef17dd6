/*
 * Budgeted pieces of work for every replay on the page, so that no replay is ever one long task: each piece
 * is a task of its own (a MessageChannel message, as React's scheduler does in browsers) of at most SLICE_MS shared by the
 * running replays, so the browser paints and handles input between pieces. Once per animation frame each job
 * may show its progress. In a hidden tab nothing runs until the tab is shown again.
 */

export interface SliceJob {
  /** Work for about `budgetMs`; true when the job is finished (it is then dropped). */
  slice(budgetMs: number): boolean;
  /** Once per animation frame while the job runs: show progress. */
  frame(): void;
}

/** The most stepping time in one task, shared by the running jobs. */
export const SLICE_MS = 8;

const jobs: SliceJob[] = [];
let channel: MessageChannel | null = null;
let posted = false;
let raf = 0;

/** Runs `job` in pieces until it says it is finished; the returned function stops it. */
export function schedule(job: SliceJob): () => void {
  jobs.push(job);
  post();
  if (!raf) raf = requestAnimationFrame(onFrame);
  return () => drop(job);
}

function drop(job: SliceJob): void {
  const i = jobs.indexOf(job);
  if (i >= 0) jobs.splice(i, 1);
}

function post(): void {
  if (posted || !jobs.length) return;
  posted = true;
  if (document.visibilityState === 'hidden') {
    document.addEventListener('visibilitychange', send, { once: true });
    return;
  }
  send();
}

function send(): void {
  // Where there is setImmediate (Node, in tests), it is the fair choice: Node delivers a chain of MessageChannel
  // messages ahead of everything else. (React's scheduler makes the same choice.)
  if (typeof setImmediate === 'function') {
    setImmediate(onPiece);
    return;
  }
  if (!channel) {
    channel = new MessageChannel();
    channel.port1.onmessage = onPiece;
  }
  channel.port2.postMessage(null);
}

function onPiece(): void {
  posted = false;
  const share = SLICE_MS / Math.max(1, jobs.length);
  for (const job of [...jobs]) if (job.slice(share)) drop(job);
  post();
}

function onFrame(): void {
  raf = 0;
  for (const job of [...jobs]) job.frame();
  if (jobs.length) raf = requestAnimationFrame(onFrame);
}
