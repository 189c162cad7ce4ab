// CSV as the readers need it (csv-parse): every record with the line it starts on, records of any width, and a
// record that cannot be read (an unclosed quote) reported with its line instead of failing the whole file.
import { parse } from 'csv-parse/sync';
import type { ImportSkip } from '../../../src-shared/import-schemas.ts';
import { FileUnreadable } from './format-reader.ts';

export interface CsvRecord {
  cells: string[];
  /** 1-based line the record starts on. */
  line: number;
}

export function readCsv(text: string): { records: CsvRecord[]; skipped: ImportSkip[] } {
  const skipped: ImportSkip[] = [];
  try {
    const parsed = parse(text, {
      bom: true,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: true,
      skip_records_with_error: true,
      info: true,
      on_skip: (error) => {
        const line = (error as { lines?: number } | undefined)?.lines ?? 0;
        skipped.push({ index: -1, line, reason: 'UNREADABLE', message: `This CSV record could not be read: ${error?.message ?? 'malformed'}` });
      },
    }) as unknown as Array<{ record: string[]; info: { lines: number } }>;
    // info.lines is the line the record ends on; count back the line breaks inside it.
    const records = parsed.map(({ record, info }) => ({
      cells: record,
      line: info.lines - record.reduce((n, value) => n + (value.match(/\n/g)?.length ?? 0), 0),
    }));
    return { records, skipped };
  } catch (error) {
    throw new FileUnreadable(`The file is not readable CSV: ${(error as Error).message.slice(0, 200)}`);
  }
}

/** Index of each column by its header name (case-insensitive, trimmed). */
export function columnsOf(header: readonly string[]): Map<string, number> {
  return new Map(header.map((name, i) => [name.trim().toLowerCase(), i]));
}

/** A cell by column name, trimmed; '' when the column or cell is missing. */
export function cell(record: CsvRecord, columns: Map<string, number>, name: string): string {
  const at = columns.get(name.toLowerCase());
  return at === undefined ? '' : (record.cells[at] ?? '').trim();
}

/** A tag name from another app's label: spaces become "-", the characters tags cannot hold are dropped. */
export function tagFrom(label: string): string | null {
  const name = [...label.trim().replace(/[#@!]/g, '').replace(/\s+/g, '-')].slice(0, 50).join('');
  return name === '' ? null : name;
}
