// The sidebar: Inbox, Today, Upcoming, All, then the lists (colour, open count; create, rename, reorder by
// drag or Alt+↑/↓, delete with undo), the tags, and the Trash. Every entry is a button (Tab / arrow keys);
// lists are drop targets for dragged tasks.
import { useDroppable } from '@dnd-kit/core';
import { SortableContext, useSortable, verticalListSortingStrategy } from '@dnd-kit/sortable';
import { useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import type { TagInfo, TaskListInfo } from '../api/organize-api';
import { CalendarIcon, DotIcon, InboxIcon, ListIcon, SunIcon, TrashIcon } from '../tasks/icons';
import { sameView, type ViewKey } from '../tasks/task-view';

export const LIST_DROP_PREFIX = 'drop-list:';
export const LIST_SORT_PREFIX = 'sort-list:';

interface SidebarProps {
  view: ViewKey;
  onView: (view: ViewKey) => void;
  lists: readonly TaskListInfo[] | undefined;
  listsError: boolean;
  tags: readonly TagInfo[] | undefined;
  counts: { today: number | undefined; all: number | undefined };
  collapsed: boolean;
  onCollapse: (collapsed: boolean) => void;
  onCreateList: (name: string) => Promise<boolean>;
  onRenameList: (list: TaskListInfo, name: string) => void;
  onDeleteList: (list: TaskListInfo) => void;
  onMoveList: (list: TaskListInfo, direction: 'up' | 'down') => void;
}

function Item(props: {
  view: ViewKey;
  current: ViewKey;
  onView: (view: ViewKey) => void;
  label: string;
  count?: number | undefined;
  icon?: ReactNode;
  tone?: string;
  onKeyDown?: (event: KeyboardEvent<HTMLButtonElement>) => void;
  extra?: ReactNode;
  /** Inside a list item of its own (a droppable list): a div, so the <ul> holds only <li>s. */
  inItem?: boolean;
}) {
  const selected = sameView(props.view, props.current);
  const Tag = props.inItem ? 'div' : 'li';
  return (
    <Tag className={`side-item${selected ? ' selected' : ''}`}>
      <button
        type="button"
        className="side-button"
        aria-current={selected ? 'page' : undefined}
        onClick={() => props.onView(props.view)}
        onKeyDown={props.onKeyDown}
      >
        <span className="side-icon" aria-hidden="true" style={props.tone ? { color: props.tone } : undefined}>
          {props.icon ?? <DotIcon />}
        </span>
        <span className="side-label" dir="auto">
          {props.label}
        </span>
        {props.count !== undefined && props.count > 0 ? (
          <span className="side-count" aria-label={`${props.count} open`}>
            {props.count.toLocaleString()}
          </span>
        ) : null}
      </button>
      {props.extra}
    </Tag>
  );
}

function ListItem(props: Omit<SidebarProps, 'lists' | 'tags' | 'counts' | 'collapsed' | 'onCollapse' | 'onCreateList' | 'listsError'> & { list: TaskListInfo }) {
  const { list, view, onView } = props;
  const drop = useDroppable({ id: `${LIST_DROP_PREFIX}${list.id}`, data: { listId: list.id } });
  const sort = useSortable({ id: `${LIST_SORT_PREFIX}${list.id}`, disabled: list.isInbox });
  const [renaming, setRenaming] = useState(false);
  const target: ViewKey = list.isInbox ? { kind: 'inbox' } : { kind: 'list', listId: list.id };
  const style = sort.transform ? { transform: `translateY(${sort.transform.y}px)` } : undefined;
  return (
    <li ref={(el) => { drop.setNodeRef(el); sort.setNodeRef(el); }} style={style} className={drop.isOver ? 'side-drop over' : 'side-drop'} {...(list.isInbox ? {} : sort.listeners)}>
      {renaming ? (
        <input
          className="input side-rename"
          aria-label={`Rename list ${list.name}`}
          defaultValue={list.name}
          dir="auto"
          maxLength={100}
          autoFocus
          onKeyDown={(e) => {
            e.stopPropagation();
            if (e.key === 'Escape') setRenaming(false);
            if (e.key === 'Enter') {
              const name = e.currentTarget.value.trim();
              if (name && name !== list.name) props.onRenameList(list, name);
              setRenaming(false);
            }
          }}
          onBlur={(e) => {
            const name = e.currentTarget.value.trim();
            if (name && name !== list.name) props.onRenameList(list, name);
            setRenaming(false);
          }}
        />
      ) : (
        <Item
          inItem
          view={target}
          current={view}
          onView={onView}
          label={list.name}
          count={list.activeCount}
          icon={list.isInbox ? <InboxIcon /> : <DotIcon />}
          tone={list.isInbox ? undefined : (list.color ?? undefined)}
          onKeyDown={(e) => {
            if (list.isInbox) return;
            if (e.altKey && (e.key === 'ArrowUp' || e.key === 'ArrowDown')) {
              e.preventDefault();
              e.stopPropagation();
              props.onMoveList(list, e.key === 'ArrowUp' ? 'up' : 'down');
            } else if (e.key === 'F2') {
              e.preventDefault();
              setRenaming(true);
            } else if (e.key === 'Delete') {
              e.preventDefault();
              props.onDeleteList(list);
            }
          }}
          extra={
            list.isInbox ? null : (
              <span className="side-actions">
                <button type="button" className="icon-button" aria-label={`Rename list ${list.name}`} onClick={() => setRenaming(true)}>
                  ✎
                </button>
                <button type="button" className="icon-button danger" aria-label={`Delete list ${list.name}`} onClick={() => props.onDeleteList(list)}>
                  ×
                </button>
              </span>
            )
          }
        />
      )}
    </li>
  );
}

function NewList({ onCreate }: { onCreate: (name: string) => Promise<boolean> }) {
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const ref = useRef<HTMLInputElement>(null);
  if (!open) {
    return (
      <button type="button" className="side-add" onClick={() => setOpen(true)}>
        + New list
      </button>
    );
  }
  return (
    <form
      className="side-new"
      onSubmit={(e) => {
        e.preventDefault();
        const name = ref.current?.value.trim() ?? '';
        if (!name) return setError('Give the list a name.');
        void onCreate(name).then((ok) => {
          if (ok) {
            setOpen(false);
            setError(null);
          } else setError('A list with that name exists.');
        });
      }}
    >
      <input
        ref={ref}
        className="input"
        aria-label="New list name"
        placeholder="List name"
        maxLength={100}
        autoFocus
        aria-invalid={error ? true : undefined}
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            e.stopPropagation();
            setOpen(false);
          }
        }}
      />
      {error ? (
        <span className="field-error" role="alert">
          {error}
        </span>
      ) : null}
    </form>
  );
}

