// The editor panel for one task: title, description, priority, due date, completion, delete.
// Text fields save on blur or Ctrl/Cmd+Enter; choices save at once. Esc reverts a dirty field, then closes.
import { useState, type KeyboardEvent } from 'react';
import { DESCRIPTION_MAX, PRIORITIES, TITLE_MAX, type Priority, type Task, type TaskPatchInput } from '../../src-shared/task-schemas';
import { CloseIcon, TrashIcon } from './icons';
import { PRIORITY_LABELS } from './task-format';
import { dateInputFromDueAt, dueAtFromDateInput } from './task-view';

interface TaskDetailsProps {
  task: Task;
  onSave: (patch: TaskPatchInput) => void;
  onToggle: () => void;
  onDelete: () => void;
  onClose: () => void;
}

export function TaskDetails({ task, onSave, onToggle, onDelete, onClose }: TaskDetailsProps) {
  const [title, setTitle] = useState(task.title);
  const [description, setDescription] = useState(task.description);
  // Another edit (the list, the server's answer) changed the task: show the new text.
  const [shown, setShown] = useState({ title: task.title, description: task.description });
  if (shown.title !== task.title || shown.description !== task.description) {
    setShown({ title: task.title, description: task.description });
    if (shown.title !== task.title) setTitle(task.title);
    if (shown.description !== task.description) setDescription(task.description);
  }

  const titleError = title.trim() ? null : 'A task needs a title.';
  const saveTitle = () => {
    if (!titleError && title.trim() !== task.title) onSave({ title: title.trim() });
  };
  const saveDescription = () => {
    if (description !== task.description && description.length <= DESCRIPTION_MAX) onSave({ description });
  };

  function onFieldKey(event: KeyboardEvent<HTMLInputElement | HTMLTextAreaElement>, save: () => void, revert: () => void, dirty: boolean) {
    event.stopPropagation();
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey || event.currentTarget.tagName === 'INPUT')) {
      event.preventDefault();
      save();
    }
    if (event.key === 'Escape') {
      event.preventDefault();
      if (dirty) revert();
      else onClose();
    }
  }

  return (
    <aside className="details" aria-label="Task details">
      <div className="details-header">
        <button type="button" role="checkbox" aria-checked={task.completed} className="check" onClick={onToggle} aria-label="Completed">
          <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true">
            <path d="M3.5 8.5l3 3 6-7" stroke="currentColor" strokeWidth="2" fill="none" strokeLinecap="round" />
          </svg>
        </button>
        <span className="details-status">{task.completed ? 'Completed' : 'Open'}</span>
        <button type="button" className="icon-button" onClick={onClose} aria-label="Close details">
          <CloseIcon />
        </button>
      </div>
      <label className="field">
        <span className="field-label">Title</span>
        <input
          className={`input${titleError ? ' input-invalid' : ''}`}
          value={title}
          maxLength={TITLE_MAX}
          aria-invalid={titleError ? true : undefined}
          onChange={(e) => setTitle(e.target.value)}
          onBlur={saveTitle}
          onKeyDown={(e) => onFieldKey(e, saveTitle, () => setTitle(task.title), title !== task.title)}
        />
        {titleError ? <span className="field-error">{titleError}</span> : null}
      </label>
      <label className="field">
        <span className="field-label">Description</span>
        <textarea
          className="input textarea"
          value={description}
          rows={8}
          maxLength={DESCRIPTION_MAX}
          placeholder="Add notes, links, steps…"
          onChange={(e) => setDescription(e.target.value)}
          onBlur={saveDescription}
          onKeyDown={(e) => onFieldKey(e, saveDescription, () => setDescription(task.description), description !== task.description)}
        />
        <span className="field-hint">
          {description.length.toLocaleString()} / {DESCRIPTION_MAX.toLocaleString()} · Ctrl+Enter saves
        </span>
      </label>
      <div className="details-grid">
        <label className="field">
          <span className="field-label">Priority</span>
          <select className="input" value={task.priority} onChange={(e) => onSave({ priority: e.target.value as Priority })}>
            {PRIORITIES.map((p) => (
              <option key={p} value={p}>
                {PRIORITY_LABELS[p]}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span className="field-label">Due date</span>
          <input
            type="date"
            className="input"
            value={dateInputFromDueAt(task.dueAt)}
            onChange={(e) => onSave({ dueAt: e.target.value ? dueAtFromDateInput(e.target.value) : null })}
          />
        </label>
      </div>
      <p className="details-meta">
        Created {new Date(task.createdAt).toLocaleString()}
        {task.completedAt ? ` · Completed ${new Date(task.completedAt).toLocaleString()}` : ''}
      </p>
      <button type="button" className="button button-danger" onClick={onDelete}>
        <TrashIcon /> Delete task
      </button>
    </aside>
  );
}
