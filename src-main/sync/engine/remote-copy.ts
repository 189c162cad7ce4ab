// One calendar resource read through the one VTODO mapping (src-main/ical/): the series' VTODO (completed
// RECURRENCE-ID occurrences folded into it, as Thunderbird writes them), its UID, its fields for the merge and when
// it last changed (LAST-MODIFIED, else DTSTAMP). A resource that is not a task (a VEVENT in a mixed calendar) is
// skipped quietly; one that cannot be read is reported.
import { IcalMalformed, readCalendars } from '../../ical/read-calendar.ts';
import type { VtodoDraft } from '../../ical/vtodo-fields.ts';
import type { RemoteResource } from './calendar-client.ts';
import { fieldsFromDraft, type SyncFields } from './sync-fields.ts';
import type { SyncIssue } from './sync-types.ts';

export interface RemoteCopy {
  href: string;
  etag: string | null;
  text: string;
  uid: string;
  draft: VtodoDraft;
  fields: SyncFields;
  at: string | null;
}

/** The VTODO a resource's text holds; null when it holds no task; throws IcalMalformed when it cannot be read. */
export function readResourceTask(text: string): VtodoDraft | null {
  const read = readCalendars(text, { parentsOutsideFile: 'keep' });
  return read.tasks[0] ?? null;
}

export function readRemote(resource: RemoteResource): RemoteCopy | 'not-a-task' | SyncIssue {
  let draft: VtodoDraft | null;
  try {
    draft = readResourceTask(resource.text);
  } catch (error) {
    const reason = error instanceof IcalMalformed ? error.message : 'it cannot be read';
    return { href: resource.href, code: 'SYNC_RESOURCE_UNREADABLE', message: reason.slice(0, 300) };
  }
  if (draft === null) return 'not-a-task';
  return {
    href: resource.href,
    etag: resource.etag,
    text: resource.text,
    uid: draft.uid,
    draft,
    fields: fieldsFromDraft(draft),
    at: draft.updatedAt,
  };
}
