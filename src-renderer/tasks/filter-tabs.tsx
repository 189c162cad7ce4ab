// Filters with counts from GET /tasks/counts. Arrow keys move between tabs (roving tabindex).
import { useRef, type KeyboardEvent } from 'react';
import type { TaskCounts } from '../../src-shared/task-schemas';
import { FILTERS, type FilterKey } from './task-view';

interface FilterTabsProps {
  value: FilterKey;
  counts: TaskCounts | undefined;
  onChange: (filter: FilterKey) => void;
}

export function FilterTabs({ value, counts, onChange }: FilterTabsProps) {
  const refs = useRef<(HTMLButtonElement | null)[]>([]);
  function onKeyDown(event: KeyboardEvent, index: number) {
    const delta = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    if (!delta) return;
    event.preventDefault();
    const next = (index + delta + FILTERS.length) % FILTERS.length;
    const filter = FILTERS[next];
    if (!filter) return;
    onChange(filter.key);
    refs.current[next]?.focus();
  }
  return (
    <div className="filter-tabs" role="tablist" aria-label="Filter tasks">
      {FILTERS.map((filter, index) => {
        const count = counts?.[filter.key];
        const selected = filter.key === value;
        return (
          <button
            key={filter.key}
            ref={(el) => {
              refs.current[index] = el;
            }}
            type="button"
            role="tab"
            id={`filter-${filter.key}`}
            aria-selected={selected}
            aria-controls="task-panel"
            tabIndex={selected ? 0 : -1}
            className={`filter-tab${filter.key === 'overdue' && count ? ' has-overdue' : ''}`}
            onClick={() => onChange(filter.key)}
            onKeyDown={(e) => onKeyDown(e, index)}
          >
            <span>{filter.label}</span>
            <span className="count" aria-label={count === undefined ? undefined : `${count} tasks`}>
              {count === undefined ? '–' : count.toLocaleString()}
            </span>
          </button>
        );
      })}
    </div>
  );
}
