// The in-process AuthService used by the IPC handlers: Better Auth's API with our input checks, our rate limits
// (auth.api.* skips Better Auth's), and stable AuthError codes.
import type { Logger } from '../core/logger.ts';
import { AttemptLimiter } from './attempt-limiter.ts';
import { authError, toAuthError } from './auth-error-mapping.ts';
import {
  checkExistingPassword,
  checkNewPassword,
  isPlausibleSessionToken,
  normalizeEmail,
  normalizeName,
} from './auth-input.ts';
import type { ActiveSession, AuthService, SignedInSession } from './auth-types.ts';
import type { BetterAuthInstance } from './better-auth-options.ts';
import type { SessionTokenHasher } from './session-token-hash.ts';

/** Failed sign-ins per email, and all credential attempts together, per minute. */
export const SIGN_IN_FAILURES_PER_EMAIL = { max: 5, windowMs: 60_000 } as const;
export const CREDENTIAL_ATTEMPTS_TOTAL = { max: 30, windowMs: 60_000 } as const;

/** Headers that present a client's session token to Better Auth, which knows it only by its stored hash. */
export function bearerHeaders(hasher: SessionTokenHasher, sessionToken: string): Headers {
  return new Headers({ authorization: `Bearer ${hasher.inner(sessionToken)}` });
}

export class BetterAuthService implements AuthService {
  private readonly failuresPerEmail: AttemptLimiter;
  private readonly attemptsTotal: AttemptLimiter;

  constructor(
    private readonly auth: BetterAuthInstance,
    private readonly hasher: SessionTokenHasher,
    private readonly logger: Logger,
    private readonly onSignedOut: (sessionToken: string, sessionId: string | null) => void,
    now: () => number = Date.now,
  ) {
    this.failuresPerEmail = new AttemptLimiter(SIGN_IN_FAILURES_PER_EMAIL, now);
    this.attemptsTotal = new AttemptLimiter(CREDENTIAL_ATTEMPTS_TOTAL, now);
  }

  async signUp(input: { name: string; email: string; password: string }): Promise<SignedInSession> {
    const name = normalizeName(input?.name);
    const email = normalizeEmail(input?.email);
    const password = checkNewPassword(input?.password);
    this.countAttempt();
    try {
      const { token } = await this.auth.api.signUpEmail({ body: { name, email, password } });
      if (!token) throw authError('INTERNAL');
      return await this.signedIn(token);
    } catch (error) {
      throw toAuthError(error, this.logger, 'sign-up');
    }
  }

  async signIn(input: { email: string; password: string }): Promise<SignedInSession> {
    const email = normalizeEmail(input?.email);
    const password = checkExistingPassword(input?.password);
    const wait = this.failuresPerEmail.retryAfter(email);
    if (wait > 0) throw authError('RATE_LIMITED', wait);
    this.countAttempt();
    try {
      const { token } = await this.auth.api.signInEmail({ body: { email, password } });
      this.failuresPerEmail.reset(email);
      return await this.signedIn(token);
    } catch (error) {
      const mapped = toAuthError(error, this.logger, 'sign-in');
      if (mapped.code === 'INVALID_CREDENTIALS') this.failuresPerEmail.hit(email);
      throw mapped;
    }
  }

  async signOut(sessionToken: string): Promise<void> {
    if (!isPlausibleSessionToken(sessionToken)) return;
    let sessionId: string | null = null;
    try {
      const headers = bearerHeaders(this.hasher, sessionToken);
      const current = await this.auth.api.getSession({ headers, query: { disableRefresh: true } });
      sessionId = current?.session.id ?? null;
      if (!current) return;
      await this.auth.api.signOut({ headers });
      // Better Auth logs and swallows a failed delete; a session that survives "sign-out" must not pass as gone.
      if (await this.auth.api.getSession({ headers, query: { disableRefresh: true } })) {
        this.logger.error('sign-out did not end the session', { sessionId });
        throw authError('INTERNAL');
      }
    } catch (error) {
      throw toAuthError(error, this.logger, 'sign-out');
    } finally {
      // Also when Better Auth failed: tokens already handed out for this session must stop working.
      this.onSignedOut(sessionToken, sessionId);
    }
  }

  async getSession(sessionToken: string): Promise<ActiveSession | null> {
    if (!isPlausibleSessionToken(sessionToken)) return null;
    try {
      const found = await this.auth.api.getSession({ headers: bearerHeaders(this.hasher, sessionToken) });
      if (!found) return null;
      const { user, session } = found;
      return {
        user: { id: user.id, name: user.name, email: user.email },
        sessionId: session.id,
        expiresAt: session.expiresAt.getTime(),
      };
    } catch (error) {
      const mapped = toAuthError(error, this.logger, 'get-session');
      if (mapped.code === 'SESSION_EXPIRED') return null;
      throw mapped;
    }
  }

  async changePassword(
    sessionToken: string,
    input: { currentPassword: string; newPassword: string; revokeOtherSessions: boolean },
  ): Promise<{ sessionToken: string | null }> {
    const currentPassword = checkExistingPassword(input?.currentPassword);
    const newPassword = checkNewPassword(input?.newPassword);
    if (!isPlausibleSessionToken(sessionToken)) throw authError('SESSION_EXPIRED');
    this.countAttempt();
    try {
      const { token } = await this.auth.api.changePassword({
        headers: bearerHeaders(this.hasher, sessionToken),
        body: { currentPassword, newPassword, revokeOtherSessions: input.revokeOtherSessions === true },
      });
      if (!token) return { sessionToken: null };
      const raw = this.hasher.takeOuter(token);
      if (raw === undefined) {
        this.logger.error('a new session has no raw token to hand out');
        throw authError('INTERNAL');
      }
      return { sessionToken: raw };
    } catch (error) {
      throw toAuthError(error, this.logger, 'change-password');
    }
  }

  private countAttempt(): void {
    const wait = this.attemptsTotal.retryAfter('all');
    if (wait > 0) throw authError('RATE_LIMITED', wait);
    this.attemptsTotal.hit('all');
  }

  /** `storedToken` is the created session's token as Better Auth returns it: its hash. */
  private async signedIn(storedToken: string): Promise<SignedInSession> {
    const sessionToken = this.hasher.takeOuter(storedToken);
    if (sessionToken === undefined) {
      this.logger.error('a new session has no raw token to hand out');
      throw authError('INTERNAL');
    }
    const session = await this.getSession(sessionToken);
    if (!session) throw authError('INTERNAL');
    return { ...session, sessionToken };
  }
}
