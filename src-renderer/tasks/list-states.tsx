// What the list area shows when there is nothing to list: loading, an error, or an empty filter/search.
import { describeError } from '../api/api-error';
import type { ViewKey } from './task-view';

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

const EMPTY: Record<ViewKey['kind'], { title: string; text: string }> = {
  inbox: { title: 'Your Inbox is empty', text: 'Type in the box above and press Enter to add a task. Press N from anywhere to get there.' },
  list: { title: 'No open tasks in this list', text: 'Add one above, or drag tasks here from another list.' },
  tag: { title: 'No open tasks with this tag', text: 'Add tags to a task in its details (E).' },
  today: { title: 'Nothing due today', text: 'Open tasks due today or overdue, from every list, show up here.' },
  upcoming: { title: 'Nothing coming up', text: 'Open tasks with a due date after today show up here, by day.' },
  all: { title: 'No open tasks', text: 'Everything is done. Turn on “Show completed” in View options to see finished tasks.' },
  trash: { title: 'The trash is empty', text: 'Deleted tasks stay here for 30 days.' },
};

export function ListEmpty({ view, search, onClearSearch }: { view: ViewKey; search: string; onClearSearch: () => void }) {
  if (search.trim()) {
    return (
      <div className="list-state list-message" role="status">
        <h2>No tasks match “{search.trim()}”</h2>
        <p>Search looks at titles, descriptions and tags, matching the start of words.</p>
        <button type="button" className="button" onClick={onClearSearch}>
          Clear search
        </button>
      </div>
    );
  }
  const { title, text } = EMPTY[view.kind];
  return (
    <div className="list-state list-message" role="status">
      <h2>{title}</h2>
      <p>{text}</p>
    </div>
  );
}

/** A bulk action is running and has taken the view's rows away so far: its progress instead of "No open tasks". */
export function ListBusy({ run }: { run: { label: string; done: number; total: number } }) {
  return (
    <div className="list-state list-message" role="status">
      <h2>{run.label}…</h2>
      <p>
        {run.done.toLocaleString()} of {run.total.toLocaleString()} done
      </p>
    </div>
  );
}
