// Quick add at the top: title (Enter adds), optional priority and due date. Focused with N or Ctrl/Cmd+N.
// After adding, focus goes back to the title (also from the date field). A failed add puts the title back.
// Pasting several lines offers to add one task per line.
import { forwardRef, useImperativeHandle, useRef, useState, type ClipboardEvent, type FormEvent } from 'react';
import { PRIORITIES, TITLE_MAX, type Priority, type TaskCreateInput } from '../../src-shared/task-schemas';
import { PRIORITY_LABELS } from './task-format';
import { dueAtFromDateInput } from './task-view';

export interface QuickAddProps {
  /** Resolves false when the task could not be saved (the reason is shown elsewhere). */
  onAdd: (input: TaskCreateInput) => Promise<boolean>;
  placeholder?: string;
}

/** Non-empty lines of pasted text, each cut to a title's length; bullets and checkboxes are dropped. */
export function pastedTitles(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.replace(/^\s*(?:[-*+•]\s+(?:\[[ xX]\]\s+)?|\d+[.)]\s+)/, '').trim())
    .filter(Boolean)
    .map((line) => line.slice(0, TITLE_MAX));
}

export const QuickAdd = forwardRef<HTMLInputElement | null, QuickAddProps>(function QuickAdd({ onAdd, placeholder }, ref) {
  const [title, setTitle] = useState('');
  const [priority, setPriority] = useState<Priority>('none');
  const [due, setDue] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [pasted, setPasted] = useState<string[] | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  useImperativeHandle(ref, () => inputRef.current as HTMLInputElement, []);

  function add(titles: string[]) {
    const dueAt = due ? dueAtFromDateInput(due) : null;
    const chosen = priority;
    setTitle('');
    setPriority('none');
    setDue('');
    setError(null);
    setPasted(null);
    inputRef.current?.focus();
    void (async () => {
      const failed: string[] = [];
      for (const one of titles) if (!(await onAdd({ title: one, priority: chosen, dueAt }))) failed.push(one);
      // Nothing typed is lost: a title the server did not take comes back (unless something new was typed).
      if (failed.length && !inputRef.current?.value) setTitle(failed.join('\n').slice(0, TITLE_MAX));
    })();
  }

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const trimmed = title.trim();
    if (!trimmed) {
      setError('Type a title, then press Enter.');
      inputRef.current?.focus();
      return;
    }
    if (trimmed.length > TITLE_MAX) {
      setError(`Titles can be at most ${TITLE_MAX} characters.`);
      return;
    }
    add([trimmed]);
  }

  function onPaste(event: ClipboardEvent<HTMLInputElement>) {
    const lines = pastedTitles(event.clipboardData.getData('text'));
    if (lines.length < 2) return;
    event.preventDefault();
    setPasted(lines);
  }

  return (
    <form className="quick-add" onSubmit={onSubmit} aria-label="Add a task">
      <div className="quick-add-row">
        <span className="quick-add-plus" aria-hidden="true">
          +
        </span>
        <input
          ref={inputRef}
          className="input quick-add-title"
          aria-label="New task title"
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? 'quick-add-error' : undefined}
          placeholder={placeholder ?? 'Add a task…  (press N)'}
          value={title}
          maxLength={TITLE_MAX + 1}
          onPaste={onPaste}
          onChange={(e) => {
            setTitle(e.target.value);
            if (error) setError(null);
          }}
          onKeyDown={(e) => {
            if (e.key === 'Escape') {
              setTitle('');
              setError(null);
              setPasted(null);
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
      {pasted ? (
        <div className="paste-offer" role="alert">
          <span>
            You pasted {pasted.length} lines. Add them as {pasted.length} tasks?
          </span>
          <button type="button" className="button button-small button-primary" onClick={() => add(pasted)}>
            Add {pasted.length} tasks
          </button>
          <button
            type="button"
            className="button button-small"
            onClick={() => {
              setTitle((prev) => `${prev}${pasted.join(' ')}`.slice(0, TITLE_MAX + 1));
              setPasted(null);
              inputRef.current?.focus();
            }}
          >
            Paste as one title
          </button>
        </div>
      ) : null}
      {error ? (
        <div id="quick-add-error" className="field-error" role="alert">
          {error}
        </div>
      ) : null}
    </form>
  );
});
