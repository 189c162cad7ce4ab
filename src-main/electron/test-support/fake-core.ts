// A small in-memory stand-in for the auth and token services, for the handler unit tests
// (the integration test uses the real startCore()).
import { AuthError, type AuthService, type SignedInSession, type TokenService } from '../../auth/auth-types.ts';

export function createFakeCore(now: () => number = Date.now) {
  const users = new Map<string, { id: string; name: string; email: string; password: string }>();
  const sessions = new Map<string, string>(); // token -> user id
  const revoked: string[] = [];
  const forgotten: string[] = [];
  let counter = 0;

  const open = (userId: string): SignedInSession => {
    const user = [...users.values()].find((u) => u.id === userId);
    if (!user) throw new Error('no user');
    counter += 1;
    const sessionToken = `tok-${counter}-${userId}`;
    sessions.set(sessionToken, userId);
    return { user: { id: user.id, name: user.name, email: user.email }, sessionToken, sessionId: `sid-${counter}`, expiresAt: now() + 86_400_000 };
  };

  const auth: AuthService = {
    signUp: ({ name, email, password }) => {
      if (password.length < 10) return Promise.reject(new AuthError('WEAK_PASSWORD', 'Use at least 10 characters.'));
      if (users.has(email.toLowerCase())) return Promise.reject(new AuthError('EMAIL_TAKEN', 'That email is taken.'));
      const id = `u${users.size + 1}`;
      users.set(email.toLowerCase(), { id, name, email: email.toLowerCase(), password });
      return Promise.resolve(open(id));
    },
    signIn: ({ email, password }) => {
      const user = users.get(email.toLowerCase());
      if (!user || user.password !== password) return Promise.reject(new AuthError('INVALID_CREDENTIALS', 'Wrong email or password.'));
      return Promise.resolve(open(user.id));
    },
    signOut: (token) => {
      revoked.push(token);
      sessions.delete(token);
      return Promise.resolve();
    },
    getSession: (token) => {
      const userId = sessions.get(token);
      const user = [...users.values()].find((u) => u.id === userId);
      return Promise.resolve(user ? { user: { id: user.id, name: user.name, email: user.email }, sessionId: 'sid', expiresAt: now() + 1000 } : null);
    },
    changePassword: (token, { currentPassword, newPassword, revokeOtherSessions }) => {
      const userId = sessions.get(token);
      const user = [...users.values()].find((u) => u.id === userId);
      if (!user) return Promise.reject(new AuthError('SESSION_EXPIRED', 'Your session has ended.'));
      if (user.password !== currentPassword) return Promise.reject(new AuthError('INVALID_CREDENTIALS', 'Wrong password.'));
      if (newPassword.length < 10) return Promise.reject(new AuthError('WEAK_PASSWORD', 'Use at least 10 characters.'));
      user.password = newPassword;
      if (!revokeOtherSessions) return Promise.resolve({ sessionToken: null });
      for (const [other, owner] of sessions) if (owner === user.id) sessions.delete(other);
      return Promise.resolve({ sessionToken: open(user.id).sessionToken });
    },
  };
  const tokens: TokenService = {
    getAccessToken: (token) =>
      sessions.has(token)
        ? Promise.resolve({ token: `jwt-for-${token}`, expiresAt: now() + 900_000 })
        : Promise.reject(new AuthError('SESSION_EXPIRED', 'Your session has ended.')),
    forget: (token) => {
      forgotten.push(token);
    },
  };
  return {
    core: {
      auth,
      tokens,
      apiBaseUrl: 'http://127.0.0.1:45678',
      dataDir: '/tmp/fake-data',
      // The auth handlers' tests never touch backups; data-ipc-handlers.test.ts uses the real core's.
      backups: {
        list: () => [],
        backUpNow: () => Promise.reject(new Error('no database in the fake core')),
      },
    },
    sessions,
    revoked,
    forgotten,
  };
}
