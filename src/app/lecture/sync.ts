/*
 * Keeps the projected deck and the presenter window on the same slide. Every window on the same origin
 * joins one BroadcastChannel; whoever moves says so, the others follow. A window that opens asks ("hello")
 * and the deck answers with where it is. Where BroadcastChannel is missing, or cannot reach across
 * (pages opened over file:// each have their own opaque origin), the presenter falls back to postMessage
 * with the window that opened it.
 *
 * Only the two windows talk: a postMessage is heard only from the window this one opened or was opened by,
 * and only from this origin; it is posted only to those windows, addressed to this origin. Over file:// the
 * origin is opaque ("null" on both sides, and a "null" targetOrigin matches nothing), so there a message is
 * heard only from the known window handle and posted with "*" to the known handles alone: nothing else can be
 * addressed, and what is sent is a slide id.
 */
export type SyncMessage = { type: 'goto'; id: string; from: string } | { type: 'hello'; from: string; role: 'lecture' | 'presenter' };

const CHANNEL = 'mips-lecture';

export interface Sync {
  send(m: Omit<SyncMessage, 'from'> & Record<string, unknown>): void;
  close(): void;
}

export function openSync(onMessage: (m: SyncMessage) => void): Sync {
  const me = Math.random().toString(36).slice(2);
  let channel: BroadcastChannel | null = null;
  try {
    channel = typeof BroadcastChannel !== 'undefined' ? new BroadcastChannel(CHANNEL) : null;
  } catch {
    channel = null;
  }
  const seen = (m: unknown): m is SyncMessage =>
    !!m && typeof m === 'object' && ((m as SyncMessage).type === 'goto' || (m as SyncMessage).type === 'hello') && (m as SyncMessage).from !== me;
  const onChannel = (e: MessageEvent) => {
    if (seen(e.data)) onMessage(e.data);
  };
  const opaque = location.origin === 'null';
  const onWindow = (e: MessageEvent) => {
    if (!peers().some((w) => w === e.source)) return;
    if (opaque ? e.origin !== 'null' : e.origin !== location.origin) return;
    const d = e.data as { channel?: string; message?: unknown } | null;
    if (d && d.channel === CHANNEL && seen(d.message)) onMessage(d.message);
  };
  channel?.addEventListener('message', onChannel);
  window.addEventListener('message', onWindow);
  const peers = (): Window[] => {
    const out: Window[] = [];
    if (window.opener && !window.opener.closed) out.push(window.opener as Window);
    for (const w of children) if (!w.closed) out.push(w);
    return out;
  };
  return {
    send(m) {
      const message = { ...m, from: me } as SyncMessage;
      channel?.postMessage(message);
      for (const w of peers()) {
        try {
          w.postMessage({ channel: CHANNEL, message }, opaque ? '*' : location.origin);
        } catch {
          /* the other window is gone */
        }
      }
    },
    close() {
      channel?.removeEventListener('message', onChannel);
      channel?.close();
      window.removeEventListener('message', onWindow);
    },
  };
}

/** Windows this one opened (the presenter), for the postMessage fallback. */
const children: Window[] = [];
export function rememberChild(w: Window | null): void {
  if (w) children.push(w);
}
