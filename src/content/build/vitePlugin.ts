import { join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Plugin, ViteDevServer, ModuleNode } from 'vite';
import type { FigureMeta } from '../../lib/figure/spec';
import { formatDiagnostic, type ChapterContent, type Diagnostic } from '../types';
import type { CompiledEssay } from './compile';
import { compileFromDisk } from './load';

/*
 * The essay as Vite modules, compiled from content/*.md at build time:
 *
 *   virtual:essay                  the manifest (chapters, sections, equations, figures, bibliography), the
 *                                  first chapter's body, and a lazy loader for every other chapter
 *   virtual:essay/chapter/<slug>   one chapter's body (HTML segments around figure placeholders)
 *
 * `vite build` stops on any content error, listing each as file:line:column: reason. In `vite dev`,
 * editing a chapter, the bibliography or a figure's meta.ts recompiles and hot-swaps only the modules whose
 * output changed (the page keeps its scroll position and figure state); errors show in Vite's overlay and
 * clear when fixed.
 */

const MANIFEST_ID = 'virtual:essay';
const CHAPTER_PREFIX = 'virtual:essay/chapter/';
const RESOLVED = '\0';

export interface EssayPluginOptions {
  /** Folder of the chapters and references.bib, relative to the Vite root. Default `content`. */
  contentDir?: string;
}

