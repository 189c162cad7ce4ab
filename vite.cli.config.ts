import { resolve } from 'node:path';
import { defineConfig } from 'vite';

// The `tasks` CLI as one ESM file (plus lazily loaded chunks for `tasks mcp`) with every dependency bundled, for
// any Node >= 20: `npm run cli`, `npm link`, and packaged builds (copied to resources/cli by electron-builder).
export default defineConfig({
  build: {
    ssr: resolve(import.meta.dirname, 'cli/tasks.ts'),
    outDir: 'out/cli',
    emptyOutDir: true,
    target: 'node20',
    sourcemap: false,
    minify: false,
    rollupOptions: {
      output: {
        entryFileNames: 'tasks.mjs',
        chunkFileNames: 'chunks/[name]-[hash].mjs',
        format: 'es',
        banner: '#!/usr/bin/env node',
      },
    },
  },
  ssr: { noExternal: true, target: 'node' },
});
