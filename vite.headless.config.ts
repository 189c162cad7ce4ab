import { resolve } from 'node:path';
import { defineConfig } from 'vite';

// The headless host (`npm run serve`) as one ESM file for plain Node 22: every dependency is bundled (start-up
// reads one file instead of resolving hundreds of modules) except better-sqlite3, whose native addon must load
// from node_modules.
export default defineConfig({
  build: {
    // A small entry that enables Node's compile cache, then imports the host (src-main/headless.ts) as a chunk.
    ssr: resolve(import.meta.dirname, 'src-main/headless-entry.ts'),
    outDir: 'out/headless',
    emptyOutDir: true,
    target: 'node22',
    sourcemap: true,
    minify: false,
    rollupOptions: {
      external: ['better-sqlite3'],
      output: { entryFileNames: 'headless.mjs', format: 'es' },
    },
  },
  ssr: { noExternal: true, target: 'node' },
});
