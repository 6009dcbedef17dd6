import { useEffect, useRef } from 'react';
import { admitImage } from '../../lib/image/admit';
import { formatName } from '../../lib/image/header';
import { shrinkImage, type ShrinkJob } from '../../workers/image.client';
import type { ReaderPicture } from './sim';

/*
 * A reader's upload, from the moment a file is chosen or dropped: the previous message is replaced at once by
 * "Reading …" with its stage; the file's size and header are judged before anything decodes it (an oversized or
 * foreign file is refused at once); the decode and the shrink to the figure's size run in the image worker; the
 * figure only stores the finished pattern. A new file cancels the one still being read.
 */

/** What the figure shows under its pictures: a sentence, whether it is a refusal, and an upload's stage (of UPLOAD_STAGES). */
export interface FigureMessage {
  text: string;
  bad: boolean;
  stage?: number;
}
/** Stages of an upload: checking its header, decoding, shrinking. */
export const UPLOAD_STAGES = 3;

export function useUpload(side: number, setMessage: (m: FigureMessage) => void, onPicture: (pic: ReaderPicture) => void) {
  const job = useRef<ShrinkJob | null>(null);
  const token = useRef(0);
  const latest = useRef({ side, setMessage, onPicture });
  latest.current = { side, setMessage, onPicture };
  useEffect(
    () => () => {
      token.current++;
      job.current?.cancel();
    },
    [],
  );

  const take = async (file: File) => {
    job.current?.cancel();
    job.current = null;
    const mine = ++token.current;
    const live = () => token.current === mine;
    const { side: s } = latest.current;
    const show = (m: FigureMessage) => live() && latest.current.setMessage(m);
    const reading = `Reading “${file.name}”…`;
    show({ text: `${reading} checking its size.`, bad: false, stage: 0 });
    let admitted;
    try {
      admitted = await admitImage(file);
    } catch {
      show({ text: `“${file.name}” could not be read from your disk. Nothing was stored.`, bad: true });
      return;
    }
    if (!admitted.ok) return show({ text: admitted.message, bad: true });
    if (!live()) return;
    const { format, width, height } = admitted;
    show({ text: `${reading} decoding ${width}×${height} pixels.`, bad: false, stage: 1 });
    const name = formatName(format);
    const current = shrinkImage({ file, name: file.name, format: name, side: s, onShrinking: () => show({ text: `${reading} shrinking it to ${s}×${s}.`, bad: false, stage: 2 }) });
    job.current = current;
    try {
      const pixels = await current.promise;
      if (live()) latest.current.onPicture({ name: file.name.replace(/\.[^.]+$/, '').slice(0, 24) || 'upload', side: s, pixels });
    } catch (e) {
      if (!(e instanceof DOMException && e.name === 'AbortError')) show({ text: e instanceof Error ? e.message : String(e), bad: true });
    } finally {
      if (job.current === current) job.current = null;
    }
  };

  const onChange = (e: React.ChangeEvent<HTMLInputElement>) => {
    const input = e.currentTarget;
    const file = input.files?.[0];
    // Cleared so that choosing the same file again is a change too.
    input.value = '';
    if (file) void take(file);
  };
  const onDrop = (e: React.DragEvent) => {
    const file = e.dataTransfer.files[0];
    if (!file) return;
    e.preventDefault();
    void take(file);
  };
  const onDragOver = (e: React.DragEvent) => {
    if (e.dataTransfer.types.includes('Files')) e.preventDefault();
  };
  return { onChange, onDrop, onDragOver };
}
