// Bulk actions for a multi-selection or the whole view (select all): complete, move to a list, add or remove a
// tag, set priority, delete. While one runs, the bar shows its progress (one request, batches on the server).
import { useState } from 'react';
import type { Priority } from '../../src-shared/task-schemas';
import type { TaskListInfo } from '../api/organize-api';
import { PriorityOptions } from './priority-options';

interface BulkBarProps {
  /** How many are selected; null while the server counts the whole view. */
  count: number | null;
  /** Select all: the whole view, loaded rows or not. */
  all: boolean;
  running: { label: string; done: number; total: number } | null;
  lists: readonly TaskListInfo[];
  onComplete: () => void;
  onMove: (listId: string) => void;
  onTag: (tag: string, add: boolean) => void;
  onPriority: (priority: Priority) => void;
  onDelete: () => void;
  onClear: () => void;
}

export function BulkBar({ count, all, running, lists, onComplete, onMove, onTag, onPriority, onDelete, onClear }: BulkBarProps) {
  const [tag, setTag] = useState('');
  // Tags are written "@tag" (as in quick add, where "#" means a list).
  const cleanTag = tag.trim().replace(/^[@#]/, '');
  if (running) {
    return (
      <div className="bulk-bar" role="toolbar" aria-label={`${running.label}`} aria-busy="true">
        <strong className="bulk-count">{running.label}…</strong>
        <progress className="bulk-progress" max={Math.max(running.total, 1)} value={running.done} aria-label={`${running.label}: progress`} />
        <span className="bulk-progress-text">
          {running.done.toLocaleString()} of {running.total.toLocaleString()}
        </span>
      </div>
    );
  }
  const words = count === null ? 'Counting…' : `${count.toLocaleString()} selected`;
  return (
    <div className="bulk-bar" role="toolbar" aria-label={`Actions for ${count === null ? 'all' : count.toLocaleString()} selected tasks`}>
      <strong className="bulk-count" title={all ? 'Every task of this view, also those not loaded yet' : undefined}>
        {all && count !== null ? `All ${words}` : words}
      </strong>
      <button type="button" className="button button-small" onClick={onComplete}>
        Complete
      </button>
      {lists.length > 0 ? (
        <select
          className="input input-small"
          aria-label="Move selected to list"
          value=""
          onChange={(e) => e.target.value && onMove(e.target.value)}
        >
          <option value="">Move to…</option>
          {lists.map((list) => (
            <option key={list.id} value={list.id} dir="auto">
              {list.name}
            </option>
          ))}
        </select>
      ) : null}
      <select className="input input-small" aria-label="Set priority of selected" value="" onChange={(e) => e.target.value && onPriority(e.target.value as Priority)}>
        <option value="">Priority…</option>
        <PriorityOptions />
      </select>
      <input
        className="input input-small bulk-tag"
        aria-label="Tag for selected"
        placeholder="@tag"
        value={tag}
        maxLength={50}
        onChange={(e) => setTag(e.target.value)}
        onKeyDown={(e) => {
          e.stopPropagation();
          if (e.key === 'Enter' && cleanTag) {
            onTag(cleanTag, true);
            setTag('');
          }
        }}
      />
      <button type="button" className="button button-small" disabled={!cleanTag} onClick={() => (onTag(cleanTag, true), setTag(''))}>
        Add tag
      </button>
      <button type="button" className="button button-small" disabled={!cleanTag} onClick={() => (onTag(cleanTag, false), setTag(''))}>
        Remove tag
      </button>
      <button type="button" className="button button-small button-danger" onClick={onDelete}>
        Delete
      </button>
      <button type="button" className="icon-button" aria-label="Clear selection" onClick={onClear}>
        ×
      </button>
    </div>
  );
}
