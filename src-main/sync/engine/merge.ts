// The three-way merge of one task (issue 18 §3), per field against the copy both sides last agreed on: a field
// changed on one side takes that side; changed on both (to different values), the later change wins, a remote change
// dated by the VTODO's LAST-MODIFIED (else DTSTAMP), a local one by the task's updatedAt; the losing value is returned
// as a conflict so that it is kept. Without an agreed copy (a crash between a PUT and its local commit, a UID found
// on both sides) every difference counts as changed on both. Pure: no clock, no I/O.
import { SYNC_FIELDS, sameValue, type SyncField, type SyncFields } from './sync-fields.ts';

export interface MergeConflict {
  field: SyncField;
  kept: unknown;
  lost: unknown;
  keptFrom: 'local' | 'remote';
}

export interface MergeResult {
  merged: SyncFields;
  conflicts: MergeConflict[];
  /** The merged task differs from the local one: the local task is updated. */
  localChanges: boolean;
  /** The merged task differs from the server's copy: it is pushed. */
  remoteChanges: boolean;
}

export interface MergeSide {
  fields: SyncFields;
  /** When this side's copy last changed (ISO 8601); null when the server says nothing (no LAST-MODIFIED, DTSTAMP). */
  at: string | null;
}

/** The later of the two sides; an undated remote loses to a dated local change, a tie goes to the server's copy. */
function laterSide(local: MergeSide, remote: MergeSide): 'local' | 'remote' {
  if (remote.at === null) return 'local';
  if (local.at === null) return 'remote';
  return Date.parse(local.at) > Date.parse(remote.at) ? 'local' : 'remote';
}

export function mergeTask(base: SyncFields | null, local: MergeSide, remote: MergeSide): MergeResult {
  const merged = { ...local.fields };
  const conflicts: MergeConflict[] = [];
  let localChanges = false;
  let remoteChanges = false;
  for (const field of SYNC_FIELDS) {
    const mine = local.fields[field];
    const theirs = remote.fields[field];
    if (sameValue(field, mine, theirs)) continue;
    let from: 'local' | 'remote';
    if (base !== null && sameValue(field, base[field], mine)) from = 'remote';
    else if (base !== null && sameValue(field, base[field], theirs)) from = 'local';
    else {
      from = laterSide(local, remote);
      conflicts.push({
        field,
        kept: from === 'local' ? mine : theirs,
        lost: from === 'local' ? theirs : mine,
        keptFrom: from,
      });
    }
    if (from === 'remote') {
      (merged as Record<SyncField, unknown>)[field] = theirs;
      localChanges = true;
    } else {
      remoteChanges = true;
    }
  }
  return { merged, conflicts, localChanges, remoteChanges };
}
