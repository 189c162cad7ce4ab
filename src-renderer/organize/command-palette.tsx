// The command palette (Ctrl/Cmd+K), built on cmdk: go to any view, list or tag, run any command, find a task.
import { useQuery } from '@tanstack/react-query';
import { Command } from 'cmdk';
import { useEffect, useRef, useState } from 'react';
import type { OrgTask, TagInfo, TaskListInfo } from '../api/organize-api';
import { paletteKeys } from '../tasks/query-keys';
import { useTasksContext } from '../tasks/tasks-context';
import type { ViewKey } from '../tasks/task-view';
import { useDebounced } from '../tasks/use-timing';

export interface PaletteCommand {
  id: string;
  label: string;
  shortcut?: string;
  run: () => void;
}

interface CommandPaletteProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  lists: readonly TaskListInfo[];
  tags: readonly TagInfo[];
  commands: readonly PaletteCommand[];
  onView: (view: ViewKey) => void;
  onTask: (task: OrgTask) => void;
}

const VIEWS: readonly [ViewKey, string][] = [
  [{ kind: 'inbox' }, 'Inbox'],
  [{ kind: 'today' }, 'Today'],
  [{ kind: 'upcoming' }, 'Upcoming'],
  [{ kind: 'all' }, 'All tasks'],
  [{ kind: 'trash' }, 'Trash'],
];

function useTaskSearch(text: string) {
  const { api, userId } = useTasksContext();
  const q = useDebounced(text.trim(), 150);
  const params = { q, status: 'all' as const, limit: 8 };
  return useQuery({
    queryKey: paletteKeys.search(userId, params),
    queryFn: ({ signal }) => api.list(params, signal),
    enabled: q.length >= 2,
    staleTime: 5_000,
  });
}

export function CommandPalette({
  open,
  onOpenChange,
  lists,
  tags,
  commands,
  onView,
  onTask,
}: CommandPaletteProps) {
  const [text, setText] = useState('');
  const found = useTaskSearch(text);
  const pick = (action: () => void) => {
    onOpenChange(false);
    setText('');
    action();
  };
  if (!open) return null;
  // Our own modal (not cmdk's Radix dialog, which injects inline <style> that the strict CSP refuses).
  return (
    <div className="overlay palette-overlay" role="presentation" onMouseDown={() => onOpenChange(false)}>
      <div
        className="palette"
        role="dialog"
        aria-modal="true"
        aria-label="Command palette"
        onMouseDown={(e) => e.stopPropagation()}
      >
        <Command
          label="Command palette"
          loop
          onKeyDown={(e) => {
            e.stopPropagation();
            if (e.key === 'Escape') {
              e.preventDefault();
              onOpenChange(false);
              setText('');
            }
            if (e.key === 'Tab') e.preventDefault();
          }}
        >
          <PaletteInput value={text} onChange={setText} />
          <Command.List className="palette-list">
            <Command.Empty className="palette-empty">
              {found.isFetching ? 'Searching…' : 'Nothing matches.'}
            </Command.Empty>
            <Command.Group heading="Go to">
              {VIEWS.map(([view, label]) => (
                <Command.Item key={label} value={`go ${label}`} onSelect={() => pick(() => onView(view))}>
                  {label}
                </Command.Item>
              ))}
              {lists
                .filter((l) => !l.isInbox)
                .map((list) => (
                  <Command.Item
                    key={list.id}
                    value={`go list ${list.name} ${list.id}`}
                    onSelect={() => pick(() => onView({ kind: 'list', listId: list.id }))}
                  >
                    <span
                      className="palette-dot"
                      style={{ color: list.color ?? undefined }}
                      aria-hidden="true"
                    >
                      ●
                    </span>
                    <span dir="auto">{list.name}</span>
                  </Command.Item>
                ))}
              {tags.map((tag) => (
                <Command.Item
                  key={tag.name}
                  value={`go tag @${tag.name}`}
                  onSelect={() => pick(() => onView({ kind: 'tag', tag: tag.name }))}
                >
                  <span dir="auto">@{tag.name}</span>
                </Command.Item>
              ))}
            </Command.Group>
            <Command.Group heading="Commands">
              {commands.map((command) => (
                <Command.Item
                  key={command.id}
                  value={`do ${command.label}`}
                  onSelect={() => pick(command.run)}
                >
                  <span>{command.label}</span>
                  {command.shortcut ? <kbd className="palette-kbd">{command.shortcut}</kbd> : null}
                </Command.Item>
              ))}
            </Command.Group>
            {found.data && text.trim().length >= 2 ? (
              <Command.Group heading="Tasks">
                {found.data.items.map((task) => (
                  <Command.Item
                    key={task.id}
                    value={`task ${task.title} ${text} ${task.id}`}
                    onSelect={() => pick(() => onTask(task))}
                  >
                    <span className={task.completed ? 'palette-done' : undefined} dir="auto">
                      {task.title}
                    </span>
                  </Command.Item>
                ))}
              </Command.Group>
            ) : null}
          </Command.List>
        </Command>
      </div>
    </div>
  );
}

/** The palette's input: focused on open; focus goes back where it was when the palette closes. */
function PaletteInput({ value, onChange }: { value: string; onChange: (value: string) => void }) {
  const ref = useRef<HTMLInputElement>(null);
  useEffect(() => {
    const previous = document.activeElement as HTMLElement | null;
    ref.current?.focus();
    return () => previous?.focus();
  }, []);
  return (
    <Command.Input
      ref={ref}
      className="input palette-input"
      dir="auto"
      value={value}
      onValueChange={onChange}
      placeholder="Go to, run a command, or find a task…"
    />
  );
}
