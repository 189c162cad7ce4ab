// Sessions from before session tokens were stored hashed (session-token-hash.ts) are ended at start, not hashed
// in place: their raw tokens are also in every backup (and maybe WAL or free pages) written before the upgrade,
// and hashing the rows would keep each of those copies a working key for the rest of the session's sliding
// lifetime. Ending them costs one sign-in per remembered session: the window finds the session gone and shows
// the sign-in screen; the CLI and MCP use personal access tokens, which are not affected.
import type { Database } from 'better-sqlite3';
import type { Logger } from '../core/logger.ts';
import type { RevocationList } from './revocation-list.ts';
import { HASHED_TOKEN_PREFIX } from './session-token-hash.ts';

const UNHASHED = `substr(token, 1, ${HASHED_TOKEN_PREFIX.length}) <> '${HASHED_TOKEN_PREFIX}'`;

/** Ends every session whose stored token is raw; returns how many. Idempotent (a second run finds none). */
export function endUnhashedSessions(sqlite: Database, revocations: RevocationList, logger: Logger): number {
  const ids = sqlite.prepare(`SELECT id FROM session WHERE ${UNHASHED}`).pluck().all() as string[];
  if (ids.length === 0) return 0;
  // Access JWTs already minted for them stop at once too (the revocation list outlives their 15 minutes).
  for (const id of ids) revocations.revoke(id);
  // Zero the deleted rows' bytes in the page (and so in the WAL and, after the checkpoint, in tasks.db).
  sqlite.pragma('secure_delete = ON');
  sqlite.prepare(`DELETE FROM session WHERE ${UNHASHED}`).run();
  const [checkpoint] = sqlite.pragma('wal_checkpoint(TRUNCATE)') as { busy: number }[];
  logger.warn('sessions from before hashed session tokens were ended; their owners sign in again', {
    sessions: ids.length,
    walTruncated: checkpoint?.busy === 0,
  });
  return ids.length;
}
