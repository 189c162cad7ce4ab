// Settings (account menu → "API & tokens…"): the local API's address and docs, and personal access tokens.
// A modal dialog that keeps focus inside and returns it where it was when closed.
import { useEffect, useMemo, useRef } from 'react';
import type { TasksBridge } from '../../src-preload/contract';
import type { HttpClient } from '../api/http-client';
import { ApiAddress } from './api-address';
import { ApiTokens } from './api-tokens';
import { createTokensApi } from './tokens-api';

export interface SettingsDialogProps {
  bridge: TasksBridge;
  http: HttpClient;
  userId: string;
  onClose: () => void;
}

export function SettingsDialog({ bridge, http, userId, onClose }: SettingsDialogProps) {
  const dialogRef = useRef<HTMLDivElement>(null);
  const api = useMemo(() => createTokensApi(http, userId), [http, userId]);
  useEffect(() => {
    const previous = document.activeElement as HTMLElement | null;
    dialogRef.current?.querySelector<HTMLElement>('button, input, a')?.focus();
    // Escape closes it wherever focus is (a button that removed itself leaves focus on the body).
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      event.preventDefault();
      event.stopPropagation();
      onClose();
    };
    document.addEventListener('keydown', onKey, true);
    return () => {
      document.removeEventListener('keydown', onKey, true);
      previous?.focus();
    };
  }, [onClose]);

  function trapTab(event: React.KeyboardEvent) {
    const items = Array.from(
      dialogRef.current?.querySelectorAll<HTMLElement>('a, button:not(:disabled), input, select') ?? [],
    );
    const first = items[0];
    const last = items[items.length - 1];
    if (event.shiftKey && document.activeElement === first) {
      event.preventDefault();
      last?.focus();
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault();
      first?.focus();
    }
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
          if (event.key === 'Tab') trapTab(event);
        }}
      >
        <div className="settings-head">
          <h2 id="settings-title">API &amp; tokens</h2>
          <button type="button" className="button button-quiet" onClick={onClose}>
            Close
          </button>
        </div>
        <ApiAddress bridge={bridge} />
        <ApiTokens api={api} userId={userId} />
      </div>
    </div>
  );
}
