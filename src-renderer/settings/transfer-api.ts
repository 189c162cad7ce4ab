// Import and export over the HTTP API: the import route (a dry run first, then the import), the export route's
// three formats. The answer's schema is the route's own (src-shared/import-schemas.ts).
import { IMPORT_FORMATS, importResult, type ImportFormat, type ImportResult } from '../../src-shared/import-schemas';
import type { HttpClient } from '../api/http-client';

export type ExportFormat = 'json' | 'csv' | 'ical';

export interface ImportRequest {
  bytes: Uint8Array<ArrayBuffer>;
  /** The file's name: its extension picks the Content-Type (the server recognises the bytes anyway). */
  fileName: string;
  /** undefined: recognised by the server. */
  format?: ImportFormat;
  /** The list for formats that name none. */
  listName?: string;
}

export interface TransferApi {
  preview(request: ImportRequest): Promise<ImportResult>;
  run(request: ImportRequest): Promise<ImportResult>;
  exportFile(format: ExportFormat, listId?: string): Promise<string>;
  /** Undoes one finished import (its tasks and the lists it created). */
  undo(importId: string): Promise<void>;
}

export const FORMAT_LABELS: Record<ImportFormat, string> = {
  json: 'Tasks Desktop export (JSON)',
  'todoist-csv': 'Todoist (CSV or backup ZIP)',
  'ticktick-csv': 'TickTick (CSV backup)',
  'google-tasks': 'Google Tasks (Takeout Tasks.json)',
  ical: 'iCalendar (.ics)',
  'todo-txt': 'todo.txt',
};
export const IMPORTABLE_FORMATS = IMPORT_FORMATS;

export function contentTypeFor(fileName: string): string {
  const extension = fileName.toLowerCase().split('.').pop() ?? '';
  switch (extension) {
    case 'json':
      return 'application/json';
    case 'csv':
      return 'text/csv';
    case 'ics':
    case 'ical':
      return 'text/calendar';
    case 'txt':
      return 'text/plain';
    case 'zip':
      return 'application/zip';
    default:
      return 'application/octet-stream';
  }
}

export function createTransferApi(http: HttpClient, userId: string): TransferApi {
  const base = `/api/${encodeURIComponent(userId)}`;
  const post = (request: ImportRequest, dryRun: boolean) =>
    http.request({
      method: 'POST',
      path: `${base}/import`,
      query: {
        format: request.format,
        listName: request.listName === undefined || request.listName.trim() === '' ? undefined : request.listName.trim(),
        dryRun: dryRun ? 'true' : undefined,
      },
      rawBody: { data: request.bytes, contentType: contentTypeFor(request.fileName) },
      schema: importResult,
    });
  return {
    preview: (request) => post(request, true),
    run: (request) => post(request, false),
    undo: (importId) => http.request({ method: 'DELETE', path: `${base}/imports/${encodeURIComponent(importId)}` }),
    exportFile: async (format, listId) =>
      (await http.requestText({ path: `${base}/export`, query: { format, listId } })).text,
  };
}

/** "312 tasks into 5 lists (2 new), 3 skipped": what a preview or an import did, in one sentence. */
export function summarizeImport(result: ImportResult): string {
  const lists = result.lists.filter((list) => list.imported > 0);
  const created = result.lists.filter((list) => list.created).length;
  const tasks = `${result.imported} task${result.imported === 1 ? '' : 's'}`;
  const into = lists.length > 0 ? ` into ${lists.length} list${lists.length === 1 ? '' : 's'}` : '';
  const fresh = created > 0 ? ` (${created} new)` : '';
  const skipped = result.skipped.length > 0 ? `, ${result.skipped.length} skipped` : '';
  return `${tasks}${into}${fresh}${skipped}`;
}

/** The file name an export is saved under: tasks-2026-12-04.json, or the list's name for one list. */
export function exportFileName(format: ExportFormat, today: Date, listName?: string): string {
  const day = `${today.getFullYear()}-${String(today.getMonth() + 1).padStart(2, '0')}-${String(today.getDate()).padStart(2, '0')}`;
  const safe = listName ? [...listName].map((c) => (c.charCodeAt(0) < 32 || '\\/:*?"<>|'.includes(c) ? '-' : c)).join('') : '';
  const stem = listName ? safe.trim() || 'list' : 'tasks';
  const extension = format === 'ical' ? 'ics' : format;
  return `${stem}-${day}.${extension}`;
}
