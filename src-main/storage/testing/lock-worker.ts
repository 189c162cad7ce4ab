// Test helper (a child process, not a test): takes the data-directory lock on command, as a second app would.
//   lock-worker.ts hold DIR      takes the lock, prints "held" (or "in-use"), keeps it until killed
//   lock-worker.ts serve         reads commands from stdin, one per line:
//     race DIR AT_MS             waits until the clock reaches AT_MS, tries the lock, prints "won" or "in-use"
//     release                    releases a lock won before, prints "released"
import { createInterface } from 'node:readline';
import { acquireDataDirLock, type DataDirLock } from '../data-dir-lock.ts';

function tryAcquire(dir: string): DataDirLock | null {
  try {
    return acquireDataDirLock(dir, 'lock-worker');
  } catch (error) {
    if ((error as { code?: string }).code === 'DATA_DIR_IN_USE') return null;
    throw error;
  }
}

const [mode, dir] = process.argv.slice(2);
if (mode === 'hold' && dir) {
  const lock = tryAcquire(dir);
  // The timer's closure keeps `lock` reachable: a collected lock's connection is closed, which drops the OS lock.
  if (lock) setInterval(() => lock.path, 60_000);
  process.stdout.write(lock ? 'held\n' : 'in-use\n');
} else if (mode === 'serve') {
  let held: DataDirLock | null = null;
  const lines = createInterface({ input: process.stdin });
  lines.on('line', (line) => {
    const [command, target, at] = line.split(' ');
    if (command === 'race' && target && at) {
      while (Date.now() < Number(at)) {
        // spin: every worker tries at the same instant
      }
      held = tryAcquire(target);
      process.stdout.write(held ? 'won\n' : 'in-use\n');
    } else if (command === 'release') {
      held?.release();
      held = null;
      process.stdout.write('released\n');
    }
  });
  lines.on('close', () => process.exit(0));
} else {
  process.stderr.write('usage: lock-worker.ts hold DIR | serve\n');
  process.exit(2);
}
