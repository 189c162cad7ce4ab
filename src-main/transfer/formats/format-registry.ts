// The readers of every import format but this app's own JSON (which is streamed: import-stream.ts), and how a file
// sent without ?format is recognised by its first bytes.
import type { ImportFormat } from '../../../src-shared/import-schemas.ts';
import type { FormatReader } from './format-reader.ts';
import { googleTasksReader } from './google-tasks-reader.ts';
import { icalReader } from './ical-reader.ts';
import { tickTickCsvReader } from './ticktick-csv-reader.ts';
import { todoistCsvReader } from './todoist-csv-reader.ts';
import { todoTxtReader } from './todo-txt-reader.ts';

/** Tried in this order when the format is not given (the most specific signatures first). */
const READERS: readonly FormatReader[] = [
  googleTasksReader,
  icalReader,
  todoistCsvReader,
  tickTickCsvReader,
  todoTxtReader,
];

/** How many bytes sniffing looks at. */
export const SNIFF_BYTES = 4096;

export function readerFor(format: ImportFormat): FormatReader | null {
  return READERS.find((reader) => reader.format === format) ?? null;
}

/** This app's export: a JSON object (the streaming reader then checks its envelope). */
function looksLikeOwnJson(head: string): boolean {
  return head.trimStart().startsWith('{');
}

/** The format of a file from its first bytes, or null when none fits. */
export function sniffFormat(bytes: Uint8Array): ImportFormat | null {
  const head = new TextDecoder('utf-8').decode(bytes.subarray(0, SNIFF_BYTES)).replace(/^\uFEFF/, '');
  const reader = READERS.find((candidate) => candidate.sniff(head, bytes));
  if (reader) return reader.format;
  return looksLikeOwnJson(head) ? 'json' : null;
}
