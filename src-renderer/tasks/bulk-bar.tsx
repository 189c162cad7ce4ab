// Bulk actions for a multi-selection: complete, move to a list, add or remove a tag, set priority, delete.
import { useState } from 'react';
import type { Priority } from '../../src-shared/task-schemas';
import type { TaskListInfo } from '../api/organize-api';
import { PriorityOptions } from './priority-options';

interface BulkBarProps {
  count: number;
  lists: readonly TaskListInfo[];
  onComplete: () => void;
  onMove: (listId: string) => void;
  onTag: (tag: string, add: boolean) => void;
  onPriority: (priority: Priority) => void;
  onDelete: () => void;
  onClear: () => void;
}

export function BulkBar({ count, lists, onComplete, onMove, onTag, onPriority, onDelete, onClear }: BulkBarProps) {
  const [tag, setTag] = useState('');
  const cleanTag = tag.trim().replace(/^#/, '');
  return (
    <div className="bulk-bar" role="toolbar" aria-label={`Actions for ${count} selected tasks`}>
      <strong className="bulk-count">{count} selected</strong>
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
            <option key={list.id} value={list.id}>
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
        placeholder="tag"
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
