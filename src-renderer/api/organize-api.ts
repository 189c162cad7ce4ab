// Lists, tags, moves and the trash of the local HTTP API (issue 10), typed with the shared zod schemas.
import { list, listCollection, type List } from '../../src-shared/list-schemas';
import { tagCollection, type Tag } from '../../src-shared/tag-schemas';
import { task, taskList, type Task } from '../../src-shared/task-schemas';
import type { HttpClient } from './http-client';

export type TaskListInfo = List;
export type TagInfo = Tag;
/** A task with its list, parent, order and tags (the shared Task). */
export type OrgTask = Task;
export const orgTask = task;
export const orgTaskList = taskList;
const lists = listCollection;
const tags = tagCollection;

export interface MoveInput {
  listId?: string;
  parentId?: string | null;
  beforeId?: string;
  afterId?: string;
}

export interface OrganizeApi {
  lists(signal?: AbortSignal): Promise<TaskListInfo[]>;
  createList(input: { name: string; color?: string | null }): Promise<TaskListInfo>;
  updateList(id: string, patch: { name?: string; color?: string | null; position?: string }): Promise<TaskListInfo>;
  deleteList(id: string): Promise<void>;
  restoreList(id: string): Promise<TaskListInfo>;
  tags(signal?: AbortSignal): Promise<TagInfo[]>;
  renameTag(name: string, to: string): Promise<void>;
  deleteTag(name: string): Promise<void>;
  move(id: string, input: MoveInput): Promise<OrgTask>;
  /** Deletes a task in the trash for good. */
  purge(id: string): Promise<void>;
  emptyTrash(): Promise<void>;
}

export function createOrganizeApi(http: HttpClient, userId: string): OrganizeApi {
  const base = `/api/${encodeURIComponent(userId)}`;
  const listPath = (id: string) => `${base}/lists/${encodeURIComponent(id)}`;
  const tagPath = (name: string) => `${base}/tags/${encodeURIComponent(name)}`;
  return {
    lists: async (signal) => (await http.request({ path: `${base}/lists`, schema: lists, signal })).items,
    createList: (input) => http.request({ method: 'POST', path: `${base}/lists`, body: input, schema: list }),
    updateList: (id, patch) => http.request({ method: 'PATCH', path: listPath(id), body: patch, schema: list }),
    deleteList: (id) => http.request({ method: 'DELETE', path: listPath(id) }),
    restoreList: (id) => http.request({ method: 'POST', path: `${listPath(id)}/restore`, schema: list }),
    tags: async (signal) => (await http.request({ path: `${base}/tags`, schema: tags, signal })).items,
    renameTag: (name, to) => http.request({ method: 'PATCH', path: tagPath(name), body: { name: to } }),
    deleteTag: (name) => http.request({ method: 'DELETE', path: tagPath(name) }),
    move: (id, input) => http.request({ method: 'POST', path: `${base}/tasks/${encodeURIComponent(id)}/move`, body: input, schema: orgTask }),
    purge: (id) => http.request({ method: 'DELETE', path: `${base}/trash/${encodeURIComponent(id)}` }),
    emptyTrash: () => http.request({ method: 'DELETE', path: `${base}/trash` }),
  };
}
