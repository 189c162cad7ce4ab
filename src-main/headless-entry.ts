// Entry of the headless bundle (out/headless/headless.mjs). Turns on Node's on-disk compile cache before the
// host's code is loaded, so every start after the first reuses V8's compiled code instead of parsing and
// compiling ~1.5 MB of bundled JavaScript again (S1 in bench/). The host itself is a separate chunk, imported
// dynamically for that reason. The cache lives in Node's default place (NODE_COMPILE_CACHE, else
// <tmpdir>/node-compile-cache), is keyed by each file's content and checked by Node; if it cannot be used the
// host starts exactly as before, only without the speed-up.
import { enableCompileCache } from 'node:module';

enableCompileCache?.();
await import('./headless.ts');
