// Settings (from the account menu), in three tabs: API & tokens (the local API's address and docs, personal access
// tokens), Import & export, Backups. A modal dialog that keeps focus inside and returns it where it was when closed.
import { useEffect, useMemo, useRef, useState } from 'react';
import { useModalFocus } from '../app/use-modal-focus';
import type { TasksBridge } from '../../src-preload/contract';
import type { HttpClient } from '../api/http-client';
import { ApiAddress } from './api-address';
import { ApiTokens } from './api-tokens';
import { Backups } from './backups';
import { ImportExport } from './import-export';
import { SETTINGS_TABS, type SettingsTab } from './settings-tabs';
import { createTokensApi } from './tokens-api';
import { createTransferApi } from './transfer-api';

export interface SettingsDialogProps {
  bridge: TasksBridge;
  http: HttpClient;
  userId: string;
  /** The tab it opens on. */
  tab?: SettingsTab;
  onClose: () => void;
}

export function SettingsDialog({ bridge, http, userId, tab: initialTab = 'api', onClose }: SettingsDialogProps) {
  const dialogRef = useRef<HTMLDivElement>(null);
  const [tab, setTab] = useState<SettingsTab>(initialTab);
  const api = useMemo(() => createTokensApi(http, userId), [http, userId]);
  const transfer = useMemo(() => createTransferApi(http, userId), [http, userId]);
  const trapTab = useModalFocus(dialogRef);
  useEffect(() => {
    // Escape closes it wherever focus is (a button that removed itself leaves focus on the body), except in a
    // dialog opened over it (the confirmation of Revoke answers its own Esc).
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      const owner = event.target instanceof Element ? event.target.closest('[aria-modal="true"]') : null;
      if (owner && owner !== dialogRef.current) return;
      event.preventDefault();
      event.stopPropagation();
      onClose();
    };
    document.addEventListener('keydown', onKey, true);
    return () => document.removeEventListener('keydown', onKey, true);
  }, [onClose]);

  /** Arrow keys, Home and End move between the tabs (the WAI-ARIA tabs pattern, activation on focus). */
  function onTabKey(event: React.KeyboardEvent) {
    const index = SETTINGS_TABS.findIndex((item) => item.id === tab);
    const next =
      event.key === 'ArrowRight' ? index + 1 : event.key === 'ArrowLeft' ? index - 1 : event.key === 'Home' ? 0 : event.key === 'End' ? SETTINGS_TABS.length - 1 : null;
    if (next === null) return;
    event.preventDefault();
    const target = SETTINGS_TABS[(next + SETTINGS_TABS.length) % SETTINGS_TABS.length];
    if (!target) return;
    setTab(target.id);
    dialogRef.current?.querySelector<HTMLElement>(`#settings-tab-${target.id}`)?.focus();
  }

  return (
    <div className="overlay" role="presentation" onClick={onClose}>
      <div
        ref={dialogRef}
        className="sheet settings-sheet"
        role="dialog"
        aria-modal="true"
        aria-labelledby="settings-title"
        onClick={(event) => event.stopPropagation()}
        onKeyDown={(event) => {
          event.stopPropagation();
          trapTab(event);
        }}
      >
        <div className="settings-head">
          <h2 id="settings-title">Settings</h2>
          <button type="button" className="button button-quiet" onClick={onClose}>
            Close
          </button>
        </div>
        <div className="settings-tabs" role="tablist" aria-label="Settings" onKeyDown={onTabKey}>
          {SETTINGS_TABS.map((item) => (
            <button
              key={item.id}
              type="button"
              role="tab"
              id={`settings-tab-${item.id}`}
              aria-selected={tab === item.id}
              aria-controls={`settings-panel-${item.id}`}
              tabIndex={tab === item.id ? 0 : -1}
              data-autofocus={item.id === initialTab ? '' : undefined}
              className="settings-tab"
              onClick={() => setTab(item.id)}
            >
              {item.label}
            </button>
          ))}
        </div>
        <div role="tabpanel" id={`settings-panel-${tab}`} aria-labelledby={`settings-tab-${tab}`}>
          {tab === 'api' ? (
            <>
              <ApiAddress bridge={bridge} />
              <ApiTokens api={api} userId={userId} />
            </>
          ) : null}
          {tab === 'transfer' ? <ImportExport bridge={bridge} api={transfer} /> : null}
          {tab === 'backups' ? <Backups bridge={bridge} /> : null}
        </div>
      </div>
    </div>
  );
}
