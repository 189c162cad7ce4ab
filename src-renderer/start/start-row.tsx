// Upcoming's line for a task on its start day (issue 15 §3), when the task's own row is on its due day: the title,
// "starts" and the due. A click (or Enter on its button) opens the task's details. One row per task stays the
// selectable one, so selection, completing and moving never see the same task twice.
import type { OrgTask } from '../api/organize-api';
import type { DueFormat } from '../dates/due-format';
import { RowSchedule } from '../dates/row-schedule';
import './start-row.css';

interface StartRowProps {
  task: OrgTask;
  index: number;
  top: number;
  height: number;
  now: Date;
  dueFormat: DueFormat;
  onOpen: (task: OrgTask) => void;
}

export function StartRow({ task, index, top, height, now, dueFormat, onOpen }: StartRowProps) {
  return (
    <div role="row" aria-rowindex={index + 1} aria-level={1} className="task-row start-row" style={{ top, height }}>
      <div role="gridcell" className="cell-handle" />
      <div role="gridcell" className="cell-title">
        {/* Its name is what it shows ("starts Essay"); the title attribute says what a click does. */}
        <button type="button" className="start-row-open" title={`Open ${task.title}`} onClick={() => onOpen(task)}>
          <span className="pill start-pill">starts</span>
          <span className="row-title" dir="auto" title={task.title}>
            {task.title}
          </span>
        </button>
      </div>
      <div role="gridcell" className="cell-meta">
        <RowSchedule task={task} now={now} format={dueFormat} neutral />
      </div>
    </div>
  );
}
