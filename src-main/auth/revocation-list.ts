// Session ids whose access JWTs must be refused at once (sign-out, revoked or deleted sessions), and users all of
// whose sessions created before a moment are ended ("sign out everywhere", a deleted account): by user, not row by
// row, since Better Auth's per-session delete hook runs for the first 100 rows only.
// An entry only needs to live as long as a JWT minted before the revocation could: TTL + clock tolerance.
// Persisted in auth-owned tables so a restart does not resurrect the tokens of a signed-out session.
import type { Database, Statement } from 'better-sqlite3';
import { ACCESS_TOKEN_TTL_SECONDS } from './auth-types.ts';

export const REVOKED_SESSION_TABLE = 'auth_revoked_session';
export const REVOKED_USER_TABLE = 'auth_revoked_user';
/** Longest time a JWT issued before the revocation can still pass exp checks (TTL + tolerance + margin). */
export const REVOCATION_RETENTION_MS = (ACCESS_TOKEN_TTL_SECONDS + 60) * 1000;

export type RevocationListener = (sessionId: string) => void;
/** Every session of `userId` created before `createdBefore` (epoch ms) has ended. */
export type UserRevocationListener = (userId: string, createdBefore: number) => void;

/** What a JWT says about its session: the user, the session id and when the session was created (epoch ms). */
export interface SessionRef {
  sub: string;
  sid: string | null;
  /** The session's creation time (the `sat` claim); 0 when the token does not say (refused by a user cut-off). */
  sessionCreatedAt?: number;
}

interface UserCutoff {
  createdBefore: number;
  until: number;
}

export class RevocationList {
  private readonly revoked = new Map<string, number>();
  private readonly users = new Map<string, UserCutoff>();
  private readonly listeners = new Set<RevocationListener>();
  private readonly userListeners = new Set<UserRevocationListener>();
  private readonly insert: Statement<[string, number]>;
  private readonly prune: Statement<[number]>;
  private readonly insertUser: Statement<[string, number, number]>;
  private readonly pruneUsers: Statement<[number]>;

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

    sqlite.exec(
      `CREATE TABLE IF NOT EXISTS ${REVOKED_USER_TABLE} (user_id TEXT PRIMARY KEY NOT NULL, created_before_ms INTEGER NOT NULL, until_ms INTEGER NOT NULL)`,
    );
    this.insertUser = sqlite.prepare(
      `INSERT INTO ${REVOKED_USER_TABLE} (user_id, created_before_ms, until_ms) VALUES (?, ?, ?)
       ON CONFLICT (user_id) DO UPDATE SET created_before_ms = max(created_before_ms, excluded.created_before_ms),
         until_ms = excluded.until_ms`,
    );
    this.pruneUsers = sqlite.prepare(`DELETE FROM ${REVOKED_USER_TABLE} WHERE until_ms <= ?`);
    this.pruneUsers.run(this.now());
    const users = sqlite.prepare(`SELECT user_id, created_before_ms, until_ms FROM ${REVOKED_USER_TABLE}`).all() as {
      user_id: string;
      created_before_ms: number;
      until_ms: number;
    }[];
    for (const row of users) this.users.set(row.user_id, { createdBefore: row.created_before_ms, until: row.until_ms });
  }

  /**
   * Ends every session of the user created before `createdBefore` (epoch ms): their JWTs are refused, their
   * event streams end. The session a password change makes is created after the old ones are deleted, inside the
   * same write, so its creation time is the cut-off that keeps it and ends all the others.
   */
  revokeUserSessions(userId: string, createdBefore: number): void {
    const now = this.now();
    const until = now + REVOCATION_RETENTION_MS;
    const previous = this.users.get(userId);
    const cutoff = Math.max(createdBefore, previous?.createdBefore ?? 0);
    this.users.set(userId, { createdBefore: cutoff, until });
    this.insertUser.run(userId, cutoff, until);
    this.pruneExpired(now);
    for (const listener of this.userListeners) listener(userId, cutoff);
  }

  /** True when the JWT's session was revoked, alone or with all of its user's sessions. */
  refuses(ref: SessionRef): boolean {
    if (ref.sid !== null && this.isRevoked(ref.sid)) return true;
    const cut = this.users.get(ref.sub);
    if (cut === undefined) return false;
    if (cut.until <= this.now()) {
      this.users.delete(ref.sub);
      return false;
    }
    return (ref.sessionCreatedAt ?? 0) < cut.createdBefore;
  }

  /** Returns the unsubscribe function. */
  onRevokeUser(listener: UserRevocationListener): () => void {
    this.userListeners.add(listener);
    return () => this.userListeners.delete(listener);
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
    for (const [userId, cut] of this.users) if (cut.until <= now) this.users.delete(userId);
    this.prune.run(now);
    this.pruneUsers.run(now);
  }
}
