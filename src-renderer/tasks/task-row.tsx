// One task in the virtualized grid: complete toggle, title (inline editable), priority, due date, delete.
import { memo, useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { Task } from '../../src-shared/task-schemas';
import { CalendarIcon, CheckIcon, ChevronIcon, FlagIcon, TrashIcon } from './icons';
import { dueLabel, isPending, PRIORITY_LABELS } from './task-format';

export interface RowActions {
  select: (task: Task) => void;
  toggle: (task: Task) => void;
  startEdit: (task: Task) => void;
  commitTitle: (task: Task, title: string) => void;
  cancelEdit: () => void;
  remove: (task: Task) => void;
  openDetails: (task: Task) => void;
}

interface TaskRowProps {
  task: Task;
  index: number;
  top: number;
  height: number;
  selected: boolean;
  editing: boolean;
  now: Date;
  actions: RowActions;
}

function TitleEditor({ task, actions }: { task: Task; actions: RowActions }) {
  const [value, setValue] = useState(task.title);
  const ref = useRef<HTMLInputElement>(null);
  useEffect(() => ref.current?.select(), []);
  const empty = value.trim().length === 0;
  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    event.stopPropagation();
    if (event.key === 'Enter' && !empty) actions.commitTitle(task, value);
    if (event.key === 'Escape') actions.cancelEdit();
  }
  return (
    <input
      ref={ref}
      className={`input row-title-input${empty ? ' input-invalid' : ''}`}
      aria-label="Task title"
      aria-invalid={empty || undefined}
      value={value}
      maxLength={500}
      onChange={(e) => setValue(e.target.value)}
      onKeyDown={onKeyDown}
      onBlur={() => (empty || value === task.title ? actions.cancelEdit() : actions.commitTitle(task, value))}
    />
  );
}

export const TaskRow = memo(function TaskRow({ task, index, top, height, selected, editing, now, actions }: TaskRowProps) {
  const pending = isPending(task);
  const due = task.dueAt ? dueLabel(task.dueAt, now) : null;
  const classes = ['task-row', selected ? 'selected' : '', task.completed ? 'done' : '', pending ? 'pending' : ''];
  return (
    <div
      role="row"
      id={`task-row-${task.id}`}
      aria-rowindex={index + 1}
      aria-selected={selected}
      className={classes.filter(Boolean).join(' ')}
      style={{ transform: `translateY(${top}px)`, height }}
      onClick={() => actions.select(task)}
      onDoubleClick={() => !pending && actions.startEdit(task)}
    >
      <div role="gridcell" className="cell-check">
        <button
          type="button"
          role="checkbox"
          aria-checked={task.completed}
          aria-label={`Completed: ${task.title}`}
          tabIndex={-1}
          disabled={pending}
          className="check"
          onClick={(e) => {
            e.stopPropagation();
            actions.toggle(task);
          }}
        >
          <CheckIcon />
        </button>
      </div>
      <div role="gridcell" className="cell-title">
        {editing ? (
          <TitleEditor task={task} actions={actions} />
        ) : (
          <>
            <span className="row-title">{task.title}</span>
            {task.description ? <span className="row-description">{task.description.split('\n', 1)[0]}</span> : null}
          </>
        )}
      </div>
      <div role="gridcell" className="cell-meta">
        {task.priority !== 'none' ? (
          <span className={`pill priority-${task.priority}`} title={`${PRIORITY_LABELS[task.priority]} priority`}>
            <FlagIcon />
            <span>{PRIORITY_LABELS[task.priority]}</span>
          </span>
        ) : null}
        {due ? (
          <span className={`pill due-${due.tone}`} title={due.full}>
            <CalendarIcon />
            <span>{due.text}</span>
            <span className="visually-hidden">, {due.full}</span>
          </span>
        ) : null}
      </div>
      <div role="gridcell" className="cell-actions">
        <button
          type="button"
          className="icon-button"
          tabIndex={-1}
          disabled={pending}
          aria-label={`Details: ${task.title}`}
          onClick={(e) => {
            e.stopPropagation();
            actions.openDetails(task);
          }}
        >
          <ChevronIcon />
        </button>
        <button
          type="button"
          className="icon-button danger"
          tabIndex={-1}
          disabled={pending}
          aria-label={`Delete: ${task.title}`}
          onClick={(e) => {
            e.stopPropagation();
            actions.remove(task);
          }}
        >
          <TrashIcon />
        </button>
      </div>
    </div>
  );
});
