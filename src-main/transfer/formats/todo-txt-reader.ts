// format=todo-txt: one task per line, as todo.txt (github.com/todotxt/todo.txt) writes them:
//   x 2026-12-02 2026-11-30 (A) Call mum +Family @phone due:2026-12-05 t:2026-12-01
// `x ` done (then its completion date, then its creation date), `(A)` a priority (A high, B medium, C and lower low;
// a done line keeps it as `pri:A`), a creation date, `+project` the list (the first one; the words stay in the
// title), `@context` a tag, `due:YYYY-MM-DD` the all-day due, `t:YYYY-MM-DD` the start date. Other key:value words
// stay in the title. Blank lines are skipped silently (they are not entries).
import { isRealDate } from '../../../src-shared/schedule-schemas.ts';
import type { Priority } from '../../../src-shared/task-schemas.ts';
import { tagFrom } from './csv-rows.ts';
import { decodeText, type FormatReader, type ImportRow } from './format-reader.ts';
import { RowKeys } from './row-key.ts';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const LINE = /^(x\s+)?(?:\(([A-Z])\)\s+)?(?:(\d{4}-\d{2}-\d{2})\s+)?(?:(\d{4}-\d{2}-\d{2})\s+)?(.*)$/;

function priorityOf(letter: string | undefined): Priority {
  if (letter === undefined) return 'none';
  return letter === 'A' ? 'high' : letter === 'B' ? 'medium' : 'low';
}

export const todoTxtReader: FormatReader = {
  format: 'todo-txt',
  sniff: (head) => {
    const first = head.split(/\r?\n/).find((line) => line.trim() !== '') ?? '';
    return /^(x \d{4}-\d{2}-\d{2} |\([A-Z]\) |\d{4}-\d{2}-\d{2} )/.test(first) || /(^|\s)(\+\S+|@\S+|due:\d{4}-\d{2}-\d{2})(\s|$)/.test(first);
  },
  read({ bytes }) {
    const keys = new RowKeys('todo-txt');
    const rows: ImportRow[] = [];
    const lines = decodeText(bytes).split(/\r?\n/);
    lines.forEach((raw, i) => {
      const line = raw.trim();
      if (line === '') return;
      const match = LINE.exec(line)!;
      const done = match[1] !== undefined;
      // A done line: x COMPLETION [CREATION]; an open one: [(A)] [CREATION].
      const completion = done ? match[3] : undefined;
      const creation = done ? match[4] : (match[3] ?? undefined);
      let rest = done || match[4] === undefined ? match[5]! : `${match[4]} ${match[5]!}`;
      let letter = match[2];
      let list: string | null = null;
      const tags: string[] = [];
      let dueDate: string | undefined;
      let startDate: string | undefined;
      const words = rest.split(/\s+/).filter((word) => {
        if (/^\+\S+$/.test(word)) {
          list ??= word.slice(1);
          return true;
        }
        if (/^@\S+$/.test(word)) {
          const tag = tagFrom(word.slice(1));
          if (tag) tags.push(tag);
          return false;
        }
        const [key, value] = word.split(':', 2) as [string, string | undefined];
        if (value !== undefined && DATE.test(value) && isRealDate(value) && (key === 'due' || key === 't')) {
          if (key === 'due') dueDate = value;
          else startDate = value;
          return false;
        }
        if (key === 'pri' && value !== undefined && /^[A-Z]$/.test(value)) {
          letter = value;
          return false;
        }
        return true;
      });
      rest = words.join(' ');
      const when = (date: string | undefined) => (date !== undefined && isRealDate(date) ? `${date}T00:00:00.000Z` : undefined);
      const createdAt = when(creation);
      const completedAt = when(completion);
      rows.push({
        index: i,
        line: i + 1,
        key: keys.next(line),
        listName: list,
        parentKey: null,
        order: i,
        task: {
          title: rest,
          priority: priorityOf(letter),
          tags,
          completed: done,
          completedAt: done ? (completedAt ?? null) : null,
          ...(dueDate === undefined ? {} : { dueDate }),
          ...(startDate === undefined ? {} : { startDate }),
          ...(createdAt === undefined ? {} : { createdAt, updatedAt: completedAt ?? createdAt }),
        },
      });
    });
    return { rows, skipped: [] };
  },
};
