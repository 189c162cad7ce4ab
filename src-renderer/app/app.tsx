// Composition: TanStack Query, the session, and the screen for the session state.
import { QueryClient, QueryClientProvider, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { AccountSummary, TasksBridge } from '../../src-preload/contract';
import { createBulkApi } from '../api/bulk-api';
import { createOrganizeApi } from '../api/organize-api';
import { createTasksApi } from '../api/tasks-api';
import { AuthScreen } from '../auth/auth-screen';
import { useLiveEvents } from '../events/use-live-events';
import { SettingsDialog } from '../settings/settings-dialog';
import type { SettingsTab } from '../settings/settings-tabs';
import { useSession } from '../auth/session-context';
import { SessionProvider } from '../auth/session-provider';
import { TasksContext } from '../tasks/tasks-context';
import { TasksScreen, type RememberedView } from '../tasks/tasks-screen';
import { DEFAULT_VIEW } from '../tasks/task-view';
import { AppHeader } from './app-header';
import { useColorScheme } from './theme';

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { staleTime: 30_000, retry: (count, error) => count < 2 && (error as { code?: string }).code === 'NETWORK' },
      mutations: { retry: false },
    },
  });
}

interface Memory {
  userId: string;
  view: RememberedView;
}

function Screens({ bridge }: { bridge: TasksBridge }) {
  const { state, signOut, switchAccount, http } = useSession();
  useColorScheme();
  const client = useQueryClient();
  // Where the person was (filter, search, sort, selection): kept across an expired session, for the same user.
  const [memory, setMemory] = useState<Memory | null>(null);
  const [settingsTab, setSettingsTab] = useState<SettingsTab | null>(null);
  const closeSettings = useCallback(() => setSettingsTab(null), []);

  const userId = state.status === 'signed-in' ? state.session.user.id : null;
  // "Add account" (or signing in again as an account whose session ended): the sign-in screen over the current account.
  const [adding, setAdding] = useState<{ from: string; email: string | null } | null>(null);
  const cancelAdding = useCallback(() => setAdding(null), []);
  // Another account is current now (added, or switched from elsewhere): adding is over.
  if (adding !== null && adding.from !== userId) setAdding(null);
  const onChooseAccount = useCallback(
    (account: AccountSummary) => {
      if (!userId) return;
      if (!account.signedIn) {
        setAdding({ from: userId, email: account.email });
        return;
      }
      // Its session may have ended since the menu opened: then sign in as it.
      void switchAccount(account.id).then((result) => {
        if (!result.ok) setAdding({ from: userId, email: account.email });
      });
    },
    [switchAccount, userId],
  );
  useEffect(() => {
    if (!userId) return;
    // Another account signed in: drop the previous account's cached tasks (the remembered view is per user too).
    client.removeQueries({ predicate: (query) => ['tasks', 'organize'].includes(String(query.queryKey[0])) && query.queryKey[1] !== userId });
  }, [userId, client]);

  const api = useMemo(() => (userId ? createTasksApi(http, userId) : null), [http, userId]);
  const organize = useMemo(() => (userId ? createOrganizeApi(http, userId) : null), [http, userId]);
  const bulk = useMemo(() => (userId ? createBulkApi(http, userId) : null), [http, userId]);
  useLiveEvents(http, userId);
  const onViewChange = useCallback((view: RememberedView) => userId && setMemory({ userId, view }), [userId]);
  const onSignOut = useCallback(() => {
    setMemory(null);
    // Clear the cache once the list is gone, so nothing refetches in between.
    void signOut().finally(() => client.clear());
  }, [client, signOut]);

  if (state.status === 'loading') {
    return (
      <div className="splash" role="status">
        <span className="spinner" aria-hidden="true" /> Opening Tasks…
      </div>
    );
  }
  if (state.status === 'signed-out' || !api || !organize || !bulk || !userId) {
    return <AuthScreen bridge={bridge} notice={state.status === 'signed-out' ? state.notice : null} />;
  }
  if (adding?.from === userId) {
    return <AuthScreen bridge={bridge} notice={null} email={adding.email} onCancel={cancelAdding} cancelLabel={`Back to ${state.session.user.name}`} />;
  }
  const user = state.session.user;
  const initialView = memory?.userId === userId ? memory.view : { ...DEFAULT_VIEW, selectedId: null };
  return (
    <TasksContext.Provider value={{ api, organize, bulk, userId }}>
      <TasksScreen
        key={userId}
        initialView={initialView}
        focusQuickAdd={state.fresh === true}
        onViewChange={onViewChange}
        reminders={bridge.reminders}
        header={(controls) => (
          <AppHeader
            user={user}
            accounts={bridge.accounts}
            onChooseAccount={onChooseAccount}
            onAddAccount={() => setAdding({ from: userId, email: null })}
            onSignOut={onSignOut}
            onShortcuts={controls.openShortcuts}
            onPalette={controls.openPalette}
            onSettings={(tab) => setSettingsTab(tab ?? 'api')}
          />
        )}
      />
      {settingsTab ? (
        <SettingsDialog bridge={bridge} http={http} userId={userId} tab={settingsTab} onClose={closeSettings} />
      ) : null}
    </TasksContext.Provider>
  );
}

export function App({ bridge, queryClient }: { bridge: TasksBridge; queryClient: QueryClient }) {
  return (
    <QueryClientProvider client={queryClient}>
      <SessionProvider bridge={bridge}>
        <Screens bridge={bridge} />
      </SessionProvider>
    </QueryClientProvider>
  );
}
