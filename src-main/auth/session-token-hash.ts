// Session tokens are kept in the database only as a keyed hash (HMAC-SHA256 under a key derived from the auth
// secret), so a copy of tasks.db, its WAL or a backup holds nothing that signs anyone in.
// Better Auth itself only ever sees the hashed value ("inner" token): a database hook swaps the token it
// generates for its hash before the row is written, and every token a client presents is hashed on the way in
// (HTTP handler, in-process service). The client keeps the raw value ("outer" token), handed out once in the
// answer that created the session. A hashed value presented as a token is hashed again and matches nothing.
import { createHmac, hkdfSync } from 'node:crypto';

/** Marks a stored (hashed) token. Better Auth's own tokens are alphanumeric, so no raw token starts like this. */
export const HASHED_TOKEN_PREFIX = 'h1-';
/** How long the raw token of a just-created session is kept to answer the request that created it. */
export const PENDING_TOKEN_TTL_MS = 60_000;
const PENDING_TOKEN_LIMIT = 1_000;
const KEY_INFO = 'tasks-desktop session token v1';

export class SessionTokenHasher {
  private readonly key: Buffer;
  /** inner → outer for sessions created in the last minute, so their creating answer can carry the raw token. */
  private readonly pending = new Map<string, { outer: string; until: number }>();

  constructor(
    secret: string,
    private readonly now: () => number = Date.now,
  ) {
    this.key = Buffer.from(hkdfSync('sha256', secret, '', KEY_INFO, 32));
  }

  /** The stored form of a token a client presents (always hashed, whatever it looks like). */
  inner(outer: string): string {
    return HASHED_TOKEN_PREFIX + createHmac('sha256', this.key).update(outer).digest('base64url');
  }

  isHashed(value: string): boolean {
    return value.startsWith(HASHED_TOKEN_PREFIX);
  }

  /** For the session-create hook: the value to store, the raw one kept briefly for the creating answer. */
  seal(outer: string): string {
    const inner = this.inner(outer);
    const now = this.now();
    if (this.pending.size >= PENDING_TOKEN_LIMIT) this.sweep(now);
    this.pending.set(inner, { outer, until: now + PENDING_TOKEN_TTL_MS });
    return inner;
  }

  /**
   * The raw token of a session created in the last minute (the answer to sign-up, sign-in or a password change),
   * or undefined. Taken once: the raw value leaves memory with its answer.
   */
  takeOuter(inner: string): string | undefined {
    const entry = this.pending.get(inner);
    if (!entry) return undefined;
    this.pending.delete(inner);
    return entry.until > this.now() ? entry.outer : undefined;
  }

  private sweep(now: number): void {
    for (const [inner, entry] of this.pending) if (entry.until <= now) this.pending.delete(inner);
    // Still full (a burst of sign-ins nobody answered): the oldest go first.
    for (const inner of this.pending.keys()) {
      if (this.pending.size < PENDING_TOKEN_LIMIT) break;
      this.pending.delete(inner);
    }
  }
}
