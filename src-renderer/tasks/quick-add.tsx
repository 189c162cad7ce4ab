// Quick add at the top: title (Enter adds), optional priority and due date. Focused with N or Ctrl/Cmd+N.
import { forwardRef, useState, type FormEvent } from 'react';
import { PRIORITIES, TITLE_MAX, type Priority, type TaskCreateInput } from '../../src-shared/task-schemas';
import { PRIORITY_LABELS } from './task-format';
import { dueAtFromDateInput } from './task-view';

export const QuickAdd = forwardRef<HTMLInputElement, { onAdd: (input: TaskCreateInput) => void }>(function QuickAdd(
  { onAdd },
  ref,
) {
  const [title, setTitle] = useState('');
  const [priority, setPriority] = useState<Priority>('none');
  const [due, setDue] = useState('');
  const [error, setError] = useState<string | null>(null);

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const trimmed = title.trim();
    if (!trimmed) {
      setError('Type a title, then press Enter.');
      return;
    }
    if (trimmed.length > TITLE_MAX) {
      setError(`Titles can be at most ${TITLE_MAX} characters.`);
      return;
    }
    onAdd({ title: trimmed, priority, dueAt: due ? dueAtFromDateInput(due) : null });
    setTitle('');
    setPriority('none');
    setDue('');
    setError(null);
  }

  return (
    <form className="quick-add" onSubmit={onSubmit} aria-label="Add a task">
      <div className="quick-add-row">
        <span className="quick-add-plus" aria-hidden="true">
          +
        </span>
        <input
          ref={ref}
          className="input quick-add-title"
          aria-label="New task title"
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? 'quick-add-error' : undefined}
          placeholder="Add a task…  (press N)"
          value={title}
          maxLength={TITLE_MAX + 1}
          onChange={(e) => {
            setTitle(e.target.value);
            if (error) setError(null);
          }}
          onKeyDown={(e) => {
            if (e.key === 'Escape') {
              setTitle('');
              setError(null);
              e.currentTarget.blur();
            }
          }}
        />
        <select
          className="input quick-add-priority"
          aria-label="Priority for the new task"
          value={priority}
          onChange={(e) => setPriority(e.target.value as Priority)}
        >
          {PRIORITIES.map((p) => (
            <option key={p} value={p}>
              {PRIORITY_LABELS[p]}
            </option>
          ))}
        </select>
        <input
          type="date"
          className="input quick-add-due"
          aria-label="Due date for the new task"
          value={due}
          onChange={(e) => setDue(e.target.value)}
        />
        <button type="submit" className="button button-primary">
          Add
        </button>
      </div>
      {error ? (
        <div id="quick-add-error" className="field-error" role="alert">
          {error}
        </div>
      ) : null}
    </form>
  );
});
