// Keys for entries of formats without ids (CSV rows, todo.txt lines): derived from the entry's own content and how
// many identical entries came before it in the file, never from its line number alone. Importing the same file again
// gives every entry the same key (so the same stored id: nothing is added twice), and a row added to or removed from
// the file elsewhere does not change the others' keys.
import { createHash } from 'node:crypto';
import type { ImportFormat } from '../../../src-shared/import-schemas.ts';

export class RowKeys {
  private readonly seen = new Map<string, number>();

  constructor(private readonly format: ImportFormat) {}

  /** The key of the next entry whose content (its fields joined, list and parent included) is `content`. */
  next(content: string): string {
    const hash = createHash('sha256').update(`${this.format}\n${content}`).digest('base64url').slice(0, 32);
    const occurrence = this.seen.get(hash) ?? 0;
    this.seen.set(hash, occurrence + 1);
    return `${this.format}:${hash}:${occurrence}`;
  }
}
