// Per-device view preferences (not secrets, not per account): row density, sidebar and toolbar collapsed.
import { useCallback, useState } from 'react';

const KEY = 'tasks.view-prefs';

export interface ViewPrefs {
  density: 'comfortable' | 'compact';
  sidebarCollapsed: boolean;
  optionsOpen: boolean;
}

const DEFAULTS: ViewPrefs = { density: 'comfortable', sidebarCollapsed: false, optionsOpen: false };

function read(): ViewPrefs {
  try {
    const stored = JSON.parse(window.localStorage.getItem(KEY) ?? '{}') as Partial<ViewPrefs>;
    return {
      density: stored.density === 'compact' ? 'compact' : 'comfortable',
      sidebarCollapsed: stored.sidebarCollapsed === true,
      optionsOpen: stored.optionsOpen === true,
    };
  } catch {
    return DEFAULTS;
  }
}

export function useViewPrefs(): [ViewPrefs, (patch: Partial<ViewPrefs>) => void] {
  const [prefs, setPrefs] = useState<ViewPrefs>(read);
  const update = useCallback((patch: Partial<ViewPrefs>) => {
    setPrefs((prev) => {
      const next = { ...prev, ...patch };
      try {
        window.localStorage.setItem(KEY, JSON.stringify(next));
      } catch {
        // Storage may be unavailable; the choice still applies for this run.
      }
      return next;
    });
  }, []);
  return [prefs, update];
}
