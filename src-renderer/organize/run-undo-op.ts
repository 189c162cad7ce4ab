// Runs an undo/redo operation against the HTTP API, one request after another (their order matters: a move
// names the sibling it follows, which an earlier step may have put back).
import type { BulkApi } from '../api/bulk-api';
import type { MoveInput, OrganizeApi } from '../api/organize-api';
import type { TasksApi } from '../api/tasks-api';
import type { Placement, UndoOp } from './undo-history';

export interface OpApis {
  api: TasksApi;
  organize: OrganizeApi;
  bulk: BulkApi;
}

export function moveInput(to: Placement): MoveInput {
  const input: MoveInput = { parentId: to.parentId };
  if (to.listId) input.listId = to.listId;
  // First among its siblings: ask to go after nothing, i.e. before the current first sibling (the API's default
  // for a move without neighbours is the end, so name none only when there are no siblings left to precede).
  if (to.afterId) input.afterId = to.afterId;
  return input;
}

export async function runOp(op: UndoOp, apis: OpApis, firstSibling: (to: Placement) => string | null): Promise<void> {
  const { api, organize } = apis;
  switch (op.type) {
    case 'bulk':
      for (const request of op.forward) await apis.bulk.run(request);
      return;
    case 'patch':
      for (const change of op.changes) await api.update(change.id, change.after);
      return;
    case 'trash':
      for (const id of op.ids) await api.remove(id);
      return;
    case 'untrash':
      for (const id of op.ids) await api.untrash(id);
      return;
    case 'move':
      for (const { id, to } of op.moves) {
        const input = moveInput(to);
        if (!to.afterId) {
          const first = firstSibling(to);
          if (first && first !== id) input.beforeId = first;
        }
        await organize.move(id, input);
      }
      return;
    case 'list-patch':
      await organize.updateList(op.id, op.after);
      return;
    case 'list-trash':
      await organize.deleteList(op.id);
      return;
    case 'list-untrash':
      await organize.restoreList(op.id);
      return;
    case 'batch':
      for (const inner of op.ops) await runOp(inner, apis, firstSibling);
      return;
  }
}
