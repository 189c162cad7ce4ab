// Search (focus with /) and sort. Search is debounced by the screen; Esc clears it.
import { forwardRef } from 'react';
import type { ListSort } from '../../src-shared/task-schemas';
import { SearchIcon } from './icons';
import { SORTS } from './task-view';

interface ListToolbarProps {
  search: string;
  sort: ListSort;
  onSearch: (value: string) => void;
  onSort: (sort: ListSort) => void;
  onLeave: () => void;
}

export const ListToolbar = forwardRef<HTMLInputElement, ListToolbarProps>(function ListToolbar(
  { search, sort, onSearch, onSort, onLeave },
  ref,
) {
  return (
    <div className="list-toolbar">
      <div className="search">
        <SearchIcon />
        <input
          ref={ref}
          type="search"
          className="input search-input"
          aria-label="Search tasks"
          placeholder="Search  (/)"
          value={search}
          maxLength={200}
          onChange={(e) => onSearch(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Escape') {
              e.preventDefault();
              if (search) onSearch('');
              else onLeave();
            }
            if (e.key === 'ArrowDown' || e.key === 'Enter') {
              e.preventDefault();
              onLeave();
            }
          }}
        />
      </div>
      <label className="sort">
        <span className="sort-label">Sort</span>
        <select className="input" aria-label="Sort tasks" value={sort} onChange={(e) => onSort(e.target.value as ListSort)}>
          {SORTS.map((option) => (
            <option key={option.key} value={option.key}>
              {option.label}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
});
