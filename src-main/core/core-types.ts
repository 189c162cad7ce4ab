import type { AuthService, SecretStore, TokenService } from '../auth/auth-types.ts';
import type { EventPublisher } from '../events/event-publisher.ts';
import type { Logger } from './logger.ts';

export interface CoreOptions {
  /** Folder for the database, backups and (headless) the secret file. Created if missing. */
  dataDir: string;
  /** TCP port for the local API on 127.0.0.1; 0 or undefined = ephemeral. */
  port?: number;
  /** Origins allowed to call the API from a browser context (the renderer's `app://tasks`, the dev server). */
  allowedOrigins?: readonly string[];
  secretStore: SecretStore;
  logger?: Logger;
  /** Clock (epoch ms) for personal access token expiry and last use; tests pass a fake one. */
  now?: () => number;
}

/** What the desktop shell and the headless host get back from startCore(). */
export interface CoreServices {
  readonly dataDir: string;
  /** e.g. "http://127.0.0.1:43125" */
  readonly apiBaseUrl: string;
  readonly auth: AuthService;
  readonly tokens: TokenService;
  /** Live events: in-process services (reminders) publish here after a committed change. */
  readonly events: EventPublisher;
  /** Stops the API, then auth, then checkpoints and closes SQLite. Idempotent. */
  stop(): Promise<void>;
}
