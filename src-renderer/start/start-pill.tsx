// A row's "starts Fri" pill: shown on an open task whose start date is still ahead (issue 15 §3).
import type { OrgTask } from '../api/organize-api';
import { dateInZone } from '../dates/zoned-day';
import { viewerTimeZone } from '../dates/viewer-zone';
import { startLabel } from './start-words';

export function StartPill({ task, now }: { task: OrgTask; now: Date }) {
  if (task.completed || !task.startDate) return null;
  const label = startLabel(task.startDate, dateInZone(now, viewerTimeZone()));
  if (!label) return null;
  return (
    <span className="pill start-pill" title={`Not started yet: ${label} (${task.startDate})`}>
      <span>{label}</span>
    </span>
  );
}
