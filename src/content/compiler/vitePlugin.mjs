// @ts-check
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

/*
 * The essay as Vite modules, compiled from content/*.md at build time:
 *
 *   virtual:essay                  the manifest (chapters, sections, equations, figures, bibliography) and a
 *                                  lazy loader for every chapter's body (lecture mode and live reload use them)
 *   virtual:essay/chapter/<slug>   one chapter's body (HTML segments around figure placeholders)
 *
 * `vite build` stops on any content error, listing each as file:line:column: reason. In `vite dev`,
 * editing a chapter, the bibliography or a figure's meta.ts recompiles and hot-swaps only the modules whose
 * output changed (the page keeps its scroll position and figure state); errors show in Vite's overlay and
 * clear when fixed.
 *
 * This file is plain JavaScript so that vite.config.ts can import it with its extension; the pipeline
 * itself (TypeScript, in ./pipeline.ts) is loaded through tsx when the build starts.
 */

/** @typedef {import('vite').Plugin} Plugin @typedef {import('vite').ViteDevServer} ViteDevServer @typedef {import('vite').ModuleNode} ModuleNode */
/** @typedef {import('../types').Diagnostic} Diagnostic @typedef {import('../types').ChapterContent} ChapterContent */
/** @typedef {import('./compile').CompiledEssay} CompiledEssay @typedef {import('../../lib/figure/spec').FigureMeta} FigureMeta */

const MANIFEST_ID = 'virtual:essay';
const CHAPTER_PREFIX = 'virtual:essay/chapter/';
const RESOLVED = '\0';

/**
 * @param {{ contentDir?: string }} [options] contentDir: folder of the chapters and references.bib,
 *   relative to the Vite root (default `content`).
 * @returns {Plugin}
 */
