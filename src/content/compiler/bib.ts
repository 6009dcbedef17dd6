import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Creator, Entry, Library, Options } from '@retorquere/bibtex-parser';
import type { Diagnostic } from '../types';
import { escapeHtml, lineColAt } from './text';

/*
 * Reads content/references.bib with a maintained BibTeX parser (@retorquere/bibtex-parser, the one behind
 * Better BibTeX for Zotero) and formats each entry once, at build time, as HTML for the bibliography and
 * the citation hover cards.
 */

export interface BibRecord {
  key: string;
  short: string;
  html: string;
  url?: string;
  line: number;
}

type Parser = (input: string, options?: Options) => Library;
type Parsed = { entries: [string, BibRecord][]; diagnostics: Diagnostic[] };

/** A parsed bibliography: what compileEssay needs. */
export interface ParsedBib {
  file: string;
  entries: Map<string, BibRecord>;
  diagnostics: Diagnostic[];
}

/**
 * Parses the bibliography. With `cacheDir`, the result is kept on disk keyed by the file's hash, so an
 * unchanged .bib costs nothing on the next check or build (loading the parser is most of a check's
 * start-up, so it is imported only on a cache miss).
 */
export async function prepareBib(file: string, text: string, cacheDir?: string): Promise<ParsedBib> {
  const key = createHash('sha1').update(file).update('\0').update(text).update('\0v2').digest('hex');
  const cached = cacheDir ? join(cacheDir, `bib-${key}.json`) : null;
  if (cached && existsSync(cached)) {
    try {
      const p = JSON.parse(readFileSync(cached, 'utf8')) as Parsed;
      return { file, entries: new Map(p.entries), diagnostics: p.diagnostics };
    } catch {
      /* a broken cache file: parse again */
    }
  }
  const { parse } = await import('@retorquere/bibtex-parser');
  const out = parseBibWith(parse, file, text);
  if (cached && cacheDir) {
    try {
      mkdirSync(cacheDir, { recursive: true });
      writeFileSync(cached, JSON.stringify({ entries: [...out.entries], diagnostics: out.diagnostics } satisfies Parsed));
    } catch {
      /* read-only checkout: no cache */
    }
  }
  return { file, ...out };
}

function parseBibWith(parse: Parser, file: string, text: string): { entries: Map<string, BibRecord>; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const entries = new Map<string, BibRecord>();
  let lib: Library;
  try {
    lib = parse(text, { sentenceCase: false, unsupported: 'ignore' });
  } catch (e) {
    diagnostics.push({ file, line: 1, column: 1, severity: 'error', reason: `references.bib cannot be read: ${oneLine(e)}` });
    return { entries, diagnostics };
  }
  for (const err of lib.errors) {
    const at = err.input ? Math.max(0, text.indexOf(err.input.trim().slice(0, 40))) : 0;
    const base = lineColAt(text, at);
    const m = /at line (\d+), column (\d+)/.exec(err.error);
    const line = m ? base.line + Number(m[1]) - 1 : base.line;
    const column = m && Number(m[1]) > 1 ? Number(m[2]) : base.column;
    diagnostics.push({ file, line, column, severity: 'error', reason: `BibTeX: ${err.error.replace(/\s*at line \d+, column \d+/, '').split('\n')[0]}` });
  }
  let searchFrom = 0;
  for (const entry of lib.entries) {
    const at = findEntry(text, entry.key, searchFrom);
    if (at >= 0) searchFrom = at + 1;
    const { line, column } = lineColAt(text, Math.max(0, at));
    const previous = entries.get(entry.key);
    if (previous) {
      diagnostics.push({ file, line, column, severity: 'error', reason: `duplicate BibTeX key "${entry.key}" (first defined on line ${previous.line})` });
      continue;
    }
    entries.set(entry.key, { ...formatEntry(entry), line });
  }
  return { entries, diagnostics };
}

function findEntry(text: string, key: string, from: number): number {
  const re = new RegExp(`@\\w+\\s*\\{\\s*${key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*,`, 'g');
  re.lastIndex = from;
  const m = re.exec(text);
  return m ? m.index : -1;
}