/** Arrow keys move between the sidebar's buttons. */
function onNavKey(event: KeyboardEvent<HTMLElement>) {
  if (event.altKey || (event.key !== 'ArrowDown' && event.key !== 'ArrowUp')) return;
  const buttons = Array.from(event.currentTarget.querySelectorAll<HTMLButtonElement>('.side-button'));
  const index = buttons.indexOf(document.activeElement as HTMLButtonElement);
  if (index < 0) return;
  event.preventDefault();
  buttons[(index + (event.key === 'ArrowDown' ? 1 : -1) + buttons.length) % buttons.length]?.focus();
}

export function Sidebar(props: SidebarProps) {
  const { view, onView, lists, tags, counts, collapsed, onCollapse } = props;
  const inbox = lists?.find((l) => l.isInbox);
  const others = lists?.filter((l) => !l.isInbox) ?? [];
  if (collapsed) {
    return (
      <nav className="sidebar collapsed" aria-label="Lists and views">
        <button type="button" className="icon-button" aria-label="Show sidebar" aria-expanded="false" onClick={() => onCollapse(false)}>
          ☰
        </button>
      </nav>
    );
  }
  return (
    <nav className="sidebar" aria-label="Lists and views" onKeyDown={onNavKey}>
      <div className="side-top">
        <button type="button" className="icon-button" aria-label="Hide sidebar" aria-expanded="true" onClick={() => onCollapse(true)}>
          ☰
        </button>
      </div>
      <ul className="side-section" aria-label="Views">
        {inbox ? <ListItem {...props} list={inbox} /> : <Item view={{ kind: 'inbox' }} current={view} onView={onView} label="Inbox" icon={<InboxIcon />} />}
        <Item view={{ kind: 'today' }} current={view} onView={onView} label="Today" icon={<SunIcon />} count={counts.today} />
        <Item view={{ kind: 'upcoming' }} current={view} onView={onView} label="Upcoming" icon={<CalendarIcon />} />
        <Item view={{ kind: 'all' }} current={view} onView={onView} label="All tasks" icon={<ListIcon />} count={counts.all} />
      </ul>
      <h2 className="side-heading" id="side-lists">
        Lists
      </h2>
      <SortableContext items={others.map((l) => `${LIST_SORT_PREFIX}${l.id}`)} strategy={verticalListSortingStrategy}>
        <ul className="side-section" aria-labelledby="side-lists">
          {others.map((list) => (
            <ListItem key={list.id} {...props} list={list} />
          ))}
        </ul>
      </SortableContext>
      {props.listsError ? <p className="side-note">Lists are not available.</p> : <NewList onCreate={props.onCreateList} />}
      {tags && tags.length > 0 ? (
        <>
          <h2 className="side-heading" id="side-tags">
            Tags
          </h2>
          <ul className="side-section" aria-labelledby="side-tags">
            {tags.map((tag) => (
              <Item key={tag.name} view={{ kind: 'tag', tag: tag.name }} current={view} onView={onView} label={tag.name} icon="@" count={tag.count} />
            ))}
          </ul>
        </>
      ) : null}
      <ul className="side-section side-bottom" aria-label="Trash">
        <Item view={{ kind: 'trash' }} current={view} onView={onView} label="Trash" icon={<TrashIcon />} />
      </ul>
    </nav>
  );
}
