// Session ids whose access JWTs must be refused at once (sign-out, revoked or deleted sessions).
// An entry only needs to live as long as a JWT minted before the revocation could: TTL + clock tolerance.
// Persisted in an auth-owned table so a restart does not resurrect the tokens of a signed-out session.
import type { Database, Statement } from 'better-sqlite3';
import { ACCESS_TOKEN_TTL_SECONDS } from './auth-types.ts';

export const REVOKED_SESSION_TABLE = 'auth_revoked_session';
/** Longest time a JWT issued before the revocation can still pass exp checks (TTL + tolerance + margin). */
export const REVOCATION_RETENTION_MS = (ACCESS_TOKEN_TTL_SECONDS + 60) * 1000;

export type RevocationListener = (sessionId: string) => void;

export class RevocationList {
  private readonly revoked = new Map<string, number>();
  private readonly listeners = new Set<RevocationListener>();
  private readonly insert: Statement<[string, number]>;
  private readonly prune: Statement<[number]>;

  constructor(
    sqlite: Database,
    private readonly now: () => number = Date.now,
  ) {
    sqlite.exec(
      `CREATE TABLE IF NOT EXISTS ${REVOKED_SESSION_TABLE} (session_id TEXT PRIMARY KEY NOT NULL, until_ms INTEGER NOT NULL)`,
    );
    this.insert = sqlite.prepare(
      `INSERT INTO ${REVOKED_SESSION_TABLE} (session_id, until_ms) VALUES (?, ?)
       ON CONFLICT (session_id) DO UPDATE SET until_ms = excluded.until_ms`,
    );
    this.prune = sqlite.prepare(`DELETE FROM ${REVOKED_SESSION_TABLE} WHERE until_ms <= ?`);
    this.prune.run(this.now());
    const rows = sqlite.prepare(`SELECT session_id, until_ms FROM ${REVOKED_SESSION_TABLE}`).all() as {
      session_id: string;
      until_ms: number;
    }[];
    for (const row of rows) this.revoked.set(row.session_id, row.until_ms);
  }

  revoke(sessionId: string): void {
    const now = this.now();
    this.revoked.set(sessionId, now + REVOCATION_RETENTION_MS);
    this.insert.run(sessionId, now + REVOCATION_RETENTION_MS);
    this.pruneExpired(now);
    for (const listener of this.listeners) listener(sessionId);
  }

  isRevoked(sessionId: string): boolean {
    const until = this.revoked.get(sessionId);
    if (until === undefined) return false;
    if (until > this.now()) return true;
    this.revoked.delete(sessionId);
    return false;
  }

  /** Returns the unsubscribe function. */
  onRevoke(listener: RevocationListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  get size(): number {
    return this.revoked.size;
  }

  private pruneExpired(now: number): void {
    for (const [sessionId, until] of this.revoked) if (until <= now) this.revoked.delete(sessionId);
    this.prune.run(now);
  }
}
