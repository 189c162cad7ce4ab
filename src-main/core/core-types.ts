import type { PortFallback } from '../api/api-server.ts';
import type { AuthService, SecretStore, TokenService } from '../auth/auth-types.ts';
import type { DesktopCore } from '../desktop-core/desktop-core.ts';
import type { EventPublisher } from '../events/event-publisher.ts';
import type { BackupCatalog } from '../storage/backup-catalog.ts';
import type { ImportGate } from '../transfer/import-gate.ts';
import type { ReminderScheduler } from '../schedule/reminder-scheduler.ts';
import type { OsCipher } from '../sync/accounts/password-sealer.ts';
import type { SchedulerClock } from '../schedule/scheduler-clock.ts';
import type { Logger } from './logger.ts';

export interface CoreOptions {
  /** Folder for the database, backups and (headless) the secret file. Created if missing. */
  dataDir: string;
  /** TCP port for the local API on 127.0.0.1; 0 or undefined = ephemeral. */
  port?: number;
  /** When `port` is taken, listen on a free one instead of failing (the desktop app; see core.api.fallback). */
  portFallback?: boolean;
  /** Origins allowed to call the API from a browser context (the renderer's `app://tasks`, the dev server). */
  allowedOrigins?: readonly string[];
  secretStore: SecretStore;
  /**
   * The OS keyring's cipher (safeStorage in the desktop app, when a keyring is there): seals sync passwords at rest.
   * Without one they are sealed with the auth secret.
   */
  osCipher?: OsCipher;
  logger?: Logger;
  /** Clock (epoch ms) for personal access token expiry and last use; tests pass a fake one. */
  now?: () => number;
  /** Clock and timers of the reminder scheduler; tests pass a FakeClock. */
  schedulerClock?: SchedulerClock;
  /**
   * Admission of imports; tests pass their own to watch how many are running, or with a small stall policy
   * (default: a body under 1 KiB/s for 10 s is dropped).
   */
  importGate?: ImportGate;
}

export interface ApiAddress {
  baseUrl: string;
  port: number;
  /** The human-readable docs page (rendered from the OpenAPI document). */
  docsUrl: string;
  /** The port asked for (0 = any). */
  requestedPort: number;
  /** Set when the requested port was taken and a free one is used instead. */
  fallback: PortFallback | null;
  /** <dataDir>/api.json */
  apiFile: string;
}

/** What the desktop shell and the headless host get back from startCore(). */
export interface CoreServices {
  readonly dataDir: string;
  /** e.g. "http://127.0.0.1:43125" */
  readonly apiBaseUrl: string;
  /** Where the API listens and how it was found; also written to <dataDir>/api.json. */
  readonly api: ApiAddress;
  readonly auth: AuthService;
  readonly tokens: TokenService;
  /** Live events: in-process services (reminders) publish here after a committed change. */
  readonly events: EventPublisher;
  /** Reminders: subscribe to due/missed ones; check() after resume from sleep or a clock change. */
  readonly reminders: Pick<ReminderScheduler, 'subscribe' | 'check' | 'nextFireAt'>;
  /** The data directory's backups (Settings → Backups): list, and "Back up now" from the live database. */
  readonly backups: BackupCatalog;
  /** The tray's counts and a notification's actions, for the desktop shell (src-main/desktop-core). */
  readonly desktop: DesktopCore;
  /** Stops the API, then auth, then checkpoints and closes SQLite. Idempotent. */
  stop(): Promise<void>;
}
