// Personal access tokens in SQLite (table personal_tokens, migration 006): create, list, revoke, and the check
// on every token-authenticated request. Reads the row on every check (one indexed lookup by hash): a revoked
// or expired token is refused on the very next request, with no cache to go stale. Writes go through the
// database's write queue (db/write-queue.ts) and resolve once committed.
import type { Database, Statement } from 'better-sqlite3';
import { uuidv7 } from 'uuidv7';
import {
  TOKENS_PER_USER_MAX,
  type TokenCreate,
  type TokenCreated,
  type TokenInfo,
  type TokenScope,
} from '../../src-shared/token-schemas.ts';
import { TokenRejected } from '../auth/auth-types.ts';
import type { PersonalTokensTable } from '../db/app-schema.ts';
import type { WriteQueue } from '../db/write-queue.ts';
import { generateTokenSecret, hashTokenSecret, looksLikeTokenSecret, sameHash } from './token-secret.ts';

/** lastUsedAt is written at most this often per token. */
export const LAST_USED_WRITE_INTERVAL_MS = 60_000;
const DAY_MS = 24 * 3600 * 1000;

/** A row of personal_tokens, as the table type declares it. */
type TokenRow = PersonalTokensTable;

/** What a valid token grants: its user, its scopes. */
export interface TokenGrant {
  id: string;
  userId: string;
  name: string;
  scopes: readonly TokenScope[];
  /** Epoch ms, or null for no expiry. */
  expiresAt: number | null;
}

export class TokenLimitReached extends Error {
  override readonly name = 'TokenLimitReached';
}

export type TokenRevokeListener = (tokenId: string, userId: string) => void;

function toInfo(row: TokenRow, now: number): TokenInfo {
  return {
    id: row.id,
    name: row.name,
    scopes: row.scopes.split(' ') as TokenScope[],
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    expired: row.expires_at !== null && Date.parse(row.expires_at) <= now,
    lastUsedAt: row.last_used_at,
  };
}

export class PersonalTokenStore {
  private readonly byHash: Statement<[Buffer], TokenRow>;
  private readonly touch: Statement<[string, string]>;
  private readonly insert: Statement<[TokenRow]>;
  private readonly listStmt: Statement<[string], TokenRow>;
  private readonly countStmt: Statement<[string], { n: number }>;
  private readonly deleteOne: Statement<[string, string]>;
  private readonly idsOfUser: Statement<[string], { id: string }>;
  private readonly deleteAll: Statement<[string]>;
  private readonly listeners = new Set<TokenRevokeListener>();

  constructor(
    sqlite: Database,
    private readonly writes: WriteQueue,
    private readonly now: () => number = Date.now,
  ) {
    this.byHash = sqlite.prepare('SELECT * FROM personal_tokens WHERE secret_hash = ?');
    this.touch = sqlite.prepare('UPDATE personal_tokens SET last_used_at = ? WHERE id = ?');
    this.insert = sqlite.prepare(
      `INSERT INTO personal_tokens (id, user_id, name, scopes, secret_hash, created_at, expires_at, last_used_at)
       VALUES (@id, @user_id, @name, @scopes, @secret_hash, @created_at, @expires_at, @last_used_at)`,
    );
    this.listStmt = sqlite.prepare('SELECT * FROM personal_tokens WHERE user_id = ? ORDER BY created_at DESC, id DESC');
    this.countStmt = sqlite.prepare('SELECT count(*) AS n FROM personal_tokens WHERE user_id = ?');
    this.deleteOne = sqlite.prepare('DELETE FROM personal_tokens WHERE user_id = ? AND id = ?');
    this.idsOfUser = sqlite.prepare('SELECT id FROM personal_tokens WHERE user_id = ?');
    this.deleteAll = sqlite.prepare('DELETE FROM personal_tokens WHERE user_id = ?');
  }

  /** Creates a token; the returned `token` secret exists nowhere else (only its hash is stored). */
  create(userId: string, input: TokenCreate): Promise<TokenCreated> {
    return this.writes.run(() => this.createNow(userId, input));
  }

  private createNow(userId: string, input: TokenCreate): TokenCreated {
    if (this.countStmt.get(userId)!.n >= TOKENS_PER_USER_MAX) {
      throw new TokenLimitReached(`At most ${TOKENS_PER_USER_MAX} tokens per account; revoke one first.`);
    }
    const now = this.now();
    const secret = generateTokenSecret();
    const row: TokenRow = {
      id: uuidv7(),
      user_id: userId,
      name: input.name,
      scopes: input.scopes.join(' '),
      secret_hash: hashTokenSecret(secret),
      created_at: new Date(now).toISOString(),
      expires_at: input.expiresInDays === null ? null : new Date(now + input.expiresInDays * DAY_MS).toISOString(),
      last_used_at: null,
    };
    this.insert.run(row);
    return { ...toInfo(row, now), token: secret };
  }

  list(userId: string): TokenInfo[] {
    const now = this.now();
    return this.listStmt.all(userId).map((row) => toInfo(row, now));
  }

  /** Deletes the token (false when the user has no such token). Streams it authenticated end at once. */
  async revoke(userId: string, tokenId: string): Promise<boolean> {
    const deleted = await this.writes.run(() => this.deleteOne.run(userId, tokenId).changes > 0);
    if (deleted) this.notify(tokenId, userId);
    return deleted;
  }

  /** Account deleted, or password changed with "sign out everywhere": every token of the user goes. */
  async revokeAllForUser(userId: string): Promise<number> {
    const ids = await this.writes.run(() => {
      const found = this.idsOfUser.all(userId).map((row) => row.id);
      this.deleteAll.run(userId);
      return found;
    });
    for (const id of ids) this.notify(id, userId);
    return ids.length;
  }

  /** The check on every request. Throws TokenRejected: AUTH_INVALID (unknown, revoked), AUTH_EXPIRED. */
  authenticate(secret: string): TokenGrant {
    if (!looksLikeTokenSecret(secret)) throw new TokenRejected('AUTH_INVALID', 'The access token is not valid.');
    const hash = hashTokenSecret(secret);
    const row = this.byHash.get(hash);
    if (!row || !sameHash(row.secret_hash, hash)) {
      throw new TokenRejected('AUTH_INVALID', 'The access token is not valid (unknown or revoked).');
    }
    const now = this.now();
    const expiresAt = row.expires_at === null ? null : Date.parse(row.expires_at);
    if (expiresAt !== null && expiresAt <= now) {
      throw new TokenRejected('AUTH_EXPIRED', 'The access token has expired; create a new one in Settings.');
    }
    if (row.last_used_at === null || now - Date.parse(row.last_used_at) >= LAST_USED_WRITE_INTERVAL_MS) {
      // Queued, not awaited: the request does not wait for a bookkeeping write. lastUsedAt is informational, and a
      // failed write only leaves the previous value (the next use tries again).
      this.writes.run(() => this.touch.run(new Date(now).toISOString(), row.id)).catch(() => undefined);
    }
    return {
      id: row.id,
      userId: row.user_id,
      name: row.name,
      scopes: row.scopes.split(' ') as TokenScope[],
      expiresAt,
    };
  }

  /** Called after a token is revoked (live event streams it authenticated end). Returns the unsubscribe. */
  onRevoke(listener: TokenRevokeListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private notify(tokenId: string, userId: string): void {
    for (const listener of this.listeners) listener(tokenId, userId);
  }
}