export function essayContent(options: EssayPluginOptions = {}): Plugin {
  const contentDir = options.contentDir ?? 'content';
  let root = process.cwd();
  let command: 'build' | 'serve' = 'build';
  let figures: Record<string, FigureMeta> = {};
  let figureProblems: Diagnostic[] = [];
  let compiled: CompiledEssay | null = null;
  let code = new Map<string, string>();
  let server: ViteDevServer | null = null;
  /** Modules changed while the content had errors: sent with the update that fixes them. */
  const held = new Set<string>();

  const runtimeModule = () => '/' + 'src/content/runtime/publish.ts';

  async function loadFigures() {
    // The figures' declarations are TypeScript: load them through tsx, fresh each time (a new namespace).
    const { tsImport } = await import('tsx/esm/api');
    const mod = (await tsImport(pathToFileURL(join(root, 'src/content/build/figureMetas.ts')).href, import.meta.url)) as typeof import('./figureMetas');
    const r = await mod.loadFigureMetas(root);
    figures = r.figures;
    figureProblems = r.diagnostics;
  }

  function generate(essay: CompiledEssay): Map<string, string> {
    const out = new Map<string, string>();
    const [first, ...rest] = essay.contents;
    const publish = JSON.stringify(runtimeModule());
    const lines = [
      `import { publishManifest } from ${publish};`,
      first ? `import first from ${JSON.stringify(CHAPTER_PREFIX + first.slug)};` : 'const first = null;',
      `export const manifest = ${JSON.stringify(essay.manifest)};`,
      `export const firstChapter = first;`,
      `export const loaders = {`,
      ...rest.map((c) => `  ${JSON.stringify(c.slug)}: () => import(${JSON.stringify(CHAPTER_PREFIX + c.slug)}).then((m) => m.default),`),
      `};`,
      `publishManifest(manifest, loaders);`,
      `if (import.meta.hot) import.meta.hot.accept();`,
    ];
    out.set(RESOLVED + MANIFEST_ID, lines.join('\n'));
    for (const c of essay.contents) out.set(RESOLVED + CHAPTER_PREFIX + c.slug, chapterModule(c, publish));
    return out;
  }

  function chapterModule(c: ChapterContent, publish: string): string {
    return [
      `import { publishChapter } from ${publish};`,
      `const chapter = ${JSON.stringify(c)};`,
      `publishChapter(chapter);`,
      `export default chapter;`,
      `if (import.meta.hot) import.meta.hot.accept();`,
    ].join('\n');
  }

  function diagnostics(): Diagnostic[] {
    return [...figureProblems, ...(compiled?.diagnostics ?? [])];
  }

  async function recompile(reloadFigures: boolean) {
    if (reloadFigures || !compiled) await loadFigures();
    compiled = compileFromDisk(root, figures, contentDir);
    const next = generate(compiled);
    const changed: string[] = [];
    for (const [id, src] of next) if (code.get(id) !== src) changed.push(id);
    const removed = [...code.keys()].filter((id) => !next.has(id));
    code = next;
    return { changed, removed };
  }

  function report(srv: ViteDevServer) {
    const all = diagnostics();
    const errors = all.filter((d) => d.severity === 'error');
    for (const d of all) srv.config.logger.warn(formatDiagnostic(d), { timestamp: true });
    if (errors.length) {
      const first = errors[0];
      srv.ws.send({
        type: 'error',
        err: {
          message: errors.map(formatDiagnostic).join('\n'),
          stack: '',
          plugin: 'essay-content',
          id: resolve(root, first.file),
          loc: { file: resolve(root, first.file), line: first.line, column: first.column },
        },
      });
    }
  }

  const isContent = (file: string) => {
    const rel = relative(root, file).split('\\').join('/');
    return rel.startsWith(`${contentDir}/`) && (rel.endsWith('.md') || rel.endsWith('.bib'));
  };
  const isFigureMeta = (file: string) => /src[\\/]figures[\\/][^\\/]+[\\/]meta\.ts$/.test(relative(root, file));

  return {
    name: 'essay-content',
    enforce: 'pre',
    configResolved(config) {
      root = config.root;
      command = config.command;
    },
    async buildStart() {
      await recompile(true);
      const errors = diagnostics().filter((d) => d.severity === 'error');
      for (const d of diagnostics().filter((x) => x.severity === 'warning')) this.warn(formatDiagnostic(d));
      if (command === 'build' && errors.length) {
        this.error(`${errors.length} content error${errors.length === 1 ? '' : 's'} (run \`npm run check\` for the full list):\n${errors.map(formatDiagnostic).join('\n')}`);
      }
    },
    resolveId(id) {
      if (id === MANIFEST_ID || id.startsWith(CHAPTER_PREFIX)) return RESOLVED + id;
      return null;
    },
    async load(id) {
      if (!id.startsWith(RESOLVED + 'virtual:essay')) return null;
      if (!compiled) await recompile(true);
      const src = code.get(id);
      if (src === undefined) return `export default null; if (import.meta.hot) import.meta.hot.accept();`;
      return src;
    },
    configureServer(srv) {
      server = srv;
      const onAddRemove = async (file: string) => {
        if (!isContent(file) && !isFigureMeta(file)) return;
        await recompile(isFigureMeta(file));
        for (const id of code.keys()) {
          const m = srv.moduleGraph.getModuleById(id);
          if (m) srv.moduleGraph.invalidateModule(m);
        }
        report(srv);
        srv.ws.send({ type: 'full-reload' });
      };
      srv.watcher.on('add', onAddRemove);
      srv.watcher.on('unlink', onAddRemove);
      // Report problems present when the server starts.
      srv.httpServer?.once('listening', () => {
        if (compiled) report(srv);
      });
    },
    async handleHotUpdate(ctx) {
      if (!isContent(ctx.file) && !isFigureMeta(ctx.file)) return;
      const srv = server ?? ctx.server;
      const { changed } = await recompile(isFigureMeta(ctx.file));
      report(srv);
      // Like a syntax error in code: while the content has errors, the page keeps its last good state and the
      // overlay says what is wrong; the fix sends the update, which clears the overlay.
      for (const id of changed) held.add(id);
      if (diagnostics().some((d) => d.severity === 'error')) return [];
      const mods: ModuleNode[] = [];
      const ids = [...held];
      held.clear();
      for (const id of ids) {
        const m = srv.moduleGraph.getModuleById(id);
        if (m) {
          srv.moduleGraph.invalidateModule(m);
          mods.push(m);
        }
      }
      return [...ctx.modules, ...mods];
    },
  };
}
