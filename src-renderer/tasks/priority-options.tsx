// The <option>s of every priority picker (quick add, details, bulk actions), in one place.
import { PRIORITIES } from '../../src-shared/task-schemas';
import { PRIORITY_LABELS } from './task-format';

export function PriorityOptions() {
  return PRIORITIES.map((p) => (
    <option key={p} value={p}>
      {PRIORITY_LABELS[p]}
    </option>
  ));
}
