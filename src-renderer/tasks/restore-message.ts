// What the toast says after a task comes out of the trash: where it landed when that is not where it was.
import type { RestoredTo } from '../../src-shared/task-schemas';

const WHY: Record<Exclude<RestoredTo['reason'], 'original'>, string> = {
  'parent-in-trash': 'its parent task is in the trash',
  'parent-deleted': 'its parent task was deleted for good',
  'too-deep': 'under its parent it would nest more than 4 levels deep',
  cycle: 'its parent task is now one of its own subtasks',
};

export function restoreMessage(title: string, restoredTo: RestoredTo): string {
  if (restoredTo.reason === 'original') return `Restored “${title}”`;
  return `Restored “${title}” at the top level of its list: ${WHY[restoredTo.reason]}`;
}
