// Bulk actions on a multi-selection or on the whole view (select all): one POST /tasks/bulk, by ids or by the
// view's filter, with its progress in the bulk bar, one undo step (the answer's `undo` requests) and an Undo toast.
import { useCallback, useState } from 'react';
import type { BulkAction, BulkFilterInput, BulkProgress, BulkRequestInput } from '../../src-shared/bulk-schemas';
import type { Priority } from '../../src-shared/task-schemas';
import { describeError } from '../api/api-error';
import type { ListParams } from '../api/tasks-api';
import type { UndoControls } from '../organize/use-undo';
import type { ToastState } from './toast';
import { useTasksContext } from './tasks-context';

/** What a bulk action acts on: the selected ids, or every task of the view (its filter), with how many. */
export interface BulkTarget {
  request: { ids: string[] } | { filter: BulkFilterInput };
  count: number;
  /** Per recurring task id, the occurrence (due) the person saw: completing sends it. */
  occurrences?: Record<string, string>;
}

export interface BulkRun extends BulkProgress {
  /** What is being done, in words ("Completing 500 tasks"). */
  label: string;
}

/** The list route's filter of a view (its open tasks, or all of them with "Show completed"), without paging. */
export function viewFilter(open: ListParams, withCompleted: boolean): BulkFilterInput {
  // Every filter the view's list request has (a new one flows through), without its paging and order.
  const { limit: _limit, cursor: _cursor, sort: _sort, order: _order, status: _status, tag, ...rest } = open;
  const filter: BulkFilterInput = { ...rest, status: withCompleted ? 'all' : 'active' };
  if (tag?.length) filter.tag = [...tag];
  for (const key of Object.keys(filter) as (keyof BulkFilterInput)[]) if (filter[key] === undefined || filter[key] === '') delete filter[key];
  return filter;
}

const plural = (n: number) => `${n.toLocaleString()} task${n === 1 ? '' : 's'}`;

interface Options {
  undo: UndoControls;
  showToast: (toast: Omit<ToastState, 'id'>) => void;
  announce: (message: string) => void;
  /** After the action: refetch what the server changed. */
  settle: () => void;
  listName: (listId: string) => string;
  timeZone: string;
}

export function useBulkActions({ undo, showToast, announce, settle, listName, timeZone }: Options) {
  const { bulk } = useTasksContext();
  const [running, setRunning] = useState<BulkRun | null>(null);

  const run = useCallback(
    async (target: BulkTarget, action: BulkAction, doing: string, done: (n: number) => string) => {
      const label = `${doing} ${plural(target.count)}`;
      setRunning({ label, done: 0, total: target.count });
      announce(`${label}…`);
      try {
        const result = await bulk.run({ ...target.request, action }, (progress) => setRunning({ label, ...progress }));
        const n = result.changed.length;
        if (n === 0) {
          showToast({ message: 'Nothing to change: the selected tasks are already like that.', tone: 'info' });
          return;
        }
        const forward: BulkRequestInput = { ids: result.changed, action };
        const words = done(n);
        undo.record({ label: words, op: { type: 'bulk', forward: [forward], backward: result.undo } });
        showToast({ message: words, tone: 'info', action: { label: 'Undo', run: () => void undo.undo() } });
        announce(words);
      } catch (error) {
        showToast({ message: `Could not change the tasks: ${describeError(error)}`, tone: 'error' });
      } finally {
        setRunning(null);
        settle();
      }
    },
    [announce, bulk, settle, showToast, undo],
  );

  const actions = {
    complete: (target: BulkTarget, completed = true) =>
      void run(
        target,
        !completed
          ? { type: 'uncomplete' }
          : target.occurrences && Object.keys(target.occurrences).length > 0
            ? { type: 'complete', timeZone, occurrences: target.occurrences }
            : { type: 'complete', timeZone },
        completed ? 'Completing' : 'Reopening',
        (n) => `${completed ? 'Completed' : 'Reopened'} ${plural(n)}`,
      ),
    remove: (target: BulkTarget) => void run(target, { type: 'delete' }, 'Deleting', (n) => `Deleted ${plural(n)}`),
    priority: (target: BulkTarget, priority: Priority) =>
      void run(target, { type: 'setPriority', priority }, 'Setting the priority of', (n) => `Set the priority of ${plural(n)} to ${priority}`),
    tag: (target: BulkTarget, tag: string, add: boolean) =>
      void run(target, add ? { type: 'addTag', tag } : { type: 'removeTag', tag }, add ? 'Tagging' : 'Untagging', (n) =>
        add ? `Tagged ${plural(n)} @${tag}` : `Removed @${tag} from ${plural(n)}`,
      ),
    move: (target: BulkTarget, listId: string) =>
      void run(target, { type: 'move', listId }, 'Moving', (n) => `Moved ${plural(n)} to ${listName(listId)}`),
  };

  return { running, ...actions };
}