function oneLine(e: unknown): string {
  return (e instanceof Error ? e.message : String(e)).split('\n')[0];
}

/** Field text without the parser's markup (case-protection spans and the like). */
function plain(v: unknown): string {
  if (v === undefined || v === null) return '';
  return String(Array.isArray(v) ? v.join(', ') : v)
    .replace(/<[^>]+>/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

function initials(first: string): string {
  return first
    .split(/\s+/)
    .filter(Boolean)
    .map((w) => w.split('-').map((p) => (p.endsWith('.') ? p : `${p[0]}.`)).join('-'))
    .join(' ');
}

function creatorName(c: Creator): string {
  if (c.name) return c.name;
  const last = [c.prefix, c.lastName].filter(Boolean).join(' ');
  return [c.firstName ? initials(c.firstName) : '', last, c.suffix ?? ''].filter(Boolean).join(' ');
}

function lastName(c: Creator): string {
  return c.name ?? [c.prefix, c.lastName].filter(Boolean).join(' ');
}

function formatEntry(entry: Entry): Omit<BibRecord, 'line'> {
  const f = entry.fields as Record<string, unknown>;
  const authors = (f.author as Creator[] | undefined) ?? (f.editor as Creator[] | undefined) ?? [];
  const year = plain(f.year) || plain(f.date).slice(0, 4) || 'n.d.';
  const short =
    authors.length === 0
      ? `${plain(f.title).split(' ').slice(0, 3).join(' ')}, ${year}`
      : authors.length === 1
        ? `${lastName(authors[0])}, ${year}`
        : authors.length === 2
          ? `${lastName(authors[0])} and ${lastName(authors[1])}, ${year}`
          : `${lastName(authors[0])} et al., ${year}`;
  const names = authors.map(creatorName);
  const authorText = names.length > 8 ? `${names.slice(0, 7).join(', ')}, et al.` : names.length > 1 ? `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}` : names[0] ?? '';

  const venueParts: string[] = [];
  const venue = plain(f.journal) || plain(f.journaltitle) || plain(f.booktitle) || plain(f.publisher) || plain(f.institution);
  if (venue) venueParts.push(`<i>${escapeHtml(venue)}</i>`);
  if (plain(f.volume)) venueParts.push(`vol. ${escapeHtml(plain(f.volume))}${plain(f.number) ? `(${escapeHtml(plain(f.number))})` : ''}`);
  if (plain(f.pages)) venueParts.push(`pp. ${escapeHtml(plain(f.pages).replace(/-+/g, '–'))}`);

  const eprint = plain(f.eprint);
  const isArxiv = /arxiv/i.test(plain(f.archiveprefix) || plain(f.eprinttype)) || /^\d{4}\.\d{4,5}/.test(eprint);
  const doi = plain(f.doi);
  const links: string[] = [];
  let url: string | undefined;
  if (doi) {
    url = `https://doi.org/${doi}`;
    links.push(`<a href="${escapeHtml(url)}">doi:${escapeHtml(doi)}</a>`);
  }
  if (eprint && isArxiv) {
    const u = `https://arxiv.org/abs/${eprint}`;
    url ??= u;
    links.push(`<a href="${escapeHtml(u)}">arXiv:${escapeHtml(eprint)}</a>`);
  }
  if (!url && plain(f.url)) {
    url = plain(f.url);
    links.push(`<a href="${escapeHtml(url)}">${escapeHtml(url.replace(/^https?:\/\//, ''))}</a>`);
  }
  const note = plain(f.note);
  const title = plain(f.title);
  const html = [
    authorText ? `<span class="bib-authors">${escapeHtml(authorText)}</span> (${escapeHtml(year)}).` : `(${escapeHtml(year)}).`,
    ` <span class="bib-title">${escapeHtml(title)}</span>.`,
    venueParts.length ? ` ${venueParts.join(', ')}.` : '',
    note ? ` ${escapeHtml(note)}.` : '',
    links.length ? ` ${links.join(' · ')}` : '',
  ].join('');
  return { key: entry.key, short, html, url };
}