export function essayContent(options = {}) {
  const contentDir = options.contentDir ?? 'content';
  let root = process.cwd();
  /** @type {'build' | 'serve'} */
  let command = 'build';
  /** @type {Record<string, FigureMeta>} */
  let figures = {};
  /** @type {Diagnostic[]} */
  let figureProblems = [];
  /** @type {CompiledEssay | null} */
  let compiled = null;
  /** @type {Map<string, string>} */
  let code = new Map();
  /** @type {ViteDevServer | null} */
  let server = null;
  /** Modules changed while the content had errors: sent with the update that fixes them. @type {Set<string>} */
  const held = new Set();
  /** @type {typeof import('./pipeline') | null} */
  let pipeline = null;
  let generation = 0;
  let outDir = 'dist';
  /** The build's posters (src/scripts/posters), written next to index.html. @type {import('../../scripts/posters/essay').EssayPosters | null} */
  let posters = null;
  /** The build's typeset math, a file per chapter after the first (src/content/compiler/typeset.ts). @type {Map<string, string>} */
  let typesetFiles = new Map();

  const runtimeModule = () => '/' + 'src/content/runtime/publish.ts';

  async function loadPipeline() {
    // The pipeline and the figures' declarations are TypeScript: load them through tsx.
    if (!pipeline) {
      const { tsImport } = await import('tsx/esm/api');
      pipeline = await tsImport(pathToFileURL(join(root, 'src/content/compiler/pipeline.ts')).href, import.meta.url);
    }
    return /** @type {typeof import('./pipeline')} */ (pipeline);
  }

  async function loadFigures() {
    const p = await loadPipeline();
    // A fresh copy of each meta.ts after an edit (cache-busting query).
    const r = await p.loadFigureMetas(root, generation++ ? String(Date.now()) : '');
    figures = r.figures;
    figureProblems = r.diagnostics;
  }

  /** @param {Diagnostic} d */
  const formatDiagnostic = (d) => `${d.file}:${d.line}:${d.column}: ${d.severity === 'warning' ? 'warning: ' : ''}${d.reason}`;

  /** @param {CompiledEssay} essay */
  function generate(essay) {
    /** @type {Map<string, string>} */
    const out = new Map();
    const publish = JSON.stringify(runtimeModule());
    const lines = [
      `import { publishManifest } from ${publish};`,
      `export const manifest = ${JSON.stringify(essay.manifest)};`,
      `export const loaders = {`,
      ...essay.contents.map((c) => `  ${JSON.stringify(c.slug)}: () => import(${JSON.stringify(CHAPTER_PREFIX + c.slug)}).then((m) => m.default),`),
      `};`,
      `publishManifest(manifest, loaders);`,
      `if (import.meta.hot) import.meta.hot.accept();`,
    ];
    out.set(RESOLVED + MANIFEST_ID, lines.join('\n'));
    for (const c of essay.contents) out.set(RESOLVED + CHAPTER_PREFIX + c.slug, chapterModule(c, publish));
    return out;
  }

  /** @param {ChapterContent} c @param {string} publish */
  function chapterModule(c, publish) {
    return [
      `import { publishChapter } from ${publish};`,
      `const chapter = ${JSON.stringify(c)};`,
      `publishChapter(chapter);`,
      `export default chapter;`,
      `if (import.meta.hot) import.meta.hot.accept();`,
    ].join('\n');
  }

  /** @returns {Diagnostic[]} */
  function diagnostics() {
    return [...figureProblems, ...(compiled?.diagnostics ?? [])];
  }

  /** @param {boolean} reloadFigures */
  async function recompile(reloadFigures) {
    if (reloadFigures || !compiled) await loadFigures();
    compiled = await (await loadPipeline()).compileFromDisk(root, figures, contentDir);
    const next = generate(compiled);
    /** @type {string[]} */
    const changed = [];
    for (const [id, src] of next) if (code.get(id) !== src) changed.push(id);
    const removed = [...code.keys()].filter((id) => !next.has(id));
    code = next;
    return { changed, removed };
  }

  /** @param {ViteDevServer} srv */
  function report(srv) {
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

  /** @param {string} file */
  const isContent = (file) => {
    const rel = relative(root, file).split('\\').join('/');
    return rel.startsWith(`${contentDir}/`) && (rel.endsWith('.md') || rel.endsWith('.bib'));
  };
  /** @param {string} file */
  const isFigureMeta = (file) => /src[\\/]figures[\\/][^\\/]+[\\/]meta\.ts$/.test(relative(root, file));

  return {
    name: 'essay-content',
    enforce: 'pre',
    configResolved(config) {
      root = config.root;
      command = config.command;
      outDir = resolve(root, config.build.outDir);
    },
    async buildStart() {
      // Vitest starts a Vite server too: compile lazily there (only if a test imports virtual:essay).
      if (process.env.VITEST) return;
      await recompile(true);
      const errors = diagnostics().filter((d) => d.severity === 'error');
      for (const d of diagnostics().filter((x) => x.severity === 'warning')) this.warn(formatDiagnostic(d));
      if (command === 'build' && errors.length) {
        this.error(`${errors.length} content error${errors.length === 1 ? '' : 's'} (run \`npm run check\` for the full list):\n${errors.map(formatDiagnostic).join('\n')}`);
      }
    },
    async transformIndexHtml(html) {
      // The whole essay as static HTML in index.html (in dev too, so live reload patches the same page).
      if (!html.includes('<div id="root"></div>')) return html;
      if (!compiled) await recompile(true);
      const essay = /** @type {CompiledEssay} */ (compiled);
      // At build, each figure's poster is drawn in Node by its own code (in dev the island shows a line instead).
      if (command === 'build') {
        const { tsImport } = await import('tsx/esm/api');
        /** @type {typeof import('../../scripts/posters/essay')} */
        const mod = await tsImport(pathToFileURL(join(root, 'src/scripts/posters/essay.ts')).href, import.meta.url);
        posters = await mod.essayPosters(essay.manifest);
        console.log(`posters: ${posters.files.size} images for ${posters.refs.size} figures in ${(posters.ms / 1000).toFixed(1)} s${posters.skipped.length ? `; none for ${posters.skipped.join('; ')}` : ''}`);
      }
      // At build, chapters after the first keep only MathML; their KaTeX typesetting is a file each (typeset.ts).
      const compiler = await loadPipeline();
      typesetFiles = new Map();
      const typeset =
        command === 'build'
          ? (/** @type {string} */ chapter, /** @type {string[]} */ html) => {
              const script = compiler.typesetScript(chapter, html);
              const file = compiler.typesetFile(chapter, script);
              typesetFiles.set(file, script);
              return `./${file}`;
            }
          : undefined;
      const page = compiler.prerenderEssay(essay.manifest, essay.contents, figures, posters?.refs, typeset);
      return html.replace('<div id="root"></div>', `<div id="root">${page}</div>`);
    },
    writeBundle() {
      for (const [file, script] of typesetFiles) {
        mkdirSync(dirname(join(outDir, file)), { recursive: true });
        writeFileSync(join(outDir, file), script);
      }
      if (!posters) return;
      for (const [file, bytes] of posters.files) {
        mkdirSync(dirname(join(outDir, file)), { recursive: true });
        writeFileSync(join(outDir, file), bytes);
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
      /** @param {string} file */
      const onAddRemove = async (file) => {
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
      /** @type {ModuleNode[]} */
      const mods = [];
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
