import { defineConfig } from 'vitest/config';

// End-to-end: the built renderer (out/renderer) and the real preload bundle (out/preload/index.cjs) in headless
// Debian Chromium, wired to the real IPC handlers and a real startCore() in this Node process.
// `npm run test:e2e` builds first. One file at a time: each launches its own browser and core.
export default defineConfig({
  test: {
    name: 'e2e',
    environment: 'node',
    include: ['e2e/**/*.e2e.test.ts'],
    fileParallelism: false,
    testTimeout: 180_000,
    hookTimeout: 120_000,
    // A loaded CI machine can take more than the default 1 s for a UI change to land.
    expect: { poll: { timeout: 10_000, interval: 50 } },
  },
});
