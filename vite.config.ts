/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { essayContent } from './src/content/build/vitePlugin.mjs';
import { figureSnapshots } from './scripts/snapshotsPlugin.mjs';

export default defineConfig({
  // Relative asset paths, so dist/ works from any folder, a sub-path on a static host, or file://.
  base: './',
  // essayContent compiles content/*.md (math typeset, citations and figures checked) into virtual:essay.
  // figureSnapshots uses public/snapshots/ (npm run snapshots) for og:image, <noscript> and print, when present.
  plugins: [essayContent({ contentDir: process.env.ESSAY_CONTENT ?? 'content' }), react(), figureSnapshots()],
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
});
