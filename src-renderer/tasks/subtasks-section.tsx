// Subtasks in the details panel: the open/done progress, each subtask (opens it), and an input to add one.
import { useRef, useState } from 'react';
import type { OrgTask } from '../api/organize-api';
import { useTaskList } from './use-task-queries';

export function SubtasksSection({ task, onAdd, onOpen }: { task: OrgTask; onAdd: (title: string) => Promise<boolean>; onOpen: (task: OrgTask) => void }) {
  const children = useTaskList({ parentId: task.id, status: 'all', sort: 'manual', limit: 100 });
  const [title, setTitle] = useState('');
  const inputRef = useRef<HTMLInputElement>(null);
  const items = children.isError ? [] : children.items;
  const done = items.filter((t) => t.completed).length;
  return (
    <section className="field subtasks" aria-labelledby="subtasks-label">
      <span className="field-label" id="subtasks-label">
        Subtasks {items.length ? `${done}/${items.length}` : ''}
      </span>
      {items.length ? (
        <ul className="subtask-list">
          {items.map((child) => (
            <li key={child.id}>
              <button type="button" className={`link-button${child.completed ? ' done' : ''}`} onClick={() => onOpen(child)}>
                {child.completed ? '✓ ' : ''}
                <span dir="auto">{child.title}</span>
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <form
        onSubmit={(e) => {
          e.preventDefault();
          const value = title.trim();
          if (!value) return;
          setTitle('');
          void onAdd(value).then((ok) => {
            if (!ok && !inputRef.current?.value) setTitle(value);
          });
        }}
      >
        <input
          ref={inputRef}
          className="input input-small"
          aria-label="Add a subtask"
          placeholder="Add a subtask…"
          maxLength={500}
          dir="auto"
          value={title}
          onChange={(e) => setTitle(e.target.value)}
        />
      </form>
    </section>
  );
}
