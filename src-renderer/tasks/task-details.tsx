// The editor panel for one task: title, notes, list, tags, priority, due date, subtasks, completion, delete.
// Text fields save on blur or Ctrl/Cmd+Enter; choices save at once. Esc closes the panel from any field: a
// changed title is reverted first; changed notes are saved, never thrown away.
import { useState, type KeyboardEvent, type ReactNode } from 'react';
import { DESCRIPTION_MAX, TITLE_MAX, type Priority, type TaskPatchInput } from '../../src-shared/task-schemas';
import type { OrgTask, TaskListInfo } from '../api/organize-api';
import { DueField } from '../dates/due-field';
import { StartDateField } from '../start/start-date-field';
import type { DueFormat } from '../dates/due-format';
import { CloseIcon, TrashIcon } from './icons';
import { PriorityOptions } from './priority-options';
import { SubtasksSection } from './subtasks-section';
import { TagsField } from './tags-field';

export type DetailsPatch = TaskPatchInput & { tags?: string[] };

interface TaskDetailsProps {
  task: OrgTask;
  lists: readonly TaskListInfo[];
  onSave: (patch: DetailsPatch) => void;
  onMoveToList: (listId: string) => void;
  onToggle: () => void;
  onDelete: () => void;
  onClose: () => void;
  onAddSubtask: (title: string) => Promise<boolean>;
  onOpenTask: (task: OrgTask) => void;
  /** More sections from other features (schedule, reminders), shown under the built-in fields. */
  sections?: ReactNode;
  /** The viewer's date formats and clock, for the Due field. */
  dueFormat: DueFormat;
  now: Date;
  /** The date picker is open (D from the list opens it). */
  pickingDate: boolean;
  onPickingDate: (open: boolean) => void;
  /** A due change removed reminders or the repeat: say so beyond the panel. */
  onDueNotice?: (message: string) => void;
  /** The start date picker is open (S from the list opens it). */
  pickingStart: boolean;
  onPickingStart: (open: boolean) => void;
}

export function TaskDetails(props: TaskDetailsProps) {
  const { task, lists, onSave, onMoveToList, onToggle, onDelete, onClose, onAddSubtask, onOpenTask, sections } = props;
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

  function onTitleKey(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (event.key === 'Enter') {
      event.preventDefault();
      saveTitle();
    }
    if (event.key === 'Escape' && title !== task.title) {
      // A changed title is reverted (one Esc), the next Esc closes.
      event.preventDefault();
      event.stopPropagation();
      setTitle(task.title);
    }
  }

  function onDescriptionKey(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      saveDescription();
    }
    // Esc keeps the notes: they are saved, then the panel closes (below).
    if (event.key === 'Escape') saveDescription();
  }

  return (
    <aside
      className="details"
      aria-label="Task details"
      onKeyDown={(event) => {
        // Esc closes the panel from any control in it (a field that used it already, e.g. to revert, says so).
        if (event.key === 'Escape' && !event.defaultPrevented) {
          event.preventDefault();
          onClose();
        }
      }}
    >
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
        {/* A long title shows whole on a few lines (the field grows with it); Enter still saves, and a title has
            no line breaks, so pasted ones become spaces. */}
        <textarea
          className={`input details-title${titleError ? ' input-invalid' : ''}`}
          value={title}
          rows={1}
          dir="auto"
          maxLength={TITLE_MAX}
          aria-invalid={titleError ? true : undefined}
          onChange={(e) => setTitle(e.target.value.replace(/[\r\n]+/g, ' '))}
          onBlur={saveTitle}
          onKeyDown={onTitleKey}
        />
        {titleError ? <span className="field-error">{titleError}</span> : null}
      </label>
      <label className="field">
        <span className="field-label">Description</span>
        <textarea
          className="input textarea"
          dir="auto"
          value={description}
          rows={6}
          maxLength={DESCRIPTION_MAX}
          placeholder="Add notes, links, steps…"
          onChange={(e) => setDescription(e.target.value)}
          onBlur={saveDescription}
          onKeyDown={onDescriptionKey}
        />
        <span className="field-hint">
          {description.length.toLocaleString()} / {DESCRIPTION_MAX.toLocaleString()} · Ctrl+Enter saves
        </span>
      </label>
      <div className="details-grid">
        {lists.length > 0 ? (
          <label className="field">
            <span className="field-label">List</span>
            <select className="input" value={task.listId ?? ''} onChange={(e) => e.target.value && onMoveToList(e.target.value)}>
              {lists.map((list) => (
                <option key={list.id} value={list.id} dir="auto">
                  {list.name}
                </option>
              ))}
            </select>
          </label>
        ) : null}
        <label className="field">
          <span className="field-label">Priority</span>
          <select className="input" value={task.priority} onChange={(e) => onSave({ priority: e.target.value as Priority })}>
            <PriorityOptions />
          </select>
        </label>
        <DueField task={task} format={props.dueFormat} now={props.now} onSave={onSave} open={props.pickingDate} onOpenChange={props.onPickingDate} onNotice={props.onDueNotice} />
        <StartDateField task={task} format={props.dueFormat} now={props.now} onSave={onSave} open={props.pickingStart} onOpenChange={props.onPickingStart} />
      </div>
      <TagsField tags={task.tags ?? []} onChange={(tags) => onSave({ tags })} />
      {sections}
      <SubtasksSection task={task} onAdd={onAddSubtask} onOpen={onOpenTask} />
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
