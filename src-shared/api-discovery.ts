// How scripts find the local API: the desktop app's fixed default port, and the api.json file the app and the
// headless host write in the data directory while they listen. UI-free and Node-free (the CLI reads it too).
import { z } from 'zod';

/** The desktop app listens on 127.0.0.1:47821 unless Settings says otherwise or the port is taken. */
export const DEFAULT_API_PORT = 47821;
/** Written in the data directory (mode 0600) while the API listens; removed on a clean exit. */
export const API_FILE = 'api.json';
/** What GET /api/health answers in `app`, so a port scanner can tell it found this app. */
export const APP_ID = 'tasks-desktop';
export const APP_NAME = 'Tasks Desktop';

export const apiFile = z.object({
  apiBaseUrl: z.string().regex(/^http:\/\/127\.0\.0\.1:\d{1,5}$/),
  pid: z.number().int().positive(),
  version: z.string(),
});
export type ApiFile = z.infer<typeof apiFile>;

/**
 * GET /api/health. `pid` is the answering process, the one api.json names: before sending a credential the CLI
 * checks both, so a stale api.json whose port another program took never receives a token or a password.
 */
export const health = z.object({
  status: z.literal('ok'),
  app: z.literal(APP_ID),
  name: z.string(),
  version: z.string(),
  pid: z.number().int().positive(),
});
export type Health = z.infer<typeof health>;

export const portNumber = z.number().int().min(1024, 'Use a port from 1024 to 65535.').max(65535, 'Use a port from 1024 to 65535.');
