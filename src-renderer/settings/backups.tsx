// Settings → Backups: the data directory's backups (time, reason, size), "Back up now", and "Restore this backup"
// (after a confirmation that says what it does; main backs up the current database first, restores, relaunches).
// A backup holds every account on this computer, so the confirmation says that too.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { BackupInfo, IpcResult, TasksBridge } from '../../src-preload/contract';
import { formatBytes } from './format-bytes';
import { SettingsMessages } from './settings-messages';

const REASONS: Record<BackupInfo['reason'], string> = {
  startup: 'At start-up',
  'pre-migration': 'Before an update of the database',
  'pre-restore': 'Before a restore',
  manual: 'Backed up by you',
  'pre-sync': "Before a sync account's first sync",
};

class BridgeError extends Error {
  constructor(readonly code: string, message: string) {
    super(message);
  }
}

async function unwrap<T>(result: Promise<IpcResult<T>>): Promise<T> {
  const answer = await result;
  if (!answer.ok) throw new BridgeError(answer.error.code, answer.error.message);
  return answer.value;
}

const when = (iso: string) =>
  new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });

export function Backups({ bridge }: { bridge: TasksBridge }) {
  const client = useQueryClient();
  const key = ['backups'] as const;
  const backups = useQuery({ queryKey: key, queryFn: () => unwrap(bridge.backups.list()), retry: false });
  const [confirming, setConfirming] = useState<BackupInfo | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const create = useMutation({
    mutationFn: () => unwrap(bridge.backups.create()),
    onSuccess: (made) => {
      setError(null);
      setMessage(`Backed up (${formatBytes(made.sizeBytes)}).`);
      void client.invalidateQueries({ queryKey: key });
    },
    onError: (e) => setError(e.message),
  });
  const restore = useMutation({
    mutationFn: (backup: BackupInfo) => unwrap(bridge.backups.restore({ name: backup.name })),
    onSuccess: () => {
      setConfirming(null);
      setError(null);
      setMessage('Restoring… Tasks Desktop restarts in a moment.');
    },
    onError: (e) => {
      setConfirming(null);
      setError(e.message);
    },
  });

  return (
    <section className="settings-section" aria-labelledby="backups-title">
      <h3 id="backups-title">Backups</h3>
      <p className="settings-note">
        Tasks Desktop backs up its database at start-up (at most hourly), before every update and before a restore,
        and keeps the newest five, one a day for a week and one a week for a month. A backup holds every account on
        this computer.
      </p>
      <div className="settings-row">
        <button type="button" className="button" onClick={() => create.mutate()} disabled={create.isPending}>
          {create.isPending ? 'Backing up…' : 'Back up now'}
        </button>
      </div>
      <SettingsMessages status={message} error={error} />
      {backups.isError ? (
        <p className="settings-error" role="alert">
          {backups.error.message}
        </p>
      ) : null}
      {backups.data && backups.data.length === 0 ? <p className="settings-note">No backups yet.</p> : null}
      {backups.data && backups.data.length > 0 ? (
        <table className="settings-table">
          <caption className="visually-hidden">Backups, newest first</caption>
          <thead>
            <tr>
              <th scope="col">Made</th>
              <th scope="col">Why</th>
              <th scope="col">Size</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {backups.data.map((backup) => (
              <tr key={backup.name}>
                <td>{when(backup.createdAt)}</td>
                <td>{REASONS[backup.reason]}</td>
                <td>{formatBytes(backup.sizeBytes)}</td>
                <td>
                  <button
                    type="button"
                    className="button button-quiet"
                    aria-label={`Restore this backup (${when(backup.createdAt)})`}
                    onClick={() => setConfirming(backup)}
                  >
                    Restore this backup
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {confirming ? (
        <div className="settings-confirm" role="alertdialog" aria-labelledby="restore-confirm-title" aria-describedby="restore-confirm-text">
          <h4 id="restore-confirm-title">Restore the backup of {when(confirming.createdAt)}?</h4>
          <p id="restore-confirm-text">
            Every account on this computer goes back to how it was then. What changed since is not lost: the current
            database is backed up first, and you can restore that backup the same way. Tasks Desktop restarts.
          </p>
          <div className="settings-row">
            <button type="button" className="button button-danger" onClick={() => restore.mutate(confirming)} disabled={restore.isPending} autoFocus>
              Restore and restart
            </button>
            <button type="button" className="button button-quiet" onClick={() => setConfirming(null)}>
              Cancel
            </button>
          </div>
        </div>
      ) : null}
    </section>
  );
}
