// Quick add at the top: title (Enter adds), optional priority and due date. Focused with N or Ctrl/Cmd+N.
// After adding, focus goes back to the title (also from the date field). A failed add puts the title back.
// Pasting several lines offers to add one task per line. The title is read as natural language
// (src-renderer/quick-add): chips show what it understood, and the priority and date controls show what the chips
// say (the text wins); setting a control to something else takes that part out of the text.
import { forwardRef, useImperativeHandle, useRef, useState, type ClipboardEvent, type FormEvent } from 'react';
import { taskInputFromParsed } from '../../src-shared/quick-add/parsed-task';
import { TITLE_MAX, type Priority, type TaskCreateInput } from '../../src-shared/task-schemas';
import { localDate } from '../../src-shared/schedule/zoned-time';
import { viewerTimeZone } from '../dates/viewer-zone';
import { removeSpans } from '../quick-add/chip-edit';
import { QuickAddInput } from '../quick-add/quick-add-input';
import { useQuickAddParse } from '../quick-add/use-quick-add-parse';
import { PriorityOptions } from './priority-options';

export interface QuickAddProps {
  /** Resolves false when the task could not be saved (the reason is shown elsewhere). */
  onAdd: (input: TaskCreateInput) => Promise<boolean>;
  placeholder?: string;
  /** The account's lists, for `#List` in the text. */
  lists?: ReadonlyArray<{ id: string; name: string }> | undefined;
}

/** Non-empty lines of pasted text, each cut to a title's length; bullets and checkboxes are dropped. */
export function pastedTitles(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.replace(/^\s*(?:[-*+•]\s+(?:\[[ xX]\]\s+)?|\d+[.)]\s+)/, '').trim())
    .filter(Boolean)
    .map((line) => line.slice(0, TITLE_MAX));
}

export const QuickAdd = forwardRef<HTMLInputElement | null, QuickAddProps>(function QuickAdd({ onAdd, placeholder, lists }, ref) {
  const [title, setTitle] = useState('');
  const [priority, setPriority] = useState<Priority>('none');
  const [due, setDue] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [pasted, setPasted] = useState<string[] | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  useImperativeHandle(ref, () => inputRef.current as HTMLInputElement, []);
  const parsed = useQuickAddParse(title, lists);
  // The date control gives a calendar date: an all-day due (it was stored as 23:59:59.999 local, a time).
  const dueDate = due || null;
  // What the chips say, shown by the controls.
  const textPriority = parsed.priority;
  const textDate = parsed.dueDate ?? (parsed.dueAt ? localDate(new Date(parsed.dueAt), parsed.timeZone ?? viewerTimeZone()) : null);
  const fromText = (kind: 'priority' | 'date') => parsed.spans.find((s) => s.kind === kind)?.text;
  /** A control changed: its value replaces what the text said about it. */
  const overrideText = (kind: 'priority' | 'date') => {
    if (fromText(kind) !== undefined) setTitle(removeSpans(title, parsed.spans, kind));
  };

  /** Adds each task; `text` is what comes back into the field when the server refuses it. */
  function add(items: Array<{ input: TaskCreateInput; text: string }>) {
    setTitle('');
    setPriority('none');
    setDue('');
    setError(null);
    setPasted(null);
    inputRef.current?.focus();
    void (async () => {
      const failed: string[] = [];
      for (const { input, text } of items) if (!(await onAdd(input))) failed.push(text);
      // Nothing typed is lost: a title the server did not take comes back (unless something new was typed).
      if (failed.length && !inputRef.current?.value) setTitle(failed.join('\n').slice(0, TITLE_MAX));
    })();
  }

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const trimmed = parsed.title;
    if (!trimmed) {
      setError(title.trim() ? 'Nothing is left for the title: quote words to keep them as text.' : 'Type a title, then press Enter.');
      inputRef.current?.focus();
      return;
    }
    if (trimmed.length > TITLE_MAX) {
      setError(`Titles can be at most ${TITLE_MAX} characters.`);
      return;
    }
    const fromText = taskInputFromParsed(parsed);
    const datedByText = fromText.dueDate != null || fromText.dueAt != null;
    const input = { ...fromText, priority: parsed.priority ?? priority, ...(datedByText ? {} : { dueDate }) };
    add([{ input, text: title.trim() }]);
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
        <QuickAddInput
          ref={inputRef}
          parsed={parsed}
          invalid={error !== null}
          describedBy={error ? 'quick-add-error' : undefined}
          placeholder={placeholder ?? 'Add a task…  (press N)   try: Pay rent tomorrow 9am !high'}
          value={title}
          maxLength={TITLE_MAX * 2}
          onPaste={onPaste}
          onChange={(value) => {
            setTitle(value);
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
          title={fromText('priority') !== undefined ? `From the text: ${fromText('priority')}` : undefined}
          data-from-text={textPriority ? true : undefined}
          value={textPriority ?? priority}
          onChange={(e) => {
            overrideText('priority');
            setPriority(e.target.value as Priority);
          }}
        >
          <PriorityOptions />
        </select>
        <input
          type="date"
          className="input quick-add-due"
          aria-label="Due date for the new task"
          title={fromText('date') !== undefined ? `From the text: ${fromText('date')}` : undefined}
          data-from-text={textDate ? true : undefined}
          value={textDate ?? due}
          onChange={(e) => {
            overrideText('date');
            setDue(e.target.value);
          }}
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
          <button
            type="button"
            className="button button-small button-primary"
            onClick={() => add(pasted.map((t) => ({ input: { title: t, priority, dueDate }, text: t })))}
          >
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
