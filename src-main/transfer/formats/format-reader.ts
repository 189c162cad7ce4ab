// What every import format plugs into. A reader turns a file's bytes into normalised rows (one per task, in file
// order) plus the entries it could not read; the import (transfer/import-run.ts) does the rest the same way for every
// format: validation of each row's fields (importedTask), ids derived from (account, row key), lists matched by name
// (ignoring case) or created, parents resolved, order kept, dry run, batched all-or-nothing writes, the answer.
// A reader never touches the database and never throws for one bad entry: it reports it in `skipped` (index, line
// when it knows one, reason, message). It throws FileUnreadable only when the file as a whole is not its format.
import type { ImportedTaskInput, ImportFormat, ImportSkip } from '../../../src-shared/import-schemas.ts';

export interface ImportRow {
  /** Position of the entry in the file (0-based), used in skips and as the tie-break of `order`. */
  index: number;
  /** 1-based line where the entry starts, for line-based formats. */
  line?: number;
  /**
   * The entry's key, unique in the file: the file's own id when it has one, else derived from its content and
   * position (see row-key.ts). The stored id is derived from (importing account, key): importing the same file
   * again maps every row to the same task, so it adds nothing.
   */
  key: string;
  /** The list it goes in, by name; null: the route's `?listName`, else the Inbox. "Inbox" is the Inbox. */
  listName: string | null;
  /** The parent's `key` (an entry of the same file), or null at top level. */
  parentKey: string | null;
  /** Order among its siblings: rows sort by (order, index). A fractional-indexing key is kept as the position. */
  order: number | string;
  /** The task's fields, checked by the import with the API's own schemas. */
  task: ImportedTaskInput;
}

/** A list the file declares (so empty lists, colours and list order come back too). */
export interface ImportListSpec {
  name: string;
  color?: string | null;
  /** The account's Inbox (this app's own export, TickTick's "Inbox"). */
  isInbox?: boolean;
}

export interface ReaderInput {
  bytes: Uint8Array;
  /** The account's "today" and the default zone for formats with local dates (the route passes the server's). */
  now: Date;
}

export interface ReadResult {
  rows: ImportRow[];
  skipped: ImportSkip[];
  lists?: ImportListSpec[];
}

export interface FormatReader {
  readonly format: ImportFormat;
  /** Whether a file starting with these bytes (up to 4 KiB, BOM removed, as text) is in this format. */
  sniff(head: string, bytes: Uint8Array): boolean;
  read(input: ReaderInput): Promise<ReadResult> | ReadResult;
}

/** The file as a whole is not in the reader's format (422 VALIDATION_FAILED, nothing imported). */
export class FileUnreadable extends Error {
  override readonly name = 'FileUnreadable';
  constructor(
    message: string,
    readonly details: Array<{ path: string; message: string }> = [],
  ) {
    super(message);
  }
}

/** The file's text: UTF-8 with or without a BOM; invalid UTF-8 is refused rather than guessed. */
export function decodeText(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw new FileUnreadable('The file is not UTF-8 text.');
  }
}
