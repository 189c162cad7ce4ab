// One task in the virtualized grid: complete toggle, title (inline editable), notes preview, tags, subtask
// progress, priority, due date, actions. Indented under its parent; a drag handle for @dnd-kit.
import { useSortable } from '@dnd-kit/sortable';
import { memo, useEffect, useRef, useState, type KeyboardEvent, type MouseEvent } from 'react';
import type { OrgTask } from '../api/organize-api';
import type { DueFormat } from '../dates/due-format';
import { RowSchedule } from '../dates/row-schedule';
import { CheckIcon, ChevronIcon, FlagIcon, TrashIcon } from './icons';
import type { Entry } from './task-entries';
import { StartPill } from '../start/start-pill';
import { isPending, previewText, PRIORITY_LABELS } from './task-format';

export interface SelectMods {
  shift: boolean;
  toggle: boolean;
}

export interface RowActions {
  select: (task: OrgTask, mods?: SelectMods) => void;
  toggle: (task: OrgTask) => void;
  startEdit: (task: OrgTask) => void;
  commitTitle: (task: OrgTask, title: string) => void;
  cancelEdit: () => void;
  remove: (task: OrgTask) => void;
  openDetails: (task: OrgTask) => void;
  toggleCollapsed: (task: OrgTask) => void;
  /** Trash view only. */
  restore?: (task: OrgTask) => void;
  purge?: (task: OrgTask) => void;
}

type TaskEntry = Extract<Entry, { kind: 'task' }>;

interface TaskRowProps {
  entry: TaskEntry;
  index: number;
  top: number;
  height: number;
  selected: boolean;
  cursor: boolean;
  editing: boolean;
  now: Date;
  dueFormat: DueFormat;
  actions: RowActions;
  draggable: boolean;
  trash: boolean;
}

function TitleEditor({ task, actions }: { task: OrgTask; actions: RowActions }) {
  const [value, setValue] = useState(task.title);
  const ref = useRef<HTMLInputElement>(null);
  // Enter or Esc ends the edit once: the blur that follows (focus goes back to the list) must not save again.
  const done = useRef(false);
  useEffect(() => ref.current?.select(), []);
  const empty = value.trim().length === 0;
  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    event.stopPropagation();
    if (event.key === 'Enter' && !empty) {
      done.current = true;
      actions.commitTitle(task, value);
    }
    if (event.key === 'Escape') {
      done.current = true;
      actions.cancelEdit();
    }
  }
  return (
    <input
      ref={ref}
      className={`input row-title-input${empty ? ' input-invalid' : ''}`}
      aria-label="Task title"
      dir="auto"
      aria-invalid={empty || undefined}
      value={value}
      maxLength={500}
      onChange={(e) => setValue(e.target.value)}
      onKeyDown={onKeyDown}
      onBlur={() => {
        if (done.current) return;
        done.current = true;
        if (empty || value === task.title) actions.cancelEdit();
        else actions.commitTitle(task, value);
      }}
    />
  );
}

const mods = (e: MouseEvent): SelectMods => ({ shift: e.shiftKey, toggle: e.ctrlKey || e.metaKey });

export const TaskRow = memo(function TaskRow(props: TaskRowProps) {
  const { entry, index, top, height, selected, cursor, editing, now, dueFormat, actions, draggable, trash } = props;
  const { task, depth, progress, hasChildren, collapsed } = entry;
  const { setNodeRef, listeners, attributes, transform, isDragging, isOver } = useSortable({ id: task.id, disabled: !draggable });
  const pending = isPending(task);
  const preview = task.description ? previewText(task.description) : '';
  const classes = ['task-row', selected ? 'selected' : '', cursor ? 'cursor' : '', task.completed ? 'done' : '', pending ? 'pending' : ''];
  if (isDragging) classes.push('dragging');
  if (isOver && !isDragging) classes.push('drop-target');
  const dragY = transform ? transform.y : 0;
  return (
    <div
      ref={setNodeRef}
      role="row"
      id={`task-row-${task.id}`}
      aria-rowindex={index + 1}
      aria-selected={selected}
      aria-level={depth + 1}
      aria-expanded={hasChildren ? !collapsed : undefined}
      className={classes.filter(Boolean).join(' ')}
      // `top` places the row (dnd-kit measures drop targets without transforms); the transform is the drag's.
      style={{ top, transform: dragY ? `translateY(${dragY}px)` : undefined, height, paddingLeft: 8 + depth * 22 }}
      onClick={(e) => actions.select(task, mods(e))}
      onDoubleClick={() => !pending && !trash && actions.startEdit(task)}
    >
      <div role="gridcell" className="cell-handle">
        {draggable ? (
          <span className="drag-handle" aria-hidden="true" {...listeners} {...attributes} tabIndex={-1} role="presentation">
            ⋮⋮
          </span>
        ) : null}
        {hasChildren ? (
          <button
            type="button"
            className="icon-button twisty"
            tabIndex={-1}
            aria-label={`${collapsed ? 'Expand' : 'Collapse'} subtasks of ${task.title}`}
            aria-expanded={!collapsed}
            onClick={(e) => {
              e.stopPropagation();
              actions.toggleCollapsed(task);
            }}
          >
            <span aria-hidden="true">{collapsed ? '▸' : '▾'}</span>
          </button>
        ) : null}
      </div>
      <div role="gridcell" className="cell-check">
        <button
          type="button"
          role="checkbox"
          aria-checked={task.completed}
          aria-label={`Completed: ${task.title}`}
          tabIndex={-1}
          disabled={pending || trash}
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
            {/* A title cut by the row's width says itself whole on hover; user text takes its own direction. */}
            <span className="row-title" dir="auto" title={task.title}>
              {task.title}
            </span>
            {preview ? (
              <span className="row-description" dir="auto">
                {preview}
              </span>
            ) : null}
          </>
        )}
      </div>
      <div role="gridcell" className="cell-meta">
        {progress ? (
          <span className="pill progress" title={`${progress.done} of ${progress.total} subtasks done`}>
            <span aria-hidden="true">{`${progress.done}/${progress.total}`}</span>
            <span className="visually-hidden">{`${progress.done} of ${progress.total} subtasks done`}</span>
          </span>
        ) : null}
        {(task.tags ?? []).slice(0, 3).map((tag) => (
          <span key={tag} className="pill tag" dir="auto">
            @{tag}
          </span>
        ))}
        {task.priority !== 'none' ? (
          <span className={`pill priority-${task.priority}`} title={`${PRIORITY_LABELS[task.priority]} priority`}>
            <FlagIcon />
            <span>{PRIORITY_LABELS[task.priority]}</span>
          </span>
        ) : null}
        <RowSchedule task={task} now={now} format={dueFormat} neutral={trash} />
        <StartPill task={task} now={now} />
      </div>
      <div role="gridcell" className="cell-actions">
        {trash ? (
          <>
            <button type="button" className="button button-small" tabIndex={-1} aria-label={`Restore: ${task.title}`} onClick={() => actions.restore?.(task)}>
              Restore
            </button>
            <button
              type="button"
              className="button button-small button-danger"
              tabIndex={-1}
              aria-label={`Delete for good: ${task.title}`}
              onClick={() => actions.purge?.(task)}
            >
              Delete for good
            </button>
          </>
        ) : (
          <>
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
          </>
        )}
      </div>
    </div>
  );
});
