import YAML from 'yaml';
import type { Report } from './context';
import { blankOut } from './text';

/*
 * A chapter's YAML frontmatter (title, summary, lecture). Frontmatter lines are blanked in the body, not cut,
 * so positions in the markdown stay true. A broken frontmatter is reported once, at its place, and the
 * chapter is still compiled (with its file name as title), so its labels and citations cause no
 * cascade of errors elsewhere.
 */

export interface Frontmatter {
  title?: string;
  summary: string;
  lecture?: string;
  /** The chapter's text with the frontmatter blanked. */
  body: string;
}

const KNOWN = ['title', 'summary', 'lecture'];

export function readFrontmatter(file: string, text: string, report: Report): Frontmatter {
  if (!text.startsWith('---')) {
    report(file, { line: 1, column: 1 }, 'missing YAML frontmatter (--- title: … summary: … ---) at the top of the chapter');
    return { summary: '', body: text };
  }
  const fm = /^---[ \t]*\n([\s\S]*?)\n?^---[ \t]*$/m.exec(text);
  if (!fm || fm.index !== 0) {
    report(file, { line: 1, column: 1 }, 'the YAML frontmatter is not closed by a line with ---');
    const firstLine = text.indexOf('\n') < 0 ? text.length : text.indexOf('\n');
    return { summary: '', body: blankOut(text.slice(0, firstLine)) + text.slice(firstLine) };
  }
  const body = blankOut(fm[0]) + text.slice(fm[0].length);
  const doc = YAML.parseDocument(fm[1], { prettyErrors: true });
  if (doc.errors.length) {
    const e = doc.errors[0];
    const lp = e.linePos?.[0];
    report(file, { line: (lp?.line ?? 1) + 1, column: lp?.col ?? 1 }, `broken YAML frontmatter: ${e.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '')}`);
    return { summary: '', body };
  }
  const js = doc.toJS() as unknown;
  if (js === null || typeof js !== 'object' || Array.isArray(js)) {
    report(file, { line: 2, column: 1 }, 'the YAML frontmatter must be a mapping (title: …, summary: …)');
    return { summary: '', body };
  }
  const data = js as Record<string, unknown>;
  const lines = text.slice(0, fm[0].length).split('\n');
  const lineOf = (key: string) => {
    const i = lines.findIndex((l) => l.startsWith(`${key}:`));
    return { line: i >= 0 ? i + 1 : 1, column: 1 };
  };
  if (typeof data.title !== 'string' || !data.title.trim()) report(file, lineOf('title'), 'the frontmatter needs a title (a string)');
  if (data.summary !== undefined && typeof data.summary !== 'string') report(file, lineOf('summary'), 'summary must be a string');
  if (data.summary === undefined) report(file, { line: 1, column: 1 }, 'the frontmatter has no summary', 'warning');
  if (data.lecture !== undefined && typeof data.lecture !== 'string') report(file, lineOf('lecture'), 'lecture must be a string (speaker notes)');
  for (const k of Object.keys(data)) {
    if (!KNOWN.includes(k)) report(file, lineOf(k), `unknown frontmatter key "${k}" (known: ${KNOWN.join(', ')})`, 'warning');
  }
  return {
    ...(typeof data.title === 'string' && data.title.trim() ? { title: data.title.trim() } : {}),
    summary: typeof data.summary === 'string' ? data.summary.trim() : '',
    ...(typeof data.lecture === 'string' ? { lecture: data.lecture } : {}),
    body,
  };
}
