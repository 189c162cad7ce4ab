// Pull one calendar (issue 18 §3): what changed since the calendar's sync token (RFC 6578 sync-collection). A token
// the server refuses (403/409/410, DAV:valid-sync-token) starts over with an initial sync-collection; a truncated
// result (507) or a server without sync-collection falls back to the full ETag listing (PROPFIND Depth 1). A full
// answer is compared with the sync state: members whose ETag we hold are skipped, known hrefs missing from it are
// deletions. Changed resources are read in batches and merged one by one, each committed with its state, so a crash
// mid-pull leaves every committed task recognised by its href and ETag. Deletions and the new token are returned to
// the runner, which applies them after every calendar was pulled (a task another client moved between calendars is
// then found by its UID, not deleted and made again).
import type { RemoteMember } from './calendar-client.ts';
import { applyRemote } from './apply-remote.ts';
import { LocalRefused } from './local-side.ts';
import { readRemote } from './remote-copy.ts';
import type { CalendarRun } from './run-context.ts';

export interface PulledCalendar {
  calendarId: string;
  listId: string;
  /** Hrefs of known resources the server no longer has. */
  deleted: string[];
  /** The token to keep once the deletions are applied (null: none to keep). */
  syncToken: string | null;
  /** Tasks whose parent or calendar the server changed: placed once every calendar is in. */
  parents: Array<{ taskId: string; parentUid: string | null; listId: string }>;
}

/** Merges run this many at a time: their writes share the write queue's group commit (one fsync). */
const MERGE_WAVE = 32;

async function remoteChanges(
  run: CalendarRun,
): Promise<{ changed: RemoteMember[]; deleted: string[]; syncToken: string | null }> {
  const { client, link } = run;
  const token = link.syncToken;
  let changes = await client.changesSince(token);
  if (changes.kind === 'changes' && token !== null) return changes;
  if (changes.kind === 'full-listing-needed' && token !== null && /token/.test(changes.reason)) {
    changes = await client.changesSince(null);
  }
  const members = changes.kind === 'changes' ? changes.changed : await client.listing();
  const present = new Set(members.map((m) => m.href));
  const deleted = run.state
    .forCalendar(run.accountId, link.calendarId)
    .map((s) => s.href)
    .filter((href) => !present.has(href));
  return { changed: members, deleted, syncToken: changes.kind === 'changes' ? changes.syncToken : null };
}

export async function pullCalendar(run: CalendarRun): Promise<PulledCalendar> {
  const { link } = run;
  const { changed, deleted, syncToken } = await remoteChanges(run);
  const fresh = changed.filter((member) => {
    const known = run.state.byHref(run.accountId, member.href);
    return known === null || known.etag === null || member.etag === null || known.etag !== member.etag;
  });
  const parents: PulledCalendar['parents'] = [];
  const { resources, failures } = await run.client.fetch(fresh.map((m) => m.href));
  for (const failure of failures) run.counts.errors.push(failure);
  for (let i = 0; i < resources.length; i += MERGE_WAVE) {
    await Promise.all(
      resources.slice(i, i + MERGE_WAVE).map(async (resource) => {
        const copy = readRemote(resource);
        if (copy === 'not-a-task') return;
        if ('code' in copy) {
          run.counts.errors.push(copy);
          return;
        }
        const known = run.state.byHref(run.accountId, copy.href) ?? run.state.byUid(run.accountId, copy.uid);
        try {
          const applied = await applyRemote(run, link.calendarId, link.listId, copy, known);
          run.hooks.afterPullCommit?.(copy.href);
          if (applied === null) return;
          if (applied.result.localChanges) run.counts.pulled += 1;
          if (applied.parentChanged || applied.listChanged)
            parents.push({ taskId: applied.task.id, parentUid: applied.parentUid, listId: link.listId });
        } catch (error) {
          if (!(error instanceof LocalRefused)) throw error;
          run.counts.errors.push({ href: copy.href, code: 'SYNC_TASK_REFUSED', message: error.message });
        }
      }),
    );
  }
  return { calendarId: link.calendarId, listId: link.listId, deleted, syncToken, parents };
}

