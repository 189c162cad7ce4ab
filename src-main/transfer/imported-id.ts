// Ids for imported tasks. Task ids are unique across the database, so a file's ids are never stored as they are
// (whether one is free would depend on other accounts' data, and storing it would take that id from its owner):
// each gets a UUIDv7-shaped id derived from (importing user, file id). The same file imported twice yields the same
// ids (idempotent), a reference to another task of the file maps the same way, and the time prefix keeps creation
// order. Ids are 74 hashed bits per account: a collision with any other row is not a practical concern.
import { createHash } from 'node:crypto';

export function deriveImportedId(targetUserId: string, sourceId: string, createdAt: string): string {
  const ms = Math.max(0, Math.min(Date.parse(createdAt) || 0, 2 ** 48 - 1));
  const time = ms.toString(16).padStart(12, '0');
  const hash = createHash('sha256').update(`${targetUserId}\n${sourceId}`).digest('hex');
  const variant = ((parseInt(hash.slice(3, 4), 16) & 0x3) | 0x8).toString(16);
  return `${time.slice(0, 8)}-${time.slice(8, 12)}-7${hash.slice(0, 3)}-${variant}${hash.slice(4, 7)}-${hash.slice(7, 19)}`;
}
