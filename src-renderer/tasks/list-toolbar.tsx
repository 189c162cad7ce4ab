// The view's header: its name, search (focus with /), and view options (sort with an ascending/descending
// switch, Show completed, compact rows). The options collapse behind one button to save height.
import { forwardRef } from 'react';
import { SearchIcon } from './icons';
import type { Density } from './task-list';
import { SORTS, type SortKey, type SortOrder } from './task-view';

interface ListToolbarProps {
  title: string;
  search: string;
  sort: SortKey;
  order: SortOrder;
  showCompleted: boolean;
  /** The view option "Hide not started": tasks whose start date is still ahead are left out. */
  hideNotStarted: boolean;
  density: Density;
  sortable: boolean;
  optionsOpen: boolean;
  onOptionsOpen: (open: boolean) => void;
  onSearch: (value: string) => void;
  onSort: (sort: SortKey) => void;
  onOrder: (order: SortOrder) => void;
  onShowCompleted: (show: boolean) => void;
  onHideNotStarted: (hide: boolean) => void;
  onDensity: (density: Density) => void;
  onLeave: () => void;
}

export const ListToolbar = forwardRef<HTMLInputElement, ListToolbarProps>(function ListToolbar(props, ref) {
  const { title, search, sort, order, showCompleted, hideNotStarted, density, sortable, optionsOpen, onOptionsOpen } = props;
  return (
    <div className="list-toolbar">
      <div className="toolbar-row">
        <h1 className="view-title" dir="auto">
          {title}
        </h1>
        <div className="search">
          <SearchIcon />
          <input
            ref={ref}
            type="search"
            className="input search-input"
            aria-label="Search tasks"
            dir="auto"
            placeholder="Search  (/)"
            value={search}
            maxLength={200}
            onChange={(e) => props.onSearch(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Escape') {
                e.preventDefault();
                if (search) props.onSearch('');
                else props.onLeave();
              }
              if (e.key === 'ArrowDown' || e.key === 'Enter') {
                e.preventDefault();
                props.onLeave();
              }
            }}
          />
        </div>
        <button
          type="button"
          className="button button-quiet toolbar-toggle"
          aria-expanded={optionsOpen}
          aria-controls="view-options"
          onClick={() => onOptionsOpen(!optionsOpen)}
        >
          View options
        </button>
      </div>
      {optionsOpen ? (
        <div className="toolbar-row view-options" id="view-options" role="group" aria-label="View options">
          {sortable ? (
            <>
              <label className="sort">
                <span className="sort-label">Sort</span>
                <select className="input" aria-label="Sort tasks" value={sort} onChange={(e) => props.onSort(e.target.value as SortKey)}>
                  {SORTS.map((option) => (
                    <option key={option.key} value={option.key}>
                      {option.label}
                    </option>
                  ))}
                </select>
              </label>
              <button
                type="button"
                className="button button-quiet"
                aria-label={`Sort order: ${order === 'asc' ? 'ascending' : 'descending'}`}
                disabled={sort === 'manual'}
                onClick={() => props.onOrder(order === 'asc' ? 'desc' : 'asc')}
              >
                {order === 'asc' ? '↑ Ascending' : '↓ Descending'}
              </button>
            </>
          ) : null}
          <label className="check-option">
            <input type="checkbox" checked={showCompleted} onChange={(e) => props.onShowCompleted(e.target.checked)} /> Show completed
          </label>
          <label className="check-option">
            <input type="checkbox" checked={hideNotStarted} onChange={(e) => props.onHideNotStarted(e.target.checked)} /> Hide not started
          </label>
          <label className="check-option">
            <input type="checkbox" checked={density === 'compact'} onChange={(e) => props.onDensity(e.target.checked ? 'compact' : 'comfortable')} />{' '}
            Compact rows
          </label>
        </div>
      ) : null}
    </div>
  );
});
