/// <reference types="vitest/config" />
import { defineConfig, mergeConfig, type Plugin, type UserConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { essayContent } from './src/content/compiler/vitePlugin.mjs';
import { figureSnapshots } from './src/scripts/snapshotsPlugin.mjs';
import { contentSecurityPolicy } from './src/scripts/cspPlugin';
import { favicons } from './src/scripts/faviconPlugin';

const base: UserConfig = {
  // Relative asset paths, so dist/ works from any folder, a sub-path on a static host, or file://.
  base: './',
  // essayContent compiles content/*.md (math typeset, citations and figures checked) into virtual:essay.
  // figureSnapshots uses public/snapshots/ (npm run snapshots) for og:image, <noscript> and print, when present.
  // contentSecurityPolicy (build only) adds the CSP <meta> and index.html's loader of the module or file:// build.
  // favicons (build only) draws the icons as PNGs from public/favicon.svg.
  plugins: [essayContent({ contentDir: process.env.ESSAY_CONTENT ?? 'content' }), react(), figureSnapshots(), contentSecurityPolicy(), favicons()],
  build: { target: 'es2022', sourcemap: false },
  worker: { format: 'es' },
  server: { host: '127.0.0.1' },
  preview: { host: '127.0.0.1', port: 4173, strictPort: true },
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/unit/**/*.test.tsx'],
    benchmark: { include: ['tests/bench/**/*.bench.ts'] },
    environment: 'node',
    // Property tests run hundreds of instances; on a loaded 2-core machine they can take several seconds.
    // Speed is measured by the benchmarks, never by a test's timeout.
    testTimeout: 60_000,
    // Under CI a JSON report feeds the closing "N passed, N failed" line of .ci/run.
    reporters: process.env.CI ? ['default', 'json'] : ['default'],
    outputFile: process.env.CI ? { json: 'reports/unit.json' } : undefined,
  },
};

/*
 * `vite build --mode offline`: a second build of the same app for readers who open dist/index.html from a
 * folder or a USB stick, over file://. Browsers refuse ES modules (and any CORS-mode fetch, so also
 * `crossorigin` stylesheets and module workers) from file:// pages, so this build is one classic script,
 * dist/offline/app.js, with its CSS in dist/offline/app.css, every chapter and figure inlined, and Web Workers
 * inlined as blob: URLs. index.html loads it only when opened over file://. `npm run build` runs both builds.
 */
/** `new Worker(new URL('./w.ts', import.meta.url), …)` → an inlined worker (Vite's `?worker&inline`). */
function inlineWorkers(): Plugin {
  const pattern = /new Worker\(\s*new URL\(\s*(['"])([^'"]+)\1\s*,\s*import\.meta\.url\s*\)\s*(?:,\s*\{[^}]*\}\s*)?\)/g;
  return {
    name: 'offline-inline-workers',
    enforce: 'pre',
    transform(code, id) {
      if (id.includes('node_modules') || !/\.(t|j)sx?$/.test(id) || !code.includes('new Worker(')) return null;
      let n = 0;
      const imports: string[] = [];
      const out = code.replace(pattern, (_m, _q, path: string) => {
        const name = `__OfflineWorker${n++}`;
        imports.push(`import ${name} from ${JSON.stringify(`${path}?worker&inline`)};`);
        return `new ${name}()`;
      });
      return n ? { code: `${imports.join('\n')}\n${out}`, map: null } : null;
    },
  };
}

const offline: UserConfig = {
  plugins: [inlineWorkers()],
  publicDir: false,
  worker: { format: 'iife' },
  build: {
    outDir: process.env.OFFLINE_OUT ?? 'dist/offline',
    emptyOutDir: true,
    copyPublicDir: false,
    cssCodeSplit: false,
    assetsDir: '.',
    rolldownOptions: {
      input: 'src/offline.ts',
      output: { format: 'iife', entryFileNames: 'app.js', assetFileNames: (a: { names?: string[] }) => (a.names?.[0]?.endsWith('.css') ? 'app.css' : '[name]-[hash][extname]'), codeSplitting: false },
    },
  },
};

export default defineConfig(({ mode }) => (mode === 'offline' ? mergeConfig(base, offline) : base));
