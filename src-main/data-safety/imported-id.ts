// Ids for tasks imported from another account's export. Task ids are unique across the database, so another
// account's ids cannot be reused; instead each gets a new UUIDv7-shaped id derived from (target user, source id):
// the same file imported twice yields the same ids (idempotent), and the time prefix keeps creation order.
import { createHash } from 'node:crypto';

export function deriveImportedId(targetUserId: string, sourceId: string, createdAt: string): string {
  const ms = Math.max(0, Math.min(Date.parse(createdAt) || 0, 2 ** 48 - 1));
  const time = ms.toString(16).padStart(12, '0');
  const hash = createHash('sha256').update(`${targetUserId}\n${sourceId}`).digest('hex');
  const variant = ((parseInt(hash.slice(3, 4), 16) & 0x3) | 0x8).toString(16);
  return `${time.slice(0, 8)}-${time.slice(8, 12)}-7${hash.slice(0, 3)}-${variant}${hash.slice(4, 7)}-${hash.slice(7, 19)}`;
}
