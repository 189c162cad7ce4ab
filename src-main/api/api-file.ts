// api.json in the data directory: { apiBaseUrl, pid, version } while the API listens, so scripts, the CLI and the
// MCP server find it. Created with mode 0600 (never readable by others, not even for an instant) and renamed into
// place (never half-written); removed on a clean stop if it is still this process's.
import { openSync, readFileSync, renameSync, rmSync, writeSync, closeSync, fsyncSync } from 'node:fs';
import { join } from 'node:path';
import { API_FILE, type ApiFile } from '../../src-shared/api-discovery.ts';
import type { Logger } from '../core/logger.ts';
import type { Service } from '../core/service.ts';

export class ApiFileService implements Service {
  readonly name = 'api-file';
  readonly path: string;

  constructor(
    private readonly dataDir: string,
    private readonly info: () => ApiFile,
    private readonly logger: Logger,
  ) {
    this.path = join(dataDir, API_FILE);
  }

  start(): Promise<void> {
    this.write();
    return Promise.resolve();
  }

  /** Writes the current address again (after the port changed). */
  write(): void {
    const temp = join(this.dataDir, `${API_FILE}.${process.pid}.tmp`);
    rmSync(temp, { force: true });
    const fd = openSync(temp, 'wx', 0o600);
    try {
      writeSync(fd, JSON.stringify(this.info(), null, 2) + '\n');
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, this.path);
  }

  stop(): Promise<void> {
    try {
      const current = JSON.parse(readFileSync(this.path, 'utf8')) as { pid?: unknown };
      if (current.pid === process.pid) rmSync(this.path, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
        this.logger.warn('api.json could not be removed', { error: String(error) });
      }
    }
    return Promise.resolve();
  }
}
