// GET /api/{userId}/events: the user's live changes as text/event-stream (scope tasks:read for a token).
// A stream opened with a session's JWT ends when that JWT expires or its session is revoked; one opened with a
// personal access token ends when the token is revoked or expires.
import type { StreamEndReason } from '../../src-shared/event-schemas.ts';
import { ownUserId } from '../api/require-auth.ts';
import type { Route } from '../api/route-table.ts';
import type { AccessClaims } from '../auth/auth-types.ts';
import type { EventBus } from './event-bus.ts';
import { openEventStream } from './event-stream.ts';

export const EVENTS_PATH = '/api/:userId/events';
/** setTimeout's largest delay. */
const MAX_TIMER_MS = 2 ** 31 - 1;

export interface EventRouteDeps {
  bus: EventBus;
  /** Session revocations (sign-out, revoked sessions). */
  onSessionRevoked: (listener: (sessionId: string) => void) => () => void;
  /** All of a user's sessions created before a moment ended ("sign out everywhere", account deleted). */
  onUserSessionsRevoked?: (listener: (userId: string, createdBefore: number) => void) => () => void;
  /** Personal access token revocations. */
  onTokenRevoked: (listener: (tokenId: string) => void) => () => void;
  /** The clock personal access token expiry is measured with. */
  now?: () => number;
  heartbeatMs?: number;
}

function endWatcher(deps: EventRouteDeps, claims: AccessClaims) {
  return (end: (reason: StreamEndReason) => void): (() => void) => {
    const token = claims.token;
    const expiresAt = token ? token.expiresAt : claims.exp * 1000;
    const now = token ? (deps.now ?? Date.now)() : Date.now();
    let timer: NodeJS.Timeout | null = null;
    const armExpiry = (at: number) => {
      const delay = at - Date.now();
      if (delay <= 0) return end('expired');
      timer = setTimeout(() => (Date.now() >= at ? end('expired') : armExpiry(at)), Math.min(delay, MAX_TIMER_MS));
      timer.unref();
    };
    if (expiresAt !== null) armExpiry(Date.now() + (expiresAt - now));
    const unwatch = token
      ? deps.onTokenRevoked((tokenId) => tokenId === token.id && end('revoked'))
      : deps.onSessionRevoked((sessionId) => sessionId === claims.sid && end('revoked'));
    const unwatchUser = token
      ? undefined
      : deps.onUserSessionsRevoked?.(
          (userId, createdBefore) =>
            userId === claims.sub && (claims.sessionCreatedAt ?? 0) < createdBefore && end('revoked'),
        );
    return () => {
      if (timer) clearTimeout(timer);
      unwatch();
      unwatchUser?.();
    };
  };
}

export function eventRoutes(deps: EventRouteDeps): Route[] {
  return [
    {
      method: 'GET',
      path: EVENTS_PATH,
      auth: true,
      handler: (c, claims) => {
        const userId = ownUserId(c, claims);
        const lastEventId = c.req.header('last-event-id') ?? c.req.query('lastEventId');
        return openEventStream({
          bus: deps.bus,
          userId,
          ...(lastEventId ? { lastEventId } : {}),
          watchEnd: endWatcher(deps, claims),
          ...(deps.heartbeatMs ? { heartbeatMs: deps.heartbeatMs } : {}),
        });
      },
    },
  ];
}
