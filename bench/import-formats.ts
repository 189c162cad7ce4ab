// `npm run bench:import-formats` (#17 §2): a 20,000-task file of each import format, imported in one run into fresh
// accounts of one database, each as a ratio to this app's own v2 JSON import of the same tasks (timed first and last:
// the machine's drift shows as the difference between the two). In process: reader (or the JSON stream) + placement
// + batched writes, as the route runs them, without HTTP. The files are made from one exported account: 10 lists,
// every tenth task a subtask, tags, priorities, all-day and timed dues.
// Prints a markdown report and appends it to bench/results/import-formats-YYYY-MM-DD.md (BENCH_NO_SAVE=1: print only).
import { appendFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { strToU8, zipSync } from 'fflate';
import type { ExportFile, ExportTask } from '../src-shared/export-schema.ts';
import { IMPORT_MAX_BYTES } from '../src-shared/export-schema.ts';
import type { ImportFormat } from '../src-shared/import-schemas.ts';
import { DatabaseService } from '../src-main/db/database-service.ts';
import { readerFor } from '../src-main/transfer/formats/format-registry.ts';
import { tasksToIcal } from '../src-main/transfer/formats/ical-export.ts';
import type { ImportRow, ReadResult } from '../src-main/transfer/formats/format-reader.ts';
import { ImportPlanner } from '../src-main/transfer/import-plan.ts';
import { runImport } from '../src-main/transfer/import-run.ts';
import { streamImport } from '../src-main/transfer/import-stream.ts';
import { buildExportFile } from '../src-main/transfer/task-export.ts';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const TASKS = Number(process.env.BENCH_IMPORT_TASKS ?? 20_000);
const log = (line: string) => process.stderr.write(`[import-formats] ${line}\n`);
const csvField = (value: string) => (/[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);
const csv = (rows: string[][]) => rows.map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';

function seedRows(): ReadResult {
  const rows: ImportRow[] = [];
  let root = '';
  for (let i = 0; i < TASKS; i += 1) {
    const sub = i % 10 === 9;
    if (!sub) root = `t${i}`;
    rows.push({
      index: i,
      key: `t${i}`,
      listName: `List ${i % 10}`,
      parentKey: sub ? root : null,
      order: i,
      task: {
        title: `Task ${i} with a few words`,
        description: i % 4 === 0 ? `Notes for task ${i}` : '',
        priority: (['none', 'low', 'medium', 'high'] as const)[i % 4],
        tags: [`tag${i % 20}`],
        ...(i % 3 === 0 ? { dueDate: '2026-12-10' } : i % 3 === 1 ? { dueAt: '2026-12-10T08:00:00.000Z', timeZone: 'Europe/Berlin' } : {}),
        createdAt: new Date(Date.UTC(2026, 0, 1) + i * 1000).toISOString(),
      },
    });
  }
  return { rows, skipped: [] };
}

function files(file: ExportFile): Record<ImportFormat, Uint8Array> {
  const listName = new Map(file.lists.map((l) => [l.id, l.name]));
  const tasks = file.tasks;
  const depth = new Map<string, number>();
  for (const t of tasks) depth.set(t.id, t.parentId === null ? 1 : (depth.get(t.parentId) ?? 1) + 1);
  const byList = new Map<string, ExportTask[]>();
  for (const t of tasks) byList.set(t.listId, [...(byList.get(t.listId) ?? []), t]);
  const todoistPriority = { high: '1', medium: '2', low: '3', none: '4' } as const;
  const todoist = (list: ExportTask[]) =>
    csv([
      ['TYPE', 'CONTENT', 'DESCRIPTION', 'PRIORITY', 'INDENT', 'AUTHOR', 'RESPONSIBLE', 'DATE', 'DATE_LANG', 'TIMEZONE', 'DURATION', 'DURATION_UNIT'],
      ...list.map((t) => ['task', `${t.title} ${t.tags.map((g) => `@${g}`).join(' ')}`, t.description, todoistPriority[t.priority],
        String(depth.get(t.id)), '', '', t.dueDate ?? '', 'en', 'Europe/Berlin', '', '']),
    ]);
  const zip: Record<string, Uint8Array> = {};
  for (const [listId, list] of byList) zip[`${listName.get(listId)} [1].csv`] = strToU8(todoist(list));
  const tick = { none: '0', low: '1', medium: '3', high: '5' } as const;
  const ticktick =
    '"Date: 2026-12-04+0000"\n"Version: 7.1"\n"Status: \n0 Normal\n1 Completed\n2 Archived"\n' +
    csv([
      ['Folder Name', 'List Name', 'Title', 'Kind', 'Tags', 'Content', 'Is Check list', 'Start Date', 'Due Date', 'Reminder', 'Repeat', 'Priority', 'Status',
        'Created Time', 'Completed Time', 'Order', 'Timezone', 'Is All Day', 'Is Floating', 'Column Name', 'Column Order', 'View Mode', 'taskId', 'parentId'],
      ...tasks.map((t, i) => ['', listName.get(t.listId)!, t.title, 'TEXT', t.tags.join(', '), t.description, 'N', '',
        t.dueAt ?? (t.dueDate ? `${t.dueDate}T00:00:00+0000` : ''), '', '', tick[t.priority], '0', t.createdAt, '', String(i),
        'UTC', t.dueDate ? 'true' : 'false', 'false', '', '', 'list', t.id, t.parentId ?? '']),
    ]);
  const google = {
    kind: 'tasks#taskLists',
    items: [...byList].map(([listId, list]) => ({
      kind: 'tasks#taskList', id: listId, title: listName.get(listId),
      items: list.map((t, i) => ({ kind: 'tasks#task', id: t.id, title: t.title, notes: t.description, status: 'needsAction',
        ...(t.dueDate ? { due: `${t.dueDate}T00:00:00.000Z` } : {}), ...(t.parentId ? { parent: t.parentId } : {}),
        position: String(i).padStart(20, '0'), updated: t.updatedAt })),
    })),
  };
  const letter = { high: '(A) ', medium: '(B) ', low: '(C) ', none: '' } as const;
  const todoTxt = tasks
    .map((t) => `${letter[t.priority]}${t.createdAt.slice(0, 10)} ${t.title} +${listName.get(t.listId)!.replace(/ /g, '_')} ${t.tags.map((g) => `@${g}`).join(' ')}${t.dueDate ? ` due:${t.dueDate}` : ''}`)
    .join('\n');
  return {
    json: strToU8(JSON.stringify(file)),
    'todoist-csv': zipSync(zip),
    'ticktick-csv': strToU8(ticktick),
    'google-tasks': strToU8(JSON.stringify(google)),
    'todo-txt': strToU8(todoTxt),
    ical: strToU8(tasksToIcal(file.lists, file.tasks, null)),
  };
}

async function read(format: ImportFormat, bytes: Uint8Array, userId: string, from: string): Promise<ReadResult> {
  if (format === 'json') {
    const planner = new ImportPlanner({ userId, fromUser: from });
    await streamImport(new Blob([bytes]).stream(), planner, IMPORT_MAX_BYTES);
    return planner.finish();
  }
  return readerFor(format)!.read({ bytes, now: new Date() });
}

const dir = mkdtempSync(join(tmpdir(), 'bench-import-formats-'));
const database = new DatabaseService(dir);
await database.start();
try {
  const options = (userId: string, format: ImportFormat, dryRun = false) =>
    ({ db: database.sqlite, writes: database.writes, userId, format, listName: null, dryRun });
  log(`seeding ${TASKS} tasks...`);
  await runImport(options('seed', 'json'), seedRows());
  const made = files(buildExportFile(database.sqlite, 'seed'));
  const order: ImportFormat[] = ['json', 'todoist-csv', 'ticktick-csv', 'google-tasks', 'todo-txt', 'ical', 'json'];
  const results: Array<{ format: ImportFormat; mb: number; ms: number; imported: number; skipped: number }> = [];
  for (const [n, format] of order.entries()) {
    const userId = `user-${n}`;
    log(`${format}...`);
    const start = performance.now();
    const rows = await read(format, made[format], userId, 'seed');
    const result = await runImport(options(userId, format), rows);
    results.push({ format, mb: made[format].byteLength / 1024 / 1024, ms: performance.now() - start, imported: result.imported, skipped: result.skipped.length });
  }
  const json = (results[0]!.ms + results[results.length - 1]!.ms) / 2;
  const lines = [
    `## Import formats bench, ${new Date().toISOString()}`,
    '',
    `${TASKS.toLocaleString('en')} tasks (10 lists, 10 % subtasks, tags, dues), one run, one process; ratio to the mean of the two JSON v2 imports.`,
    '',
    '| format | file MB | imported | skipped | time s | ratio to JSON v2 |',
    '| --- | --- | --- | --- | --- | --- |',
    ...results.map((r) => `| ${r.format} | ${r.mb.toFixed(1)} | ${r.imported} | ${r.skipped} | ${(r.ms / 1000).toFixed(2)} | ${(r.ms / json).toFixed(2)} |`),
    '',
  ];
  process.stdout.write(lines.join('\n') + '\n');
  if (process.env.BENCH_NO_SAVE !== '1') {
    mkdirSync(join(ROOT, 'bench', 'results'), { recursive: true });
    appendFileSync(join(ROOT, 'bench', 'results', `import-formats-${new Date().toISOString().slice(0, 10)}.md`), lines.join('\n') + '\n');
  }
} finally {
  await database.stop();
  rmSync(dir, { recursive: true, force: true });
}
