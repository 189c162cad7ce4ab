// What the list area shows when there is nothing to list: loading, an error, or an empty filter/search.
import { describeError } from '../api/api-error';
import type { FilterKey } from './task-view';

export function ListLoading() {
  return (
    <div className="list-state" role="status" aria-live="polite">
      <span className="visually-hidden">Loading tasks…</span>
      {[0, 1, 2, 3, 4].map((i) => (
        <div key={i} className="skeleton-row" aria-hidden="true">
          <span className="skeleton-check" />
          <span className="skeleton-line" />
        </div>
      ))}
    </div>
  );
}

export function ListError({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  return (
    <div className="list-state list-message" role="alert">
      <h2>Could not load your tasks</h2>
      <p>{describeError(error)}</p>
      <button type="button" className="button" onClick={onRetry}>
        Try again
      </button>
    </div>
  );
}

const EMPTY: Record<FilterKey, { title: string; text: string }> = {
  all: { title: 'No tasks yet', text: 'Type in the box above and press Enter to add your first task. Press N from anywhere to get there.' },
  active: { title: 'All done', text: 'Nothing left to do. Add a task with N, or look at Completed.' },
  completed: { title: 'Nothing completed yet', text: 'Tick a task (or select it and press Space) to see it here.' },
  dueToday: { title: 'Nothing due today', text: 'Tasks with today’s due date that are still open show up here.' },
  overdue: { title: 'Nothing overdue', text: 'Open tasks whose due date has passed show up here.' },
};

export function ListEmpty({ filter, search, onClearSearch }: { filter: FilterKey; search: string; onClearSearch: () => void }) {
  if (search.trim()) {
    return (
      <div className="list-state list-message" role="status">
        <h2>No tasks match “{search.trim()}”</h2>
        <p>Search looks at titles and descriptions, matching the start of words.</p>
        <button type="button" className="button" onClick={onClearSearch}>
          Clear search
        </button>
      </div>
    );
  }
  const { title, text } = EMPTY[filter];
  return (
    <div className="list-state list-message" role="status">
      <h2>{title}</h2>
      <p>{text}</p>
    </div>
  );
}
